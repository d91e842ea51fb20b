import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.ts';
import { addDays, browserSession } from './session.ts';

/**
 * "Pelatihan & Kemitraan" in a real browser on the seeded demo: head office reads the national
 * certified count; an operator of Lapas Semarang creates a programme, enrols inmates from a pasted
 * list (one unknown number), completes it, records a competent result with its BNSP number, has a
 * wrong upload refused with a clear message and a PDF accepted; head office sees the national count
 * grow by one; the certificate shows on the inmate's page; an agreement ending in 30 days raises the
 * renewal alert. Axe on every page. The tests build on each other in order.
 */
let e2e: E2E;
let url: string;
let today = '';
const { as, settle, open, axe, axeProblems, closeAll } = browserSession(() => e2e);
const stamp = String(Date.now() % 100000);
const state = { certifiedBefore: -1, programmeId: 0, inmates: [] as { id: number; noRegister: string; name: string }[], certificate: `LGM.E2E.${stamp}.2026` };

beforeAll(async () => {
  e2e = await startE2E();
  url = e2e.url;
  today = ((await (await fetch(`${url}/api/v1/meta`)).json()) as { today: string }).today;
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
const certified = async (page: Page) => Number((await page.getByTestId('stat-certified').locator('[data-value]').innerText()).replace(/\./g, ''));

describe('Pelatihan & Kemitraan (browser)', () => {
  it('shows head office the national realisation', async () => {
    const page = await as('pimpinan.pusat');
    await open(page, '/pelatihan');
    await page.getByRole('table', { name: 'Realisasi per Kanwil' }).waitFor();
    state.certifiedBefore = await certified(page);
    expect(state.certifiedBefore).toBeGreaterThan(0); // the demo's certificates
    await page.getByTestId('stat-certified-pct').getByText(/\d+,\d{2}%/).waitFor();
    await axe(page, '/pelatihan (national)');
  });

  it('runs a course from creation to certificates', async () => {
    const page = await as('operator.lapas.semarang');
    const list = await api<{ items: { id: number; noRegister: string; name: string }[] }>(page, '/wbp', { status: 'narapidana', state: 'active', pageSize: 50 });
    state.inmates = list.items.filter((w) => w.name.split(' ').length >= 2).slice(0, 2);
    expect(state.inmates).toHaveLength(2);

    await open(page, '/pelatihan');
    await page.getByRole('main').getByRole('link', { name: 'Tambah pelatihan' }).click();
    await page.waitForURL((u) => u.pathname === '/pelatihan/baru');
    await settle(page);
    const form = page.getByRole('form', { name: 'Tambah pelatihan' });
    await form.getByRole('button', { name: 'Tambah pelatihan' }).click();
    await form.getByText('Ada isian yang belum benar').waitFor();
    await form.getByLabel(/^Nama pelatihan/).fill(`Las listrik E2E ${stamp}`);
    await form.getByLabel(/^Keterampilan/).fill('Pengelasan');
    await form.getByLabel(/^Skema sertifikasi/).fill('Juru Las SMAW 3G');
    await form.getByLabel(/^Penyelenggara/).selectOption('blk');
    await form.getByLabel(/^Nama penyelenggara/).fill('BLK Semarang');
    await form.getByLabel(/^Jam pelajaran/).fill('160');
    await form.getByLabel(/^Kuota peserta/).fill('10');
    await form.getByLabel(/^Tanggal mulai/).fill(addDays(today, -20));
    await form.getByLabel(/^Tanggal selesai/).fill(today);
    await form.getByLabel(/^Biaya/).fill('45000000');
    await axe(page, '/pelatihan/baru');
    await form.getByRole('button', { name: 'Tambah pelatihan' }).click();
    await page.waitForURL((u) => /^\/pelatihan\/\d+$/.test(u.pathname));
    state.programmeId = Number(new URL(page.url()).pathname.split('/').pop());
    await settle(page);
    await page.getByRole('status').filter({ hasText: `Pelatihan "Las listrik E2E ${stamp}" tersimpan.` }).waitFor();

    const unknown = `B.I-TIDAKADA-${stamp}`;
    await page.getByLabel(/^Daftar No Register/).fill([...state.inmates.map((w) => w.noRegister), unknown].join('\n'));
    await page.getByRole('button', { name: 'Periksa dan daftarkan' }).click();
    const report = page.getByTestId('enrol-report');
    await report.getByText('2 WBP terdaftar.').waitFor();
    await report.getByText(`Tidak ditemukan: ${unknown}`).waitFor();
    const participants = page.getByRole('table', { name: 'Peserta' });
    for (const w of state.inmates) await participants.getByText(w.name).waitFor();

    // One participant leaves the course, with a reason.
    const second = state.inmates[1]!;
    await participants.getByRole('button', { name: `Ubah ${second.name}` }).click();
    const edit = page.getByRole('form', { name: `Kehadiran dan status ${second.name}` });
    await edit.getByLabel(/^Jam hadir/).fill('24');
    await edit.getByLabel(/^Status/).selectOption('dropped');
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
    await edit.getByText('Wajib diisi.').waitFor();
    await edit.getByLabel(/^Alasan keluar/).fill('Dipindahkan ke Lapas lain');
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('status').filter({ hasText: 'Data peserta tersimpan.' }).waitFor();
    await participants.getByRole('row').filter({ hasText: second.name }).getByText('Keluar').waitFor();

    await page.getByRole('button', { name: 'Nyatakan selesai' }).click();
    await page.getByRole('status').filter({ hasText: 'Pelatihan dinyatakan selesai.' }).waitFor();
    const test = page.getByRole('form', { name: 'Catat uji kompetensi' });
    await test.getByLabel(/^Peserta/).selectOption({ label: `${state.inmates[0]!.noRegister} — ${state.inmates[0]!.name}` });
    await test.getByLabel(/^LSP/).fill('LSP Logam Mesin Indonesia');
    // Competent without a certificate number: refused under the field.
    await test.getByRole('button', { name: 'Simpan hasil uji' }).click();
    await test.getByText(/Nomor sertifikat BNSP wajib/).waitFor();
    await test.getByLabel(/^Nomor sertifikat BNSP/).fill(state.certificate);
    await test.getByRole('button', { name: 'Simpan hasil uji' }).click();
    await page.getByRole('status').filter({ hasText: 'Hasil uji tersimpan.' }).waitFor();
    await participants.getByText(state.certificate).waitFor();
    await participants.getByRole('link', { name: 'Cetak' }).first().waitFor();

    // Uploads: the wrong type is refused with a clear message; a PDF is kept with the programme.
    await page.getByLabel('Pilih berkas').setInputFiles({ name: 'daftar-hadir.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bukan pdf, hanya teks') });
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.getByTestId('upload-error').getByText('Jenis berkas tidak diterima. Unggah PDF, JPG, PNG atau WEBP.').waitFor();
    await page.getByLabel('Pilih berkas').setInputFiles({ name: 'daftar-hadir.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.getByRole('link', { name: 'daftar-hadir.pdf' }).waitFor();
    await axe(page, '/pelatihan/:id');
  });

  it('lets head office see the national realisation change, and the inmate page list the certificate', async () => {
    const page = await as('pimpinan.pusat');
    await open(page, '/pelatihan');
    await page.getByRole('table', { name: 'Realisasi per Kanwil' }).waitFor();
    expect(await certified(page)).toBe(state.certifiedBefore + 1);
    const op = await as('operator.lapas.semarang');
    await open(op, `/wbp/${state.inmates[0]!.id}`);
    const section = op.getByTestId('wbp-training');
    await section.getByText(state.certificate).waitFor();
    await section.getByRole('link', { name: 'Cetak daftar sertifikat (PDF)' }).waitFor();
    await axe(op, '/wbp/:id with training');
  });

  it('raises the renewal alert for an agreement ending within 90 days', async () => {
    const page = await as('operator.lapas.semarang');
    await open(page, '/mitra');
    await page.getByTestId('pokmas-totals').waitFor();
    await axe(page, '/mitra');
    await page.getByRole('main').getByRole('link', { name: 'Tambah mitra' }).click();
    await page.waitForURL((u) => u.pathname === '/mitra/baru');
    await settle(page);
    const form = page.getByRole('form', { name: 'Tambah mitra' });
    await form.getByLabel(/^Nama mitra/).fill(`CV Baja Ringan E2E ${stamp}`);
    await form.getByLabel(/^Jenis/).selectOption('firm');
    await form.getByLabel(/^Email/).fill('bukan-email');
    await form.getByRole('button', { name: 'Tambah mitra' }).click();
    await form.getByText('Alamat email tidak valid.').waitFor();
    await form.getByLabel(/^Email/).fill('');
    await form.getByRole('button', { name: 'Tambah mitra' }).click();
    await page.waitForURL((u) => /^\/mitra\/\d+$/.test(u.pathname));
    await settle(page);
    const number = `PKS-E2E-${stamp}`;
    const ag = page.getByRole('form', { name: 'Catat perjanjian' });
    await ag.getByLabel(/^Nomor/).fill(number);
    await ag.getByLabel(/^Para pihak/).fill('Lapas Semarang; CV Baja Ringan');
    await ag.getByLabel(/^Ruang lingkup/).fill('Pelatihan dan pemasaran rangka baja ringan');
    await ag.getByLabel(/^Mulai/).fill(addDays(today, -335));
    await ag.getByLabel(/^Berakhir/).fill(addDays(today, 30));
    await ag.getByRole('button', { name: 'Catat perjanjian' }).click();
    await page.getByRole('status').filter({ hasText: 'Perjanjian tersimpan.' }).waitFor();
    await page.getByTestId(`agreement-${number}`).getByText('Segera perpanjang · 30 hari lagi').waitFor();
    await axe(page, '/mitra/:id');
    await open(page, '/mitra/perjanjian');
    const table = page.getByRole('table', { name: 'Perjanjian akan berakhir' });
    await table.getByText(number).waitFor();
    await axe(page, '/mitra/perjanjian');
  });

  it('lets a Kanwil officer form a Pokmas Lipas group at a Bapas and see it checked against the rule', async () => {
    const page = await as('kanwil.jateng');
    await open(page, '/mitra');
    const form = page.getByRole('form', { name: 'Bentuk kelompok Pokmas Lipas' });
    await form.getByLabel(/^Bapas/).selectOption({ label: 'Bapas Kelas II Klaten' });
    await form.getByLabel(/^Nama kelompok/).fill(`Pokmas Lipas Klaten ${stamp}`);
    await form.getByLabel(/^Bidang/).selectOption('kemandirian_kepribadian');
    await form.getByRole('button', { name: 'Bentuk kelompok Pokmas Lipas' }).click();
    await form.getByRole('status').getByText(`Kelompok "Pokmas Lipas Klaten ${stamp}" terbentuk.`).waitFor();
    const row = page.getByRole('table', { name: 'Pokmas Lipas per Bapas' }).getByRole('row').filter({ hasText: 'Bapas Kelas II Klaten' });
    await row.getByText('Belum terpenuhi').waitFor();
    await row.getByText('Belum ada kelompok bidang hukum dan kemasyarakatan.').waitFor();
    await axe(page, '/mitra (Kanwil)');
  });

  it('has no serious accessibility problem on the pages visited', () => {
    expect(axeProblems).toEqual([]);
  });
});
