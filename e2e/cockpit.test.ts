import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFacts } from '../test/support/pdf.ts';
import { startE2E, type E2E } from './harness.ts';
import { browserSession } from './session.ts';

/**
 * The cockpit in a real browser, on the seeded demo: Pusat sets this year's national harvest
 * target and allocates it to the Kanwils, Jawa Tengah allocates its share to its UPTs, the
 * operator of Lapas Semarang records a harvest, Pusat refreshes the rollups, and the dashboard
 * (national = Σ Kanwil = Σ UPT), the drill-down to the records and the UPT's monthly report show
 * the new realisation; the report goes submit → verify → receive and its XLSX/PDF carry it.
 * Tests build on each other in order.
 */

let e2e: E2E;
let url: string;
let today = '';
let month = '';
const { as, settle, open, axe, axeProblems, closeAll } = browserSession(() => e2e);
const stamp = String(Date.now() % 100000);
const state = { indicatorId: 0, jateng: 0, semarang: 0, reportId: 0 };

beforeAll(async () => {
  e2e = await startE2E();
  url = e2e.url;
  today = ((await (await fetch(`${url}/api/v1/meta`)).json()) as { today: string }).today;
  month = `${today.slice(0, 7)}-01`;
});

afterAll(async () => {
  await closeAll();
  await e2e?.close();
});

async function api<T>(page: Page, p: string, params?: Record<string, string | number>): Promise<T> {
  const res = await page.request.get(`${url}/api/v1${p}`, params ? { params } : undefined);
  expect(res.status(), p).toBe(200);
  return (await res.json()) as T;
}

interface Item { indicator: { id: number; code: string }; value: number; realised: number | null; target: number | null; children: Array<{ id: number; name: string; value: number }> }
interface Dash { items: Item[] }
const harvestOf = (d: Dash) => d.items.find((i) => i.indicator.code === 'KPI-PANGAN-PANEN')!;

