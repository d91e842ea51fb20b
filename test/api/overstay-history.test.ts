import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { runDailyJob } from '../../src/server/jobs/runner.ts';
import { indicatorRollupJob, recomputeDatesJob } from '../../src/server/jobs/daily.ts';
import { createLogger } from '../../src/server/log.ts';
import type { WbpDetail } from '../../src/shared/schemas/wbp.ts';

// "Today" is injected; every date below is derived from it.
const TODAY = '2026-11-25';
const YEAR = 2026;

let t: TestApp;
let admin: Client;
let op: Client;
let head: Client;
let kanwil: Client;
const ids = { semarang: 0, jateng: 0, overstay: 0 };

type Trend = { months: Array<{ month: string; value: number | null }> };
type Summary = { totals: { overstay: number } };

const refresh = () => admin.post('/api/v1/cockpit/refresh', {});
const spellRows = () => t.db.query(`SELECT wbp_id, upt_id, kanwil_id, kind, due_date, from_date, to_date FROM wbp_overstay_spell ORDER BY wbp_id, from_date`);
const rollupRows = () => t.db.query(`SELECT upt_id, month, value FROM indicator_rollup WHERE indicator_id = $1 ORDER BY upt_id, month`, [ids.overstay]);

type Detail = WbpDetail & { calculation: { detention: { overstay: boolean } } };

async function newDetainee(noRegister: string, admittedOn: string, order: { startDate: string; days: number }): Promise<Detail> {
  const created = await op.post<Detail>('/api/v1/wbp', { noRegister, name: 'Riwayat Overstay', sex: 'L', religion: 'islam', status: 'tahanan', admittedOn, detentionStart: admittedOn });
  expect(created.status).toBe(201);
  const res = await op.post<Detail>(`/api/v1/wbp/${created.body.id}/detention-orders`, { stage: 'penyidikan', ...order });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp({ today: TODAY }, { inmates: true });
  admin = await t.as('admin.pusat');
  op = await t.as('operator.lapas.semarang');
  head = await t.as('kepala.lapas.semarang');
  kanwil = await t.as('kanwil.jateng');
  ids.semarang = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`))!.id;
  ids.jateng = (await t.db.one<{ id: number }>(`SELECT id FROM kanwil WHERE raw_name = 'Jawa Tengah'`))!.id;
  ids.overstay = (await t.db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'RP20-09'`))!.id;
}, 240_000);
afterAll(() => t.close());

describe('overstay history as of each month', () => {
  it('counts a detainee held past the order in June and released in July in June only, and keeps it after release', async () => {
    await refresh();
    const before = (await head.get<Trend>(`/api/v1/cockpit/trend?year=${YEAR}&indicatorId=${ids.overstay}`)).body.months;
    // Order from 1 June for 20 days ends on 20 June; held until release on 10 July.
    const w = await newDetainee('HIST.0001/2026', `${YEAR}-06-01`, { startDate: `${YEAR}-06-01`, days: 20 });
    const rel = await op.post(`/api/v1/wbp/${w.id}/release`, { date: `${YEAR}-07-10`, reason: 'lainnya', version: w.version });
    expect(rel.status).toBe(200);
    const spells = await t.db.query<{ kind: string; due_date: string; from_date: string; to_date: string }>(`SELECT kind, due_date, from_date, to_date FROM wbp_overstay_spell WHERE wbp_id = $1`, [w.id]);
    expect(spells).toEqual([{ kind: 'detention', due_date: `${YEAR}-06-20`, from_date: `${YEAR}-06-21`, to_date: `${YEAR}-07-09` }]);

    await refresh();
    const after = (await head.get<Trend>(`/api/v1/cockpit/trend?year=${YEAR}&indicatorId=${ids.overstay}`)).body.months;
    const delta = after.map((m, i) => (m.value ?? 0) - (before[i]!.value ?? 0));
    expect(delta).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);

    // June had ended: the change is kept with when and why; the UPT sees it, another Kanwil does not.
    type Changes = { items: Array<{ code: string; uptId: number; month: string; valueBefore: number | null; valueAfter: number | null; reason: string }> };
    const june = (await head.get<Changes>(`/api/v1/cockpit/changes?year=${YEAR}&indicatorId=${ids.overstay}`)).body.items.filter((c) => c.month === `${YEAR}-06-01`);
    expect(june).toHaveLength(1);
    expect(june[0]).toMatchObject({ code: 'RP20-09', uptId: ids.semarang, reason: 'refresh by admin.pusat' });
    expect((june[0]!.valueAfter ?? 0) - (june[0]!.valueBefore ?? 0)).toBe(1);
    const banten = await t.as('kanwil.banten');
    const theirs = (await banten.get<Changes>(`/api/v1/cockpit/changes?year=${YEAR}`)).body.items;
    expect(theirs.filter((c) => c.uptId === ids.semarang)).toEqual([]);
  });

  it('counts an inmate still held past the order in every month-end since, and today in the current month', async () => {
    await refresh();
    const before = (await head.get<Trend>(`/api/v1/cockpit/trend?year=${YEAR}&indicatorId=${ids.overstay}`)).body.months;
    const w = await newDetainee('HIST.0002/2026', `${YEAR}-08-25`, { startDate: `${YEAR}-08-25`, days: 10 });
    expect(w.calculation.detention).toMatchObject({ overstay: true });
    await refresh();
    const after = (await head.get<Trend>(`/api/v1/cockpit/trend?year=${YEAR}&indicatorId=${ids.overstay}`)).body.months;
    const delta = after.map((m, i) => (m.value ?? 0) - (before[i]!.value ?? 0));
    // Order ended 3 September: overstaying at the end of September, October and on 25 November.
    expect(delta).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0]);
  });

  it('the current month equals the overstay list, for the UPT, the Kanwil and the nation', async () => {
    await refresh();
    const month = TODAY.slice(5, 7);
    for (const c of [head, kanwil, admin]) {
      const list = (await c.get<Summary>('/api/v1/overstay/summary')).body.totals.overstay;
      const tr = (await c.get<Trend>(`/api/v1/cockpit/trend?year=${YEAR}&indicatorId=${ids.overstay}`)).body.months;
      expect(tr[Number(month) - 1]!.value ?? 0).toBe(list);
    }
    expect((await admin.get<Summary>('/api/v1/overstay/summary')).body.totals.overstay).toBeGreaterThan(0);
  });

  it('recomputing every inmate’s spells and the rollup from scratch gives what is stored', async () => {
    await refresh();
    const spells = await spellRows();
    const rollup = await rollupRows();
    await t.db.query('DELETE FROM wbp_overstay_spell');
    await t.db.query(`DELETE FROM app_setting WHERE key = 'overstay_history_built'`);
    await runDailyJob(t.db, recomputeDatesJob, TODAY, createLogger('silent'));
    const changes = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM indicator_rollup_change');
    await runDailyJob(t.db, indicatorRollupJob, TODAY, createLogger('silent'));
    expect(await spellRows()).toEqual(spells);
    expect(await rollupRows()).toEqual(rollup);
    // Nothing dated in a closed month changed: no change is logged.
    expect(await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM indicator_rollup_change')).toEqual(changes);
    // Past months of the demo hold overstays too (inmates released late), not only the current one.
    expect(rollup.filter((r) => String(r.month) < `${TODAY.slice(0, 7)}-01`).length).toBeGreaterThan(0);
  });
});
