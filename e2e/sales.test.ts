import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.ts';
import { browserSession } from './session.ts';

/**
 * "Penjualan & PNBP" in a real browser on the seeded demo (Lapas Kelas I Semarang has two months
 * of sales and last month's split): the head of unit records an outlet sale (a quantity beyond the
 * stock is refused under the field and records nothing), takes an institutional order from
 * quotation to payment, applies this month's proceeds split, and the national figures move by
 * exactly the PNBP due the split created. Axe on every page.
 */
let e2e: E2E;
let url: string;
let today = '';
const { as, settle, open, axe, axeProblems, closeAll } = browserSession(() => e2e);

interface Summary { totals: { revenueRupiah: number; pnbpDueRupiah: number }; units: Array<{ id: number; pnbpDueRupiah: number }> }

beforeAll(async () => {
  e2e = await startE2E();
  url = e2e.url;
  today = ((await (await fetch(`${url}/api/v1/meta`)).json()) as { today: string }).today;
});
afterAll(async () => {
  await closeAll();
  await e2e?.close();
});

async function api<T>(page: Page, p: string): Promise<T> {
  const res = await page.request.get(`${url}/api/v1${p}`);
  expect(res.status(), p).toBe(200);
  return (await res.json()) as T;
}
const count = async (page: Page) => (await api<{ total: number }>(page, '/sales?pageSize=1')).total;

describe('Penjualan & PNBP (browser)', () => {
  let head: Page;
  let admin: Page;
  let nationalBefore: Summary;

  it('records an outlet sale with a printable receipt; too much is refused and records nothing', async () => {
    head = await as('kepala.lapas.semarang');
    admin = await as('admin.pusat');
    nationalBefore = await api<Summary>(admin, `/sales/summary?year=${today.slice(0, 4)}`);
    await open(head, '/penjualan');
    await head.getByTestId('sales-revenue').waitFor();
    await axe(head, '/penjualan');
    await head.getByRole('main').getByRole('link', { name: 'Catat penjualan' }).click();
    await head.waitForURL((u) => u.pathname === '/penjualan/baru');
    await settle(head);
    const form = head.getByRole('form', { name: 'Catat penjualan' });
    await form.getByLabel(/^Lokasi stok/).selectOption({ label: 'Outlet / Showroom' });
    const product = form.getByLabel(/^Produk/).first();
    const firstProduct = (await product.locator('option').nth(1).textContent()) ?? '';
    await product.selectOption({ index: 1 });
    const before = await count(head);
    await form.getByLabel(/^Jumlah/).first().fill('100000');
    await form.getByRole('button', { name: 'Simpan penjualan' }).click();
    await form.getByText(/tidak cukup/).waitFor();
    expect(await count(head)).toBe(before);
    await axe(head, '/penjualan/baru (error)');
    await form.getByLabel(/^Jumlah/).first().fill('2');
    await form.getByRole('button', { name: 'Simpan penjualan' }).click();
    await head.waitForURL((u) => /^\/penjualan\/\d+$/.test(u.pathname));
    await settle(head);
    await head.getByRole('status').filter({ hasText: 'Penjualan tersimpan.' }).waitFor();
    expect(await head.getByTestId('sale-status').textContent()).toBe('Lunas');
    await head.getByRole('table', { name: 'Barang' }).getByText(firstProduct.split(' — ')[0]!).waitFor();
    const receipt = head.getByRole('link', { name: /^KWT-\d{4}-\d{6}$/ });
    const href = await receipt.getAttribute('href');
    const pdf = await head.request.get(`${url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await count(head)).toBe(before + 1);
    await axe(head, '/penjualan/:id');
  });

  it('takes an institutional order from quotation to payment', async () => {
    await open(head, '/penjualan/baru');
    const form = head.getByRole('form', { name: 'Catat penjualan' });
    await form.getByLabel(/^Saluran/).selectOption('institution');
    await form.getByLabel(/^Lokasi stok/).selectOption({ label: 'Outlet / Showroom' });
    await form.getByLabel(/^Produk/).first().selectOption({ index: 1 });
    await form.getByLabel(/^Jumlah/).first().fill('3');
    await form.getByLabel(/^Jenis pembeli/).selectOption('agency');
    await form.getByLabel(/^Nama pembeli/).fill('Bagian Umum');
    await form.getByLabel(/^Instansi/).fill('Dinas Sosial Kota Semarang');
    await form.getByRole('button', { name: 'Simpan penawaran' }).click();
    await head.waitForURL((u) => /^\/penjualan\/\d+$/.test(u.pathname));
    await settle(head);
    expect(await head.getByTestId('sale-status').textContent()).toBe('Penawaran');
    for (const [step, status] of [['Penawaran disetujui (dipesan)', 'Dipesan'], ['Kirim barang', 'Dikirim'], ['Terbitkan faktur', 'Ditagih']] as const) {
      await head.getByRole('button', { name: step }).click();
      await head.getByTestId('sale-status').filter({ hasText: status }).waitFor();
    }
    await axe(head, '/penjualan/:id (invoiced)');
    const pay = head.getByRole('form', { name: 'Catat pembayaran' });
    await pay.getByRole('button', { name: 'Catat pembayaran' }).click();
    await head.getByTestId('sale-status').filter({ hasText: 'Lunas' }).waitFor();
    await head.getByRole('link', { name: 'Cetak faktur' }).waitFor();
  });

  it('applies this month’s split and the national PNBP due moves by exactly that amount', async () => {
    await open(head, '/penjualan/bagi-hasil');
    await axe(head, '/penjualan/bagi-hasil');
    const apply = head.getByRole('form', { name: 'Terapkan bagi hasil bulanan' });
    await apply.getByTestId('split-preview').first().waitFor();
    await apply.getByRole('button', { name: 'Terapkan bagi hasil' }).click();
    await head.getByRole('status').filter({ hasText: /Bagi hasil diterapkan/ }).waitFor();
    const splits = await api<{ items: Array<{ month: string; pnbpRupiah: number; reverses: number | null; createdAt: string }> }>(head, `/sales/splits?year=${today.slice(0, 4)}`);
    const applied = splits.items.filter((s) => s.month === today.slice(0, 7) && s.reverses === null);
    const due = applied.reduce((a, s) => a + s.pnbpRupiah, 0);
    expect(due).toBeGreaterThan(0);
    const after = await api<Summary>(admin, `/sales/summary?year=${today.slice(0, 4)}`);
    expect(after.totals.pnbpDueRupiah - nationalBefore.totals.pnbpDueRupiah).toBe(due);
    expect(after.totals.pnbpDueRupiah).toBe(after.units.reduce((a, u) => a + u.pnbpDueRupiah, 0));
    await open(admin, '/penjualan');
    await admin.getByRole('table', { name: 'Per Kanwil' }).waitFor();
    await axe(admin, '/penjualan (national)');
    expect(axeProblems).toEqual([]);
  });
});
