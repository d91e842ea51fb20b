import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startE2E, type E2E } from './harness.ts';

/**
 * The foundation in a real browser: sign-in, the UPT editor (save, history, version conflict,
 * field errors), language, access by role, first sign-in with a temporary password, the phone
 * menu, and an accessibility check of every page. One server for the file.
 */

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../node_modules/axe-core/axe.min.js');

let e2e: E2E;
let url: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  url = e2e.url;
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await e2e?.close();
});

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const ctx = await e2e.browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  contexts.push(ctx);
  return ctx.newPage();
}

/** Waits until the page has its heading and nothing is loading any more. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-loading]'));
}

/** The page heading once the page has settled; callers poll it, since a click navigates asynchronously. */
async function h1(page: Page): Promise<string> {
  await settle(page);
  return (await page.locator('main h1').first().textContent())?.trim() ?? '';
}

interface UptRow {
  id: number;
  rawName: string;
  kanwilId: number;
  capacity: number | null;
  version: number;
}

/** Looks a UPT up through the API with the page's session. */
async function findUpt(page: Page, rawName: string, q: string): Promise<UptRow> {
  const res = await page.request.get(`${url}/api/v1/org/upts`, { params: { q, pageSize: 200 } });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { items: UptRow[] };
  const upt = body.items.find((u) => u.rawName === rawName);
  if (!upt) throw new Error(`UPT ${rawName} not found`);
  return upt;
}

const capacityInput = (page: Page) => page.getByLabel('Kapasitas hunian', { exact: true });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Simpan perubahan' });

