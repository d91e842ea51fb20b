import type { UserScope } from '../../../shared/access/scope.ts';
import { appliesTo } from '../../../domain/indicators/applicability.ts';
import { attainmentBasisPoints, expectedToDate, ratioBasisPoints, trafficLight, type Light } from '../../../domain/indicators/index.ts';
import type { Queryable } from '../../db/pool.ts';
import { forbidden, invalidField, outOfScope } from '../../http/errors.ts';
import { isManual, loadIndicators, indicatorJson, type IndicatorRow } from './catalogue.ts';

/** Which unit a dashboard shows: the nation, a Kanwil or a UPT. */
export type Unit = { level: 'national' } | { level: 'kanwil'; kanwilId: number } | { level: 'upt'; kanwilId: number; uptId: number };

/** The unit asked for, checked against the viewer's scope (a UPT viewer always sees their UPT). */
export async function resolveUnit(q: Queryable, scope: UserScope, ask: { kanwilId?: number; uptId?: number }): Promise<Unit> {
  if (ask.uptId) {
    const u = await q.one<{ id: number; kanwil_id: number }>('SELECT id, kanwil_id FROM upt WHERE id = $1', [ask.uptId]);
    if (!u) throw invalidField('uptId', 'upt_unknown');
    if (scope.level === 'kanwil' && scope.kanwilId !== u.kanwil_id) throw outOfScope();
    if (scope.level === 'upt' && scope.uptId !== u.id) throw outOfScope();
    return { level: 'upt', kanwilId: u.kanwil_id, uptId: u.id };
  }
  if (scope.level === 'upt') return { level: 'upt', kanwilId: scope.kanwilId, uptId: scope.uptId };
  if (ask.kanwilId) {
    if (scope.level === 'kanwil' && scope.kanwilId !== ask.kanwilId) throw outOfScope();
    if (!(await q.one('SELECT 1 FROM kanwil WHERE id = $1', [ask.kanwilId]))) throw invalidField('kanwilId', 'kanwil_unknown');
    return { level: 'kanwil', kanwilId: ask.kanwilId };
  }
  if (scope.level === 'kanwil') return { level: 'kanwil', kanwilId: scope.kanwilId };
  if (scope.level !== 'national') throw forbidden();
  return { level: 'national' };
}

export const unitKey = (u: Unit) => (u.level === 'national' ? 'N' : u.level === 'kanwil' ? `K${u.kanwilId}` : `U${u.uptId}`);

interface SeriesRow {
  indicator_id: number;
  child: number;
  month: string;
  value: number;
  denominator: number | null;
  [key: string]: unknown;
}

/** Monthly rows of the unit's children (Kanwils of the nation, UPTs of a Kanwil, the UPT itself), from the rollups. */
async function childSeries(q: Queryable, unit: Unit, from: string, to: string, indicatorId?: number): Promise<SeriesRow[]> {
  const params: unknown[] = [from, to];
  const ind = indicatorId ? ` AND indicator_id = $${params.push(indicatorId)}` : '';
  if (unit.level === 'national') {
    return q.query<SeriesRow>(`SELECT indicator_id, kanwil_id AS child, month, value, denominator FROM indicator_rollup_kanwil WHERE month BETWEEN $1 AND $2${ind}`, params);
  }
  if (unit.level === 'kanwil') {
    params.push(unit.kanwilId);
    return q.query<SeriesRow>(`SELECT indicator_id, upt_id AS child, month, value, denominator FROM indicator_rollup WHERE kanwil_id = $${params.length} AND month BETWEEN $1 AND $2${ind}`, params);
  }
  params.push(unit.uptId);
  return q.query<SeriesRow>(`SELECT indicator_id, upt_id AS child, month, value, denominator FROM indicator_rollup WHERE upt_id = $${params.length} AND month BETWEEN $1 AND $2${ind}`, params);
}

export interface Figure {
  value: number;
  denominator: number | null;
  /** What is shown: the value, or the ratio in basis points for ratio indicators. */
  realised: number | null;
  month: string | null;
}

