import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { addDays, addMonths, isAfter } from '../../../domain/calendar/date.ts';
import { computeSplit, ruleInForce, sharePremi, type ProceedsRule as DomainRule } from '../../../domain/sales/proceeds.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { ProceedsRule, ProceedsRuleInput, ProceedsSplit, ReasonInput, SplitInput, SplitPreview, SplitPreviewQuery } from '../../../shared/schemas/sales.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { keyConflict } from '../production/queries.ts';
import { bumpSalesRollup } from './rollup.ts';

const tags = ['Bagi hasil / Proceeds split'];

const splitTarget: TargetResolver = async (c) => {
  const s = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM proceeds_split WHERE id = $1', [Number(c.req.param('splitId'))]);
  return s ? { kanwilId: s.kanwil_id, uptId: s.upt_id } : undefined;
};

const rulesRoute = defineRoute({
  method: 'get', path: '/sales/proceeds-rules', tags, summary: 'Aturan bagi hasil / proceeds split rules',
  access: filteredRoute('sales.read'), request: { query: z.object({ uptId: PositiveId.optional() }) },
  responses: { 200: jsonOk(z.object({ items: z.array(ProceedsRule) }), 'Rules in scope, newest first'), ...errorResponses },
});
const ruleCreateRoute = defineRoute({
  method: 'post', path: '/sales/proceeds-rules', tags, summary: 'Tetapkan aturan bagi hasil / set a proceeds split rule',
  description: 'Dated from a month’s first day, for the UPT or one activity’s products; base revenue or profit; shares in basis points (1% = 100) summing to 10,000. Rules are never edited: a later rule supersedes from its date.',
  access: ownScopeRoute('pnbp.write'), request: { body: jsonBody(ProceedsRuleInput) },
  responses: { 201: jsonOk(ProceedsRule, 'Recorded'), ...errorResponses },
});
const previewRoute = defineRoute({
  method: 'get', path: '/sales/splits/preview', tags, summary: 'Pratinjau bagi hasil sebulan / preview a month’s split',
  access: filteredRoute('sales.read'), request: { query: SplitPreviewQuery },
  responses: { 200: jsonOk(SplitPreview, 'What applying the split would post; nothing is written'), ...errorResponses },
});
const applyRoute = defineRoute({
  method: 'post', path: '/sales/splits', tags, summary: 'Terapkan bagi hasil sebulan / apply a month’s split',
  description: 'Shares the proceeds of the month’s fully paid sales not yet shared: one split per rule in force; premi part posted to the ledgers of the inmates who worked (by attendance days or output hours); PNBP part becomes PNBP due. A retry with the same `idempotencyKey` changes nothing.',
  access: ownScopeRoute('pnbp.write'), request: { body: jsonBody(SplitInput) },
  responses: { 201: jsonOk(z.object({ items: z.array(ProceedsSplit) }), 'The splits written'), 200: jsonOk(z.object({ items: z.array(ProceedsSplit) }), 'Already applied under this key'), ...errorResponses },
});
const splitsRoute = defineRoute({
  method: 'get', path: '/sales/splits', tags, summary: 'Riwayat bagi hasil / splits',
  access: filteredRoute('sales.read'), request: { query: z.object({ uptId: PositiveId.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: { 200: jsonOk(z.object({ items: z.array(ProceedsSplit) }), 'Splits and their reversals in scope'), ...errorResponses },
});
const reverseRoute = defineRoute({
  method: 'post', path: '/sales/splits/{splitId}/reverse', tags, summary: 'Batalkan bagi hasil / reverse a split',
  description: 'An opposite split pointing to it; every premi share is reversed on its ledger and the sales are freed for a later split.',
  access: targetRoute('pnbp.write', splitTarget), request: { params: z.object({ splitId: PositiveId }), body: jsonBody(ReasonInput) },
  responses: { 200: jsonOk(ProceedsSplit, 'The reversal'), ...errorResponses },
});

interface RuleRow { id: number; upt_id: number; activity_id: number | null; activity_name: string | null; valid_from: string; base: 'revenue' | 'profit'; premi_bp: number; pnbp_bp: number; working_capital_bp: number; programme_bp: number; premi_weight: 'attendance' | 'output'; legal_basis: string; created_at: Date; [k: string]: unknown }
const RULE_SELECT = 'SELECT r.*, a.name AS activity_name FROM proceeds_rule r LEFT JOIN work_activity a ON a.id = r.activity_id';
const toRule = (r: RuleRow): z.infer<typeof ProceedsRule> => ({
  id: r.id, uptId: r.upt_id, activityId: r.activity_id, activityName: r.activity_name, validFrom: r.valid_from, base: r.base, premiBp: r.premi_bp, pnbpBp: r.pnbp_bp,
  workingCapitalBp: r.working_capital_bp, programmeBp: r.programme_bp, premiWeight: r.premi_weight, legalBasis: r.legal_basis, createdAt: new Date(r.created_at).toISOString(),
});
const toDomainRule = (r: RuleRow): DomainRule => ({
  id: String(r.id), activityId: r.activity_id === null ? null : String(r.activity_id), validFrom: r.valid_from, base: r.base, premiWeight: r.premi_weight,
  shares: { premi: r.premi_bp, pnbp: r.pnbp_bp, working_capital: r.working_capital_bp, programme: r.programme_bp },
});

interface SplitRow { id: number; upt_id: number; upt_name: string; month: string; activity_id: number | null; activity_name: string | null; rule_id: number; revenue_rupiah: number; cost_rupiah: number; base_rupiah: number; premi_rupiah: number; pnbp_rupiah: number; working_capital_rupiah: number; programme_rupiah: number; workers: number; reverses: number | null; reversed_by: number | null; reason: string | null; created_at: Date; [k: string]: unknown }
const SPLIT_SELECT = `SELECT s.*, u.name AS upt_name, a.name AS activity_name, (SELECT r.id FROM proceeds_split r WHERE r.reverses = s.id) AS reversed_by
  FROM proceeds_split s JOIN upt u ON u.id = s.upt_id LEFT JOIN work_activity a ON a.id = s.activity_id`;
const toSplit = (r: SplitRow): z.infer<typeof ProceedsSplit> => ({
  id: Number(r.id), uptId: r.upt_id, uptName: r.upt_name, month: r.month.slice(0, 7), activityId: r.activity_id, activityName: r.activity_name, ruleId: r.rule_id,
  revenueRupiah: Number(r.revenue_rupiah), costRupiah: Number(r.cost_rupiah), baseRupiah: Number(r.base_rupiah), premiRupiah: Number(r.premi_rupiah),
  pnbpRupiah: Number(r.pnbp_rupiah), workingCapitalRupiah: Number(r.working_capital_rupiah), programmeRupiah: Number(r.programme_rupiah), workers: r.workers,
  reverses: r.reverses === null ? null : Number(r.reverses), reversedBy: r.reversed_by === null ? null : Number(r.reversed_by), reason: r.reason, createdAt: new Date(r.created_at).toISOString(),
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
async function planSplit(q: Queryable, uptId: number, month: string, lock: boolean): Promise<{ groups: Group[]; unruled: number }> {
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

function checkMonth(month: string, today: string): void {
  if (isAfter(`${month}-01`, today)) throw invalidField('month', 'month_in_future');
}

export function proceedsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(rulesRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'r.kanwil_id', upt: 'r.upt_id' }, params)];
    if (q.uptId) conds.push(`r.upt_id = $${params.push(q.uptId)}`);
    const rows = await c.get('services').db.query<RuleRow>(`${RULE_SELECT} WHERE ${conds.join(' AND ')} ORDER BY r.upt_id, r.valid_from DESC, r.id DESC LIMIT 1000`, params);
    return c.json({ items: rows.map(toRule) }, 200);
  });

  app.openapi(ruleCreateRoute, async (c) => {
    const input = c.req.valid('json');
    const row = await c.get('services').db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      if (input.activityId) {
        const a = await tx.one<{ upt_id: number }>('SELECT upt_id FROM work_activity WHERE id = $1', [input.activityId]);
        if (!a || a.upt_id !== upt.id) throw invalidField('activityId', 'invalid');
      }
      if (await tx.one('SELECT 1 FROM proceeds_rule WHERE upt_id = $1 AND coalesce(activity_id, 0) = $2 AND valid_from = $3', [upt.id, input.activityId ?? 0, input.validFrom])) {
        throw new AppError(409, 'DUPLICATE', { validFrom: { id: 'Sudah ada aturan mulai tanggal ini.', en: 'A rule already starts on this date.' } });
      }
      const r = await tx.one<{ id: number }>(
        `INSERT INTO proceeds_rule (upt_id, kanwil_id, activity_id, valid_from, base, premi_bp, pnbp_bp, working_capital_bp, programme_bp, premi_weight, legal_basis, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
        [upt.id, upt.kanwil_id, input.activityId ?? null, input.validFrom, input.base, input.premiBp, input.pnbpBp, input.workingCapitalBp, input.programmeBp, input.premiWeight, input.legalBasis, currentUser(c).id],
      );
      const rule = toRule((await tx.one<RuleRow>(`${RULE_SELECT} WHERE r.id = $1`, [r!.id]))!);
      await recordAudit(tx, actorOf(c), { entity: 'proceeds_rule', entityId: rule.id, action: 'create', after: rule, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return rule;
    });
    return c.json(row, 201);
  });

  app.openapi(previewRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    checkMonth(q.month, clock.today());
    // A read: the scope check of an own-UPT write, without writing.
    const result = await db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, q.uptId);
      return { uptId: upt.id, ...(await planSplit(tx, upt.id, q.month, false)) };
    });
    return c.json({ uptId: result.uptId, month: q.month, unruled: result.unruled, groups: result.groups.map(({ lineIds: _drop, ...g }) => g) }, 200);
  });

  app.openapi(applyRoute, async (c) => {
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const today = clock.today();
    checkMonth(input.month, today);
    const result = await db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      await tx.query('SELECT pg_advisory_xact_lock(7245102, $1)', [upt.id]);
      const prior = await tx.query<{ id: number; upt_id: number }>('SELECT id, upt_id FROM proceeds_split WHERE idempotency_key = $1 OR idempotency_key LIKE $2', [input.idempotencyKey, `${input.idempotencyKey}#%`]);
      if (prior.length > 0) {
        if (prior.some((p) => p.upt_id !== upt.id)) throw keyConflict();
        return { ids: prior.map((p) => Number(p.id)), created: false };
      }
      const plan = await planSplit(tx, upt.id, input.month, true);
      if (plan.groups.length === 0) throw invalidField('month', plan.unruled > 0 ? 'no_rule' : 'nothing_to_split');
      const missing = plan.groups.find((g) => g.premiRupiah > 0 && g.workers.every((w) => w.amountRupiah === 0));
      if (missing) throw invalidField('month', 'no_workers');
      const monthEnd = addDays(addMonths(`${input.month}-01`, 1), -1);
      const postOn = isAfter(monthEnd, today) ? today : monthEnd;
      const ids: number[] = [];
      for (const [i, g] of plan.groups.entries()) {
        const paid = g.workers.filter((w) => w.amountRupiah > 0);
        const row = await tx.one<{ id: number }>(
          `INSERT INTO proceeds_split (upt_id, kanwil_id, month, activity_id, rule_id, revenue_rupiah, cost_rupiah, base_rupiah, premi_rupiah, pnbp_rupiah, working_capital_rupiah,
             programme_rupiah, workers, idempotency_key, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id`,
          [upt.id, upt.kanwil_id, `${input.month}-01`, g.activityId, g.ruleId, g.revenueRupiah, g.costRupiah, g.baseRupiah, g.premiRupiah, g.pnbpRupiah, g.workingCapitalRupiah,
            g.programmeRupiah, paid.length, i === 0 ? input.idempotencyKey : `${input.idempotencyKey}#${i}`, currentUser(c).id],
        );
        const id = Number(row!.id);
        ids.push(id);
        await tx.query('UPDATE sale_line SET split_id = $1 WHERE id = ANY($2::bigint[])', [id, g.lineIds]);
        await tx.query(
          `INSERT INTO premi_entry (wbp_id, upt_id, kanwil_id, date, kind, amount_rupiah, source, reference, created_by)
           SELECT w, $1, $2, $3, 'proceeds_share', a, $4, $5, $6 FROM unnest($7::bigint[], $8::bigint[]) AS t(w, a)`,
          [upt.id, upt.kanwil_id, postOn, `split:${id}`, `Bagi hasil penjualan ${input.month}`, currentUser(c).id, paid.map((w) => w.wbpId), paid.map((w) => w.amountRupiah)],
        );
        await bumpSalesRollup(tx, { uptId: upt.id, kanwilId: upt.kanwil_id, month: `${input.month}-01` }, { pnbpDueRupiah: g.pnbpRupiah, premiSharedRupiah: g.premiRupiah });
        const { lineIds: _lines, ...after } = g;
        await recordAudit(tx, actorOf(c), { entity: 'proceeds_split', entityId: id, action: 'apply', after: { ...after, month: input.month }, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      }
      return { ids, created: true };
    });
    const rows = await db.query<SplitRow>(`${SPLIT_SELECT} WHERE s.id = ANY($1::bigint[]) ORDER BY s.id`, [result.ids]);
    return c.json({ items: rows.map(toSplit) }, result.created ? 201 : 200);
  });

  app.openapi(splitsRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 's.kanwil_id', upt: 's.upt_id' }, params)];
    if (q.uptId) conds.push(`s.upt_id = $${params.push(q.uptId)}`);
    if (q.year) conds.push(`s.month BETWEEN $${params.push(`${q.year}-01-01`)} AND $${params.push(`${q.year}-12-01`)}`);
    const rows = await c.get('services').db.query<SplitRow>(`${SPLIT_SELECT} WHERE ${conds.join(' AND ')} ORDER BY s.month DESC, s.id DESC LIMIT 1000`, params);
    return c.json({ items: rows.map(toSplit) }, 200);
  });

  app.openapi(reverseRoute, async (c) => {
    const { splitId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const { db, clock } = c.get('services');
    const today = clock.today();
    const id = await db.tx(async (tx) => {
      const s = await tx.one<SplitRow>(`${SPLIT_SELECT} WHERE s.id = $1 FOR UPDATE OF s`, [splitId]);
      if (!s) throw notFound();
      if (s.reverses !== null || s.reversed_by !== null) throw invalidField('splitId', 'already_reversed');
      const row = await tx.one<{ id: number }>(
        `INSERT INTO proceeds_split (upt_id, kanwil_id, month, activity_id, rule_id, revenue_rupiah, cost_rupiah, base_rupiah, premi_rupiah, pnbp_rupiah, working_capital_rupiah,
           programme_rupiah, workers, reverses, reason, created_by)
         SELECT upt_id, kanwil_id, month, activity_id, rule_id, -revenue_rupiah, -cost_rupiah, -base_rupiah, -premi_rupiah, -pnbp_rupiah, -working_capital_rupiah,
           -programme_rupiah, workers, id, $2, $3 FROM proceeds_split WHERE id = $1 RETURNING id`,
        [splitId, reason, currentUser(c).id],
      );
      await tx.query('UPDATE sale_line SET split_id = NULL WHERE split_id = $1', [splitId]);
      await tx.query(
        `INSERT INTO premi_entry (wbp_id, upt_id, kanwil_id, date, kind, amount_rupiah, reverses, source, reference, created_by)
         SELECT wbp_id, upt_id, kanwil_id, greatest(date, $1::date), 'reversal', -amount_rupiah, id, $2, $3, $4 FROM premi_entry WHERE source = $5`,
        [today, `split-reversal:${splitId}`, reason, currentUser(c).id, `split:${splitId}`],
      );
      await bumpSalesRollup(tx, { uptId: s.upt_id, kanwilId: Number(s.kanwil_id), month: s.month }, { pnbpDueRupiah: -Number(s.pnbp_rupiah), premiSharedRupiah: -Number(s.premi_rupiah) });
      await recordAudit(tx, actorOf(c), { entity: 'proceeds_split', entityId: splitId, action: 'reverse', before: toSplit(s), after: { reversal: Number(row!.id), reason }, scope: { kanwilId: Number(s.kanwil_id), uptId: s.upt_id } });
      return Number(row!.id);
    });
    const r = await db.one<SplitRow>(`${SPLIT_SELECT} WHERE s.id = $1`, [id]);
    return c.json(toSplit(r!), 200);
  });
}

