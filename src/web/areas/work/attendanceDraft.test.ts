import { describe, expect, it } from 'vitest';
import { AttendanceInput } from '../../../shared/schemas/work.ts';
import { clearDraft, countSheet, draftKey, loadDraft, marksFromSheet, saveDraft, searchKey, startDraft, toPayload, withMark, type SheetRow } from './attendanceDraft.ts';

/** A Storage in memory, like the browser's. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const rows: SheetRow[] = [
  { wbpId: 1, noRegister: 'B.I-1/2024', name: 'Agus Hidayat', reason: null, paid: null },
  { wbpId: 2, noRegister: 'B.I-2/2024', name: 'Budi Santoso', reason: null, paid: null },
  { wbpId: 3, noRegister: 'B.I-3/2024', name: 'Cahya Purnama', reason: null, paid: null },
];
const reasons = [
  { code: 'hadir', pay: true, label: { id: 'Hadir', en: 'Present' } },
  { code: 'sakit', pay: true, label: { id: 'Sakit', en: 'Sick' } },
  { code: 'izin', pay: false, label: { id: 'Izin', en: 'Leave' } },
];

describe('attendance draft', () => {
  it('starts with everyone present and sends only the exceptions, with one client key', () => {
    let d = startDraft({}, null);
    d = withMark(d, 2, { reason: 'izin' });
    d = withMark(d, 3, { reason: 'sakit' });
    d = withMark(d, 3, { reason: 'hadir' });
    const body = toPayload(d, '2026-11-25', 'pagi', rows);
    expect(body).toEqual({ date: '2026-11-25', session: 'pagi', clientKey: d.clientKey, exceptions: [{ wbpId: 2, reason: 'izin' }] });
    expect(AttendanceInput.safeParse(body).success).toBe(true);
    expect(countSheet(rows, d.marks, reasons)).toEqual({ total: 3, present: 2, exceptions: 1, paid: 2, unpaid: 1 });
  });

  it('sends the loaded version when correcting a saved sheet, and pieces for present inmates', () => {
    const saved: SheetRow[] = rows.map((r) => ({ ...r, reason: r.wbpId === 1 ? 'sakit' : 'hadir', paid: true }));
    let d = startDraft(marksFromSheet(saved), 4);
    expect(d.marks).toEqual({ 1: { reason: 'sakit' } });
    d = withMark(d, 2, { reason: 'hadir', pieces: 12 });
    const body = toPayload(d, '2026-11-25', 'siang', saved);
    expect(body.version).toBe(4);
    expect(body.exceptions).toEqual([
      { wbpId: 1, reason: 'sakit' },
      { wbpId: 2, reason: 'hadir', pieces: 12 },
    ]);
  });

  it('survives a reload: stored with its client key until cleared, per user, activity, date and session', () => {
    const storage = memoryStorage();
    const key = draftKey(7, 12, '2026-11-25', 'pagi');
    expect(key).not.toBe(draftKey(8, 12, '2026-11-25', 'pagi'));
    const d = { ...withMark(startDraft({}, null), 1, { reason: 'izin' }), unsent: true };
    expect(saveDraft(storage, key, d)).toBe(true);
    const back = loadDraft(storage, key);
    expect(back).toEqual(d);
    expect(back!.clientKey).toMatch(/^[0-9a-f-]{36}$/);
    clearDraft(storage, key);
    expect(loadDraft(storage, key)).toBeNull();
  });

  it('ignores damaged drafts and works without storage', () => {
    const storage = memoryStorage();
    storage.setItem('x', '{not json');
    expect(loadDraft(storage, 'x')).toBeNull();
    storage.setItem('y', JSON.stringify({ clientKey: 'short', version: null, marks: {} }));
    expect(loadDraft(storage, 'y')).toBeNull();
    expect(loadDraft(null, 'x')).toBeNull();
    expect(saveDraft(null, 'x', startDraft({}, null))).toBe(false);
  });

  it('drops marks of inmates no longer on the sheet and finds names without accents', () => {
    const d = withMark(startDraft({}, null), 99, { reason: 'izin' });
    expect(toPayload(d, '2026-11-25', 'pagi', rows).exceptions).toEqual([]);
    expect(searchKey('Águs HIDAYAT')).toBe('agus hidayat');
  });
});
