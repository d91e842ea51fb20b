import type { Holiday } from '../../../domain/sentence/index.ts';
import { overstaySpells, type DueDate, type Spell } from '../../../domain/wbp/overstay-spells.ts';
import type { Queryable } from '../../db/pool.ts';
import { computeCase } from './case-run.ts';
import type { CaseRecords, WbpRow } from './queries.ts';

const day = (v: unknown): string => String(v).slice(0, 10);

/** The records as they stood on a day: only those dated on or before it. */
function recordsOn(r: CaseRecords, asOf: string): CaseRecords {
  return {
    sentences: r.sentences.filter((s) => day(s.verdict_date) <= asOf),
    detentionOrders: r.detentionOrders.filter((o) => day(o.start_date) <= asOf),
    registerF: r.registerF.filter((f) => day(f.date) <= asOf),
    remissions: r.remissions.filter((g) => day(g.occasion_date) <= asOf),
    transfers: r.transfers,
  };
}

/**
 * An inmate's overstay spells from the stored records: the engine is asked, once per day on which a
 * record takes effect, for the due date the records of that day gave — the same due date the
 * overstay list reads from `wbp_dates` (a detainee's order end, else the expiry).
 */
export function spellsOf(w: WbpRow, records: CaseRecords, holidays: Holiday[]): Spell[] {
  const eventDates = [
    ...records.sentences.map((s) => day(s.verdict_date)),
    ...records.detentionOrders.map((o) => day(o.start_date)),
    ...records.registerF.map((f) => day(f.date)),
    ...records.remissions.map((g) => day(g.occasion_date)),
  ].sort();
  const dueAsOf = (asOf: string): DueDate | null => {
    const { result: r } = computeCase(w, recordsOn(records, asOf), asOf, holidays);
    if (!r) return null;
    if (r.status === 'tahanan') return r.detention.endDate ? { kind: 'detention', date: r.detention.endDate } : null;
    return r.expiry ? { kind: 'expiry', date: r.expiry } : null;
  };
  return overstaySpells({
    // Held from admission (or the start of detention); without either, from the first record.
    heldFrom: w.admitted_on ?? w.detention_start ?? eventDates[0] ?? null,
    releasedOn: w.released_on,
    currentUptId: Number(w.upt_id),
    transfers: records.transfers.map((t) => ({ date: day(t.date), fromUptId: Number(t.from_upt_id), toUptId: Number(t.to_upt_id) })),
    eventDates,
    dueAsOf,
  });
}

/** Replaces the stored spells of these inmates (one statement each way, whatever their number). */
export async function replaceSpells(q: Queryable, wbpIds: number[], spells: Map<number, Spell[]>): Promise<void> {
  if (wbpIds.length === 0) return;
  await q.query('DELETE FROM wbp_overstay_spell WHERE wbp_id = ANY($1::bigint[])', [wbpIds]);
  const rows = [...spells].flatMap(([wbpId, list]) => list.map((s) => ({ wbpId, ...s })));
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO wbp_overstay_spell (wbp_id, upt_id, kanwil_id, kind, due_date, from_date, to_date)
     SELECT x.w, x.u, u.kanwil_id, x.k, x.d::date, x.f::date, x.t::date
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(w, u, k, d, f, t)
       JOIN upt u ON u.id = x.u`,
    [rows.map((r) => r.wbpId), rows.map((r) => r.uptId), rows.map((r) => r.kind), rows.map((r) => r.dueDate), rows.map((r) => r.from), rows.map((r) => r.to)],
  );
}
