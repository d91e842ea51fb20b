/**
 * The attendance sheet being edited, kept in the browser until the server confirms it. A workshop
 * officer on a phone may lose the connection or reload mid-save: the marks and the client key
 * survive, and sending again is safe because the server ignores a client key it has already
 * saved. One draft per user, activity, date and session.
 */

export interface Mark {
  /** Attendance reason code ('hadir' only when pieces are recorded for a present inmate). */
  reason: string;
  pieces?: number;
}

export interface AttendanceDraft {
  /** Generated once per edit of the sheet (crypto.randomUUID), reused for every resend. */
  clientKey: string;
  /** The sheet's version when the officer began (null: the sheet did not exist yet). */
  version: number | null;
  /** Everyone is present except these (wbpId → mark). */
  marks: Record<string, Mark>;
  /** A save was sent and no answer came back: show "not saved — send again". */
  unsent: boolean;
  updatedAt: string;
}

export interface SheetRow {
  wbpId: number;
  noRegister: string;
  name: string;
  reason: string | null;
  paid: boolean | null;
}

export interface Reason {
  code: string;
  pay: boolean;
  label: { id: string; en: string };
}

const PREFIX = 'giatja.absensi.v1';

export const draftKey = (userId: number, activityId: number, date: string, session: string) => `${PREFIX}.${userId}.${activityId}.${date}.${session}`;

/** localStorage, or nothing when the browser refuses it (private mode, full quota). */
export function browserStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

function isMark(v: unknown): v is Mark {
  if (!v || typeof v !== 'object') return false;
  const m = v as Record<string, unknown>;
  return typeof m.reason === 'string' && (m.pieces === undefined || (typeof m.pieces === 'number' && Number.isInteger(m.pieces) && m.pieces >= 0));
}

export function loadDraft(storage: Storage | null, key: string): AttendanceDraft | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<AttendanceDraft>;
    if (typeof d.clientKey !== 'string' || d.clientKey.length < 8) return null;
    if (!(d.version === null || (typeof d.version === 'number' && d.version > 0))) return null;
    if (!d.marks || typeof d.marks !== 'object' || !Object.values(d.marks).every(isMark)) return null;
    return { clientKey: d.clientKey, version: d.version, marks: d.marks, unsent: d.unsent === true, updatedAt: String(d.updatedAt ?? '') };
  } catch {
    return null;
  }
}

/** Stores the draft; false when the browser would not keep it (the page warns). */
export function saveDraft(storage: Storage | null, key: string, draft: AttendanceDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to do: the draft simply stays
  }
}

/** A fresh client key: one per edit of a sheet. */
export function newClientKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The marks a saved sheet holds: everyone not present. */
export function marksFromSheet(rows: readonly SheetRow[]): Record<string, Mark> {
  const out: Record<string, Mark> = {};
  for (const r of rows) if (r.reason && r.reason !== 'hadir') out[String(r.wbpId)] = { reason: r.reason };
  return out;
}

/** Starts editing: the marks on screen, a new client key and the version they came from. */
export function startDraft(marks: Record<string, Mark>, version: number | null, now = new Date()): AttendanceDraft {
  return { clientKey: newClientKey(), version, marks: { ...marks }, unsent: false, updatedAt: now.toISOString() };
}

/** Sets one inmate's mark; 'hadir' without pieces removes the exception. */
export function withMark(draft: AttendanceDraft, wbpId: number, mark: Mark, now = new Date()): AttendanceDraft {
  const marks = { ...draft.marks };
  if (mark.reason === 'hadir' && !mark.pieces) delete marks[String(wbpId)];
  else marks[String(wbpId)] = mark.pieces ? mark : { reason: mark.reason };
  return { ...draft, marks, updatedAt: now.toISOString() };
}

/** The PUT body: only the exceptions (and present inmates with pieces). */
export function toPayload(draft: AttendanceDraft, date: string, session: string, allocated: readonly SheetRow[]) {
  const known = new Set(allocated.map((r) => String(r.wbpId)));
  const exceptions = Object.entries(draft.marks)
    .filter(([id]) => known.has(id))
    .map(([id, m]) => ({ wbpId: Number(id), reason: m.reason, ...(m.pieces ? { pieces: m.pieces } : {}) }));
  return { date, session, clientKey: draft.clientKey, ...(draft.version ? { version: draft.version } : {}), exceptions };
}

export interface SheetCounts {
  total: number;
  present: number;
  exceptions: number;
  paid: number;
  unpaid: number;
}

/** What the save bar shows: everyone, present, exceptions, and how many are paid. */
export function countSheet(rows: readonly SheetRow[], marks: Record<string, Mark>, reasons: readonly Reason[]): SheetCounts {
  const pay = new Map(reasons.map((r) => [r.code, r.pay]));
  let present = 0;
  let paid = 0;
  for (const r of rows) {
    const reason = marks[String(r.wbpId)]?.reason ?? 'hadir';
    if (reason === 'hadir') present++;
    if (pay.get(reason) ?? false) paid++;
  }
  return { total: rows.length, present, exceptions: rows.length - present, paid, unpaid: rows.length - paid };
}

/** Case and accent-insensitive text for the name search ("Agus" finds "Águs"). */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
