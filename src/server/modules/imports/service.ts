import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { readTable, TableError, type Table } from '../../../domain/import/table.ts';
import { suggestMapping, validateMapping, TARGET_FIELDS, type SdpMapping } from '../../../domain/import/sdp-mapping.ts';
import { parseSdpRows, type SdpInmateRow, type SdpParseResult } from '../../../domain/import/sdp-rows.ts';
import { searchKey } from '../../../domain/text/search-key.ts';
import { registerKey } from '../../../domain/wbp/register-number.ts';
import { covers } from '../../../shared/access/scope.ts';
import type { ImportApplyInput, ImportBatch, ImportPreview } from '../../../shared/schemas/imports.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, outOfScope } from '../../http/errors.ts';
import { computeCase, refreshWbpDates, loadHolidays } from '../wbp/dates.ts';
import type { WbpRow } from '../wbp/queries.ts';
import type { Holiday } from '../../../domain/sentence/index.ts';
import { rowContradictions } from '../../../domain/import/contradictions.ts';
import { failpoint } from '../../failpoint.ts';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

interface UploadRow {
  id: number;
  upt_id: number;
  kanwil_id: number;
  file_name: string;
  sha256: string;
  content: Buffer;
  [key: string]: unknown;
}

async function readUploaded(bytes: Uint8Array, name: string): Promise<Table> {
  try {
    return await readTable(bytes, name);
  } catch (err) {
    if (err instanceof TableError) throw new AppError(400, 'VALIDATION', { file: 'file_unreadable' });
    throw err;
  }
}

const lang = (c: Context<AppEnv>) => c.get('lang');

function normaliseMapping(raw: Record<string, number | null>, headers: string[]): SdpMapping {
  const m = suggestMapping(headers);
  for (const f of TARGET_FIELDS) m[f] = raw[f] ?? null;
  return m;
}

/** What each accepted row would do: create, change, or nothing (same source hash as stored). */
async function classify(db: Queryable, uptId: number, parsed: SdpParseResult) {
  const accepted = parsed.rows.filter((r) => r.ok).map((r) => ({ row: r, key: registerKey(r.value.noRegister) }));
  const existing = new Map(
    (
      await db.query<{ no_register_key: string; id: number; source_hash: string | null }>(
        'SELECT no_register_key, id, source_hash FROM wbp WHERE upt_id = $1 AND no_register_key = ANY($2::text[])',
        [uptId, accepted.map((a) => a.key)],
      )
    ).map((r) => [r.no_register_key, r]),
  );
  const outcome = accepted.map(({ row, key }) => {
    const e = existing.get(key);
    return { row, existing: e, kind: !e ? 'new' : e.source_hash === row.rawHash ? 'unchanged' : 'changed' } as const;
  });
  return outcome;
}

/** The engine's expiry for a row as the file states it (the verdict alone; grants already held are not counted). */
function engineExpiry(v: SdpInmateRow, today: string, holidays: Holiday[]): string | null {
  if (!v.sentence || !v.verdictDate) return null;
  const w = { religion: v.religion, detention_start: v.detentionStart, birth_date: v.birthDate, special_crimes: v.crimeCategories } as unknown as WbpRow;
  const s = v.sentence;
  const records = {
    sentences: [{ years: s.years, months: s.months, days: s.days, life: s.life, death: s.death, verdict_date: v.verdictDate, final: true, superseded_by: null, fine_rupiah: v.fineRupiah ?? 0, fine_paid: false, subsidiary_days: v.subsidiaryDays ?? 0 }],
    detentionOrders: [], registerF: [], remissions: [], transfers: [],
  };
  return computeCase(w, records, today, holidays).result?.expiry ?? null;
}

/** Warnings of the accepted rows: the parser's, and contradictions with the receiving unit and today. */
async function rowWarnings(db: Queryable, uptId: number, parsed: SdpParseResult, today: string, c: Context<AppEnv>) {
  const unit = (await db.one<{ type: string; modifiers: string[] }>('SELECT type, modifiers FROM upt WHERE id = $1', [uptId]))!;
  const holidays = await loadHolidays(db);
  return parsed.rows.flatMap((r) =>
    r.ok
      ? [...r.warnings, ...rowContradictions(r.value, unit, today, engineExpiry(r.value, today, holidays))].map((w) => ({ line: r.line, noRegister: r.value.noRegister, field: w.field, message: w.message[lang(c)] }))
      : [],
  );
}

function rejectedList(parsed: SdpParseResult, c: Context<AppEnv>) {
  return parsed.rows
    .filter((r) => !r.ok)
    .map((r) => ({ line: r.line, noRegister: r.ok ? null : r.noRegister, errors: r.ok ? [] : r.errors.map((e) => ({ field: e.field, message: e.message[lang(c)] })) }));
}

