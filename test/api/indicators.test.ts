import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { runDailyJob } from '../../src/server/jobs/runner.ts';
import { indicatorRollupJob } from '../../src/server/jobs/daily.ts';
import { createLogger } from '../../src/server/log.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }
interface Item { indicator: { id: number; code: string; manual: boolean }; realised: number | null; value: number; denominator: number | null; target: number | null; expected: number | null; light: string; children: Array<{ id: number; realised: number | null; value: number; denominator: number | null; target: number | null; light: string }> }
interface Dash { unit: { level: string; name: string }; refreshedAt: string | null; items: Item[] }

let t: TestApp;
let admin: Client;
let kanwil: Client;
let head: Client;
let op: Client;
const ids = { semarang: 0, tangerang: 0, jateng: 0, banten: 0, harvest: 0, planted: 0, integration: 0, overstay: 0 };
const YEAR = 2026;

const item = (d: Dash, code: string) => d.items.find((i) => i.indicator.code === code)!;
const refresh = () => admin.post<{ indicators: number; rows: number }>('/api/v1/cockpit/refresh', {});

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' }, { inmates: true });
  admin = await t.as('admin.pusat');
  kanwil = await t.as('kanwil.jateng');
  head = await t.as('kepala.lapas.semarang');
  op = await t.as('operator.lapas.semarang');
  const one = async (sql: string) => (await t.db.one<{ id: number }>(sql))!.id;
  ids.semarang = await one(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`);
  ids.tangerang = await one(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I TANGERANG'`);
  ids.jateng = await one(`SELECT id FROM kanwil WHERE raw_name = 'Jawa Tengah'`);
  ids.banten = await one(`SELECT id FROM kanwil WHERE raw_name = 'Banten'`);
  for (const [k, code] of [['harvest', 'KPI-PANGAN-PANEN'], ['planted', 'RP20-08'], ['integration', 'RP20-03'], ['overstay', 'RP20-09']] as const) {
    ids[k] = await one(`SELECT id FROM indicator WHERE code = '${code}'`);
  }
}, 240_000);
afterAll(() => t.close());

describe('catalogue', () => {
  it('lists the 15 points of 2020 and the KPIs, each saying how it is computed or that it is manual', async () => {
    const res = await op.get<{ items: Array<{ code: string; manual: boolean; computedFrom: { id: string } }> }>('/api/v1/indicators');
    expect(res.status).toBe(200);
    expect(res.body.items.filter((i) => i.code.startsWith('RP20-'))).toHaveLength(15);
    const byCode = new Map(res.body.items.map((i) => [i.code, i]));
    expect(byCode.get('RP20-08')!.manual).toBe(false);
    // PNBP, certification and Pokmas Lipas come from their modules' records; integrity zones are typed in.
    for (const code of ['RP20-07', 'RP20-11', 'RP20-12', 'KPI-PNBP', 'KPI-LATIH', 'KPI-SERTIFIKAT']) expect(byCode.get(code)!.manual, code).toBe(false);
    expect(byCode.get('RP20-01')!.manual).toBe(true);
    expect(byCode.get('RP20-09')!.computedFrom.id).toMatch(/overstay/i);
  });
});

