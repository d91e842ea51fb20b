import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.ts';
import { addDays, browserSession } from './session.ts';

/**
 * "Kerja & Produksi" in a real browser, on the seeded demo (Lapas Kelas I Semarang already has
 * activities, allocations and eight weeks of attendance): an operator creates an activity with a
 * daily rate, places inmates from a pasted list (one unknown number), takes today's attendance
 * with one exception while the first save's answer is lost (sent again safely: one sheet, one
 * premi posting), records a production batch and a harvest, and sees premi and stock move. Then
 * the head of unit checks a payout, axe on every new page, and the attendance sheet on a phone.
 * One server for the file; the tests build on each other in order.
 */


let e2e: E2E;
let url: string;
let today = '';
const { as, settle, open, axe, axeProblems, closeAll } = browserSession(() => e2e);
const stamp = String(Date.now() % 100000);
/** Shared between the tests, in order. */
const state = {
  activityId: 0,
  activityName: `Sablon kaos E2E ${stamp}`,
  inmates: [] as { id: number; noRegister: string; name: string }[],
  productId: 0,
  batchId: 0,
};

beforeAll(async () => {
  e2e = await startE2E();
  url = e2e.url;
  const meta = (await (await fetch(`${url}/api/v1/meta`)).json()) as { today: string };
  today = meta.today;
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


interface Ledger {
  balanceRupiah: number;
  entries: { id: number; kind: string; amountRupiah: number; reference: string | null; date: string }[];
}

describe('Kerja & Produksi (browser)', () => {
  it('creates an activity with a daily rate and places inmates from a pasted list (one unknown number)', async () => {
    const page = await as('operator.lapas.semarang');
    // Held sentenced inmates of the UPT who are not placed anywhere yet (no schedule clash).
    const list = await api<{ items: { id: number; noRegister: string; name: string }[] }>(page, '/wbp', { status: 'narapidana', state: 'active', pageSize: 200 });
    // Two-word names found once in the list, so each row and label is unambiguous.
    const once = (name: string) => list.items.filter((x) => x.name === name).length === 1;
    for (const w of list.items.filter((x) => x.noRegister.startsWith('B.I-') && x.name.split(' ').length >= 2 && once(x.name))) {
      const work = await api<{ allocations: { status: string }[] }>(page, `/wbp/${w.id}/work`);
      if (!work.allocations.some((a) => a.status !== 'ended')) state.inmates.push(w);
      if (state.inmates.length === 3) break;
    }
    expect(state.inmates).toHaveLength(3);

    await open(page, '/kerja');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Ringkasan kerja' }).waitFor();
    await page.getByTestId('stat-rate').getByText(/\d+,\d{2}%/).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Kegiatan kerja' }).click();
    await page.waitForURL((u) => u.pathname === '/kerja/kegiatan');
    await settle(page);
    await page.getByRole('table', { name: 'Kegiatan kerja' }).getByText('Konveksi / garmen').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Tambah kegiatan' }).click();
    await page.waitForURL((u) => u.pathname === '/kerja/kegiatan/baru');
    await settle(page);

    const form = page.getByRole('form', { name: 'Tambah kegiatan kerja' });
    // Nothing filled: the shared schema refuses before anything is sent.
    await form.getByRole('button', { name: 'Tambah kegiatan kerja' }).click();
    await form.getByText('Ada isian yang belum benar').waitFor();
    expect(await form.getByLabel(/^Nama kegiatan/).getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel(/^Nama kegiatan/).fill(state.activityName);
    await form.getByLabel(/^Kategori/).selectOption('industri');
    await form.getByLabel(/^Nama tempat/).fill('Bengkel sablon blok C');
    await form.getByLabel(/^Kapasitas/).fill('10');
    await form.getByRole('checkbox', { name: 'Minggu' }).check();
    // An afternoon session: no clash with the demo's morning activities.
    await form.getByRole('checkbox', { name: 'Pagi' }).uncheck();
    await form.getByRole('checkbox', { name: 'Siang' }).check();
    expect(await form.getByLabel(/^Berlaku mulai/).inputValue()).toBe(today);
    await form.getByLabel(/^Tarif \(Rp\)/).fill('15000');
    await form.getByRole('button', { name: 'Tambah kegiatan kerja' }).click();
    await page.waitForURL((u) => /^\/kerja\/kegiatan\/\d+$/.test(u.pathname));
    state.activityId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('main h1', { hasText: state.activityName }).waitFor();
    await settle(page);
    await page.getByRole('status').filter({ hasText: `Kegiatan ${state.activityName} tersimpan dengan tarif premi.` }).waitFor();
    await page.getByTestId('pay-rule-current').getByText('Rp 15.000/hari').waitFor();
    await page.getByTestId('pay-history').getByText(/Rp 15\.000\/hari/).waitFor();

    // A rate below the national floor is refused under the field, with the rule's own words.
    await page.getByRole('button', { name: 'Tarif baru mulai tanggal…' }).click();
    const ruleForm = page.getByRole('form', { name: 'Tarif baru mulai tanggal…' });
    await ruleForm.getByLabel(/^Berlaku mulai/).fill(addDays(today, 30));
    await ruleForm.getByLabel(/^Tarif \(Rp\)/).fill('1000');
    await ruleForm.getByRole('button', { name: 'Simpan tarif baru' }).click();
    await ruleForm.getByText(/di bawah batas minimum/).waitFor();

    // Place three held inmates and one number that does not exist, pasted as from Excel.
    await page.getByRole('main').getByRole('link', { name: 'Tempatkan dari daftar' }).first().click();
    await page.waitForURL((u) => u.pathname === `/kerja/kegiatan/${state.activityId}/tempatkan`);
    await settle(page);
    const unknown = `B.I-TIDAKADA-${stamp}/2099`;
    const pasted = [...state.inmates.map((w) => w.noRegister), unknown].join('\r\n');
    await page.getByLabel(/^Daftar No Register/).fill(pasted);
    await page.getByText('Terbaca 4 nomor.').waitFor();
    await page.getByRole('button', { name: 'Periksa dan tempatkan' }).click();
    const result = page.getByTestId('allocation-result');
    await result.waitFor();
    const placed = page.getByTestId('alloc-allocated');
    await placed.getByRole('heading', { name: 'Ditempatkan (3)' }).waitFor();
    for (const w of state.inmates) await placed.getByRole('link', { name: w.name }).waitFor();
    await page.getByTestId('alloc-not-found').getByText(unknown).waitFor();
    await page.getByTestId('alloc-not-eligible').getByRole('heading', { name: 'Tidak memenuhi syarat (0)' }).waitFor();
  });

  it('takes today’s attendance with one exception; the first answer is lost, sent again safely, and kept after a reload', async () => {
    const page = await as('operator.lapas.semarang');
    const [absent, present] = state.inmates as [(typeof state.inmates)[0], (typeof state.inmates)[0]];
    await open(page, `/kerja/kegiatan/${state.activityId}`);
    await page.getByRole('main').getByRole('link', { name: 'Isi absensi hari ini' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/absensi'));
    await settle(page);
    await page.getByText('Absensi sesi ini belum diisi.').waitFor();
    const bar = page.getByTestId('save-bar');
    expect(await bar.locator('[data-count="total"]').textContent()).toBe('3');
    expect(await bar.locator('[data-count="exceptions"]').textContent()).toBe('0');

    // Find the name fast, mark the one exception (leave: not paid).
    await page.getByLabel('Cari nama atau No Register').fill(absent.name.slice(0, -1).toLowerCase());
    await page.getByLabel(`Keterangan untuk ${absent.name} (${absent.noRegister})`).selectOption('izin');
    await page.locator(`li[data-wbp="${absent.id}"]`).getByText('tidak dibayar', { exact: true }).waitFor();
    await page.getByLabel('Cari nama atau No Register').fill('');
    expect(await bar.locator('[data-count="exceptions"]').textContent()).toBe('1');
    expect(await bar.locator('[data-count="paid"]').textContent()).toBe('2');

    // The server saves the first PUT but its answer never arrives.
    let puts = 0;
    await page.route('**/api/v1/work/activities/*/attendance', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      puts++;
      if (puts === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await bar.getByRole('button', { name: 'Simpan absensi' }).click();
    const unsent = page.getByTestId('attendance-unsent');
    await unsent.getByText('Belum tersimpan — kirim ulang').waitFor();
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('giatja.absensi.')));
    expect(stored).toHaveLength(1);

    // A reload loses nothing: the marks and the key come back from the device.
    await page.reload();
    await settle(page);
    await page.getByTestId('attendance-unsent').waitFor();
    expect(await page.getByLabel(`Keterangan untuk ${absent.name} (${absent.noRegister})`).inputValue()).toBe('izin');
    await page.getByTestId('attendance-unsent').getByRole('button', { name: 'Kirim ulang' }).click();
    await page.getByTestId('attendance-saved').getByText('Absensi tersimpan: 2 hadir, 1 pengecualian.').waitFor();
    expect(puts).toBe(2);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('giatja.absensi.')).length)).toBe(0);
    await page.unroute('**/api/v1/work/activities/*/attendance');

    await page.reload();
    await settle(page);
    await page.getByTestId('sheet-status').getByText(/Tersimpan .* \(versi 1\)/).waitFor();
    expect(await page.getByLabel(`Keterangan untuk ${absent.name} (${absent.noRegister})`).inputValue()).toBe('izin');
    expect(await page.getByLabel(`Keterangan untuk ${present.name} (${present.noRegister})`).inputValue()).toBe('hadir');

    // One sheet, one premi posting: the repeated client key changed nothing.
    const sheet = await api<{ version: number }>(page, `/work/activities/${state.activityId}/attendance`, { date: today, session: 'siang' });
    expect(sheet.version).toBe(1);
    const ref = `attendance:${state.activityId}:${today}`;
    const ledger = await api<Ledger>(page, `/premi/wbp/${present.id}`);
    const mine = ledger.entries.filter((e) => e.reference === ref);
    expect(mine.map((e) => [e.kind, e.amountRupiah])).toEqual([['earning', 15000]]);
    expect((await api<Ledger>(page, `/premi/wbp/${absent.id}`)).entries.filter((e) => e.reference === ref)).toEqual([]);

    // The dashboard knows the sheet is in.
    await open(page, '/kerja');
    await page.locator(`[data-activity="${state.activityId}"]`).getByText('Absensi hari ini sudah diisi').waitFor();
  });

  it('records a production batch costed from what was consumed; the stock on hand changes', async () => {
    const page = await as('operator.lapas.semarang');
    const present = state.inmates[1]!;
    await open(page, '/produksi/stok');
    const actions = page.getByRole('group', { name: 'Stok bahan dan produk' });
    await actions.getByRole('button', { name: 'Tambah lokasi' }).click();
    await page.getByRole('form', { name: 'Tambah lokasi' }).getByLabel(/^Nama/).fill(`Dapur roti E2E ${stamp}`);
    await page.getByRole('form', { name: 'Tambah lokasi' }).getByRole('button', { name: 'Tambah lokasi' }).click();
    await page.getByRole('status').filter({ hasText: 'ditambahkan' }).waitFor();
    await actions.getByRole('button', { name: 'Tambah barang' }).click();
    const itemForm = page.getByRole('form', { name: 'Tambah barang' });
    await itemForm.getByLabel(/^Nama/).fill(`Tepung E2E ${stamp}`);
    await itemForm.getByLabel(/^Satuan terkecil/).selectOption('g');
    await itemForm.getByRole('checkbox', { name: /Mudah rusak/ }).check();
    await itemForm.getByRole('button', { name: 'Tambah barang' }).click();
    await page.getByRole('status').filter({ hasText: `Barang Tepung E2E ${stamp} ditambahkan.` }).waitFor();

    await actions.getByRole('button', { name: 'Catat penerimaan' }).click();
    const receipt = page.getByRole('form', { name: 'Catat penerimaan' });
    await receipt.getByLabel(/^Barang/).selectOption({ label: `Tepung E2E ${stamp} (g)` });
    await receipt.getByLabel(/^Lokasi/).selectOption({ label: `Dapur roti E2E ${stamp}` });
    await receipt.getByLabel(/^Jumlah \(g\)/).fill('10000');
    await receipt.getByLabel(/^Harga total/).fill('150000');
    await receipt.getByLabel(/^Kode lot/).fill(`T-${stamp}`);
    await receipt.getByLabel(/^Tanggal kedaluwarsa lot/).fill(addDays(today, 30));
    await receipt.getByRole('button', { name: 'Catat penerimaan' }).click();
    await page.getByRole('status').filter({ hasText: `Mutasi Tepung E2E ${stamp} tercatat.` }).waitFor();
    const onHand = page.getByRole('table', { name: 'Stok tersedia per lot' });
    await onHand.getByRole('row').filter({ hasText: `T-${stamp}` }).getByText('10.000 g').waitFor();

    // A product with its bill of materials.
    await open(page, '/produksi/produk');
    await page.getByRole('main').getByRole('button', { name: 'Tambah produk' }).click();
    const productForm = page.getByRole('form', { name: 'Tambah produk' });
    await productForm.getByLabel(/^Nama produk/).fill(`Roti E2E ${stamp}`);
    await productForm.getByLabel(/^Kategori/).selectOption('kuliner');
    await productForm.getByLabel(/^Harga jual/).fill('5000');
    await productForm.getByRole('button', { name: 'Tambah produk' }).click();
    await page.waitForURL((u) => /^\/produksi\/produk\/\d+$/.test(u.pathname));
    state.productId = Number(new URL(page.url()).pathname.split('/').pop());
    await settle(page);
    const bom = page.getByRole('form', { name: /^Resep \(BoM\) per 1 pcs/ });
    await bom.getByLabel(/^Bahan 1/).selectOption({ label: `Tepung E2E ${stamp} (g)` });
    await bom.getByLabel(/^Jumlah per unit \(bahan 1\)/).fill('50');
    await bom.getByRole('button', { name: 'Simpan resep' }).click();
    await page.getByRole('status').filter({ hasText: 'Resep tersimpan.' }).waitFor();

    // The batch: 100 good + 0 scrap, flour filled from the BoM, one worker from the activity.
    await page.getByRole('main').getByRole('link', { name: 'Catat batch produksi' }).click();
    await page.waitForURL((u) => u.pathname === '/produksi/batch/baru');
    await settle(page);
    const batchForm = page.getByRole('form', { name: 'Catat batch produksi' });
    await batchForm.getByLabel(/^Lokasi/).selectOption({ label: `Dapur roti E2E ${stamp}` });
    await batchForm.getByLabel(/^Hasil baik/).fill('100');
    await batchForm.getByRole('button', { name: 'Isi dari resep' }).click();
    expect(await batchForm.getByLabel(/^Jumlah dipakai \(bahan 1\)/).inputValue()).toBe('5.000');
    await batchForm.getByText('Tersedia di lokasi ini: 10.000 g').waitFor();
    await batchForm.getByLabel(/^Kode lot hasil/).fill(`R-${stamp}`);
    await batchForm.getByLabel(/^Kedaluwarsa hasil/).fill(addDays(today, 3));
    await batchForm.getByLabel(/^Dari kegiatan/).selectOption({ label: state.activityName });
    await batchForm.getByRole('checkbox', { name: `${present.name} · ${present.noRegister}` }).check();
    await batchForm.getByRole('button', { name: 'Simpan batch' }).click();
    await page.waitForURL((u) => /^\/produksi\/batch\/\d+$/.test(u.pathname));
    state.batchId = Number(new URL(page.url()).pathname.split('/').pop());
    await settle(page);
    await page.getByRole('status').filter({ hasText: /Batch PRD-\d{4}-\d{4} tercatat\./ }).waitFor();
    // 5.000 g at Rp 15/g = Rp 75.000; Rp 750 per loaf.
    expect(await page.getByTestId('batch-cost').locator('[data-value]').textContent()).toBe('Rp 75.000');
    expect(await page.getByTestId('batch-unit-cost').locator('[data-value]').textContent()).toBe('Rp 750');
    await page.getByRole('table', { name: 'Selisih terhadap resep' }).getByText('Sesuai resep').waitFor();
    await page.getByRole('table', { name: 'Bahan dipakai dan hasil (per lot)' }).getByText(`T-${stamp}`).waitFor();
    await page.getByRole('table', { name: 'WBP yang bekerja' }).getByRole('link', { name: present.name }).waitFor();

    await open(page, '/produksi/stok');
    const after = page.getByRole('table', { name: 'Stok tersedia per lot' });
    await after.getByRole('row').filter({ hasText: `T-${stamp}` }).getByText('5.000 g').waitFor();
    await after.getByRole('row').filter({ hasText: `R-${stamp}` }).getByText('100 pcs').waitFor();
    await open(page, '/produksi');
    await page.getByRole('table', { name: 'Batch produksi' }).getByRole('link', { name: /PRD-/ }).first().waitFor();
  });

  it('records a harvest typed in kilograms (exact grams) and shows the offtake against its target', async () => {
    const page = await as('operator.lapas.semarang');
    const from = `${today.slice(0, 4)}-01-01`;
    const grams = async () => (await api<{ rows: { farmingGrams: number }[] }>(page, '/food/summary', { from, to: today })).rows.reduce((s, r) => s + r.farmingGrams, 0);
    const before = await grams();
    await open(page, '/pangan');
    await page.getByRole('group', { name: 'Catat' }).getByRole('button', { name: 'Catat panen' }).click();
    const form = page.getByRole('form', { name: 'Catat panen' });
    await form.getByLabel(/^Komoditas/).fill(`Kangkung E2E ${stamp}`);
    // Too many decimals is refused under the field, nothing sent.
    await form.getByLabel(/^Hasil panen \(kg\)/).fill('12,5005');
    await form.getByRole('button', { name: 'Catat panen' }).click();
    await form.getByText('Paling banyak 3 angka di belakang koma.').waitFor();
    await form.getByLabel(/^Hasil panen \(kg\)/).fill('12,5');
    await form.getByText('= 12.500 gram').waitFor();
    await form.getByLabel(/^Dibeli penyedia makanan/).fill('0,75');
    await form.getByText('6,00% dari hasil panen; target minimal 5%.').waitFor();
    await form.getByRole('button', { name: 'Catat panen' }).click();
    await page.getByRole('status').filter({ hasText: `Panen Kangkung E2E ${stamp} 12,5 kg tercatat.` }).waitFor();
    expect((await grams()) - before).toBe(12_500);
    await page.getByTestId('food-offtake').getByTestId('offtake-status').waitFor();
  });

  it('shows the premi ledger of a placed inmate move, on the inmate page too; the head checks a payout first', async () => {
    const page = await as('operator.lapas.semarang');
    const present = state.inmates[1]!;
    await open(page, `/wbp/${present.id}`);
    const work = page.getByTestId('wbp-work');
    await work.getByRole('table', { name: 'Penempatan kerja' }).getByText(state.activityName).waitFor();
    expect(await work.getByTestId('wbp-premi-balance').textContent()).toMatch(/^Rp [1-9]/);
    await work.getByRole('link', { name: 'Buka buku premi' }).click();
    await page.waitForURL((u) => u.pathname === `/premi/${present.id}`);
    await settle(page);
    const balance = await page.getByTestId('premi-balance').locator('[data-value]').textContent();
    expect(balance).toMatch(/^Rp [1-9]/);
    const entries = page.getByRole('table', { name: 'Entri premi' });
    await entries.getByRole('link', { name: `Absensi ${state.activityName}`, exact: false }).waitFor();
    expect(await entries.getByRole('link', { name: `Absensi ${state.activityName}`, exact: false }).count()).toBe(1);
    // The operator may not pay out.
    await page.getByText('Pembayaran dan pembatalan entri dilakukan Kepala UPT.').waitFor();
    const pdf = await page.request.get(`${url}${await page.getByRole('link', { name: 'Cetak rekening premi (PDF)' }).getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    const head = await as('kepala.lapas.semarang');
    await open(head, `/premi/${present.id}`);
    const payout = head.getByRole('form', { name: 'Bayar saldo premi' });
    await payout.getByRole('button', { name: 'Periksa sebelum membayar' }).click();
    await payout.getByText('Wajib diisi.').waitFor();
    await payout.getByLabel(/^Referensi/).fill('TRF-E2E-0001');
    await payout.getByRole('button', { name: 'Periksa sebelum membayar' }).click();
    const confirm = head.getByTestId('confirm-payout');
    await confirm.getByRole('heading', { name: 'Periksa kembali sebelum membayar' }).waitFor();
    await confirm.getByText('TRF-E2E-0001').waitFor();
    await confirm.getByRole('button', { name: `Ya, bayar ${balance}` }).click();
    await head.getByRole('status').filter({ hasText: `Saldo premi ${balance} dibayarkan.` }).waitFor();
    expect(await head.getByTestId('premi-balance').locator('[data-value]').textContent()).toBe('Rp 0');
  });

  it('has no serious or critical axe violations on the new pages', async () => {
    axeProblems.length = 0;
    const operator = await as('operator.lapas.semarang');
    const a = state.activityId;
    for (const p of [
      '/kerja',
      '/kerja/kegiatan',
      '/kerja/kegiatan/baru',
      `/kerja/kegiatan/${a}`,
      `/kerja/kegiatan/${a}/tempatkan`,
      `/kerja/kegiatan/${a}/absensi?tanggal=${today}&sesi=siang`,
      `/premi/${state.inmates[1]!.id}`,
      `/wbp/${state.inmates[1]!.id}`,
      '/pangan',
      '/produksi',
      '/produksi/produk',
      `/produksi/produk/${state.productId}`,
      '/produksi/stok',
      '/produksi/batch/baru',
      `/produksi/batch/${state.batchId}`,
    ]) {
      await open(operator, p);
      await axe(operator, p);
    }
    // Forms open, with their errors, and the allocation result.
    await open(operator, '/kerja/kegiatan/baru');
    await operator.getByRole('main').getByRole('button', { name: 'Tambah kegiatan kerja' }).click();
    await operator.getByText('Ada isian yang belum benar').first().waitFor();
    await axe(operator, '/kerja/kegiatan/baru (errors)');
    await open(operator, `/kerja/kegiatan/${a}`);
    await operator.getByRole('button', { name: 'Ubah kegiatan' }).click();
    await operator.getByRole('form', { name: 'Ubah kegiatan' }).waitFor();
    await operator.getByRole('button', { name: `Akhiri penempatan ${state.inmates[2]!.name}` }).click();
    await operator.getByRole('form', { name: `Akhiri penempatan ${state.inmates[2]!.name}` }).waitFor();
    await axe(operator, '/kerja/kegiatan/:id (forms)');
    await open(operator, `/kerja/kegiatan/${a}/tempatkan`);
    await operator.getByLabel(/^Daftar No Register/).fill(`${state.inmates[0]!.noRegister}\nX-0`);
    await operator.getByRole('button', { name: 'Periksa dan tempatkan' }).click();
    await operator.getByTestId('allocation-result').waitFor();
    await axe(operator, '/kerja/kegiatan/:id/tempatkan (result)');
    await open(operator, '/pangan');
    for (const name of ['Catat panen', 'Catat penanaman', 'Tambah lahan/kolam']) {
      await operator.getByRole('group', { name: 'Catat' }).getByRole('button', { name }).click();
      await operator.getByRole('form', { name }).getByRole('button', { name }).click();
      await operator.getByText('Ada isian yang belum benar').first().waitFor();
      await axe(operator, `/pangan (${name}, errors)`);
    }
    const head = await as('kepala.lapas.semarang');
    await open(head, `/premi/${state.inmates[1]!.id}`);
    await head.getByRole('button', { name: /^Batalkan entri #/ }).first().click();
    await head.getByLabel(/^Alasan pembatalan/).waitFor();
    await axe(head, '/premi/:id (head, reversal form)');
    const kanwil = await as('kanwil.jateng');
    for (const p of ['/kerja', '/kerja/kegiatan', '/pangan', '/produksi']) {
      await open(kanwil, p);
      await axe(kanwil, `${p} (Kanwil)`);
    }
    expect(axeProblems, `axe found:\n${axeProblems.join('\n')}`).toEqual([]);
  });

  it('fits the attendance sheet on a phone (390×844) without horizontal scrolling', async () => {
    axeProblems.length = 0;
    const phone = await as('operator.lapas.semarang', { width: 390, height: 844 });
    // A big demo workshop and the new activity.
    const activities = await api<{ items: { id: number; name: string; allocated: number }[] }>(phone, '/work/activities');
    const big = [...activities.items].sort((x, y) => y.allocated - x.allocated)[0]!;
    for (const [id, session] of [
      [big.id, 'pagi'],
      [state.activityId, 'siang'],
    ] as const) {
      await open(phone, `/kerja/kegiatan/${id}/absensi?tanggal=${addDays(today, -1)}&sesi=${session}`);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `/kerja/kegiatan/${id}/absensi`).toBeLessThanOrEqual(0);
    }
    await open(phone, `/kerja/kegiatan/${big.id}/absensi?tanggal=${today}&sesi=pagi`);
    await phone.getByTestId('save-bar').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await axe(phone, '/kerja/kegiatan/:id/absensi (phone)');
    expect(axeProblems, `axe found:\n${axeProblems.join('\n')}`).toEqual([]);
  });
});