export async function previewUpload(c: Context<AppEnv>, file: File, uptIdInput: number | undefined, mappingInput?: Record<string, number | null>): Promise<ImportPreview> {
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError(413, 'VALIDATION', { file: 'file_too_large' });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const table = await readUploaded(bytes, file.name);
  const { db, clock } = c.get('services');
  const upt = await resolveOwnUpt(c, db, uptIdInput);
  const mapping = mappingInput ? normaliseMapping(mappingInput, table.headers) : suggestMapping(table.headers);
  const problems = validateMapping(mapping, table.headers);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const up = await db.tx(async (tx) => {
    await tx.query(`DELETE FROM upload WHERE created_at < now() - interval '1 day'`);
    return tx.one<{ id: number }>(
      `INSERT INTO upload (upt_id, kind, file_name, sha256, size_bytes, content, created_by) VALUES ($1, 'sdp_wbp', $2, $3, $4, $5, $6) RETURNING id`,
      [upt.id, file.name.slice(0, 200), sha, bytes.length, Buffer.from(bytes), currentUser(c).id],
    );
  });
  const parsed = problems.length ? null : parseSdpRows(table, mapping, { today: clock.today() });
  const outcome = parsed ? await classify(db, upt.id, parsed) : [];
  const warnings = parsed ? await rowWarnings(db, upt.id, parsed, clock.today(), c) : [];
  return {
    uploadId: up!.id,
    fileName: file.name,
    encoding: table.encoding,
    delimiter: table.delimiter ?? null,
    headers: table.headers,
    mapping,
    mappingProblems: problems.map((p) => p[lang(c)]),
    summary: {
      total: parsed?.summary.total ?? table.rows.length,
      accepted: parsed?.summary.accepted ?? 0,
      rejected: parsed?.summary.rejected ?? 0,
      skipped: parsed?.summary.skipped ?? 0,
      new: outcome.filter((o) => o.kind === 'new').length,
      changed: outcome.filter((o) => o.kind === 'changed').length,
      unchanged: outcome.filter((o) => o.kind === 'unchanged').length,
    },
    sample: outcome.slice(0, 20).map((o) => ({ line: o.row.line, outcome: o.kind, ...(o.row.ok ? o.row.value : {}) })),
    rejected: parsed ? rejectedList(parsed, c) : [],
    warnings,
  };
}

async function insertOrUpdate(tx: Queryable, upt: { id: number; kanwil_id: number }, v: SdpInmateRow, hash: string, batchId: number, existingId: number | undefined): Promise<number> {
  const status = v.status ?? (v.sentence ? 'narapidana' : 'tahanan');
  const cols = [v.name, searchKey(v.name), v.sex, v.birthDate, v.religion, v.religionRaw, status, v.statusRaw, v.crimeCategory, v.crimeRaw,
    v.crimeCategories.filter((x) => ['narkotika', 'korupsi', 'terorisme'].includes(x)), v.detentionStart, hash, batchId];
  if (existingId) {
    // The same register number (by key); SDP's current spelling replaces the stored one.
    await tx.query(
      `UPDATE wbp SET no_register = $16, name = $2, name_search = $3, sex = $4, birth_date = $5, religion = COALESCE(religion, $6), religion_raw = COALESCE(religion_raw, $7),
         status = $8, status_raw = $9, crime_category = $10, crime_raw = $11, special_crimes = $12, detention_start = COALESCE($13, detention_start),
         source_hash = $14, import_batch_id = $15, version = version + 1, updated_at = now() WHERE id = $1`,
      [existingId, ...cols, v.noRegister],
    );
    return existingId;
  }
  const row = await tx.one<{ id: number }>(
    `INSERT INTO wbp (upt_id, kanwil_id, no_register, name, name_search, sex, birth_date, religion, religion_raw, status, status_raw,
       crime_category, crime_raw, special_crimes, detention_start, admitted_on, source_hash, import_batch_id, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, 'sdp_import') RETURNING id`,
    [upt.id, upt.kanwil_id, v.noRegister, ...cols],
  );
  return row!.id;
}

