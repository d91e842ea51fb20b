import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../src/domain/calendar/date.ts';
import { startE2E, type E2E } from './harness.ts';
import { browserSession } from './session.ts';

/**
 * Overstay history in a real browser: an operator records a detainee admitted two months ago whose
 * order ran out after ten days and who was released only in the following month. After the
 * rollup refresh the zero-overstaying indicator shows one more overstay at the end of that past
 * month (and not at the end of the next), in the cockpit's trend and in that month's report.
 * Dates derive from the server's "today".
 */
let e2e: E2E;
let url: string;
let today = '';
const { as, open, settle, closeAll } = browserSession(() => e2e);

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

type Trend = { months: Array<{ month: string; value: number | null }> };

describe('Overstay history (browser)', () => {
  it('an overstay in a past month shows in that month’s trend and report', async () => {
    const past = addMonths(`${today.slice(0, 7)}-01`, -2); // first day of the month two months ago
    const next = addMonths(past, 1);
    const year = past.slice(0, 4);
    const op = await as('operator.lapas.semarang');
    const inds = await api<{ items: Array<{ id: number; code: string }> }>(op, '/indicators');
    const overstayId = inds.items.find((i) => i.code === 'RP20-09')!.id;
    const trendOf = async (p: Page) => (await api<Trend>(p, `/cockpit/trend?year=${year}&indicatorId=${overstayId}`)).months;
    const before = await trendOf(op);
    const monthIndex = Number(past.slice(5, 7)) - 1;

    // Admitted on the 1st, an order of 10 days (ends on the 10th), released on the 5th of the next month.
    await open(op, '/wbp/baru');
    await op.getByLabel('No Register').fill(`H.E2E${Date.now() % 100000}/${year}`);
    await op.getByLabel(/^Nama/).fill('Riwayat Overstay Peramban');
    await op.getByLabel(/^Jenis kelamin/).selectOption('L');
    await op.getByLabel(/^Agama/).selectOption('islam');
    await op.getByLabel(/^Status/).selectOption('tahanan');
    await op.getByLabel(/^Mulai penahanan/).fill(past);
    await op.getByLabel(/^Masuk UPT/).fill(past);
    await op.getByRole('main').getByRole('button', { name: 'Catat WBP' }).click();
    await op.waitForURL((u) => /^\/wbp\/\d+$/.test(u.pathname));
    await settle(op);
    const order = op.getByRole('form', { name: 'Penahanan / perpanjangan' });
    await order.getByLabel(/^Mulai/).fill(past);
    await order.getByLabel(/^Lama \(hari\)/).fill('10');
    await order.getByRole('button', { name: 'Simpan surat perintah' }).click();
    await op.getByRole('status').filter({ hasText: 'Surat perintah penahanan tersimpan.' }).waitFor();
    await op.getByRole('group', { name: 'Catat perubahan' }).getByRole('button', { name: 'Pembebasan' }).click();
    const release = op.getByRole('form', { name: 'Pembebasan' });
    await release.getByLabel(/^Tanggal keluar/).fill(addDays(next, 4));
    await release.getByRole('button', { name: 'Catat pembebasan' }).click();
    await op.getByText(/^Sudah bebas\/keluar pada /).first().waitFor();

    // Pusat refreshes the rollups; the head of the UPT reads the indicator's trend.
    const admin = await as('admin.pusat');
    await open(admin, `/capaian?tahun=${today.slice(0, 4)}`);
    await admin.getByRole('button', { name: 'Perbarui rekap sekarang' }).click();
    await admin.getByRole('status').filter({ hasText: 'Rekap diperbarui' }).waitFor();
    const head = await as('kepala.lapas.semarang');
    const after = await trendOf(head);
    const delta = after.map((m, i) => (m.value ?? 0) - (before[i]!.value ?? 0));
    expect(delta[monthIndex]).toBe(1);
    expect(delta.filter((d) => d !== 0)).toEqual([1]);

    await open(head, `/capaian/indikator/${overstayId}?tahun=${year}`);
    const trendTable = head.getByRole('table', { name: `Tren bulanan ${year}` });
    const row = trendTable.locator('tbody tr').nth(monthIndex);
    await row.getByText(String(after[monthIndex]!.value), { exact: true }).waitFor();

    // That month's report carries the same figure, and cannot say "Tercapai" with an overstay in it.
    await open(head, `/laporan?bulan=${past}`);
    await head.getByRole('button', { name: /^Buat laporan/ }).click();
    await head.waitForURL((u) => /^\/laporan\/\d+$/.test(u.pathname));
    await settle(head);
    const line = head.getByRole('table', { name: 'Angka bulan ini' }).locator('tr', { hasText: 'RP20-09' });
    await line.getByText(String(after[monthIndex]!.value), { exact: true }).first().waitFor();
    expect(await line.textContent()).not.toContain('Tercapai');
  });
});
