import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { isAfter } from '../../../domain/calendar/date.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { ProceedsRule, ProceedsRuleInput, ProceedsSplit, ReasonInput, SplitInput, SplitPreview, SplitPreviewQuery } from '../../../shared/schemas/sales.ts';
import { recordAudit } from '../../audit/trail.ts';
import { filteredRoute, ownScopeRoute, rowTarget, targetRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { bumpSalesRollup } from './rollup.ts';
import { applySplit, planSplit, RULE_SELECT, type RuleRow } from './split-service.ts';

const tags = ['Bagi hasil / Proceeds split'];

const splitTarget = rowTarget('proceeds_split', 'splitId');

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

const toRule = (r: RuleRow): z.infer<typeof ProceedsRule> => ({
  id: r.id, uptId: r.upt_id, activityId: r.activity_id, activityName: r.activity_name, validFrom: r.valid_from, base: r.base, premiBp: r.premi_bp, pnbpBp: r.pnbp_bp,
  workingCapitalBp: r.working_capital_bp, programmeBp: r.programme_bp, premiWeight: r.premi_weight, legalBasis: r.legal_basis, createdAt: new Date(r.created_at).toISOString(),
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
      return applySplit(tx, actorOf(c), { upt, month: input.month, idempotencyKey: input.idempotencyKey, today });
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