/** Adds the file's verdict unless the same one is already the current verdict (re-import changes nothing). */
async function syncSentence(tx: Queryable, wbpId: number, v: SdpInmateRow): Promise<void> {
  if (!v.sentence || !v.verdictDate) return;
  const s = v.sentence;
  const current = await tx.one<{ id: number; verdict_date: string; years: number; months: number; days: number; life: boolean; death: boolean }>(
    'SELECT id, verdict_date, years, months, days, life, death FROM wbp_sentence WHERE wbp_id = $1 AND superseded_by IS NULL ORDER BY verdict_date DESC, id DESC LIMIT 1',
    [wbpId],
  );
  if (current && current.verdict_date === v.verdictDate && current.years === s.years && current.months === s.months && current.days === s.days && current.life === s.life && current.death === s.death) return;
  const row = await tx.one<{ id: number }>(
    `INSERT INTO wbp_sentence (wbp_id, verdict_date, years, months, days, life, death, fine_rupiah, subsidiary_days)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [wbpId, v.verdictDate, s.years, s.months, s.days, s.life, s.death, v.fineRupiah ?? 0, v.subsidiaryDays ?? 0],
  );
  if (current) await tx.query('UPDATE wbp_sentence SET superseded_by = $1 WHERE id = $2', [row!.id, current.id]);
}

/**
 * Applies the file in one transaction: every accepted row lands or none does. Rows already
 * imported unchanged (same source hash) are left alone, so importing the same file twice changes
 * nothing. Rejected rows block the import unless the officer chose to skip them.
 */
export async function applyUpload(c: Context<AppEnv>, uploadId: number, input: ImportApplyInput): Promise<ImportBatch> {
  const { db, clock } = c.get('services');
  const user = currentUser(c);
  const up = await db.one<UploadRow>('SELECT up.*, u.kanwil_id FROM upload up JOIN upt u ON u.id = up.upt_id WHERE up.id = $1', [uploadId]);
  if (!up) throw notFound();
  if (!covers(user.scope, { kanwilId: up.kanwil_id, uptId: up.upt_id })) throw outOfScope();
  const table = await readUploaded(new Uint8Array(up.content), up.file_name);
  const mapping = normaliseMapping(input.mapping, table.headers);
  if (validateMapping(mapping, table.headers).length) throw invalidField('mapping', 'mapping_incomplete');
  const today = clock.today();
  const parsed = parseSdpRows(table, mapping, { today });
  if (parsed.summary.rejected > 0 && !input.skipRejected) throw new AppError(422, 'VALIDATION', { file: 'rows_rejected' });
  const upt = { id: up.upt_id, kanwil_id: up.kanwil_id };
  return db.tx(async (tx) => {
    const outcome = await classify(tx, upt.id, parsed);
    // The warnings the officer confirmed by applying stay in the batch's row report.
    const warned = new Map<number, string[]>();
    for (const w of await rowWarnings(tx, upt.id, parsed, today, c)) warned.set(w.line, [...(warned.get(w.line) ?? []), `${w.field}: ${w.message}`]);
    const report = [
      ...outcome.map((o) => ({ line: o.row.line, noRegister: o.row.ok ? o.row.value.noRegister : null, outcome: o.kind, errors: [] as string[], warnings: warned.get(o.row.line) ?? [] })),
      ...rejectedList(parsed, c).map((r) => ({ line: r.line, noRegister: r.noRegister, outcome: 'rejected', errors: r.errors.map((e) => `${e.field}: ${e.message}`) })),
    ].sort((a, b) => a.line - b.line);
    const batch = await tx.one<{ id: number; created_at: Date }>(
      `INSERT INTO import_batch (upt_id, kind, file_name, file_sha256, upload_sha256, mapping, status, rows_total, rows_created, rows_updated, rows_unchanged, rows_rejected, report, created_by)
       VALUES ($1, 'sdp_wbp', $2, $3, $3, $4::jsonb, 'applied', $5, $6, $7, $8, $9, $10::jsonb, $11) RETURNING id, created_at`,
      [upt.id, up.file_name, up.sha256, JSON.stringify(mapping), parsed.summary.total, outcome.filter((o) => o.kind === 'new').length,
        outcome.filter((o) => o.kind === 'changed').length, outcome.filter((o) => o.kind === 'unchanged').length, parsed.summary.rejected,
        JSON.stringify(report), user.id],
    );
    const holidays = await loadHolidays(tx);
    const mismatches: ImportBatch['expiryMismatches'] = [];
    for (const o of outcome) {
      if (o.kind === 'unchanged' || !o.row.ok) continue;
      const v = o.row.value;
      const id = await insertOrUpdate(tx, upt, v, o.row.rawHash, batch!.id, o.existing?.id);
      await syncSentence(tx, id, v);
      const computed = await refreshWbpDates(tx, id, today, holidays);
      // Compare mode: SDP's stated expiry against the engine's, for officers to check.
      const ours = computed.result?.expiry ?? null;
      if (v.expiryDate && v.expiryDate !== ours) mismatches.push({ line: o.row.line, noRegister: v.noRegister, sdp: v.expiryDate, giatja: ours });
    }
    await failpoint('sdp-import.rows-written');
    await tx.query('DELETE FROM upload WHERE id = $1', [uploadId]);
    const summary = { fileName: up.file_name, sha256: up.sha256, total: parsed.summary.total, created: outcome.filter((o) => o.kind === 'new').length, updated: outcome.filter((o) => o.kind === 'changed').length, rejected: parsed.summary.rejected };
    await recordAudit(tx, actorOf(c), { entity: 'import_batch', entityId: batch!.id, action: 'apply', after: summary, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
    return {
      id: batch!.id,
      uptId: upt.id,
      fileName: up.file_name,
      status: 'applied',
      rowsTotal: parsed.summary.total,
      rowsCreated: summary.created,
      rowsUpdated: summary.updated,
      rowsUnchanged: outcome.filter((o) => o.kind === 'unchanged').length,
      rowsRejected: parsed.summary.rejected,
      expiryMismatches: mismatches,
      createdAt: new Date(batch!.created_at).toISOString(),
    };
  });
}