describe('targets', () => {
  it('lets Pusat set a national target and keeps every revision with who and why', async () => {
    const a = await admin.post('/api/v1/targets', { indicatorId: ids.harvest, year: YEAR, level: 'national', value: 1_000_000_000, reason: 'Target panen nasional' });
    expect(a.status).toBe(200);
    const b = await admin.post('/api/v1/targets', { indicatorId: ids.harvest, year: YEAR, level: 'national', value: 1_200_000_000, reason: 'Revisi: tambahan lahan' });
    expect(b.status).toBe(200);
    const hist = await admin.get<{ items: Array<{ level: string; value: number; revision: number; current: boolean; reason: string; createdBy: string }> }>(`/api/v1/targets/history?year=${YEAR}&indicatorId=${ids.harvest}`);
    const national = hist.body.items.filter((r) => r.level === 'national');
    expect(national.map((r) => [r.revision, r.value, r.current])).toEqual([[2, 1_200_000_000, true], [1, 1_000_000_000, false]]);
    expect(national[0]!.reason).toBe('Revisi: tambahan lahan');
    expect(national[0]!.createdBy).toBe('admin.pusat');
  });

  it('refuses a national target from a Kanwil, and bad input without writing anything', async () => {
    const before = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM indicator_target');
    const k = await kanwil.post<ErrorBody>('/api/v1/targets', { indicatorId: ids.harvest, year: YEAR, level: 'national', value: 1, reason: 'coba' });
    expect([k.status, k.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    const bad = await admin.post<ErrorBody>('/api/v1/targets', { indicatorId: ids.harvest, year: YEAR, level: 'national', value: -5, reason: 'x' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['reason', 'value']);
    const after = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM indicator_target');
    expect(after!.n).toBe(before!.n);
  });

  it('allocates national → Kanwils in proportion to capacity, summing exactly to the parent', async () => {
    const res = await admin.post<{ sum: number; parentValue: number; children: number }>('/api/v1/targets/allocate', { indicatorId: ids.harvest, year: YEAR, method: 'proportional', basis: 'capacity', reason: 'Alokasi awal' });
    expect(res.status).toBe(200);
    expect(res.body.sum).toBe(1_200_000_000);
    const rows = await t.db.query<{ value: number }>(`SELECT value FROM indicator_target WHERE indicator_id = $1 AND year = $2 AND level = 'kanwil' AND current`, [ids.harvest, YEAR]);
    expect(rows.length).toBe(res.body.children);
    expect(rows.reduce((s, r) => s + Number(r.value), 0)).toBe(1_200_000_000);
  });

  it('lets the Kanwil allocate its own target to its UPTs, but not another Kanwil’s', async () => {
    const own = await kanwil.post<{ sum: number; parentValue: number }>('/api/v1/targets/allocate', { indicatorId: ids.harvest, year: YEAR, kanwilId: ids.jateng, method: 'equal', reason: 'Rata per UPT' });
    expect(own.status).toBe(200);
    expect(own.body.sum).toBe(own.body.parentValue);
    const foreign = await kanwil.post<ErrorBody>('/api/v1/targets/allocate', { indicatorId: ids.harvest, year: YEAR, kanwilId: ids.banten, method: 'equal', reason: 'Bukan wilayah' });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
  });

  it('refuses a hand allocation that does not add up to the parent', async () => {
    const upts = await t.db.query<{ id: number }>('SELECT id FROM upt WHERE kanwil_id = $1 AND active ORDER BY id', [ids.jateng]);
    const res = await kanwil.post<ErrorBody>('/api/v1/targets/allocate', { indicatorId: ids.harvest, year: YEAR, kanwilId: ids.jateng, method: 'manual', values: upts.map((u) => ({ id: u.id, value: 1 })), reason: 'Manual salah' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.values).toMatch(/induk/);
  });
});

describe('realisation from records, rollups and the dashboard', () => {
  let before: Dash;
  it('shows the harvest a UPT records once the rollup refreshes, and national equals the sum of the UPTs', async () => {
    await refresh();
    before = (await admin.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}`)).body;
    const h = await op.post('/api/v1/food/harvests', { sector: 'farming', commodity: 'Padi', harvestedOn: '2026-11-20', qtyGrams: 7_654_321 });
    expect(h.status).toBe(201);
    // Not yet: dashboards read the rollups.
    const stale = (await admin.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}`)).body;
    expect(item(stale, 'KPI-PANGAN-PANEN').value).toBe(item(before, 'KPI-PANGAN-PANEN').value);
    const r = await refresh();
    expect(r.status).toBe(200);
    const after = (await admin.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}`)).body;
    expect(item(after, 'KPI-PANGAN-PANEN').value - item(before, 'KPI-PANGAN-PANEN').value).toBe(7_654_321);
    expect(after.refreshedAt).not.toBeNull();
    // National = Σ Kanwil = Σ UPT, straight from the records.
    const raw = await t.db.one<{ g: number }>(`SELECT sum(qty_grams)::bigint AS g FROM harvest WHERE harvested_on BETWEEN '2026-01-01' AND '2026-11-30'`);
    const nat = item(after, 'KPI-PANGAN-PANEN');
    expect(nat.value).toBe(Number(raw!.g));
    expect(nat.children.reduce((s, c) => s + c.value, 0)).toBe(nat.value);
    const jateng = (await admin.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}&kanwilId=${ids.jateng}`)).body;
    const kItem = item(jateng, 'KPI-PANGAN-PANEN');
    expect(kItem.children.reduce((s, c) => s + c.value, 0)).toBe(kItem.value);
    expect(nat.children.find((c) => c.id === ids.jateng)!.value).toBe(kItem.value);
    expect(nat.target).toBe(1_200_000_000);
    expect(['green', 'amber', 'red']).toContain(nat.light);
  });

  it('refreshes idempotently: a second run writes the same rows', async () => {
    const snap = async () => t.db.query('SELECT indicator_id, upt_id, month, value, denominator FROM indicator_rollup ORDER BY 1, 2, 3');
    const a = await snap();
    await runDailyJob(t.db, indicatorRollupJob, '2026-11-25', createLogger('silent'));
    const b = await snap();
    expect(b).toEqual(a);
  });

  it('aggregates occupancy as Σ occupants ÷ Σ capacity (a ratio of sums), and computes overstays', async () => {
    const d = (await admin.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}&kanwilId=${ids.jateng}`)).body;
    const occ = item(d, 'RP20-10');
    const sumV = occ.children.reduce((s, c) => s + c.value, 0);
    const sumD = occ.children.reduce((s, c) => s + (c.denominator ?? 0), 0);
    expect(occ.value).toBe(sumV);
    expect(occ.denominator).toBe(sumD);
    expect(occ.realised).toBe(Math.round((sumV * 10_000) / sumD));
    const held = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM wbp w JOIN upt u ON u.id = w.upt_id WHERE u.kanwil_id = $1 AND w.released_on IS NULL AND w.status <> 'klien' AND u.capacity > 0`, [ids.jateng]);
    expect(occ.value).toBe(held!.n);
  });

  it('shows an indicator that does not apply to a unit type as not applicable, not achieved (bug: Bapas ranked "Tercapai" on remission)', async () => {
    const bapas = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE kanwil_id = $1 AND type = 'bapas' ORDER BY id LIMIT 1`, [ids.jateng]))!.id;
    const d = (await admin.get<{ items: Array<Item & { ranking: number[] }> }>(`/api/v1/cockpit/dashboard?year=${YEAR}&kanwilId=${ids.jateng}`)).body;
    const remission = d.items.find((i) => i.indicator.code === 'RP20-02')!;
    expect(remission.children.find((c) => c.id === bapas)).toMatchObject({ light: 'na', realised: null });
    expect(remission.ranking).not.toContain(bapas);
    expect(remission.children.filter((c) => c.light !== 'na').length).toBeGreaterThan(0);
    const own = (await admin.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}&uptId=${bapas}`)).body;
    expect(item(own, 'RP20-02').light).toBe('na');
    expect(item(own, 'RP20-09').light).toBe('na');
    expect(item(own, 'RP20-12').light).not.toBe('na'); // Pokmas Lipas: a Bapas indicator
  });

  it('shows a UPT only its own figures, and refuses another Kanwil', async () => {
    const mine = await head.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}`);
    expect(mine.body.unit.level).toBe('upt');
    const other = await kanwil.get<ErrorBody>(`/api/v1/cockpit/dashboard?year=${YEAR}&kanwilId=${ids.banten}`);
    expect([other.status, other.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    const otherUpt = await head.get<ErrorBody>(`/api/v1/cockpit/dashboard?year=${YEAR}&uptId=${ids.tangerang}`);
    expect(otherUpt.status).toBe(403);
  });

  it('opens the records behind a figure within scope only', async () => {
    const res = await kanwil.get<{ items: Array<{ commodity: string; value: number }> }>(`/api/v1/cockpit/records?indicatorId=${ids.harvest}&uptId=${ids.semarang}&from=2026-11-01&to=2026-11-01`);
    expect(res.status).toBe(200);
    expect(res.body.items.some((r) => r.commodity === 'Padi' && Number(r.value) === 7_654_321)).toBe(true);
    const foreign = await kanwil.get<ErrorBody>(`/api/v1/cockpit/records?indicatorId=${ids.harvest}&uptId=${ids.tangerang}&from=2026-11-01&to=2026-11-01`);
    expect(foreign.body.error.code).toBe('OUT_OF_SCOPE');
  });

  it('gives a monthly trend and a map with one tile per province', async () => {
    const tr = await admin.get<{ months: Array<{ month: string; value: number | null; cumulative: number | null; expected: number | null }> }>(`/api/v1/cockpit/trend?year=${YEAR}&indicatorId=${ids.harvest}`);
    expect(tr.body.months).toHaveLength(12);
    expect(tr.body.months[11]!.value).toBeNull(); // December not reached yet
    expect(tr.body.months[11]!.expected).toBe(1_200_000_000);
    const map = await admin.get<{ items: Array<{ code: string; kanwils: unknown[]; value: number | null }> }>(`/api/v1/cockpit/map?year=${YEAR}&indicatorId=${ids.harvest}`);
    expect(map.body.items).toHaveLength(38);
    const jt = map.body.items.find((p) => p.code === '33')!; // Jawa Tengah
    expect(jt.kanwils).toHaveLength(1);
    expect(jt.value).toBeGreaterThanOrEqual(7_654_321);
  });
});

describe('public transparency page', () => {
  it('shows national figures without signing in, no personal data, cacheable, with the refresh time and the published series', async () => {
    const res = await t.app.request('/transparansi', { headers: { host: 'localhost' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('public');
    const html = await res.text();
    expect(html).toContain('Pembaruan terakhir');
    expect(html).toContain('data-code="RP20-10"');
    expect(html).toMatch(/overcrowding -?\d/);
    expect(html).toContain('sdppublik.ditjenpas.go.id');
    // No inmate names or register numbers.
    const names = await t.db.query<{ name: string; no_register: string }>('SELECT name, no_register FROM wbp ORDER BY id LIMIT 50');
    expect(names.some((n) => html.includes(n.name) || html.includes(n.no_register))).toBe(false);
  });
});

describe('occupancy', () => {
  it('gives occupants against capacity per UPT with both conventions, and totals as ratios of sums', async () => {
    const res = await kanwil.get<{ rows: Array<{ occupants: number; capacity: number; ratioBasisPoints: number; overcrowdingBasisPoints: number; kanwilId: number }>; totals: { occupants: number; capacity: number; ratioBasisPoints: number; overcrowdingBasisPoints: number; generatedCapacity: boolean } }>('/api/v1/occupancy');
    expect(res.status).toBe(200);
    const r = res.body.rows[0]!;
    expect(r.ratioBasisPoints - r.overcrowdingBasisPoints).toBe(10_000);
    const occ = res.body.rows.reduce((s, x) => s + x.occupants, 0);
    const cap = res.body.rows.reduce((s, x) => s + x.capacity, 0);
    expect(res.body.totals.ratioBasisPoints).toBe(Math.round((occ * 10_000) / cap));
    expect(res.body.totals.generatedCapacity).toBe(true);
    expect(res.body.rows.every((x) => x.kanwilId === ids.jateng)).toBe(true);
  });

  it('shows the published anchors with both conventions recomputed (2013 quoted the ratio, 2021 the overcrowding)', async () => {
    const res = await kanwil.get<{ published: Array<{ date: string; name: string; occupants: number; capacity: number; publishedPct: number; ratioBasisPoints: number; overcrowdingBasisPoints: number }> }>('/api/v1/occupancy');
    const bagan = res.body.published.find((p) => p.name === 'Cabang Rutan Bagan Siapi-api')!;
    // Published 898 (%): occupants/capacity × 100, the ratio convention.
    expect([bagan.occupants, bagan.capacity, bagan.publishedPct]).toEqual([593, 66, 898]);
    expect(Math.round(bagan.ratioBasisPoints / 100)).toBe(898);
    expect(Math.round(bagan.overcrowdingBasisPoints / 100)).toBe(798);
    // The national row of Sept 2021 (no Kanwil column in the file) is read too: 97% = overcrowding.
    const nat = res.body.published.find((p) => p.date === '2021-09')!;
    expect([nat.occupants, nat.capacity, nat.publishedPct, Math.round(nat.overcrowdingBasisPoints / 100)]).toEqual([267_115, 135_561, 97, 97]);
  });
});

describe('manual realisation with evidence', () => {
  it('is entered by the UPT head, refreshed at once and marked manual', async () => {
    const res = await head.post('/api/v1/indicators/manual', { indicatorId: ids.integration, month: '2026-11-01', value: 41, note: 'SK PB/CB November (lampiran)', link: 'https://example.org/bukti.pdf' });
    expect(res.status).toBe(201);
    const d = (await head.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}`)).body;
    const it_ = item(d, 'RP20-03');
    expect(it_.indicator.manual).toBe(true);
    const sum = await t.db.one<{ v: number }>(
      `SELECT sum(value)::bigint AS v FROM (SELECT DISTINCT ON (month) value FROM indicator_manual_value WHERE indicator_id = $1 AND upt_id = $2 AND month >= '2026-01-01' ORDER BY month, id DESC) x`,
      [ids.integration, ids.semarang],
    );
    expect(it_.value).toBe(Number(sum!.v));
    // A correction supersedes; the first entry is kept.
    await head.post('/api/v1/indicators/manual', { indicatorId: ids.integration, month: '2026-11-01', value: 40, note: 'Koreksi: satu SK batal' });
    const d2 = (await head.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}`)).body;
    expect(item(d2, 'RP20-03').value).toBe(it_.value - 1);
    const kept = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM indicator_manual_value WHERE indicator_id = $1 AND upt_id = $2 AND month = '2026-11-01'`, [ids.integration, ids.semarang]);
    expect(kept!.n).toBe(2);
  });

  it('refuses a manual value for an indicator computed from records', async () => {
    const res = await head.post<ErrorBody>('/api/v1/indicators/manual', { indicatorId: ids.harvest, month: '2026-11-01', value: 1, note: 'tidak boleh' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.indicatorId).toBeDefined();
  });
});

describe('realisation from the sales, PNBP and training modules', () => {
  it('PNBP equals the NTPN deposits the PNBP pages count; certified and Pokmas Lipas equal their registers', async () => {
    const admin = await t.as('admin.pusat');
    await admin.post('/api/v1/cockpit/refresh', {});
    const d = (await admin.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}`)).body;
    const paid = await t.db.one<{ v: string }>(`SELECT coalesce(sum(pnbp_paid_rupiah),0)::text AS v FROM sales_month_rollup WHERE month BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-01'`);
    expect(item(d, 'KPI-PNBP').value).toBe(Number(paid!.v));
    expect(Number(paid!.v)).toBeGreaterThan(0);
    const pnbpPage = await admin.get<{ totals: { paidRupiah: number } }>(`/api/v1/pnbp/summary?year=${YEAR}`);
    expect(item(d, 'RP20-11').value).toBe(pnbpPage.body.totals.paidRupiah);
    const certified = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM competency_test WHERE result = 'kompeten' AND test_date BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31'`);
    expect(item(d, 'KPI-SERTIFIKAT').value).toBe(certified!.n);
    const groups = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM pokmas_group WHERE active`);
    expect(item(d, 'RP20-12').value).toBe(groups!.n);
  });
});
