import type { z } from 'zod';
import { addDays, addMonths, isAfter } from '../../../domain/calendar/date.ts';
import { computeSplit, ruleInForce, sharePremi, type ProceedsRule as DomainRule } from '../../../domain/sales/proceeds.ts';
import type { SplitPreview } from '../../../shared/schemas/sales.ts';
import { recordAudit, type AuditActor } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { invalidField } from '../../http/errors.ts';
import { keyConflict } from '../production/queries.ts';
import { bumpSalesRollup } from './rollup.ts';

export interface RuleRow { id: number; upt_id: number; activity_id: number | null; activity_name: string | null; valid_from: string; base: 'revenue' | 'profit'; premi_bp: number; pnbp_bp: number; working_capital_bp: number; programme_bp: number; premi_weight: 'attendance' | 'output'; legal_basis: string; created_at: Date; [k: string]: unknown }
export const RULE_SELECT = 'SELECT r.*, a.name AS activity_name FROM proceeds_rule r LEFT JOIN work_activity a ON a.id = r.activity_id';
export const toDomainRule = (r: RuleRow): DomainRule => ({
  id: String(r.id), activityId: r.activity_id === null ? null : String(r.activity_id), validFrom: r.valid_from, base: r.base, premiWeight: r.premi_weight,
  shares: { premi: r.premi_bp, pnbp: r.pnbp_bp, working_capital: r.working_capital_bp, programme: r.programme_bp },
});

type Group = z.infer<typeof SplitPreview>['groups'][number] & { lineIds: number[] };

/** Who worked for a group's proceeds in the month, with their weight (attendance days or output hours). */
async function workersOf(q: Queryable, uptId: number, from: string, to: string, weight: 'attendance' | 'output', activityIds: number[], productIds: number[]) {
  if (weight === 'output') {
    return q.query<{ wbp_id: number; no_register: string; name: string; weight: number }>(
      `SELECT x.wbp_id, w.no_register, w.name, sum(x.hours)::int AS weight FROM production_batch b JOIN production_batch_worker x ON x.batch_id = b.id JOIN wbp w ON w.id = x.wbp_id
       WHERE b.upt_id = $1 AND b.date BETWEEN $2 AND $3 AND b.product_id = ANY($4::int[]) GROUP BY x.wbp_id, w.no_register, w.name ORDER BY x.wbp_id`,
      [uptId, from, to, productIds],
    );
  }
  // No activity named on the products: everyone paid for work in the UPT that month shares.
  const byActivity = activityIds.length > 0;
  return q.query<{ wbp_id: number; no_register: string; name: string; weight: number }>(
    `SELECT a.wbp_id, w.no_register, w.name, count(*)::int AS weight FROM attendance a JOIN wbp w ON w.id = a.wbp_id
     WHERE a.upt_id = $1 AND a.date BETWEEN $2 AND $3 AND a.paid ${byActivity ? 'AND a.activity_id = ANY($4::int[])' : ''}
     GROUP BY a.wbp_id, w.no_register, w.name ORDER BY a.wbp_id`,
    byActivity ? [uptId, from, to, activityIds] : [uptId, from, to],
  );
}

/** Everything a month's split would post, computed from the unshared paid sales (locked when `lock`). */
export async function planSplit(q: Queryable, uptId: number, month: string, lock: boolean): Promise<{ groups: Group[]; unruled: number }> {
  const from = `${month}-01`;
  const to = addDays(addMonths(from, 1), -1);
  const rules = await q.query<RuleRow>(`${RULE_SELECT} WHERE r.upt_id = $1`, [uptId]);
  const domainRules = rules.map(toDomainRule);
  const lines = await q.query<{ id: number; activity_id: number | null; product_id: number; amount_rupiah: number; cost_rupiah: number | null }>(
    `SELECT sl.id, sl.activity_id, sl.product_id, sl.amount_rupiah, sl.cost_rupiah FROM sale_line sl JOIN sale s ON s.id = sl.sale_id
     WHERE s.upt_id = $1 AND s.status = 'paid' AND s.paid_on BETWEEN $2 AND $3 AND sl.split_id IS NULL ORDER BY sl.id${lock ? ' FOR UPDATE OF sl' : ''}`,
    [uptId, from, to],
  );
  const byRule = new Map<string, typeof lines>();
  let unruled = 0;
  for (const l of lines) {
    const rule = ruleInForce(domainRules, from, l.activity_id === null ? null : String(l.activity_id));
    if (!rule) { unruled += 1; continue; }
    byRule.set(rule.id, [...(byRule.get(rule.id) ?? []), l]);
  }
  const groups: Group[] = [];
  for (const [ruleId, ls] of byRule) {
    const row = rules.find((r) => String(r.id) === ruleId)!;
    const result = computeSplit(toDomainRule(row), ls.reduce((t, l) => t + Number(l.amount_rupiah), 0), ls.reduce((t, l) => t + Number(l.cost_rupiah ?? 0), 0));
    const activityIds = row.activity_id !== null ? [row.activity_id] : [...new Set(ls.map((l) => l.activity_id).filter((a): a is number => a !== null))];
    const ws = await workersOf(q, uptId, from, to, row.premi_weight, activityIds, [...new Set(ls.map((l) => l.product_id))]);
    const shares = new Map(sharePremi(result.parts.premi, ws.map((w) => ({ wbpId: String(w.wbp_id), weight: w.weight }))).map((s) => [s.wbpId, s.amountRupiah]));
    groups.push({
      ruleId: row.id, activityId: row.activity_id, activityName: row.activity_name, base: row.base, revenueRupiah: result.revenueRupiah, costRupiah: result.costRupiah,
      baseRupiah: result.baseRupiah, premiRupiah: result.parts.premi, pnbpRupiah: result.parts.pnbp, workingCapitalRupiah: result.parts.working_capital,
      programmeRupiah: result.parts.programme, loss: result.loss, lines: ls.length, lineIds: ls.map((l) => Number(l.id)),
      workers: ws.map((w) => ({ wbpId: Number(w.wbp_id), noRegister: w.no_register, name: w.name, weight: w.weight, amountRupiah: shares.get(String(w.wbp_id)) ?? 0 })),
    });
  }
  return { groups, unruled };
}


