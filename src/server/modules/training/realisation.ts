import type { OpenAPIHono } from '@hono/zod-openapi';
import { addFigures, withPercentages, ZERO_FIGURES, type TrainingFigures } from '../../../domain/training/realisation.ts';
import { scopeCondition, type UserScope } from '../../../shared/access/scope.ts';
import { Realisation, RealisationQuery } from '../../../shared/schemas/training.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField } from '../../http/errors.ts';
import { errorResponses, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { tags } from './programmes.ts';

export interface RealisationQueryInput {
  /** First and last calendar day of the period; whole months are counted (the months they fall in). */
  from: string;
  to: string;
  scope: UserScope;
  uptId?: number;
}

/**
 * Realisation of training (Resolusi target 07): trained, tested and certified counts per UPT, Kanwil,
 * month and in total, read from the monthly rollup kept in the same transaction as each completion
 * and test. Targets live elsewhere (the indicator cockpit); this gives the figures to set against them.
 * Every UPT of the scope appears, with zeros where nothing happened.
 */
export async function trainingRealisation(q: Queryable, input: RealisationQueryInput): Promise<Realisation> {
  const params: unknown[] = [input.from, input.to];
  const conds = [scopeCondition(input.scope, { kanwil: 'u.kanwil_id', upt: 'u.id' }, params)];
  if (input.uptId) conds.push(`u.id = $${params.push(input.uptId)}`);
  // Summed in the database per UPT and per month (grouping sets): a few hundred rows travel, not
  // one per UPT and month.
  const rows = await q.query<{ upt_id: number | null; upt_name: string | null; kanwil_id: number | null; kanwil_name: string | null; month: string | null; trained: number; tested: number; certified: number }>(
    `SELECT u.id AS upt_id, u.name AS upt_name, u.kanwil_id, k.name AS kanwil_name, r.month,
            COALESCE(sum(r.trained), 0)::int AS trained, COALESCE(sum(r.tested), 0)::int AS tested, COALESCE(sum(r.certified), 0)::int AS certified
       FROM upt u JOIN kanwil k ON k.id = u.kanwil_id
       LEFT JOIN training_month_rollup r ON r.upt_id = u.id AND r.month BETWEEN date_trunc('month', $1::date)::date AND $2::date
      WHERE u.active AND u.type <> 'rupbasan' AND ${conds.join(' AND ')}
      GROUP BY GROUPING SETS ((u.id, u.name, u.kanwil_id, k.name), (r.month))`,
    params,
  );
  const upts: Array<{ uptId: number; uptName: string; kanwilId: number; kanwilName: string; f: TrainingFigures }> = [];
  const kanwils = new Map<number, { kanwilId: number; kanwilName: string; f: TrainingFigures }>();
  const months = new Map<string, TrainingFigures>();
  let total = ZERO_FIGURES;
  for (const r of rows) {
    const f = { trained: r.trained, tested: r.tested, certified: r.certified };
    if (r.upt_id === null) {
      if (r.month) months.set(r.month, f);
      continue;
    }
    upts.push({ uptId: r.upt_id, uptName: r.upt_name!, kanwilId: r.kanwil_id!, kanwilName: r.kanwil_name!, f });
    const k = kanwils.get(r.kanwil_id!) ?? { kanwilId: r.kanwil_id!, kanwilName: r.kanwil_name!, f: ZERO_FIGURES };
    k.f = addFigures(k.f, f);
    kanwils.set(r.kanwil_id!, k);
    total = addFigures(total, f);
  }
  upts.sort((a, b) => a.kanwilName.localeCompare(b.kanwilName) || a.uptName.localeCompare(b.uptName));
  return {
    from: input.from,
    to: input.to,
    upts: upts.map(({ f, kanwilName: _k, ...u }) => ({ ...u, ...withPercentages(f) })),
    kanwils: [...kanwils.values()].sort((a, b) => a.kanwilName.localeCompare(b.kanwilName)).map(({ f, ...k }) => ({ ...k, ...withPercentages(f) })),
    months: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, f]) => ({ month, ...withPercentages(f) })),
    total: withPercentages(total),
  };
}

/** The same figures by a raw scan of participants and tests (for checks and the benchmark). */
export async function trainingRealisationByScan(q: Queryable, input: RealisationQueryInput): Promise<TrainingFigures> {
  const params: unknown[] = [input.from, input.to];
  const cond = scopeCondition(input.scope, { kanwil: 'x.kanwil_id', upt: 'x.upt_id' }, params);
  const trained = await q.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM training_participant x WHERE x.completed_on BETWEEN date_trunc('month', $1::date)::date AND (date_trunc('month', $2::date) + interval '1 month - 1 day')::date AND ${cond}`,
    params,
  );
  const tests = await q.one<{ tested: number; certified: number }>(
    `SELECT count(*)::int AS tested, count(*) FILTER (WHERE x.result = 'kompeten')::int AS certified FROM competency_test x
      WHERE x.test_date BETWEEN date_trunc('month', $1::date)::date AND (date_trunc('month', $2::date) + interval '1 month - 1 day')::date AND ${cond}`,
    params,
  );
  return { trained: trained!.n, tested: tests!.tested, certified: tests!.certified };
}

const realisationRoute = defineRoute({
  method: 'get', path: '/training/realisation', tags, summary: 'Realisasi pelatihan dan sertifikasi / training realisation',
  description: 'Trained, tested and certified per UPT, Kanwil and month of the period, with the certified share of the trained and the pass rate (two decimals, cut as published). From the monthly rollup.',
  access: filteredRoute('training.read'), request: { query: RealisationQuery },
  responses: { 200: jsonOk(Realisation, 'Realisation'), ...errorResponses },
});

export function realisationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(realisationRoute, async (c) => {
    const q = c.req.valid('query');
    if (q.to < q.from) throw invalidField('to', 'end_before_start');
    return c.json(await trainingRealisation(c.get('services').db, { from: q.from, to: q.to, scope: currentUser(c).scope, ...(q.uptId ? { uptId: q.uptId } : {}) }), 200);
  });
}
