import type { Context } from 'hono';
import type {
  DetentionOrderInput,
  RegisterFInput,
  ReleaseInput,
  SentenceCreateInput,
  TransferInput,
  WbpCreateInput,
  WbpUpdateInput,
} from '../../../shared/schemas/wbp.ts';
import { searchKey } from '../../../domain/text/search-key.ts';
import { registerKey } from '../../../domain/wbp/register-number.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { actorOf } from '../../http/actor.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { refreshSpells, refreshWbpDates } from './dates.ts';
import { findWbp, type WbpRow } from './queries.ts';

const today = (c: Context<AppEnv>) => c.get('services').clock.today();
const scopeOf = (w: WbpRow) => ({ kanwilId: w.kanwil_id, uptId: w.upt_id });

function notInFuture(c: Context<AppEnv>, field: string, date: string | null | undefined) {
  if (date && date > today(c)) throw new AppError(400, 'VALIDATION', { [field]: 'date_in_future' });
}

export async function createWbp(c: Context<AppEnv>, input: WbpCreateInput): Promise<number> {
  notInFuture(c, 'birthDate', input.birthDate);
  notInFuture(c, 'detentionStart', input.detentionStart);
  return c.get('services').db.tx(async (tx) => {
    const upt = await resolveOwnUpt(c, tx, input.uptId);
    if (await tx.one('SELECT 1 FROM wbp WHERE upt_id = $1 AND no_register_key = $2', [upt.id, registerKey(input.noRegister)]))
      throw invalidField('noRegister', 'no_register_taken');
    const row = await tx.one<{ id: number }>(
      `INSERT INTO wbp (upt_id, kanwil_id, no_register, name, name_search, sex, birth_date, religion, religion_raw, status, status_raw,
                        crime_category, crime_raw, special_crimes, detention_start, admitted_on, verdict_document, source)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8,$9,$9,$10,$11,$12,$13,$14,$15,'manual') RETURNING id`,
      [
        upt.id, upt.kanwil_id, input.noRegister, input.name, searchKey(input.name), input.sex, input.birthDate ?? null,
        input.religion, input.status, input.crimeCategory ?? null, input.crimeRaw ?? null, input.specialCrimes,
        input.detentionStart ?? null, input.admittedOn ?? input.detentionStart ?? null, input.verdictDocument,
      ],
    );
    const id = row!.id;
    await refreshWbpDates(tx, id, today(c));
    const after = await findWbp(tx, id);
    await recordAudit(tx, actorOf(c), { entity: 'wbp', entityId: id, action: 'create', after, scope: scopeOf(after!) });
    return id;
  });
}

const UPDATABLE: Record<string, string> = {
  name: 'name',
  sex: 'sex',
  birthDate: 'birth_date',
  status: 'status',
  crimeCategory: 'crime_category',
  crimeRaw: 'crime_raw',
  specialCrimes: 'special_crimes',
  detentionStart: 'detention_start',
  verdictDocument: 'verdict_document',
  flags: 'flags',
  premiAccount: 'premi_account',
};

