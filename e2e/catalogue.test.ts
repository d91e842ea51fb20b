import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.ts';
import { browserSession } from './session.ts';

/**
 * The public catalogue in a real browser, on a phone: a visitor searches, opens a product, sends
 * an order from the form (first with a mistake), and gets a number; the UPT's operator finds it in
 * the inbox and takes it up; the listing editor publishes a product. axe on every page; the public
 * pages carry no script at all.
 */
let e2e: E2E;
let url: string;
const { newPage, as, settle, axe, axeProblems, closeAll } = browserSession(() => e2e);
const PHONE = { width: 390, height: 844 };
const state = { number: '', product: { id: 0, name: '', ref: '' } };

beforeAll(async () => {
  e2e = await startE2E();
  url = e2e.url;
  const semarang = (await (await fetch(`${url}/api/v1/catalogue/search?q=semarang&pageSize=60`)).json()) as { items: Array<{ id: number; name: string; ref: string; uptName: string }> };
  state.product = semarang.items.find((i) => i.uptName === 'Lapas Kelas I Semarang') ?? semarang.items[0]!;
});

afterAll(async () => {
  await closeAll();
  await e2e?.close();
});

describe('public catalogue (browser)', () => {
  it('lets a visitor on a phone find a product and send an order; a mistake is shown, not stored', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${url}/katalog`);
    await settle(page);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    await axe(page, 'katalog');
    const word = state.product.name.split(' ')[0]!;
    await page.getByLabel('Cari produk').fill(word.toLowerCase());
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('link', { name: state.product.name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: state.product.name }).waitFor();
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/katalog\//);
    await axe(page, 'produk');
    await page.getByRole('link', { name: 'Pesan / minta penawaran' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kirim pesanan atau permintaan penawaran' }).waitFor();
    await axe(page, 'formulir pesan');
    await page.getByLabel('Pemesan').selectOption('local_government');
    await page.getByLabel('Nama lengkap').fill('Dewi Lestari');
    await page.getByLabel('Nama instansi / perusahaan').fill('Bagian Umum Pemkot Semarang');
    await page.getByLabel('Email').fill('dewi@salah');
    await page.getByLabel('Daerah pengiriman').fill('Kota Semarang, Jawa Tengah');
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await page.getByText('Alamat email tidak valid.').waitFor();
    await axe(page, 'formulir pesan (galat)');
    await page.getByLabel('Email').fill('dewi@example.go.id');
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Permintaan terkirim' }).waitFor();
    state.number = (await page.locator('.panel strong').textContent()) ?? '';
    expect(state.number).toMatch(/^PMN-\d{4}-\d{4}$/);
    expect(await page.content()).not.toContain('dewi@example.go.id');
    await axe(page, 'terkirim');
    // Reloading the confirmation shows the same request (it is found by the form's key, never re-sent).
    await page.reload();
    expect(await page.locator('.panel strong').textContent()).toBe(state.number);
  });

  it('serves English on request', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${url}/katalog?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Search products' }).waitFor();
    await axe(page, 'catalogue (en)');
  });

  it('shows the request to the UPT, who takes it up', async () => {
    const page = await as('operator.lapas.semarang');
    await page.goto(`${url}/permintaan`);
    await settle(page);
    await axe(page, 'kotak masuk');
    await page.getByRole('link', { name: state.number }).click();
    await page.getByRole('heading', { level: 1, name: `Permintaan ${state.number}` }).waitFor();
    await page.getByText('dewi@example.go.id').waitFor();
    await axe(page, 'rincian permintaan');
    await page.getByRole('button', { name: 'Tandai diproses' }).click();
    await page.getByText('Status diubah menjadi Diproses.').waitFor();
  });

  it('publishes a product from the listing editor', async () => {
    const page = await as('operator.lapas.semarang');
    await page.goto(`${url}/katalog-upt`);
    await settle(page);
    await axe(page, 'katalog UPT');
    const row = page.locator('tr', { hasText: 'Tidak tayang' }).first();
    const name = (await row.locator('td').first().textContent())!.trim();
    await row.getByRole('button', { name: /Ubah tayangan/ }).click();
    await page.getByLabel('Tayangkan di katalog publik').check();
    await page.getByLabel('Deskripsi untuk pembeli').fill('Dibuat di bengkel kerja.');
    await axe(page, 'editor tayangan');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(`Tayangan ${name} disimpan.`).waitFor();
    const found = (await (await fetch(`${url}/api/v1/catalogue/search?pageSize=60&q=${encodeURIComponent(name)}`)).json()) as { items: Array<{ name: string }> };
    expect(found.items.some((i) => i.name === name)).toBe(true);
  });

  it('has no serious accessibility problems', () => {
    expect(axeProblems).toEqual([]);
  });
});