describe('Cockpit (browser)', () => {
  it('Pusat sets the national harvest target and allocates it to the Kanwils; the Kanwil allocates to its UPTs', async () => {
    const page = await as('admin.pusat');
    const inds = await api<{ items: Array<{ id: number; code: string }> }>(page, '/indicators');
    state.indicatorId = inds.items.find((i) => i.code === 'KPI-PANGAN-PANEN')!.id;
    const kanwils = await api<Array<{ id: number; name: string }> | { items: Array<{ id: number; name: string }> }>(page, '/org/kanwils');
    const list = Array.isArray(kanwils) ? kanwils : kanwils.items;
    state.jateng = list.find((k) => /Jawa Tengah/.test(k.name))!.id;
    await open(page, `/target?indikator=${state.indicatorId}`);
    const set = page.getByRole('form', { name: 'Tetapkan atau revisi target' });
    await set.getByLabel(/^Nilai target/).fill('50.000');
    await set.getByRole('button', { name: 'Simpan target' }).click();
    await set.getByText('Minimal 3 karakter.').waitFor(); // the reason is required: nothing sent
    await set.getByLabel(/^Alasan/).fill(`Target panen nasional E2E ${stamp}`);
    await set.getByRole('button', { name: 'Simpan target' }).click();
    await set.getByRole('status').filter({ hasText: 'Target tersimpan.' }).waitFor();
    const alloc = page.getByRole('form', { name: 'Alokasikan ke bawah' });
    await alloc.getByLabel(/^Alasan/).fill('Proporsional kapasitas');
    await alloc.getByRole('button', { name: 'Alokasikan' }).click();
    await alloc.getByTestId('allocated').filter({ hasText: '50.000,0 = target induk 50.000,0' }).waitFor();
    await page.getByRole('table', { name: 'Target berlaku' }).getByText(/Kanwil Ditjenpas Jawa Tengah/).waitFor();
    await axe(page, '/target (Pusat)');

    const kanwil = await as('kanwil.jateng');
    await open(kanwil, `/target?indikator=${state.indicatorId}`);
    const kAlloc = kanwil.getByRole('form', { name: 'Alokasikan ke bawah' });
    await kAlloc.getByLabel(/^Cara/).selectOption('equal');
    await kAlloc.getByLabel(/^Alasan/).fill('Sama rata per UPT');
    await kAlloc.getByRole('button', { name: 'Alokasikan' }).click();
    await kAlloc.getByTestId('allocated').waitFor();
    const targets = await api<{ items: Array<{ level: string; kanwilId: number | null; value: number }> }>(kanwil, '/targets', { year: Number(today.slice(0, 4)), indicatorId: state.indicatorId });
    const kTarget = targets.items.find((r) => r.level === 'kanwil' && r.kanwilId === state.jateng)!.value;
    expect(targets.items.filter((r) => r.level === 'upt').reduce((s, r) => s + r.value, 0)).toBe(kTarget);
  });

  it('a UPT records a harvest; after the refresh the dashboard shows it and the nation equals the sum of the UPTs', async () => {
    const op = await as('operator.lapas.semarang');
    await open(op, '/pangan');
    await op.getByRole('group', { name: 'Catat' }).getByRole('button', { name: 'Catat panen' }).click();
    const form = op.getByRole('form', { name: 'Catat panen' });
    await form.getByLabel(/^Komoditas/).fill(`Jagung Kokpit ${stamp}`);
    await form.getByLabel(/^Hasil panen \(kg\)/).fill('1234,5');
    await form.getByRole('button', { name: 'Catat panen' }).click();
    await op.getByRole('status').filter({ hasText: `Jagung Kokpit ${stamp}` }).waitFor();

    const page = await as('admin.pusat');
    const year = Number(today.slice(0, 4));
    const before = harvestOf(await api<Dash>(page, '/cockpit/dashboard', { year }));
    await open(page, `/capaian?tahun=${year}`);
    await page.getByRole('button', { name: 'Perbarui rekap sekarang' }).click();
    await page.getByRole('status').filter({ hasText: 'Rekap diperbarui' }).waitFor();
    const after = harvestOf(await api<Dash>(page, '/cockpit/dashboard', { year }));
    expect(after.value - before.value).toBe(1_234_500);
    // The figure on the page is the national rollup, in kg.
    const shown = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(after.value / 1000);
    await page.getByTestId('realised-KPI-PANGAN-PANEN').filter({ hasText: shown }).waitFor();
    // National = Σ Kanwil; each Kanwil = Σ of its UPTs.
    expect(after.children.reduce((s, c) => s + c.value, 0)).toBe(after.value);
    let sumUpts = 0;
    for (const k of after.children.filter((c) => c.value !== 0)) {
      const kd = harvestOf(await api<Dash>(page, '/cockpit/dashboard', { year, kanwilId: k.id }));
      expect(kd.value).toBe(k.value);
      sumUpts += kd.children.reduce((s, c) => s + c.value, 0);
    }
    expect(sumUpts).toBe(after.value);
    await page.getByTestId('refreshed-at').filter({ hasText: 'Rekap terakhir diperbarui' }).waitFor();
    await axe(page, '/capaian (national)');
  });

  it('drills down nation → Kanwil → UPT to the records behind the figure', async () => {
    const page = await as('admin.pusat');
    const year = Number(today.slice(0, 4));
    await open(page, `/capaian?tahun=${year}`);
    await page.getByRole('region', { name: /Rincian per Kanwil/ }).getByRole('link', { name: 'Kanwil Ditjenpas Jawa Tengah' }).click();
    await page.waitForURL((u) => u.searchParams.get('kanwil') === String(state.jateng));
    await page.getByRole('heading', { level: 1, name: /Jawa Tengah/ }).waitFor();
    await page.locator('a[data-code="KPI-PANGAN-PANEN"]').click();
    await page.waitForURL((u) => u.pathname === `/capaian/indikator/${state.indicatorId}`);
    await page.getByRole('heading', { name: /Peringkat UPT/ }).waitFor();
    await page.getByRole('table', { name: /Peringkat UPT/ }).getByRole('link', { name: 'Lapas Kelas I Semarang' }).click();
    await page.waitForURL((u) => u.searchParams.has('upt'));
    await settle(page);
    state.semarang = Number(new URL(page.url()).searchParams.get('upt'));
    await page.getByRole('table', { name: 'Catatan di balik angka' }).getByText(`Jagung Kokpit ${stamp}`).waitFor();
    await axe(page, '/capaian/indikator (UPT)');
  });

  it('the monthly report shows the new realisation, goes submit → verify → receive, and its XLSX and PDF carry it', async () => {
    const head = await as('kepala.lapas.semarang');
    await open(head, `/laporan?bulan=${month}`);
    await head.getByRole('button', { name: 'Buat laporan bulan ini' }).click();
    await head.waitForURL((u) => /^\/laporan\/\d+$/.test(u.pathname));
    await settle(head);
    state.reportId = Number(new URL(head.url()).pathname.split('/').pop());
    const report = await api<{ figures: { lines: Array<{ code: string; month: number }> } }>(head, `/reports/${state.reportId}`);
    const monthGrams = report.figures.lines.find((l) => l.code === 'KPI-PANGAN-PANEN')!.month;
    const raw = await api<{ rows: Array<{ uptId: number; farmingGrams: number; fisheriesGrams: number; livestockGrams: number }> }>(head, '/food/summary', { from: month, to: today });
    const uptRaw = raw.rows.reduce((s, r) => s + r.farmingGrams + r.fisheriesGrams + r.livestockGrams, 0);
    expect(monthGrams).toBe(uptRaw);
    const kg = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(monthGrams / 1000);
    await head.getByTestId('month-KPI-PANGAN-PANEN').filter({ hasText: kg }).waitFor();
    await head.getByLabel('Ringkasan').fill(`Panen jagung E2E ${stamp}`);
    await head.getByRole('button', { name: 'Simpan komentar' }).click();
    await head.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    await head.getByRole('button', { name: 'Kirim laporan' }).click();
    await head.getByText('Angka dibekukan saat dikirim.').waitFor();
    await axe(head, '/laporan/:id (submitted)');

    const kanwil = await as('kanwil.jateng');
    await open(kanwil, `/laporan/${state.reportId}`);
    await kanwil.getByRole('button', { name: 'Verifikasi' }).click();
    await kanwil.locator('[data-status="verified"]').first().waitFor();
    const admin = await as('admin.pusat');
    await open(admin, `/laporan/${state.reportId}`);
    await admin.getByRole('button', { name: 'Terima', exact: true }).click();
    await admin.locator('[data-status="received"]').first().waitFor();

    const xlsxHref = await admin.getByTestId('download-xlsx').getAttribute('href');
    const xlsx = await admin.request.get(`${url}${xlsxHref}`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    // A number in kg (not text), so the sheet can sum it.
    expect(rows.find((r) => r[0] === 'KPI-PANGAN-PANEN')![4]).toBe(monthGrams / 1000);
    const pdfHref = await admin.getByTestId('download-pdf').getAttribute('href');
    const pdf = await admin.request.get(`${url}${pdfHref}`);
    const facts = pdfFacts(await pdf.body());
    expect(facts).toMatchObject({ header: true, eof: true });
    expect(facts.title).toMatch(/LAPORAN BULANAN LAPAS KELAS I SEMARANG/);
  });

  it('shows the province tile map with its table, occupancy in both conventions and the reports list, without accessibility problems', async () => {
    const page = await as('admin.pusat');
    await open(page, '/capaian/peta');
    expect(await page.locator('[data-testid="tile-map"] [data-province]').count()).toBe(38);
    await page.getByRole('table', { name: 'Tabel per provinsi' }).getByText('Jawa Tengah', { exact: true }).waitFor();
    await axe(page, '/capaian/peta');
    await open(page, '/capaian/hunian');
    await page.getByTestId('occ-ratio').getByText(/\d+,\d{2}%/).waitFor();
    await page.getByTestId('occ-over').getByText(/\d+,\d{2}%/).waitFor();
    await axe(page, '/capaian/hunian');
    await open(page, `/laporan?bulan=${month}`);
    await page.getByRole('table', { name: 'Terlambat atau belum masuk' }).waitFor();
    await axe(page, '/laporan');
    expect(axeProblems.join('\n')).toBe('');
  });
});