/** Aggregates monthly rows over a period: a sum, or the level at the latest month (`atMonth`). */
function aggregate(rows: SeriesRow[], ind: IndicatorRow, atMonth: string | null): Figure {
  const use = ind.time_aggregate === 'last' ? rows.filter((r) => r.month === atMonth) : rows;
  const value = use.reduce((s, r) => s + Number(r.value), 0);
  const denominator = ind.ratio ? use.reduce((s, r) => s + Number(r.denominator ?? 0), 0) : null;
  const realised = ind.ratio ? ratioBasisPoints(value, denominator ?? 0) : value;
  return { value, denominator, realised, month: ind.time_aggregate === 'last' ? atMonth : null };
}

export interface Scored {
  target: number | null;
  expected: number | null;
  attainmentBp: number | null;
  light: Light;
}

function score(ind: IndicatorRow, fig: Figure, target: number | null, monthsElapsed: number): Scored {
  if (target === null || fig.realised === null) return { target, expected: target === null ? null : expectedToDate(target, monthsElapsed, ind.time_aggregate === 'sum'), attainmentBp: null, light: 'none' };
  const expected = expectedToDate(target, monthsElapsed, ind.time_aggregate === 'sum');
  return { target, expected, attainmentBp: attainmentBasisPoints(fig.realised, expected, ind.direction), light: trafficLight(fig.realised, expected, ind.direction, ind.thresholds) };
}

async function currentTargets(q: Queryable, year: number, keys: string[]): Promise<Map<string, number>> {
  const rows = await q.query<{ indicator_id: number; unit_key: string; value: number }>(
    'SELECT indicator_id, unit_key, value FROM indicator_target WHERE current AND year = $1 AND unit_key = ANY($2::text[])',
    [year, keys],
  );
  return new Map(rows.map((r) => [`${r.indicator_id}:${r.unit_key}`, Number(r.value)]));
}

/** The child units (Kanwils of the nation, UPTs of a Kanwil), with the UPT type where it is one. */
async function childNames(q: Queryable, unit: Unit): Promise<Array<{ id: number; name: string; key: string; type: string | null }>> {
  if (unit.level === 'national') return (await q.query<{ id: number; name: string }>('SELECT id, name FROM kanwil WHERE active ORDER BY name')).map((r) => ({ ...r, key: `K${r.id}`, type: null }));
  if (unit.level === 'kanwil') return (await q.query<{ id: number; name: string; type: string }>('SELECT id, name, type FROM upt WHERE kanwil_id = $1 AND active ORDER BY name', [unit.kanwilId])).map((r) => ({ ...r, key: `U${r.id}` }));
  return [];
}

/** An indicator that does not apply to a UPT's type is shown as such: no figure to score, no light. */
function notApplicable(ind: IndicatorRow, uptType: string | null): boolean {
  return uptType !== null && !appliesTo({ code: ind.code, sourceKey: ind.source_key }, uptType);
}
const NOT_APPLICABLE: Scored & { realised: null } = { realised: null, target: null, expected: null, attainmentBp: null, light: 'na' };

export async function unitName(q: Queryable, unit: Unit): Promise<string> {
  if (unit.level === 'national') return 'Nasional';
  if (unit.level === 'kanwil') return (await q.one<{ name: string }>('SELECT name FROM kanwil WHERE id = $1', [unit.kanwilId]))?.name ?? '';
  return (await q.one<{ name: string }>('SELECT name FROM upt WHERE id = $1', [unit.uptId]))?.name ?? '';
}

export async function lastRefresh(q: Queryable): Promise<string | null> {
  const r = await q.one<{ at: Date | null }>('SELECT max(refreshed_at) AS at FROM indicator_refresh');
  return r?.at ? new Date(r.at).toISOString() : null;
}

/** Months of the year counted so far: all 12 for a past year, up to the current month for this year. */
export function monthsElapsed(year: number, today: string): number {
  const y = Number(today.slice(0, 4));
  if (year < y) return 12;
  if (year > y) return 0;
  return Number(today.slice(5, 7));
}

/**
 * The dashboard of one unit for a year: per indicator, realisation to date against the target
 * (and the part of it expected by now), the traffic light, and the same for each child unit,
 * ranked. National and Kanwil totals are sums of their children's rollups (ratios: Σ numerator
 * over Σ denominator), so the national page always equals the sum of the UPTs.
 */
