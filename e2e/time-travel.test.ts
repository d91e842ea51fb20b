import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, addMonths, addYears, diffDays } from '../src/domain/calendar/date.ts';
import { jakartaDate } from '../src/server/clock.ts';
import { TEST_TODAY } from '../test/support/today.ts';
import { startE2E, type E2E } from './harness.ts';
import { browserSession } from './session.ts';

/**
 * The suite runs on a fixed "today" (test/support/today.ts). This file runs the date-sensitive
 * pages on two other days — two years after it, and the real calendar date — each on a demo seeded
 * relative to that day, so a check that only holds on one day (a count that grows with the real
 * calendar, a fixed date in the demo) fails here, not months later in CI.
 */

const idDate = (iso: string) => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${iso}T12:00:00`));
const idNumber = (n: number) => new Intl.NumberFormat('id-ID').format(n);
const idMonth = (iso: string) => new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric' }).format(new Date(`${iso.slice(0, 7)}-15T12:00:00`));

const DAYS: ReadonlyArray<[string, string]> = [
  ['two years after the suite’s day', addYears(TEST_TODAY, 2)],
  ['the real calendar date', ''],
];

describe.each(DAYS)('date-sensitive pages on %s', (_label, asked) => {
  let e2e: E2E;
  let url = '';
  let today = '';
  const { as, open, closeAll } = browserSession(() => e2e);
  const api = async <T,>(page: Page, path: string, params: Record<string, string | number> = {}): Promise<T> => {
    const res = await page.request.get(`${url}/api/v1${path}`, { params });
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    const before = jakartaDate(new Date());
    e2e = await startE2E({ today: asked });
    url = e2e.url;
    today = ((await (await fetch(`${url}/api/v1/meta`)).json()) as { today: string }).today;
    // The app runs on the day asked for; the real date may turn over while the demo is seeded.
    expect(asked ? [asked] : [before, jakartaDate(new Date())]).toContain(today);
  });

  afterAll(async () => {
    await closeAll();
    await e2e?.close();
  });

  it('counts overstay days from today and shows them in Indonesian digits', async () => {
    const page = await as('kanwil.jateng');
    const due = await api<{ items: { noRegister: string; dueDate: string; daysLeft: number }[] }>(page, '/overstay/due', { withinDays: 0, pageSize: 500 });
    for (const d of due.items) expect(d.daysLeft).toBe(diffDays(today, d.dueDate));
    // The demo holds a few overstays (and orders ending today), dated relative to the day it was seeded.
    const overstays = due.items.filter((d) => d.daysLeft < 0);
    expect(overstays.length).toBeGreaterThan(0);
    await open(page, '/overstay');
    const rows = page.locator('section[data-group="overstay"] tbody tr');
    await rows.first().waitFor();
    const first = (await rows.first().textContent()) ?? '';
    const shown = overstays.find((d) => first.includes(d.noRegister));
    if (!shown) throw new Error(`first overstay row not in the API's list: ${first}`);
    expect(first).toContain(`Lewat ${idNumber(-shown.daysLeft)} hari`);
  });

  it('shows an inmate’s expiry and integration dates as the engine computes them today', async () => {
    const page = await as('operator.lapas.semarang');
    const list = await api<{ items: { id: number; expiry: string | null }[] }>(page, '/wbp', { status: 'narapidana', pageSize: 50 });
    // A sentenced inmate still held, whose ⅔ date (the gate to parole) is computed.
    type Calc = { expiry: string; twoThirds: string | null; start: string };
    let held: { id: number; expiry: string | null; calc: Calc } | undefined;
    for (const w of list.items.filter((x) => x.expiry !== null && x.expiry > today)) {
      const calc = (await api<{ calculation: Calc | null }>(page, `/wbp/${w.id}`)).calculation;
      if (calc?.twoThirds) {
        held = { ...w, calc };
        break;
      }
    }
    if (!held) throw new Error('no sentenced inmate with an expiry after today and a ⅔ date in the demo');
    const { calc } = held;
    expect(calc.expiry).toBe(held.expiry);
    // Dated relative to the seeding day: the term began before today and ends after it.
    expect(calc.start <= today && calc.expiry > today).toBe(true);
    await open(page, `/wbp/${held.id}`);
    const keyDates = page.getByTestId('key-dates');
    expect(await keyDates.getByTestId('expiry').textContent()).toBe(idDate(calc.expiry));
    expect(await keyDates.getByTestId('two-thirds').textContent()).toBe(idDate(calc.twoThirds!));
  });

  it('opens attendance on today and counts this month’s attendance', async () => {
    const page = await as('operator.lapas.semarang');
    const dash = await api<{ today: string; month: string; activities: { id: number; allocated: number }[] }>(page, '/work/dashboard');
    expect([dash.today, dash.month]).toEqual([today, `${today.slice(0, 7)}-01`]);
    const activity = [...dash.activities].sort((a, b) => b.allocated - a.allocated)[0]!;
    // The demo's attendance runs up to the day before it was seeded, Monday to Saturday: each of
    // the last seven days has a saved sheet except the Sunday among them.
    const lastWeek = [1, 2, 3, 4, 5, 6, 7].map((n) => addDays(today, -n));
    const saved: string[] = [];
    for (const date of lastWeek) {
      const sheet = await api<{ version: number | null }>(page, `/work/activities/${activity.id}/attendance`, { date, session: 'pagi' });
      if (sheet.version !== null) saved.push(date);
    }
    expect(saved).toEqual(lastWeek.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() !== 0));
    await open(page, `/kerja/kegiatan/${activity.id}/absensi`);
    expect(await page.getByLabel(/^Tanggal/).first().inputValue()).toBe(today);
  });

  it('offers last month’s report by default, with its seeded reports', async () => {
    const page = await as('kanwil.jateng');
    await open(page, '/laporan');
    const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1);
    expect(await page.locator('#reports').textContent()).toBe(idMonth(lastMonth));
    // The demo's reports of that month (submitted early in the month after it), as the API lists them.
    const listed = await api<{ items: { uptName: string }[] }>(page, '/reports', { month: lastMonth });
    expect(listed.items.length).toBeGreaterThan(0);
    const rows = page.locator('section[aria-labelledby="reports"] tbody tr');
    await rows.first().waitFor();
    const shown = await rows.locator('td:first-child').allTextContents();
    expect(shown.sort()).toEqual(listed.items.map((r) => r.uptName).sort());
  });
});
