import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.ts';
import { browserSession } from './session.ts';

/**
 * Issue "selling prison products and depositing PNBP", end to end in a real browser: a visitor
 * finds a Lapas Semarang product in the public catalogue and sends an order; the head of unit
 * turns it into an institutional order, delivers, invoices and records the payment; applies this
 * month's proceeds split (the premi reaches the ledgers of the inmates who worked); creates the
 * SIMPONI billing for the PNBP due and records its NTPN — and the national PNBP realisation moves
 * by exactly that amount. A duplicate submission of the visitor's form changes nothing.
 */
let e2e: E2E;
let url: string;
let today = '';
const { as, newPage, settle, open, axe, axeProblems, closeAll } = browserSession(() => e2e);

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
interface Item { id: number; ref: string; name: string; uptName: string; availability: 'available' | 'limited' | 'preorder' }
interface PnbpSummary { totals?: { paidRupiah: number } ; [k: string]: unknown }

describe('Sales to PNBP (browser)', () => {
  const state = { number: '', product: null as Item | null, saleId: 0, pnbp: 0, paidBefore: 0 };
  let head: Page;
  let admin: Page;

  it('a visitor finds a product and sends an order; sending the same form twice makes one request', async () => {
    const visitor = await newPage({ width: 390, height: 844 });
    const found = (await (await fetch(`${url}/api/v1/catalogue/search?q=semarang&pageSize=60`)).json()) as { items: Item[] };
    // A product the outlet holds plenty of (the band was once misspelt here, so any product was taken).
    state.product = found.items.find((i) => i.uptName === 'Lapas Kelas I Semarang' && i.availability === 'available') ?? null;
    expect(state.product).not.toBeNull();
    await visitor.goto(`${url}/katalog/produk/${state.product!.ref}`);
    await visitor.getByRole('heading', { level: 1, name: state.product!.name }).waitFor();
    await visitor.getByRole('link', { name: 'Pesan / minta penawaran' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Kirim pesanan atau permintaan penawaran' }).waitFor();
    await visitor.getByLabel('Pemesan').selectOption('agency');
    await visitor.getByLabel('Nama lengkap').fill('Rina Lestari');
    await visitor.getByLabel('Nama instansi / perusahaan').fill('Dinas Koperasi Kota Semarang');
    await visitor.getByLabel('Email').fill('rina@example.go.id');
    await visitor.getByLabel('Daerah pengiriman').fill('Kota Semarang, Jawa Tengah');
    await axe(visitor, 'formulir pesan');
    // The form's hidden key goes with both posts: the second answers the first's request.
    const form = await visitor.locator('form').filter({ has: visitor.getByRole('button', { name: 'Kirim permintaan' }) }).evaluate((f: HTMLFormElement) => ({ action: f.action, data: [...new FormData(f).entries()].map(([k, v]) => [k, String(v)]) }));
    const body = new URLSearchParams(form.data as [string, string][]).toString();
    const first = await visitor.request.post(form.action, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: body, maxRedirects: 0 });
    const second = await visitor.request.post(form.action, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: body, maxRedirects: 0 });
    expect(first.status()).toBeLessThan(400);
    expect(second.status()).toBeLessThan(400);
    head = await as('kepala.lapas.semarang');
    const inbox = await api<{ items: Array<{ number: string; buyerName: string }> }>(head, '/catalogue/requests?pageSize=200');
    const mine = inbox.items.filter((r) => r.buyerName === 'Rina Lestari');
    expect(mine).toHaveLength(1);
    state.number = mine[0]!.number;
  });

  it('the UPT turns it into an order, delivers, invoices and records the payment', async () => {
    await open(head, '/permintaan');
    await head.getByRole('link', { name: state.number }).click();
    await head.getByRole('heading', { level: 1, name: `Permintaan ${state.number}` }).waitFor();
    await settle(head);
    const convert = head.getByRole('form', { name: 'Jadikan pesanan instansi' });
    await convert.getByLabel(/^Lokasi stok/).selectOption({ label: 'Outlet / Showroom' });
    await axe(head, 'permintaan (buat penawaran)');
    await convert.getByRole('button', { name: 'Buat penawaran' }).click();
    await head.waitForURL((u) => /^\/penjualan\/\d+$/.test(u.pathname));
    state.saleId = Number(new URL(head.url()).pathname.split('/').pop());
    await settle(head);
    await head.getByRole('status').filter({ hasText: /Penawaran PNW-\d{4}-\d{6} dibuat/ }).waitFor();
    for (const [step, status] of [['Penawaran disetujui (dipesan)', 'Dipesan'], ['Kirim barang', 'Dikirim'], ['Terbitkan faktur', 'Ditagih']] as const) {
      await head.getByRole('button', { name: step }).click();
      await head.getByTestId('sale-status').filter({ hasText: status }).waitFor();
    }
    await head.getByRole('form', { name: 'Catat pembayaran' }).getByRole('button', { name: 'Catat pembayaran' }).click();
    await head.getByTestId('sale-status').filter({ hasText: 'Lunas' }).waitFor();
    const request = await api<{ status: string }>(head, `/catalogue/requests/${(await api<{ orderRequestId: number }>(head, `/sales/${state.saleId}`)).orderRequestId}`);
    expect(request.status).toBe('converted');
  });

  it('applies the split: the premi reaches the workers’ ledgers', async () => {
    await open(head, '/penjualan/bagi-hasil');
    const preview = await api<{ groups: Array<{ pnbpRupiah: number; workers: Array<{ wbpId: number; amountRupiah: number }> }> }>(head, `/sales/splits/preview?month=${today.slice(0, 7)}`);
    const worker = preview.groups.flatMap((g) => g.workers).find((w) => w.amountRupiah > 0)!;
    expect(worker).toBeTruthy();
    const ledgerBefore = await api<{ balanceRupiah: number }>(head, `/premi/wbp/${worker.wbpId}`);
    await head.getByRole('form', { name: 'Terapkan bagi hasil bulanan' }).getByRole('button', { name: 'Terapkan bagi hasil' }).click();
    await head.getByRole('status').filter({ hasText: /Bagi hasil diterapkan/ }).waitFor();
    const ledgerAfter = await api<{ balanceRupiah: number; entries: Array<{ kind: string; amountRupiah: number }> }>(head, `/premi/wbp/${worker.wbpId}`);
    expect(ledgerAfter.balanceRupiah - ledgerBefore.balanceRupiah).toBe(worker.amountRupiah);
    expect(ledgerAfter.entries.some((e) => e.kind === 'proceeds_share' && e.amountRupiah === worker.amountRupiah)).toBe(true);
    state.pnbp = preview.groups.reduce((a, g) => a + g.pnbpRupiah, 0);
    expect(state.pnbp).toBeGreaterThan(0);
  });

  it('bills the PNBP, records the NTPN, and the national realisation moves by exactly that amount', async () => {
    admin = await as('admin.pusat');
    const year = today.slice(0, 4);
    const paidOf = (s: PnbpSummary) => Number((s as { totals: { paidRupiah: number } }).totals.paidRupiah);
    state.paidBefore = paidOf(await api<PnbpSummary>(admin, `/pnbp/summary?year=${year}`));
    const kode = `82026${String(Date.now()).slice(-10)}`;
    await open(head, '/pnbp');
    await head.getByRole('button', { name: 'Catat kode billing' }).click();
    const form = head.getByRole('form', { name: 'Catat kode billing SIMPONI' });
    await form.getByLabel('Kode billing (15 angka)').fill(kode);
    await form.getByLabel('Jumlah').fill(String(state.pnbp));
    await form.getByLabel('Kode akun (6 angka)').fill('425999');
    await form.getByLabel('Bulan PNBP').fill(today.slice(0, 7));
    await form.getByLabel('Uraian').fill(`PNBP penjualan ${today.slice(0, 7)}`);
    await form.getByRole('button', { name: 'Simpan billing' }).click();
    await head.getByRole('status').getByText(`Kode billing ${kode} tersimpan.`).waitFor();
    const row = head.getByRole('row').filter({ has: head.locator(`[data-kode="${kode}"]`) });
    await row.getByRole('button', { name: `Catat NTPN untuk kode billing ${kode}` }).click();
    const dialog = head.getByRole('dialog');
    await dialog.getByLabel('NTPN (16 huruf/angka)').fill('FLOW2026NTPN0001');
    await dialog.getByLabel('Bank/kanal pembayaran').fill('BNI');
    await dialog.getByRole('button', { name: 'Simpan NTPN' }).click();
    await row.locator('[data-status="paid"]').waitFor();
    const after = paidOf(await api<PnbpSummary>(admin, `/pnbp/summary?year=${year}`));
    expect(after - state.paidBefore).toBe(state.pnbp);
    await open(admin, '/pnbp/rekap');
    await axe(admin, '/pnbp/rekap');
    expect(axeProblems).toEqual([]);
  });
});