export async function dashboard(q: Queryable, unit: Unit, year: number, today: string) {
  const from = `${year}-01-01`;
  const lastMonth = year === Number(today.slice(0, 4)) ? `${today.slice(0, 7)}-01` : `${year}-12-01`;
  const elapsed = monthsElapsed(year, today);
  const [indicators, rows, children] = await Promise.all([loadIndicators(q), childTotals(q, unit, from, lastMonth), childNames(q, unit)]);
  const ownKey = unitKey(unit);
  const ownType = unit.level === 'upt' ? ((await q.one<{ type: string }>('SELECT type FROM upt WHERE id = $1', [unit.uptId]))?.type ?? null) : null;
  const targets = await currentTargets(q, year, [ownKey, ...children.map((c) => c.key)]);
  const byInd = new Map<number, TotalRow[]>();
  for (const r of rows) (byInd.get(r.indicator_id) ?? byInd.set(r.indicator_id, []).get(r.indicator_id)!).push(r);
  const items = indicators.map((ind) => {
    const rs = byInd.get(ind.id) ?? [];
    const latest = rs[0]?.latest ?? null;
    const total = figureOf(rs, ind, latest);
    const t = targets.get(`${ind.id}:${ownKey}`) ?? null;
    const byChild = new Map(rs.map((r) => [r.child, r]));
    const kids = children.map((ch) => {
      const r = byChild.get(ch.id);
      const fig = figureOf(r ? [r] : [], ind, latest);
      if (notApplicable(ind, ch.type)) return { id: ch.id, name: ch.name, ...fig, ...NOT_APPLICABLE };
      return { id: ch.id, name: ch.name, ...fig, ...score(ind, fig, targets.get(`${ind.id}:${ch.key}`) ?? null, elapsed) };
    });
    const ranked = [...kids].sort((a, b) => (b.attainmentBp ?? -1) - (a.attainmentBp ?? -1) || (ind.direction === 'higher' ? (b.realised ?? 0) - (a.realised ?? 0) : (a.realised ?? 0) - (b.realised ?? 0)));
    const own = notApplicable(ind, ownType) ? NOT_APPLICABLE : score(ind, total, t, elapsed);
    return { indicator: indicatorJson(ind), manual: isManual(ind), ...total, ...own, children: kids, ranking: ranked.filter((k) => k.light !== 'na').map((k) => k.id) };
  });
  return { unit: { ...unit, name: await unitName(q, unit) }, year, monthsElapsed: elapsed, refreshedAt: await lastRefresh(q), items };
}

interface TotalRow {
  indicator_id: number;
  child: number;
  latest: string;
  sum_value: number;
  sum_den: number | null;
  last_value: number | null;
  last_den: number | null;
  [key: string]: unknown;
}

/**
 * Per indicator and child unit, summed in the database: the total over the months, and the
 * value at the indicator's latest month (for levels and ratios) — one row per indicator × child
 * instead of one per month, so the national dashboard moves a few hundred rows, not thousands.
 */
async function childTotals(q: Queryable, unit: Unit, from: string, to: string): Promise<TotalRow[]> {
  const params: unknown[] = [from, to];
  const [table, child, filter] =
    unit.level === 'national' ? ['indicator_rollup_kanwil', 'kanwil_id', '']
      : unit.level === 'kanwil' ? ['indicator_rollup', 'upt_id', ` AND kanwil_id = $${params.push(unit.kanwilId)}`]
        : ['indicator_rollup', 'upt_id', ` AND upt_id = $${params.push(unit.uptId)}`];
  const rows = await q.query<TotalRow>(
    `WITH r AS (
       SELECT indicator_id, ${child} AS child, month, value, denominator, max(month) OVER (PARTITION BY indicator_id) AS latest
         FROM ${table} WHERE month BETWEEN $1 AND $2${filter})
     SELECT indicator_id, child, max(latest) AS latest, sum(value)::bigint AS sum_value, sum(denominator)::bigint AS sum_den,
            sum(value) FILTER (WHERE month = latest)::bigint AS last_value, sum(denominator) FILTER (WHERE month = latest)::bigint AS last_den
       FROM r GROUP BY indicator_id, child`,
    params,
  );
  return rows;
}

/** The figure of some children's totals: their sum over the months, or their level at the latest month. */
function figureOf(rs: TotalRow[], ind: IndicatorRow, latest: string | null): Figure {
  const last = ind.time_aggregate === 'last';
  const value = rs.reduce((s, r) => s + Number((last ? r.last_value : r.sum_value) ?? 0), 0);
  const denominator = ind.ratio ? rs.reduce((s, r) => s + Number((last ? r.last_den : r.sum_den) ?? 0), 0) : null;
  const realised = ind.ratio ? ratioBasisPoints(value, denominator ?? 0) : value;
  return { value, denominator, realised, month: last ? latest : null };
}

