import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { pdfFacts } from '../support/pdf.ts';
import { hasPdftotext, hasSoffice, openInLibreOffice, pdfPages } from '../support/office.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }
interface Line { code: string; month: number | null; toDate: number | null; manual: boolean }
interface Report { id: number; uptId: number; status: string; version: number; figuresFrozen: boolean; figures: { lines: Line[] }; returnReason: string | null; late: boolean; deadline: string; history: Array<{ step: string; by: string }> }

let t: TestApp;
let head: Client;
let op: Client;
let kanwil: Client;
let foreignKanwil: Client;
let admin: Client;
let report: Report;
const line = (r: Report, code: string) => r.figures.lines.find((l) => l.code === code)!;

async function fetchFile(c: Client, path: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await t.app.request(path, { headers: { cookie: c.cookie!, host: 'localhost' } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

async function xlsxSheet(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
async function xlsxRows(buf: Buffer): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  (await xlsxSheet(buf)).eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}
/** The row of an indicator: its cells as ExcelJS reads them (value and number format). */
async function xlsxLine(buf: Buffer, code: string): Promise<Array<{ value: unknown; numFmt: string | undefined }>> {
  const ws = await xlsxSheet(buf);
  let found: Array<{ value: unknown; numFmt: string | undefined }> = [];
  ws.eachRow((r) => {
    if (r.getCell(1).value === code) found = Array.from({ length: 9 }, (_, i) => ({ value: r.getCell(i + 1).value, numFmt: r.getCell(i + 1).numFmt }));
  });
  return found;
}

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  head = await t.as('kepala.lapas.semarang');
  op = await t.as('operator.lapas.semarang');
  kanwil = await t.as('kanwil.jateng');
  foreignKanwil = await t.as('kanwil.banten');
  admin = await t.as('admin.pusat');
}, 240_000);
afterAll(() => t.close());

describe('monthly report workflow', () => {
  it('starts a draft filled from the rollups, once per UPT and month', async () => {
    await op.post('/api/v1/food/harvests', { sector: 'fisheries', commodity: 'Lele', harvestedOn: '2026-11-10', qtyGrams: 250_000 });
    await admin.post('/api/v1/cockpit/refresh', {});
    const res = await head.post<Report>('/api/v1/reports', { month: '2026-11-01' });
    expect(res.status).toBe(201);
    report = res.body;
    expect(report.status).toBe('draft');
    expect(report.figuresFrozen).toBe(false);
    expect(line(report, 'KPI-PANGAN-PANEN').month).toBe(250_000);
    expect(line(report, 'RP20-01').manual).toBe(true);
    expect(line(report, 'RP20-11').manual).toBe(false);
    const again = await head.post<ErrorBody>('/api/v1/reports', { month: '2026-11-01' });
    expect(again.body.error.fields.month).toBeDefined();
    const future = await head.post<ErrorBody>('/api/v1/reports', { month: '2026-12-01' });
    expect(future.status).toBe(400);
  });

  it('keeps the operator out of submitting (UPT head only) and checks the version', async () => {
    const opTry = await op.post<ErrorBody>(`/api/v1/reports/${report.id}/submit`, { version: report.version });
    expect(opTry.body.error.code).toBe('FORBIDDEN');
    const stale = await head.request<ErrorBody>('PATCH', `/api/v1/reports/${report.id}`, { version: report.version + 5, commentary: { summary: 'x', obstacles: '', plans: '' } });
    expect(stale.body.error.code).toBe('CONFLICT_VERSION');
    const ok = await head.request<Report>('PATCH', `/api/v1/reports/${report.id}`, { version: report.version, commentary: { summary: 'Panen lele meningkat', obstacles: 'Pakan mahal', plans: 'Kolam baru' } });
    expect(ok.status).toBe(200);
    report = ok.body;
  });

  it('freezes the figures at submission: later records change the rollup, not the report', async () => {
    const sub = await head.post<Report>(`/api/v1/reports/${report.id}/submit`, { version: report.version });
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('submitted');
    expect(sub.body.figuresFrozen).toBe(true);
    report = sub.body;
    await op.post('/api/v1/food/harvests', { sector: 'fisheries', commodity: 'Nila', harvestedOn: '2026-11-11', qtyGrams: 1_000 });
    await admin.post('/api/v1/cockpit/refresh', {});
    type Fresh = Report & { freshness: { writesAfterRefresh: number; changedSinceSubmission: Array<{ code: string; frozen: { month: number }; now: { month: number } }> } };
    const r = await head.get<Fresh>(`/api/v1/reports/${report.id}`);
    expect(line(r.body, 'KPI-PANGAN-PANEN').month).toBe(250_000);
    // The report says that the records now give another figure for the month.
    expect(r.body.freshness.changedSinceSubmission.filter((l) => l.code === 'KPI-PANGAN-PANEN')).toMatchObject([{ frozen: { month: 250_000 }, now: { month: 251_000 } }]);
    expect(r.body.freshness.writesAfterRefresh).toBe(0);
    // The file says so too, in the line's display unit (kg), not in grams.
    const sheet = (await xlsxRows((await fetchFile(head, `/api/v1/reports/${report.id}/export?format=xlsx`)).body)).map((row) => String(row[0]));
    expect(sheet).toContain('PERHATIAN: KPI-PANGAN-PANEN berubah sesudah laporan dikirim (bulan ini 250,0 → 251,0; s.d. bulan ini 250,0 → 251,0).');
    const edit = await head.request<ErrorBody>('PATCH', `/api/v1/reports/${report.id}`, { version: report.version, commentary: { summary: 'ubah', obstacles: '', plans: '' } });
    expect(edit.body.error.fields.version).toBeDefined();
  });

  it('is returned by the Kanwil with a reason, resubmitted with fresh figures, verified and received', async () => {
    const other = await foreignKanwil.post<ErrorBody>(`/api/v1/reports/${report.id}/verify`, { version: report.version });
    expect(other.body.error.code).toBe('OUT_OF_SCOPE');
    const noReason = await kanwil.post<ErrorBody>(`/api/v1/reports/${report.id}/return`, { version: report.version });
    expect(noReason.body.error.fields.reason).toBeDefined();
    const ret = await kanwil.post<Report>(`/api/v1/reports/${report.id}/return`, { version: report.version, reason: 'Lengkapi bukti panen' });
    expect([ret.body.status, ret.body.returnReason]).toEqual(['returned', 'Lengkapi bukti panen']);
    expect(line(ret.body, 'KPI-PANGAN-PANEN').month).toBe(251_000); // live again while returned
    const receiveEarly = await admin.post<ErrorBody>(`/api/v1/reports/${report.id}/receive`, { version: ret.body.version });
    expect(receiveEarly.body.error.fields.version).toBeDefined();
    const sub = await head.post<Report>(`/api/v1/reports/${report.id}/submit`, { version: ret.body.version });
    const ver = await kanwil.post<Report>(`/api/v1/reports/${report.id}/verify`, { version: sub.body.version });
    expect(ver.body.status).toBe('verified');
    const rec = await admin.post<Report>(`/api/v1/reports/${report.id}/receive`, { version: ver.body.version });
    expect(rec.body.status).toBe('received');
    expect(rec.body.history.map((h) => h.step)).toEqual(['draft', 'submitted', 'returned', 'verified', 'received']);
    report = rec.body;
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'monthly_report' AND entity_id = $1 ORDER BY id`, [String(report.id)]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'submit', 'return', 'submit', 'verify', 'receive']);
  });
});

describe('exports', () => {
  it('writes the UPT report as an XLSX that reads back with the figures', async () => {
    const f = await fetchFile(head, `/api/v1/reports/${report.id}/export?format=xlsx`);
    expect(f.status).toBe(200);
    expect(f.type).toContain('spreadsheetml');
    const rows = await xlsxRows(f.body);
    expect(String(rows.find((r) => String(r[0]).startsWith('LAPORAN BULANAN'))?.[0])).toContain('SEMARANG');
    // Letterhead: ministry, directorate general, then the Kanwil and the UPT.
    expect(rows.slice(0, 4).map((r) => String(r[0]))).toEqual([
      'KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA', 'DIREKTORAT JENDERAL PEMASYARAKATAN', expect.stringContaining('JAWA TENGAH'), expect.stringContaining('SEMARANG'),
    ]);
    expect(rows.find((r) => r[0] === 'RP20-01')![3]).toBe('Manual');
    // Figures are numbers with a number format, not text: 250,000 g + the demo's 1,000 g = 251.0 kg.
    const harvest = await xlsxLine(f.body, 'KPI-PANGAN-PANEN');
    expect(harvest[4]).toEqual({ value: line(report, 'KPI-PANGAN-PANEN').month! / 1000, numFmt: '#,##0.0' });
    expect(harvest[5]!.value).toBe(line(report, 'KPI-PANGAN-PANEN').toDate! / 1000);
    // A ratio and an attainment are fractions formatted as percent.
    const occupancy = await xlsxLine(f.body, 'RP20-10');
    expect(occupancy[4]!.numFmt).toBe('0.00%');
    expect(typeof occupancy[4]!.value).toBe('number');
    const attained = (await xlsxRows(f.body)).filter((r) => typeof r[7] === 'number');
    expect(attained.length).toBeGreaterThan(0);
    // Rupiah as integer currency.
    const pnbp = await xlsxLine(f.body, 'KPI-PNBP');
    expect(pnbp[4]!.numFmt).toBe('"Rp" #,##0');
    expect(Number.isInteger(pnbp[4]!.value)).toBe(true);
  });

  it.skipIf(!hasSoffice)('opens in LibreOffice headless without complaint, with the figures as numbers', async () => {
    const f = await fetchFile(head, `/api/v1/reports/${report.id}/export?format=xlsx`);
    const lo = await openInLibreOffice(f.body);
    expect(lo.complaints).toEqual([]);
    const harvest = lo.rows.find((r) => r[0] === 'KPI-PANGAN-PANEN')!;
    expect(Number(harvest[4]!.replaceAll(',', ''))).toBe(line(report, 'KPI-PANGAN-PANEN').month! / 1000);
    expect(lo.rows.find((r) => r[0] === 'RP20-10')![4]).toMatch(/^\d+(\.\d+)?%$/);
  }, 180_000);

  it('writes the UPT report as a PDF with the letterhead layout', async () => {
    const f = await fetchFile(head, `/api/v1/reports/${report.id}/export?format=pdf`);
    expect(f.type).toBe('application/pdf');
    const facts = pdfFacts(f.body);
    expect(facts).toMatchObject({ header: true, eof: true });
    expect(facts.pages).toBeGreaterThanOrEqual(1);
    expect(facts.title).toContain('LAPORAN BULANAN');
  });

  it.skipIf(!hasPdftotext)('prints the approval block, local time, decimal commas, and no page holding only a note', async () => {
    const r = (await head.get<Report & { approval: { submittedBy: { name: string; nip: string | null } }; zone: string }>(`/api/v1/reports/${report.id}`)).body;
    const pages = await pdfPages((await fetchFile(head, `/api/v1/reports/${report.id}/export?format=pdf`)).body);
    const text = pages.join('\n');
    expect(text).toContain('Kepala UPT');
    expect(text).toContain('Verifikator Kanwil');
    expect(text).toContain(r.approval.submittedBy.name);
    if (r.approval.submittedBy.nip) expect(text).toContain(`NIP ${r.approval.submittedBy.nip}`);
    expect(r.zone).toBe('WIB'); // Semarang, Jawa Tengah
    expect(text).toMatch(/Data per pembaruan rekap: \d\d-\d\d-\d{4} \d\d\.\d\d WIB/);
    expect(text).not.toContain('UTC');
    expect(text).toMatch(/251,0/); // Indonesian decimal comma
    // Every page carries table rows: the last one is not a stray note.
    for (const p of pages) expect(p).toMatch(/RP20-|KPI-/);
    const en = await t.app.request(`/api/v1/reports/${report.id}/export?format=pdf`, { headers: { cookie: head.cookie!, host: 'localhost', 'accept-language': 'en' } });
    expect((await pdfPages(Buffer.from(await en.arrayBuffer()))).join('\n')).toMatch(/251\.0/);
  }, 60_000);

  it('consolidates a Kanwil and the nation: figures equal the sum of their UPTs', async () => {
    const k = await kanwil.get<{ figures: { lines: Line[] }; counts: { upts: number; submitted: number } }>('/api/v1/reports/consolidated?month=2026-11-01');
    const sumUpts = await t.db.one<{ v: number }>(
      `SELECT sum(value)::bigint AS v FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id JOIN upt u ON u.id = r.upt_id JOIN kanwil k ON k.id = u.kanwil_id
        WHERE i.code = 'KPI-PANGAN-PANEN' AND r.month = '2026-11-01' AND k.raw_name = 'Jawa Tengah'`,
    );
    expect(k.body.figures.lines.find((l) => l.code === 'KPI-PANGAN-PANEN')!.month).toBe(Number(sumUpts!.v));
    expect(k.body.counts.submitted).toBeGreaterThanOrEqual(1);
    const n = await admin.get<{ figures: { lines: Line[] } }>('/api/v1/reports/consolidated?month=2026-11-01');
    const nat = await t.db.one<{ v: number }>(`SELECT sum(qty_grams)::bigint AS v FROM harvest WHERE harvested_on BETWEEN '2026-11-01' AND '2026-11-30'`);
    expect(n.body.figures.lines.find((l) => l.code === 'KPI-PANGAN-PANEN')!.month).toBe(Number(nat!.v));
    const x = await fetchFile(admin, '/api/v1/reports/consolidated?month=2026-11-01&format=xlsx');
    const rows = await xlsxRows(x.body);
    expect(String(rows.find((r) => String(r[0]).startsWith('LAPORAN KONSOLIDASI'))?.[0])).toContain('NASIONAL');
    // The national sheet's harvest cell is the sum of the Kanwil sheets' cells (numbers that add up).
    const kanwils = await t.db.query<{ id: number }>('SELECT id FROM kanwil ORDER BY id');
    let sum = 0;
    for (const k of kanwils) {
      const cell = (await xlsxLine((await fetchFile(admin, `/api/v1/reports/consolidated?month=2026-11-01&format=xlsx&kanwilId=${k.id}`)).body, 'KPI-PANGAN-PANEN'))[4]!.value;
      sum += typeof cell === 'number' ? Math.round(cell * 1000) : 0;
    }
    expect((await xlsxLine(x.body, 'KPI-PANGAN-PANEN'))[4]!.value).toBe(Number(nat!.v) / 1000);
    expect(sum).toBe(Number(nat!.v));
    const p = await fetchFile(admin, '/api/v1/reports/consolidated?month=2026-11-01&format=pdf');
    expect(pdfFacts(p.body).title).toContain('KONSOLIDASI');
  });
});

describe('late and missing reports', () => {
  it('lists UPTs without a submitted report after the deadline (5th of the next month)', async () => {
    const oct = await kanwil.get<{ deadline: string; overdue: boolean; items: Array<{ uptName: string; status: string | null; missing: boolean }> }>('/api/v1/reports/late?month=2026-10-01');
    expect(oct.body.deadline).toBe('2026-11-05');
    expect(oct.body.overdue).toBe(true);
    // Seeded October: Semarang received, LPKA Kutoarjo still a draft, UPTs without any report.
    expect(oct.body.items.some((i) => /Semarang/.test(i.uptName) && i.status === 'received')).toBe(false);
    expect(oct.body.items.some((i) => /Kutoarjo/.test(i.uptName) && i.status === 'draft' && i.missing)).toBe(true);
    expect(oct.body.items.some((i) => i.status === null)).toBe(true);
    const nov = await kanwil.get<{ overdue: boolean }>('/api/v1/reports/late?month=2026-11-01');
    expect(nov.body.overdue).toBe(false);
  });
});
