import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { login, type E2E } from './harness.ts';

const AXE = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), 'node_modules/axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Pages of one browser test file: fresh contexts (Indonesian locale, Jakarta time), sign-in,
 * waiting until a page has settled, and an axe check whose serious/critical findings collect in
 * `axeProblems` for the file to assert on.
 */
export function browserSession(e2e: () => E2E) {
  const contexts: BrowserContext[] = [];
  const axeProblems: string[] = [];
  const url = () => e2e().url;

  async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const ctx = await e2e().browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(ctx);
    return ctx.newPage();
  }
  async function as(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await newPage(viewport);
    await login(page, url(), username);
    return page;
  }
  /** Waits until the page has its heading and nothing is loading any more. */
  async function settle(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-loading]'));
  }
  async function open(page: Page, p: string): Promise<void> {
    await page.goto(`${url()}${p}`);
    await settle(page);
  }
  async function axe(page: Page, label: string): Promise<void> {
    await settle(page);
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate(async () => {
      const a = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
      return a.run();
    })) as { violations: Violation[] };
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        axeProblems.push(`${label}: [${v.impact}] ${v.id} — ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
      }
    }
  }
  async function closeAll(): Promise<void> {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
  return { newPage, as, settle, open, axe, axeProblems, closeAll };
}

/** `iso` + `days`, as a calendar date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