/** Month by month for one indicator and unit: the monthly figure, the running total and the target line. */
export async function trend(q: Queryable, unit: Unit, indicatorId: number, year: number, today: string) {
  const ind = (await loadIndicators(q, false)).find((i) => i.id === indicatorId);
  if (!ind) throw invalidField('indicatorId', 'invalid');
  const rows = await childSeries(q, unit, `${year}-01-01`, `${year}-12-01`, indicatorId);
  const target = (await currentTargets(q, year, [unitKey(unit)])).get(`${indicatorId}:${unitKey(unit)}`) ?? null;
  const elapsed = monthsElapsed(year, today);
  let running = 0;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`).map((month, i) => {
    const fig = aggregate(rows.filter((r) => r.month === month), { ...ind, time_aggregate: 'sum' }, month);
    const known = i < elapsed;
    running += fig.value;
    const cumulative = ind.time_aggregate === 'sum' ? running : fig.realised;
    return {
      month,
      value: known ? fig.realised : null,
      cumulative: known ? cumulative : null,
      expected: target === null ? null : expectedToDate(target, i + 1, ind.time_aggregate === 'sum'),
    };
  });
  return { unit: { ...unit, name: await unitName(q, unit) }, indicator: indicatorJson(ind), year, target, months, refreshedAt: await lastRefresh(q) };
}

/** Realisation of one indicator per province (through each Kanwil's province), for the tile map. */
export async function byProvince(q: Queryable, scope: UserScope, indicatorId: number, year: number, today: string) {
  const ind = (await loadIndicators(q, false)).find((i) => i.id === indicatorId);
  if (!ind) throw invalidField('indicatorId', 'invalid');
  const lastMonth = year === Number(today.slice(0, 4)) ? `${today.slice(0, 7)}-01` : `${year}-12-01`;
  const params: unknown[] = [indicatorId, `${year}-01-01`, lastMonth];
  const scoped = scope.level === 'national' ? '' : ` AND k.id = $${params.push(scope.kanwilId)}`;
  const rows = await q.query<SeriesRow & { province_code: string; kanwil_name: string }>(
    `SELECT r.indicator_id, k.id AS child, r.month, r.value, r.denominator, k.province_code, k.name AS kanwil_name
       FROM indicator_rollup_kanwil r JOIN kanwil k ON k.id = r.kanwil_id
      WHERE r.indicator_id = $1 AND r.month BETWEEN $2 AND $3${scoped}`,
    params,
  );
  const kanwils = await q.query<{ id: number; name: string; province_code: string | null }>(
    `SELECT k.id, k.name, k.province_code FROM kanwil k WHERE k.active${scope.level === 'national' ? '' : ' AND k.id = $1'} ORDER BY k.name`,
    scope.level === 'national' ? [] : [scope.kanwilId],
  );
  const provinces = await q.query<{ code: string; name: string }>('SELECT code, name FROM province ORDER BY code');
  const latest = rows.reduce<string | null>((m, r) => (m === null || r.month > m ? r.month : m), null);
  const targets = await currentTargets(q, year, kanwils.map((k) => `K${k.id}`));
  const elapsed = monthsElapsed(year, today);
  const items = provinces.map((p) => {
    const ks = kanwils.filter((k) => k.province_code === p.code);
    if (ks.length === 0) return { code: p.code, name: p.name, kanwils: [], value: null, denominator: null, realised: null, target: null, light: 'none' as Light, attainmentBp: null };
    const fig = aggregate(rows.filter((r) => ks.some((k) => k.id === r.child)), ind, latest);
    const tsum = ks.reduce<number | null>((s, k) => {
      const t = targets.get(`${indicatorId}:K${k.id}`);
      return t === undefined ? s : (s ?? 0) + t;
    }, null);
    const sc = score(ind, fig, ind.ratio ? null : tsum, elapsed);
    return { code: p.code, name: p.name, kanwils: ks.map((k) => ({ id: k.id, name: k.name })), value: fig.value, denominator: fig.denominator, realised: fig.realised, target: sc.target, light: sc.light, attainmentBp: sc.attainmentBp };
  });
  return { indicator: indicatorJson(ind), year, month: latest, items, refreshedAt: await lastRefresh(q) };
}

export { loadIndicators };
