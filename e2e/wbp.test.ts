import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.ts';
import { diffDays } from '../src/domain/calendar/date.ts';
import { addDays, browserSession } from './session.ts';

/**
 * "WBP & Ekspirasi" in a real browser, on the seeded demo (≈1,500 inmates in Lapas Kelas I
 * Semarang): search and the inmate page (key dates, breakdown), a new detainee with a detention
 * order and its days left, the overstay dashboard, the SDP import wizard (rejected rows, skip,
 * re-import unchanged), a remission run through propose → verify → approve, the calculator, an
 * accessibility check of every new page and the inmate page on a phone. One server for the file;
 * the tests build on each other in order.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SDP_CSV = path.join(ROOT, 'test/fixtures/sdp/sdp-export-semicolon-utf8bom.csv');

let e2e: E2E;
let url: string;
let today = '';
const { as, settle, open, axe, axeProblems, closeAll } = browserSession(() => e2e);
/** Shared between the tests, in order. */
const state = { sentencedId: 0, detaineeId: 0, detaineeRegister: '', runId: 0 };

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


const idDate = (iso: string) => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${iso}T12:00:00`));


describe('WBP & Ekspirasi (browser)', () => {
  it('finds an inmate by part of the name, shows key dates and the breakdown; records a detainee and its order', async () => {
    const page = await as('operator.lapas.semarang');
    // A sentenced inmate of the demo with a two-word name and a religion that has a remisi khusus
    // holiday (so the calculator can take the case too), looked up with the page's session.
    const list = (await (await page.request.get(`${url}/api/v1/wbp`, { params: { status: 'narapidana', pageSize: 200 } })).json()) as {
      items: { id: number; name: string; noRegister: string; expiry: string | null }[];
    };
    let target: (typeof list.items)[number] | undefined;
    for (const w of list.items.filter((x) => x.expiry && x.name.split(' ').length === 2)) {
      const d = (await (await page.request.get(`${url}/api/v1/wbp/${w.id}`)).json()) as { religion: string | null; calculation: unknown };
      if (d.calculation && ['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'konghucu'].includes(d.religion ?? '')) {
        target = w;
        break;
      }
    }
    if (!target) throw new Error('no suitable sentenced inmate in the demo');
    state.sentencedId = target.id;
    // A part of the name, in lower case ("gus hidaya" for "Agus Hidayat").
    const part = target.name.slice(1, -1).toLowerCase();

    await open(page, '/wbp');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Daftar WBP' }).waitFor();
    await page.getByRole('searchbox', { name: 'Cari WBP' }).fill(part);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === part);
    const row = page.getByRole('row').filter({ hasText: target.noRegister });
    await row.getByRole('link', { name: target.name }).click();
    await page.waitForURL((u) => u.pathname === `/wbp/${target.id}`);
    // Navigation keeps the previous page on screen until the next one is ready.
    await page.locator('main h1', { hasText: target.name }).waitFor();
    await settle(page);

    const keyDates = page.getByTestId('key-dates');
    await keyDates.getByText('Ekspirasi (tanggal bebas)').waitFor();
    expect(await keyDates.getByTestId('expiry').textContent()).toBe(idDate(target.expiry!));
    await keyDates.getByText('Pembebasan bersyarat (PB)').waitFor();
    // The breakdown: numbered lines with the rule and the regulation cited.
    const breakdown = page.getByRole('table', { name: 'Rincian perhitungan' });
    await breakdown.getByRole('columnheader', { name: 'Dasar hukum' }).waitFor();
    expect(await breakdown.locator('tbody tr').count()).toBeGreaterThan(5);
    const regulations = await breakdown.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(regulations.some((r) => /Permenkumham 3\/2018/.test(r))).toBe(true);
    expect(regulations.some((r) => /Keppres 174\/1999|KUHAP|Kepdirjenpas/.test(r))).toBe(true);
    // Projected dates stay apart and say so.
    await page.getByTestId('projection').getByText('Proyeksi (dengan asumsi berkelakuan baik)').waitFor();

    // A new detainee: the form, then the detention order form opens by itself.
    await open(page, '/wbp');
    await page.getByRole('main').getByRole('link', { name: 'Catat WBP' }).click();
    await page.locator('main h1', { hasText: 'Catat WBP baru' }).waitFor();
    await settle(page);
    state.detaineeRegister = `A.I-E2E${Date.now() % 100000}/2026`;
    await page.getByLabel('No Register').fill(state.detaineeRegister);
    await page.getByLabel(/^Nama/).fill('Tahanan Uji Peramban');
    await page.getByLabel(/^Jenis kelamin/).selectOption('L');
    await page.getByLabel(/^Agama/).selectOption('islam');
    await page.getByLabel(/^Status/).selectOption('tahanan');
    await page.getByRole('main').getByRole('button', { name: 'Catat WBP' }).click();
    await page.waitForURL((u) => /^\/wbp\/\d+$/.test(u.pathname));
    state.detaineeId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('main h1', { hasText: 'Tahanan Uji Peramban' }).waitFor();
    await settle(page);
    await page.getByRole('status').filter({ hasText: 'Tahanan Uji Peramban tercatat' }).waitFor();

    const form = page.getByRole('form', { name: 'Penahanan / perpanjangan' });
    await form.waitFor();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/detention-orders')) posts.push(r.url());
    });
    // Bad input: an order of 0 days is refused by the shared schema, under the field.
    await form.getByLabel(/^Mulai/).fill(addDays(today, -18));
    await form.getByLabel(/^Lama \(hari\)/).fill('0');
    await form.getByRole('button', { name: 'Simpan surat perintah' }).click();
    await form.getByText('Minimal 1.').waitFor();
    expect(await form.getByLabel(/^Lama \(hari\)/).getAttribute('aria-invalid')).toBe('true');
    expect(posts).toEqual([]);

    // 20 days from 18 days ago: ends tomorrow (start + 20 − 1).
    await form.getByLabel(/^Lama \(hari\)/).fill('20');
    await form.getByText(`Akan berakhir ${idDate(addDays(today, 1))}.`).waitFor();
    await form.getByRole('button', { name: 'Simpan surat perintah' }).click();
    await page.getByRole('status').filter({ hasText: 'Surat perintah penahanan tersimpan.' }).waitFor();
    expect(posts).toHaveLength(1);
    const keys = page.getByTestId('key-dates');
    await keys.getByTestId('days-left').getByText('1 hari lagi').waitFor();
    expect(await keys.getByTestId('next-step').textContent()).toMatch(/perpanjangan/i);
    await page.getByTestId('timeline').getByText(/Surat perintah penahanan — Penyidikan, 20 hari/).waitFor();
  });

  it('lists overstays of the UPT and the new detainee among orders ending soon; home shows the counts', async () => {
    const page = await as('operator.lapas.semarang');
    await settle(page);
    const home = page.getByTestId('home-overstay');
    await home.getByText(/Overstay: \d+ · Berakhir ≤ 3 hari: \d+/).waitFor();
    await home.getByRole('link', { name: 'Buka daftar jatuh tempo' }).click();
    await page.waitForURL((u) => u.pathname === '/overstay');
    await page.locator('main h1', { hasText: 'Zero overstaying' }).waitFor();
    await settle(page);
    const overstays = page.locator('section[data-group="overstay"]');
    await overstays.getByRole('heading', { name: /Overstay — keluarkan sekarang/ }).waitFor();
    expect(await overstays.locator('tbody tr').count()).toBeGreaterThan(0);
    // Each overstay row says how long past, in Indonesian digits (1.201), as the API counts it
    // from the server's today: nothing here depends on the real calendar.
    const due = (await (await page.request.get(`${url}/api/v1/overstay/due`, { params: { withinDays: 0, pageSize: 500 } })).json()) as {
      items: { noRegister: string; dueDate: string; daysLeft: number }[];
    };
    const firstRow = (await overstays.locator('tbody tr').first().textContent()) ?? '';
    const shown = due.items.find((d) => firstRow.includes(d.noRegister));
    if (!shown) throw new Error(`first overstay row not in the API's list: ${firstRow}`);
    expect(shown.daysLeft).toBe(diffDays(today, shown.dueDate));
    expect(firstRow).toContain(`Lewat ${new Intl.NumberFormat('id-ID').format(-shown.daysLeft)} hari`);
    const soon = page.locator('section[data-group="d3"]');
    const row = soon.getByRole('row').filter({ hasText: state.detaineeRegister });
    await row.getByText('1 hari lagi').waitFor();
    await row.getByRole('link', { name: 'Tahanan Uji Peramban' }).waitFor();

    // A Kanwil sees the UPTs; choosing one narrows the list to it.
    const kanwil = await as('kanwil.jateng');
    await open(kanwil, '/overstay');
    const perUpt = kanwil.getByRole('table', { name: 'Per UPT' });
    await perUpt.getByRole('button', { name: 'Lapas Kelas I Semarang' }).click();
    await kanwil.getByRole('heading', { name: 'Daftar jatuh tempo — Lapas Kelas I Semarang' }).waitFor();
    await kanwil.waitForURL((u) => !!u.searchParams.get('upt'));
  });

  it('imports an SDP export: rejected lines, skip them, created; the same file again is all unchanged', async () => {
    const page = await as('operator.lapas.semarang');
    await open(page, '/impor');
    await page.getByRole('link', { name: 'Unduh templat CSV' }).waitFor();
    await page.getByLabel(/^Berkas ekspor SDP/).setInputFiles(SDP_CSV);
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    const tile = (label: string) => summary.locator('li').filter({ has: page.getByText(label, { exact: true }) });
    expect(await tile('Ditolak').locator('span').first().textContent()).toBe('4');
    expect(await tile('Diterima').locator('span').first().textContent()).toBe('17');
    const rejected = page.getByRole('table', { name: 'Baris yang ditolak (4)' });
    const lines = (await rejected.locator('tbody tr td:first-child').allTextContents()).map(Number);
    expect(lines).toEqual([7, 8, 9, 10]);
    await rejected.getByText(/Tanggal lahir: .*31-02-1990/).waitFor();
    // The mapping step shows what was recognised.
    expect(await page.getByLabel(/^No Register/).inputValue()).toBe('0');

    // Without skipping the rejected rows the API refuses; the message says what to do.
    await page.getByRole('button', { name: 'Terapkan impor' }).click();
    await page.getByText(/Ada baris yang ditolak/).first().waitFor();
    await page.getByLabel('Lewati baris yang ditolak (4 baris)').check();
    // Rows that would write a contradiction are listed before anything is written (a woman into
    // this men's Lapas, expiries already past); applying waits until the officer ticks them off.
    const warnings = page.getByRole('table', { name: /^Peringatan: baris yang perlu diperiksa/ });
    await warnings.getByText(/Perempuan dicatat di Lapas laki-laki/).first().waitFor();
    await warnings.getByText(/sudah lewat .* langsung tercatat overstay/).first().waitFor();
    await page.getByRole('button', { name: 'Terapkan impor' }).click();
    await page.getByText('Periksa dan centang peringatan di atas sebelum menerapkan impor.').waitFor();
    await page.getByLabel(/^Saya sudah memeriksa \d+ peringatan ini/).check();
    await page.getByRole('button', { name: 'Terapkan impor' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const created = result.locator('li').filter({ has: page.getByText('Baru', { exact: true }) });
    expect(await created.locator('span').first().textContent()).toBe('17');
    await result.getByRole('link', { name: 'Unduh laporan per baris (CSV)' }).waitFor();

    // The same file again: every accepted row is unchanged.
    await result.getByRole('button', { name: 'Impor berkas lain' }).click();
    await page.getByLabel(/^Berkas ekspor SDP/).setInputFiles(SDP_CSV);
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    await summary.waitFor();
    await tile('Tidak berubah').locator('span').first().filter({ hasText: '17' }).waitFor();
    expect(await tile('Baru').locator('span').first().textContent()).toBe('0');
    // History lists the applied batch.
    await page.getByRole('table', { name: 'Riwayat impor' }).getByText('sdp-export-semicolon-utf8bom.csv').first().waitFor();
  });

  it('takes a remission run from the UPT head through the Kanwil to head office approval', async () => {
    const head = await as('kepala.lapas.semarang');
    await open(head, '/remisi');
    const create = head.getByRole('form', { name: 'Hitung usulan remisi' });
    await create.getByLabel('Jenis remisi').selectOption('umum');
    await create.getByLabel('Tahun').selectOption('2026');
    expect(await create.getByLabel('Hari remisi').inputValue()).toBe('17 Agu 2026');
    await create.getByRole('button', { name: 'Hitung usulan' }).click();
    await head.waitForURL((u) => /^\/remisi\/\d+$/.test(u.pathname), { timeout: 60_000 });
    state.runId = Number(new URL(head.url()).pathname.split('/').pop());
    await head.locator('main h1', { hasText: 'Remisi Umum — HUT Kemerdekaan RI' }).waitFor();
    await settle(head);
    await head.getByRole('status').filter({ hasText: /Usulan dihitung: [\d.]+ dari [\d.]+ WBP memenuhi syarat/ }).waitFor();
    await head.getByRole('tab', { name: /Daftar I \(remisi\)/ }).waitFor();
    await head.getByRole('tab', { name: /Tidak memenuhi syarat/ }).click();
    await head.getByRole('tabpanel').locator('tbody tr').first().waitFor();
    await head.getByRole('button', { name: 'Usulkan ke Kanwil' }).click();
    await head.getByRole('status').filter({ hasText: 'Usulan dikirim ke Kanwil.' }).waitFor();
    await head.locator('main [data-status="proposed"]').first().waitFor();

    const kanwil = await as('kanwil.jateng');
    await open(kanwil, `/remisi/${state.runId}`);
    await kanwil.getByRole('button', { name: 'Verifikasi' }).click();
    await kanwil.getByRole('status').filter({ hasText: 'Usulan diverifikasi' }).waitFor();
    await kanwil.locator('main [data-status="verified"]').first().waitFor();

    const pusat = await as('admin.pusat');
    await open(pusat, `/remisi/${state.runId}`);
    // No decree number: refused before anything is sent.
    await pusat.getByRole('button', { name: 'Periksa sebelum menyetujui' }).click();
    await pusat.getByText('Wajib diisi.').waitFor();
    await pusat.getByLabel(/^Nomor SK Menteri/).fill('PAS-1234.PK.01.05.06 Tahun 2026');
    await pusat.getByRole('button', { name: 'Periksa sebelum menyetujui' }).click();
    const confirm = pusat.getByTestId('confirm-approve');
    await confirm.getByRole('heading', { name: 'Periksa kembali sebelum menyetujui' }).waitFor();
    await confirm.getByText('PAS-1234.PK.01.05.06 Tahun 2026').waitFor();
    await confirm.getByRole('button', { name: 'Ya, setujui dengan SK ini' }).click();
    await pusat.getByRole('status').filter({ hasText: 'Usulan disetujui' }).waitFor({ timeout: 60_000 });
    await pusat.locator('main [data-status="approved"]').filter({ hasText: 'Disetujui' }).first().waitFor();

    const href = await pusat.getByRole('link', { name: 'Unduh XLSX' }).getAttribute('href');
    const file = await pusat.request.get(`${url}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
  });

  it('lets an auditor compute a case in the calculator and read the breakdown', async () => {
    const page = await as('auditor.itjen');
    await open(page, '/kalkulator');
    await page.getByText('Tidak ada yang disimpan').waitFor();
    const form = page.getByRole('form', { name: 'Perkara' });
    await form.getByLabel(/^Agama/).selectOption('kristen');
    await form.getByLabel(/^Mulai penahanan terakhir/).fill('2023-01-15');
    await form.getByLabel(/^Proyeksi remisi sampai/).fill('2024-12-31');
    const verdict = form.locator('li').filter({ hasText: 'Putusan 1' });
    await verdict.getByLabel(/^Tanggal putusan/).fill('2023-07-01');
    await verdict.getByLabel(/^Tahun/).fill('3');
    await form.getByRole('button', { name: 'Tambah remisi' }).click();
    const grant = form.locator('li').filter({ hasText: 'Remisi yang sudah diberikan 1' });
    await grant.getByLabel(/^Tanggal remisi/).fill('2023-08-17');
    await grant.getByLabel(/^Hari/).fill('30');
    await form.getByLabel(/^Dihitung per tanggal/).fill('2023-09-01');
    await form.getByRole('button', { name: 'Hitung' }).click();
    const result = page.getByTestId('calc-result');
    await result.waitFor();
    // The README's golden case: 15 Jan 2023 + 3 years − 30 days = 16 Dec 2025.
    expect(await result.getByTestId('expiry').first().textContent()).toBe(idDate('2025-12-16'));
    const breakdown = result.getByRole('table', { name: 'Rincian perhitungan' });
    expect(await breakdown.locator('tbody tr').count()).toBeGreaterThan(5);
    await breakdown.getByText('Keppres 174/1999 ps. 4').first().waitFor();
    await result.getByTestId('projection').waitFor();
  });

  it('has no serious or critical axe violations on the new pages', async () => {
    axeProblems.length = 0;
    const operator = await as('operator.lapas.semarang');
    for (const p of ['/', '/wbp', '/wbp/baru', `/wbp/${state.sentencedId}`, `/wbp/${state.detaineeId}`, '/overstay', '/overstay/akan-bebas', '/impor', '/kalkulator', '/hari-raya']) {
      await open(operator, p);
      await axe(operator, p);
    }
    // Forms open and with their errors.
    await open(operator, `/wbp/${state.detaineeId}`);
    await operator.getByRole('button', { name: 'Putusan', exact: true }).click();
    await operator.getByRole('form', { name: 'Putusan' }).waitFor();
    await axe(operator, '/wbp/:id (verdict form)');
    await open(operator, '/wbp/baru');
    await operator.getByRole('main').getByRole('button', { name: 'Catat WBP' }).click();
    await operator.getByText('Ada isian yang belum benar').first().waitFor();
    await axe(operator, '/wbp/baru (errors)');
    await open(operator, '/impor');
    await operator.getByLabel(/^Berkas ekspor SDP/).setInputFiles(SDP_CSV);
    await operator.getByRole('button', { name: 'Unggah dan periksa' }).click();
    await operator.getByTestId('import-summary').waitFor();
    await axe(operator, '/impor (preview)');

    const kanwil = await as('kanwil.jateng');
    await open(kanwil, '/overstay');
    await axe(kanwil, '/overstay (Kanwil)');
    const head = await as('kepala.lapas.semarang');
    await open(head, '/remisi');
    await axe(head, '/remisi (create)');
    const admin = await as('admin.pusat');
    for (const p of [`/remisi/${state.runId}`, '/hari-raya']) {
      await open(admin, p);
      await axe(admin, `${p} (admin)`);
    }
    const auditor = await as('auditor.itjen');
    await open(auditor, `/wbp/${state.sentencedId}`);
    await auditor.getByRole('button', { name: 'Hitung ulang di kalkulator' }).click();
    await auditor.waitForURL((u) => u.pathname === '/kalkulator');
    await auditor.locator('main h1', { hasText: 'Kalkulator pidana' }).waitFor();
    await settle(auditor);
    await auditor.getByText(/Diisi dari data/).waitFor();
    await auditor.getByRole('form', { name: 'Perkara' }).getByRole('button', { name: 'Hitung' }).click();
    await auditor.getByTestId('calc-result').waitFor();
    await axe(auditor, '/kalkulator (result)');

    expect(axeProblems, `axe found:\n${axeProblems.join('\n')}`).toEqual([]);
  });

  it('fits the inmate page on a phone (390×844) without horizontal scrolling', async () => {
    axeProblems.length = 0;
    const phone = await as('operator.lapas.semarang', { width: 390, height: 844 });
    for (const id of [state.sentencedId, state.detaineeId]) {
      await open(phone, `/wbp/${id}`);
      await phone.getByTestId('key-dates').waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `/wbp/${id}`).toBeLessThanOrEqual(0);
    }
    await axe(phone, '/wbp/:id (phone)');
    expect(axeProblems, `axe found:\n${axeProblems.join('\n')}`).toEqual([]);
  });
});