/**
 * Applies a month's split for a UPT inside the caller's transaction: one split per rule in force,
 * the sale lines marked, premi shares posted to the workers' ledgers, PNBP due and premi shared
 * added to the rollup, each split audited. A retry with the same key answers the splits already
 * written. Refuses (changing nothing) a month with nothing to share or no worker for a premi part.
 */
export async function applySplit(
  tx: Queryable,
  actor: AuditActor,
  o: { upt: { id: number; kanwil_id: number }; month: string; idempotencyKey: string; today: string },
): Promise<{ ids: number[]; created: boolean }> {
  const { upt } = o;
  // One split at a time per UPT: two officers applying the same month cannot share a sale twice.
  await tx.query('SELECT pg_advisory_xact_lock(7245102, $1)', [upt.id]);
  // The first split of an application carries the bare key, the others `key#1`, `key#2`… (one per
  // rule), all written in one transaction: equality lookups on the unique index find them.
  const keys = [o.idempotencyKey, ...Array.from({ length: 49 }, (_, i) => `${o.idempotencyKey}#${i + 1}`)];
  const prior = (await tx.one('SELECT 1 FROM proceeds_split WHERE idempotency_key = $1', [o.idempotencyKey]))
    ? await tx.query<{ id: number; upt_id: number }>('SELECT id, upt_id FROM proceeds_split WHERE idempotency_key = ANY($1::text[]) ORDER BY id', [keys])
    : [];
  if (prior.length > 0) {
    if (prior.some((p) => p.upt_id !== upt.id)) throw keyConflict();
    return { ids: prior.map((p) => Number(p.id)), created: false };
  }
  const plan = await planSplit(tx, upt.id, o.month, true);
  if (plan.groups.length === 0) throw invalidField('month', plan.unruled > 0 ? 'no_rule' : 'nothing_to_split');
  if (plan.groups.some((g) => g.premiRupiah > 0 && g.workers.every((w) => w.amountRupiah === 0))) throw invalidField('month', 'no_workers');
  const monthEnd = addDays(addMonths(`${o.month}-01`, 1), -1);
  const postOn = isAfter(monthEnd, o.today) ? o.today : monthEnd;
  const ids: number[] = [];
  for (const [i, g] of plan.groups.entries()) {
    const paid = g.workers.filter((w) => w.amountRupiah > 0);
    const row = await tx.one<{ id: number }>(
      `INSERT INTO proceeds_split (upt_id, kanwil_id, month, activity_id, rule_id, revenue_rupiah, cost_rupiah, base_rupiah, premi_rupiah, pnbp_rupiah, working_capital_rupiah,
         programme_rupiah, workers, idempotency_key, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id`,
      [upt.id, upt.kanwil_id, `${o.month}-01`, g.activityId, g.ruleId, g.revenueRupiah, g.costRupiah, g.baseRupiah, g.premiRupiah, g.pnbpRupiah, g.workingCapitalRupiah,
        g.programmeRupiah, paid.length, i === 0 ? o.idempotencyKey : `${o.idempotencyKey}#${i}`, actor.id],
    );
    const id = Number(row!.id);
    ids.push(id);
    await tx.query('UPDATE sale_line SET split_id = $1 WHERE id = ANY($2::bigint[])', [id, g.lineIds]);
    await tx.query(
      `INSERT INTO premi_entry (wbp_id, upt_id, kanwil_id, date, kind, amount_rupiah, source, reference, created_by)
       SELECT w, $1, $2, $3, 'proceeds_share', a, $4, $5, $6 FROM unnest($7::bigint[], $8::bigint[]) AS t(w, a)`,
      [upt.id, upt.kanwil_id, postOn, `split:${id}`, `Bagi hasil penjualan ${o.month}`, actor.id, paid.map((w) => w.wbpId), paid.map((w) => w.amountRupiah)],
    );
    await bumpSalesRollup(tx, { uptId: upt.id, kanwilId: upt.kanwil_id, month: `${o.month}-01` }, { pnbpDueRupiah: g.pnbpRupiah, premiSharedRupiah: g.premiRupiah });
    const { lineIds: _lines, ...after } = g;
    await recordAudit(tx, actor, { entity: 'proceeds_split', entityId: id, action: 'apply', after: { ...after, month: o.month }, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
  }
  return { ids, created: true };
}
