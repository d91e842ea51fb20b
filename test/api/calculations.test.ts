import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

const GOLDEN = path.resolve('test/golden/sentence');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Keeps only the keys the expected file names, at every level, so wording can evolve. */
function subset(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected) && Array.isArray(actual)) return expected.map((e, i) => subset(actual[i], e));
  if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    return Object.fromEntries(Object.keys(expected).map((k) => [k, subset((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k])]));
  }
  return actual;
}

describe('POST /api/v1/calculations', () => {
  it('answers every golden case as the engine does', async () => {
    const c = await t.as('auditor.itjen');
    const cases = readdirSync(GOLDEN);
    expect(cases.length).toBeGreaterThan(15);
    for (const name of cases) {
      const input = JSON.parse(readFileSync(path.join(GOLDEN, name, 'input.json'), 'utf8')) as Record<string, unknown>;
      const expected = JSON.parse(readFileSync(path.join(GOLDEN, name, 'expected.json'), 'utf8')) as Record<string, unknown>;
      const read = (f: string) => (existsSync(path.join(GOLDEN, name, f)) ? (JSON.parse(readFileSync(path.join(GOLDEN, name, f), 'utf8')) as Record<string, unknown>) : undefined);
      // The case's own holidays (none when it has no file), as the engine's golden test runs it.
      const body = { case: input, holidays: read('holidays.json') ?? [], ...(read('options.json') ?? {}) };
      const res = await c.post<Record<string, unknown>>('/api/v1/calculations', body);
      expect([name, res.status]).toEqual([name, 200]);
      expect([name, subset(res.body, expected)]).toEqual([name, expected]);
    }
  });

  it('refuses a malformed case with field paths, in the caller’s language', async () => {
    const c = await t.as('operator.lapas.semarang');
    const res = await c.post<{ error: { code: string; fields: Record<string, string> } }>('/api/v1/calculations', {
      case: { asOf: '2026-02-30', religion: 'islam', detentionOrders: [], sentences: [{ years: -1, months: 0, days: 0, verdictDate: '2026-01-01' }], registerF: [], remissionsGranted: [] },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['case.asOf', 'case.sentences.0.years']));
  });

  it('is not open to partners or the public', async () => {
    expect((await t.anon().post('/api/v1/calculations', {})).status).toBe(401);
    expect((await (await t.as('mitra.demo')).post('/api/v1/calculations', {})).status).toBe(403);
  });
});
