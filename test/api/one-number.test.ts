import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { hasPdftotext, pdfPages } from '../support/office.ts';

/**
 * One fact, one number: every place that shows a figure for a scope and a moment shows the same
 * number — the overstay list (home card and /overstay read it), the cockpit's dashboard and trend,
 * /transparansi, the monthly report and the consolidated report with their XLSX and PDF — for a
 * UPT, a Kanwil and the nation. Checked after a refresh; between refreshes the cockpit and the
 * reports state the time of their rollup.
 */
const TODAY = '2026-11-25';
const MONTH = `${TODAY.slice(0, 7)}-01`;
const YEAR = Number(TODAY.slice(0, 4));

let t: TestApp;
const users: Record<'upt' | 'kanwil' | 'nation', Client> = {} as never;
const ids = { semarang: 0, jateng: 0 };

type Line = { code: string; month: number | null; toDate: number | null };
type Dash = { items: Array<{ indicator: { code: string; id: number }; value: number; realised: number | null }> };

async function file(c: Client, path: string): Promise<Buffer> {
  const res = await t.app.request(path, { headers: { cookie: c.cookie!, host: 'localhost' } });
  expect(res.status, path).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function xlsxCell(buf: Buffer, code: string, col: number): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  let v: unknown;
  wb.worksheets[0]!.eachRow((r) => {
    if (r.getCell(1).value === code) v = r.getCell(col).value;
  });
  return v;
}

beforeAll(async () => {
  t = await createTestApp({ today: TODAY }, { inmates: true });
  users.upt = await t.as('kepala.lapas.semarang');
  users.kanwil = await t.as('kanwil.jateng');
  users.nation = await t.as('admin.pusat');
  ids.semarang = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`))!.id;
  ids.jateng = (await t.db.one<{ id: number }>(`SELECT id FROM kanwil WHERE raw_name = 'Jawa Tengah'`))!.id;
  // A new overstay today (an order that ended in October), then the rollup is refreshed.
  const op = await t.as('operator.lapas.semarang');
  const w = await op.post<{ id: number }>('/api/v1/wbp', { noRegister: 'ONE.0001/2026', name: 'Satu Angka', sex: 'L', religion: 'islam', status: 'tahanan', admittedOn: '2026-10-01' });
  await op.post(`/api/v1/wbp/${w.body.id}/detention-orders`, { stage: 'penyidikan', startDate: '2026-10-01', days: 20 });
  await users.nation.post('/api/v1/cockpit/refresh', {});
}, 240_000);
afterAll(() => t.close());

describe('one fact, one number', () => {
  it('overstays today: the list, the dashboard, the trend, the reports and their files agree for a UPT, a Kanwil and the nation', async () => {
    const report = await users.upt.post<{ id: number; figures: { lines: Line[] } }>('/api/v1/reports', { month: MONTH });
    expect(report.status).toBe(201);
    const seen: Record<string, Record<string, unknown>> = {};
    for (const [level, c] of Object.entries(users)) {
      const places: Record<string, unknown> = {};
      places['overstay list'] = (await c.get<{ totals: { overstay: number } }>('/api/v1/overstay/summary')).body.totals.overstay;
      const dash = (await c.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}`)).body.items.find((i) => i.indicator.code === 'RP20-09')!;
      places['cockpit dashboard'] = dash.realised;
      const trend = (await c.get<{ months: Array<{ value: number | null }> }>(`/api/v1/cockpit/trend?year=${YEAR}&indicatorId=${dash.indicator.id}`)).body.months;
      places['cockpit trend'] = trend[Number(TODAY.slice(5, 7)) - 1]!.value;
      if (level === 'upt') {
        places['monthly report'] = report.body.figures.lines.find((l) => l.code === 'RP20-09')!.month;
        places['monthly report XLSX'] = await xlsxCell(await file(c, `/api/v1/reports/${report.body.id}/export?format=xlsx`), 'RP20-09', 5);
      } else {
        const q = level === 'kanwil' ? `&kanwilId=${ids.jateng}` : '';
        const cons = (await c.get<{ figures: { lines: Line[] } }>(`/api/v1/reports/consolidated?month=${MONTH}${q}`)).body;
        places['consolidated report'] = cons.figures.lines.find((l) => l.code === 'RP20-09')!.month;
        places['consolidated XLSX'] = await xlsxCell(await file(c, `/api/v1/reports/consolidated?month=${MONTH}${q}&format=xlsx`), 'RP20-09', 5);
        if (hasPdftotext) {
          const text = (await pdfPages(await file(c, `/api/v1/reports/consolidated?month=${MONTH}${q}&format=pdf`))).join('\n');
          places['consolidated PDF'] = Number(text.match(/RP20-09\s.*?Dari catatan\s+([\d.]+)/)?.[1]?.replaceAll('.', ''));
        }
      }
      if (level === 'nation') {
        const html = await (await t.app.request('/transparansi', { headers: { host: 'localhost' } })).text();
        places['/transparansi'] = Number(html.match(/data-code="RP20-09"><div class="v">([\d.]+) orang/)?.[1]?.replaceAll('.', ''));
      }
      seen[level] = places;
    }
    for (const [level, places] of Object.entries(seen)) {
      const values = Object.values(places);
      // Every pair of places: the same number.
      for (const [name, v] of Object.entries(places)) expect(v, `${level}: ${name} vs the overstay list (${JSON.stringify(places)})`).toBe(values[0]);
    }
    expect(Object.keys(seen.nation!)).toContain('/transparansi');
    expect(seen.upt!['overstay list']).toBeGreaterThan(0);
    expect(Number(seen.kanwil!['overstay list'])).toBeGreaterThanOrEqual(Number(seen.upt!['overstay list']));
    expect(Number(seen.nation!['overstay list'])).toBeGreaterThanOrEqual(Number(seen.kanwil!['overstay list']));
  });

  it('occupancy, harvest and remission to date: the report line equals the cockpit for each level', async () => {
    const mine = (await users.upt.get<{ items: Array<{ id: number }> }>(`/api/v1/reports?month=${MONTH}`)).body.items[0]!;
    const reportLines = (await users.upt.get<{ figures: { lines: Line[] } }>(`/api/v1/reports/${mine.id}`)).body.figures.lines;
    for (const [level, c] of Object.entries(users)) {
      const dash = (await c.get<Dash>(`/api/v1/cockpit/dashboard?year=${YEAR}`)).body.items;
      const lines =
        level === 'upt'
          ? reportLines
          : (await c.get<{ figures: { lines: Line[] } }>(`/api/v1/reports/consolidated?month=${MONTH}${level === 'kanwil' ? `&kanwilId=${ids.jateng}` : ''}`)).body.figures.lines;
      for (const code of ['RP20-10', 'KPI-PANGAN-PANEN', 'RP20-02']) {
        const d = dash.find((i) => i.indicator.code === code)!;
        expect(lines.find((l) => l.code === code)!.toDate, `${level} ${code}`).toBe(d.realised);
      }
    }
  });
});
