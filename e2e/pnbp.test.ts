import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.ts';
import { browserSession } from './session.ts';

/**
 * PNBP in a real browser, on the seeded demo (Lapas Kelas I Semarang has months of PNBP due, paid
 * billings, and last month's billing expired unpaid): the head of unit records a new billing for
 * last month's unbilled PNBP (a kode billing of 14 digits is refused under its field and creates
 * nothing), records its NTPN, and sees the month reconciled; head office's national rollup shows
 * the amount paid up by exactly that amount. axe on every page.
 */

let e2e: E2E;
let url: string;
let today = '';
const { as, settle, open, axe, axeProblems, closeAll } = browserSession(() => e2e);
const kode = `8${String(Date.now()).slice(-14).padStart(14, '0')}`;
const state = { month: '', amount: 0, nationalPaidBefore: 0 };

interface Line { uptId: number; month: string; dueRupiah: number; unbilledRupiah: number; paidRupiah: number; gapRupiah: number; gaps: Array<{ code: string }> }
interface Recon { upts: Array<{ uptId: number }>; lines: Line[] }

beforeAll(async () => {
  e2e = await startE2E();
  url = e2e.url;
  today = ((await (await fetch(`${url}/api/v1/meta`)).json()) as { today: string }).today;
  const [y, m] = today.split('-').map(Number) as [number, number];
  state.month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
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
const digits = (s: string) => Number(s.replace(/[^0-9-]/g, ''));

describe('PNBP (browser)', () => {
  it('head office reads the national paid figure before', async () => {
    const admin = await as('admin.pusat');
    await open(admin, `/pnbp/rekap?tahun=${state.month.slice(0, 4)}`);
    await admin.getByTestId('rollup-paid').waitFor();
    state.nationalPaidBefore = digits((await admin.getByTestId('rollup-paid').locator('[data-value]').textContent()) ?? '');
    const api0 = await api<{ totals: { paidRupiah: number } }>(admin, '/pnbp/summary', { year: state.month.slice(0, 4) });
    expect(state.nationalPaidBefore).toBe(api0.totals.paidRupiah);
    await axe(admin, '/pnbp/rekap');
  });

  it('head of unit records a billing (a bad kode billing is refused under its field), then its NTPN, and sees the month reconciled', async () => {
    const page = await as('kepala.lapas.semarang');
    await open(page, '/pnbp');
    // Named "PNBP" in the menu, not "PNBP UPT": the menu's "UPT" link must stay unambiguous.
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'PNBP', exact: true }).waitFor();
    // Last month: due, billing expired unpaid, so all of it is still to bill.
    const recon = await api<Recon>(page, '/pnbp/reconciliation', { from: state.month, to: state.month });
    const line = recon.lines[0]!;
    expect(line.gaps.map((g) => g.code)).toContain('expired_unpaid');
    state.amount = line.unbilledRupiah;
    expect(state.amount).toBeGreaterThan(0);
    await page.locator('[data-status="expired"]').first().waitFor();
    await axe(page, '/pnbp');

    const billingsBefore = (await api<{ items: unknown[] }>(page, '/pnbp/billings')).items.length;
    await page.getByRole('button', { name: 'Catat kode billing' }).click();
    const form = page.getByRole('form', { name: 'Catat kode billing SIMPONI' });
    await form.getByLabel('Kode billing (15 angka)').fill(kode.slice(0, 14));
    await form.getByLabel('Jumlah').fill(String(state.amount));
    await form.getByLabel('Kode akun (6 angka)').fill('425999');
    await form.getByLabel('Bulan PNBP').fill(state.month);
    await form.getByLabel('Uraian').fill(`PNBP penjualan ${state.month}`);
    await form.getByRole('button', { name: 'Simpan billing' }).click();
    await form.getByText('Kode billing harus tepat 15 angka.').waitFor();
    await axe(page, '/pnbp (billing form errors)');
    expect((await api<{ items: unknown[] }>(page, '/pnbp/billings')).items.length).toBe(billingsBefore);

    await form.getByLabel('Kode billing (15 angka)').fill(kode);
    await form.getByRole('button', { name: 'Simpan billing' }).click();
    await page.getByRole('status').getByText(`Kode billing ${kode} tersimpan.`).waitFor();
    const row = page.getByRole('row').filter({ has: page.locator(`[data-kode="${kode}"]`) });
    await row.locator('[data-status="unpaid"]').waitFor();

    await row.getByRole('button', { name: `Catat NTPN untuk kode billing ${kode}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('NTPN (16 huruf/angka)').fill('e2e0 ntpn 1234 abcd');
    await dialog.getByLabel('Bank/kanal pembayaran').fill('BRI');
    await axe(page, '/pnbp (NTPN dialog)');
    await dialog.getByRole('button', { name: 'Simpan NTPN' }).click();
    await page.getByRole('status').getByText(`NTPN E2E0NTPN1234ABCD tercatat; billing ${kode} lunas.`).waitFor();
    await row.locator('[data-status="paid"]').waitFor();
    await row.getByText('E2E0NTPN1234ABCD').waitFor();

    await open(page, `/pnbp/rekonsiliasi?dari=${state.month}&sampai=${state.month}`);
    const reconRow = page.getByRole('table', { name: 'Rincian per UPT dan bulan' }).getByRole('row').nth(1);
    await reconRow.waitFor();
    const after = (await api<Recon>(page, '/pnbp/reconciliation', { from: state.month, to: state.month })).lines[0]!;
    expect([after.unbilledRupiah, after.gapRupiah, after.paidRupiah]).toEqual([0, 0, after.dueRupiah]);
    expect(after.gaps.map((g) => g.code)).toEqual(['expired_unpaid']);
    const xlsx = await page.request.get(await page.getByTestId('recon-xlsx').getAttribute('href').then((h) => `${url}${h}`));
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await axe(page, '/pnbp/rekonsiliasi');
  });

  it('head office sees the national paid amount up by exactly the amount paid', async () => {
    const admin = await as('admin.pusat');
    await open(admin, `/pnbp/rekap?tahun=${state.month.slice(0, 4)}`);
    const expected = state.nationalPaidBefore + state.amount;
    await admin.waitForFunction((n) => document.querySelector('[data-testid="rollup-paid"] [data-value]')?.textContent?.replace(/[^0-9]/g, '') === String(n), expected);
    const summary = await api<{ totals: { paidRupiah: number } }>(admin, '/pnbp/summary', { year: state.month.slice(0, 4) });
    expect(summary.totals.paidRupiah).toBe(expected);
    await admin.getByRole('button', { name: /Lihat UPT: .*Jawa Tengah/ }).click();
    await settle(admin);
    await admin.getByRole('link', { name: /Buka PNBP UPT: Lapas Kelas I Semarang/i }).waitFor();
    await axe(admin, '/pnbp/rekap (Kanwil)');
    expect(axeProblems).toEqual([]);
  });
});