export async function updateWbp(c: Context<AppEnv>, id: number, input: WbpUpdateInput): Promise<void> {
  notInFuture(c, 'birthDate', input.birthDate);
  notInFuture(c, 'detentionStart', input.detentionStart);
  await c.get('services').db.tx(async (tx) => {
    const before = await findWbp(tx, id);
    if (!before) throw notFound();
    const params: unknown[] = [id, input.version];
    const sets = Object.entries(input)
      .filter(([k, v]) => v !== undefined && UPDATABLE[k])
      .map(([k, v]) => {
        params.push(v);
        return `${UPDATABLE[k]} = $${params.length}`;
      });
    if (input.name) {
      params.push(searchKey(input.name));
      sets.push(`name_search = $${params.length}`);
    }
    const ok = await tx.one(
      `UPDATE wbp SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    if (!ok) throw versionConflict();
    await refreshWbpDates(tx, id, today(c));
    const after = await findWbp(tx, id);
    await recordAudit(tx, actorOf(c), { entity: 'wbp', entityId: id, action: 'update', before, after, scope: scopeOf(after!) });
  });
}

/** Adds a child record (sentence, order, register F entry), bumps the inmate's version, recomputes, audits. */
async function addRecord(
  c: Context<AppEnv>,
  wbpId: number,
  entity: string,
  insert: (tx: Queryable, w: WbpRow) => Promise<Record<string, unknown>>,
): Promise<void> {
  await c.get('services').db.tx(async (tx) => {
    const w = await findWbp(tx, wbpId);
    if (!w) throw notFound();
    if (w.released_on) throw new AppError(409, 'BAD_REQUEST');
    const after = await insert(tx, w);
    await tx.query('UPDATE wbp SET version = version + 1, updated_at = now() WHERE id = $1', [wbpId]);
    await refreshWbpDates(tx, wbpId, today(c));
    await recordAudit(tx, actorOf(c), { entity, entityId: String(after.id), action: 'create', after: { wbp_id: wbpId, ...after }, scope: scopeOf(w) });
  });
}

export function addSentence(c: Context<AppEnv>, wbpId: number, s: SentenceCreateInput): Promise<void> {
  notInFuture(c, 'verdictDate', s.verdictDate);
  return addRecord(c, wbpId, 'wbp_sentence', async (tx, w) => {
    if (s.supersedes !== undefined) {
      const prior = await tx.one('SELECT id FROM wbp_sentence WHERE id = $1 AND wbp_id = $2 AND superseded_by IS NULL', [s.supersedes, w.id]);
      if (!prior) throw invalidField('supersedes', 'invalid');
    }
    const row = await tx.one<Record<string, unknown>>(
      `INSERT INTO wbp_sentence (wbp_id, case_number, court, verdict_date, stage, years, months, days, life, death, fine_rupiah,
         fine_paid, subsidiary_days, restitution_rupiah, final)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING *`,
      [w.id, s.caseNumber ?? null, s.court ?? null, s.verdictDate, s.stage, s.years, s.months, s.days, s.life, s.death,
        s.fineRupiah, s.finePaid, s.subsidiaryDays, s.restitutionRupiah, s.final],
    );
    if (s.supersedes !== undefined) await tx.query('UPDATE wbp_sentence SET superseded_by = $1 WHERE id = $2', [row!.id, s.supersedes]);
    // A final verdict makes a detainee a sentenced inmate.
    if (s.final && w.status === 'tahanan') await tx.query(`UPDATE wbp SET status = 'narapidana' WHERE id = $1`, [w.id]);
    return row!;
  });
}

export function addDetentionOrder(c: Context<AppEnv>, wbpId: number, o: DetentionOrderInput): Promise<void> {
  return addRecord(c, wbpId, 'detention_order', async (tx, w) => {
    if (o.extensionOf !== undefined && !(await tx.one('SELECT 1 FROM detention_order WHERE id = $1 AND wbp_id = $2', [o.extensionOf, w.id])))
      throw invalidField('extensionOf', 'invalid');
    const row = await tx.one<Record<string, unknown>>(
      `INSERT INTO detention_order (wbp_id, stage, authority, order_number, start_date, days, extension_of, art29, regime)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8, CASE WHEN $5::date >= DATE '2026-01-02' THEN 'kuhap-2025' ELSE 'kuhap-1981' END) RETURNING *`,
      [w.id, o.stage, o.authority ?? null, o.orderNumber ?? null, o.startDate, o.days, o.extensionOf ?? null, o.art29],
    );
    if (!w.detention_start) await tx.query('UPDATE wbp SET detention_start = $2 WHERE id = $1', [w.id, o.startDate]);
    return row!;
  });
}

export function addRegisterF(c: Context<AppEnv>, wbpId: number, f: RegisterFInput): Promise<void> {
  notInFuture(c, 'date', f.date);
  if (f.until && f.until < f.date) throw invalidField('until', 'invalid');
  return addRecord(c, wbpId, 'register_f', async (tx, w) =>
    (await tx.one<Record<string, unknown>>(
      'INSERT INTO register_f (wbp_id, date, until, offence, punishment) VALUES ($1,$2,$3,$4,$5) RETURNING *',
      [w.id, f.date, f.until ?? null, f.offence, f.punishment ?? null],
    ))!,
  );
}

export async function releaseWbp(c: Context<AppEnv>, id: number, r: ReleaseInput): Promise<void> {
  notInFuture(c, 'date', r.date);
  await c.get('services').db.tx(async (tx) => {
    const before = await findWbp(tx, id);
    if (!before) throw notFound();
    if (before.released_on) throw invalidField('date', 'already_released');
    const ok = await tx.one(
      `UPDATE wbp SET released_on = $3, release_reason = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING id`,
      [id, r.version, r.date, r.reason],
    );
    if (!ok) throw versionConflict();
    // Released: no longer due for anything (the due lists read only held inmates' dates).
    await tx.query('DELETE FROM wbp_dates WHERE wbp_id = $1', [id]);
    // The days held past the due date up to the release stay in the overstay history.
    await refreshSpells(tx, id);
    const after = await findWbp(tx, id);
    await recordAudit(tx, actorOf(c), { entity: 'wbp', entityId: id, action: 'release', before, after, scope: scopeOf(before) });
  });
}

/** A transfer moves the record to the new UPT; the sending UPT keeps the history row. */
export async function transferWbp(c: Context<AppEnv>, id: number, t: TransferInput): Promise<void> {
  notInFuture(c, 'date', t.date);
  await c.get('services').db.tx(async (tx) => {
    const before = await findWbp(tx, id);
    if (!before) throw notFound();
    const to = await tx.one<{ id: number; kanwil_id: number }>('SELECT id, kanwil_id FROM upt WHERE id = $1', [t.toUptId]);
    if (!to || to.id === before.upt_id) throw invalidField('toUptId', 'upt_unknown');
    if (await tx.one('SELECT 1 FROM wbp WHERE upt_id = $1 AND no_register_key = $2', [to.id, registerKey(before.no_register)]))
      throw invalidField('toUptId', 'no_register_taken');
    const ok = await tx.one(
      `UPDATE wbp SET upt_id = $3, kanwil_id = $4, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
      [id, t.version, to.id, to.kanwil_id],
    );
    if (!ok) throw versionConflict();
    await tx.query('INSERT INTO wbp_transfer (wbp_id, from_upt_id, to_upt_id, date, reason) VALUES ($1,$2,$3,$4,$5)', [
      id, before.upt_id, to.id, t.date, t.reason ?? null,
    ]);
    await refreshWbpDates(tx, id, today(c));
    const after = await findWbp(tx, id);
    // Recorded under both UPTs' scopes so each side's auditors see it.
    await recordAudit(tx, actorOf(c), { entity: 'wbp', entityId: id, action: 'transfer_out', before, after, scope: scopeOf(before) });
    await recordAudit(tx, actorOf(c), { entity: 'wbp', entityId: id, action: 'transfer_in', before, after, scope: scopeOf(after!) });
  });
}