describe('foundation (browser)', () => {
  it('shows the error for a wrong password, then signs admin.pusat in', async () => {
    const page = await newPage();
    await page.goto(`${url}/masuk`);
    await expect.poll(() => h1(page), { timeout: 15_000 }).toBe('Masuk ke Giatja');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    // Demo mode: the note says where the demo accounts are.
    await page.getByText('dicetak di konsol server').waitFor();

    await page.getByLabel(/nama pengguna/i).fill('admin.pusat');
    await page.getByLabel(/kata sandi/i).fill('BukanSandinya123');
    await page.getByRole('button', { name: /masuk/i }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe('/masuk');
    expect(await page.getByLabel(/kata sandi/i).inputValue()).toBe('');

    await login(page, url, 'admin.pusat');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => h1(page), { timeout: 15_000 }).toContain('Admin Pusat Ditjenpas');
    await page.getByText('Nasional (Kantor Pusat)').first().waitFor();
  });

  it('edits a UPT capacity with history, refuses a stale edit and a bad value', async () => {
    const page = await newPage();
    await login(page, url, 'admin.pusat');
    const upt = await findUpt(page, 'RUTAN KELAS I SURAKARTA', 'surakarta');
    const next = (upt.capacity ?? 500) + 37;
    const nextText = new Intl.NumberFormat('id-ID').format(next);

    // A second tab opens the same record at the same version.
    const stale = await page.context().newPage();
    await stale.goto(`${url}/organisasi/upt/${upt.id}`);
    await settle(stale);

    await page.goto(`${url}/organisasi/upt/${upt.id}`);
    await settle(page);
    // The seeded capacity is generated sample data and says so.
    await page.getByTestId('capacity').getByText('data contoh').waitFor();

    await capacityInput(page).fill(String(next));
    await saveButton(page).click();
    await page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' }).waitFor();
    await page.getByTestId('capacity').filter({ hasText: nextText }).waitFor();
    // Typed by an officer now: no longer flagged as generated.
    expect(await page.getByTestId('capacity').getByText('data contoh').count()).toBe(0);
    const history = page.locator('ol.history');
    await history.getByText('Kapasitas hunian').first().waitFor();
    expect(await history.locator('li').first().textContent()).toContain(nextText);
    expect(await history.locator('li').first().textContent()).toContain('admin.pusat');

    // The stale tab still holds the old version: the server refuses and the UI offers a reload.
    await capacityInput(stale).fill(String(next + 100));
    await saveButton(stale).click();
    const conflict = stale.getByRole('alert').filter({ hasText: 'sudah diubah orang lain' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Muat ulang' }).click();
    await stale.getByTestId('capacity').filter({ hasText: nextText }).waitFor();
    expect(await capacityInput(stale).inputValue()).toBe(nextText);

    // A negative capacity is refused by the shared schema before anything is sent.
    const patches: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH') patches.push(r.url());
    });
    await capacityInput(page).fill('-5');
    await saveButton(page).click();
    await page.getByText('Minimal 0.').waitFor();
    expect(await capacityInput(page).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'Ada isian yang belum benar' }).waitFor();
    expect(patches).toEqual([]);
    const after = await findUpt(page, 'RUTAN KELAS I SURAKARTA', 'surakarta');
    expect(after.capacity).toBe(next);
    expect(after.version).toBe(upt.version + 1);
    await page.reload();
    await settle(page);
    await page.getByTestId('capacity').filter({ hasText: nextText }).waitFor();
  });

  it('switches to English, keeps it after a reload, and gets API errors in English', async () => {
    const page = await newPage();
    await login(page, url, 'pimpinan.pusat');
    await page.goto(`${url}/akun`);
    await expect.poll(() => h1(page), { timeout: 15_000 }).toBe('Akun saya');
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('English', { exact: true }).click();
    await page.locator('main h1', { hasText: 'My account' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'giatja_lang');
    expect(cookie?.value).toBe('en');
    expect(cookie?.path).toBe('/');
    // Kept for about a year by the browser's own clock (which is what expires it).
    const browserNow = await page.evaluate(() => Date.now());
    expect(cookie?.expires ?? 0).toBeGreaterThan(browserNow / 1000 + 300 * 24 * 3600);

    await page.reload();
    await expect.poll(() => h1(page), { timeout: 15_000 }).toBe('My account');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Units (UPT)' }).waitFor();

    // Sign out, then a failed sign-in: the API's message comes back in English.
    await page.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/masuk');
    await expect.poll(() => h1(page), { timeout: 15_000 }).toBe('Sign in to Giatja');
    await page.getByLabel('Username').fill('pimpinan.pusat');
    await page.getByLabel(/^Password/).fill('NotThePassword99');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
  });

  it('hides user admin and audit from a UPT operator and says "not allowed" on direct visits', async () => {
    const page = await newPage();
    await login(page, url, 'operator.lapas.semarang');
    await settle(page);
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await nav.getByRole('link', { name: 'UPT' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Pengguna' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Jejak audit' }).count()).toBe(0);
    expect(await page.getByRole('main').getByRole('link', { name: 'Pengguna' }).count()).toBe(0);
    // The home page names the officer's own unit.
    await page.getByRole('main').getByRole('link', { name: 'UPT saya' }).waitFor();
    // Keyboard: the first Tab reaches the skip link, which takes focus to the main content.
    await page.reload();
    await settle(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lewati ke konten utama');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    for (const path of ['/pengguna', '/audit', '/pengguna/baru']) {
      await page.goto(`${url}${path}`);
      await expect.poll(() => h1(page), { timeout: 15_000 }).toBe('Tidak diizinkan');
      await page.getByText('tidak memiliki akses ke halaman ini').waitFor();
      await page.getByRole('main').getByRole('link', { name: 'Kembali ke Beranda' }).waitFor();
    }
  });

  it('lets admin create a user who must change the temporary password at first sign-in', async () => {
    const admin = await newPage();
    await login(admin, url, 'admin.pusat');
    const upt = await findUpt(admin, 'LAPAS KELAS I SEMARANG', 'semarang');
    const username = `petugas.uji${Date.now() % 100000}`;
    const temporary = 'Sementara2026x';

    await admin.goto(`${url}/pengguna`);
    await settle(admin);
    await admin.getByRole('link', { name: 'Tambah pengguna' }).click();
    await expect.poll(() => h1(admin), { timeout: 15_000 }).toBe('Tambah pengguna');
    await admin.getByLabel('Nama pengguna').fill(username);
    await admin.getByLabel('Nama lengkap').fill('Petugas Uji Coba');
    await admin.getByLabel('Peran').selectOption('upt_operator');
    await admin.getByLabel('Tingkat wilayah').selectOption('upt');
    await admin.getByLabel(/^Kanwil/).selectOption(String(upt.kanwilId));
    await admin.locator(`select:has(option[value="${upt.id}"])`).waitFor();
    await admin.getByLabel(/^UPT/).selectOption(String(upt.id));
    await admin.getByLabel('Kata sandi sementara').fill(temporary);
    await admin.getByRole('button', { name: 'Tambah pengguna' }).click();
    await admin.getByRole('status').filter({ hasText: `Pengguna ${username} berhasil dibuat` }).waitFor();
    await expect.poll(() => h1(admin), { timeout: 15_000 }).toBe('Petugas Uji Coba');
    await admin.getByText('Wajib ganti sandi').first().waitFor();

    const user = await newPage();
    await login(user, url, username, temporary);
    expect(new URL(user.url()).pathname).toBe('/ganti-sandi');
    await expect.poll(() => h1(user), { timeout: 15_000 }).toBe('Ganti kata sandi');
    await user.getByText('kata sandi sementara').first().waitFor();
    // Other pages lead back here until the password is changed.
    await user.goto(`${url}/organisasi`);
    await user.waitForURL((u) => u.pathname === '/ganti-sandi');
    await settle(user);

    await user.getByLabel('Kata sandi saat ini').fill(temporary);
    await user.getByLabel(/^Kata sandi baru/).fill('SandiBaruku2026');
    await user.getByLabel('Ulangi kata sandi baru').fill('SandiBaruku2026');
    await user.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await user.waitForURL((u) => u.pathname === '/');
    await user.getByRole('status').filter({ hasText: 'Kata sandi berhasil diganti.' }).waitFor();
    await expect.poll(() => h1(user), { timeout: 15_000 }).toContain('Petugas Uji Coba');
    await user.getByText('Lapas Kelas I Semarang', { exact: false }).first().waitFor();
  });

  it('opens the menu from the burger on a phone and navigates', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await login(page, url, 'kanwil.jateng');
    await settle(page);
    // The side navigation is not shown on a phone; the burger is.
    expect(await page.locator('.app-navbar').isVisible()).toBe(false);
    const burger = page.getByRole('button', { name: 'Buka menu navigasi' });
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    await burger.click();
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    await drawer.waitFor();
    await drawer.getByRole('link', { name: 'UPT', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/organisasi/upt');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => h1(page), { timeout: 15_000 }).toBe('Daftar UPT');
    // Nothing wider than the screen: tables turn into cards.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Escape closes the menu and gives focus back to the burger.
    await burger.click();
    await drawer.waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Buka menu navigasi');
  });

  it('has no serious or critical axe violations on any page', async () => {
    interface Violation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }
    const problems: string[] = [];
    async function check(page: Page, label: string) {
      await settle(page);
      await page.addScriptTag({ path: AXE });
      const result = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
        return axe.run();
      })) as { violations: Violation[] };
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          problems.push(`${label}: [${v.impact}] ${v.id} — ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
        }
      }
    }

    const anon = await newPage();
    await anon.goto(`${url}/masuk`);
    await check(anon, '/masuk');

    const page = await newPage();
    await login(page, url, 'admin.pusat');
    const upt = await findUpt(page, 'LAPAS KELAS I SEMARANG', 'semarang');
    const users = (await (await page.request.get(`${url}/api/v1/users`, { params: { q: 'operator.lapas.semarang' } })).json()) as {
      items: { id: number }[];
    };
    const paths = [
      '/',
      '/organisasi',
      `/organisasi/kanwil/${upt.kanwilId}`,
      '/organisasi/upt',
      `/organisasi/upt/${upt.id}`,
      '/organisasi/upt/baru',
      '/pengguna',
      `/pengguna/${users.items[0]?.id ?? 1}`,
      '/pengguna/baru',
      '/audit',
      '/akun',
      '/ganti-sandi',
      '/halaman-yang-tidak-ada',
    ];
    for (const p of paths) {
      await page.goto(`${url}${p}`);
      await check(page, p);
    }
    // The audit page after verifying the chain, and a form showing its errors.
    await page.goto(`${url}/audit`);
    await settle(page);
    await page.getByRole('button', { name: 'Periksa keutuhan rantai' }).click();
    await page.getByText('Rantai utuh').waitFor();
    await check(page, '/audit (verified)');
    await page.goto(`${url}/pengguna/baru`);
    await settle(page);
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await page.getByText('Ada isian yang belum benar').first().waitFor();
    await check(page, '/pengguna/baru (errors)');

    const operator = await newPage({ width: 390, height: 844 });
    await login(operator, url, 'operator.lapas.semarang');
    await check(operator, '/ (phone)');
    await operator.goto(`${url}/pengguna`);
    await check(operator, '/pengguna (not allowed, phone)');
    await operator.goto(`${url}/organisasi/upt`);
    await check(operator, '/organisasi/upt (phone)');

    expect(problems, `axe found:\n${problems.join('\n')}`).toEqual([]);
  });
});
