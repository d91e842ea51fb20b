/**
 * Golden cases: test/golden/sentence/<rule-name>/ holds input.json (a CaseInput, as the API
 * receives it), expected.json (the part of CaseResult the case pins, worked out by hand in
 * notes.md) and optionally holidays.json ([{date, name}]) and options.json ({twoThirdsMode}).
 * Only the keys present in expected.json are compared, so breakdown wording can evolve.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calculateCase } from './index.ts';
import { CaseInputSchema, CaseResultSchema, HolidaySchema, TwoThirdsModeSchema } from './schema.ts';
import type { CalculateOptions } from './types.ts';

const GOLDEN_DIR = fileURLToPath(new URL('../../../test/golden/sentence/', import.meta.url));

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

const cases = readdirSync(GOLDEN_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('golden cases (test/golden/sentence)', () => {
  it('has at least 15 cases, each with input, expected and hand-worked notes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const name of cases) {
      for (const file of ['input.json', 'expected.json', 'notes.md']) {
        expect(existsSync(path.join(GOLDEN_DIR, name, file)), `${name}/${file}`).toBe(true);
      }
    }
  });

  it.each(cases)('%s', (name) => {
    const dir = path.join(GOLDEN_DIR, name);
    const input = CaseInputSchema.parse(readJson(path.join(dir, 'input.json')));
    const holidaysFile = path.join(dir, 'holidays.json');
    const optionsFile = path.join(dir, 'options.json');
    const opts: CalculateOptions = { holidays: existsSync(holidaysFile) ? HolidaySchema.array().parse(readJson(holidaysFile)) : [] };
    if (existsSync(optionsFile)) {
      const raw = readJson(optionsFile) as { twoThirdsMode?: unknown };
      opts.twoThirdsMode = TwoThirdsModeSchema.parse(raw.twoThirdsMode);
    }
    const result = calculateCase(input, opts);
    expect(CaseResultSchema.safeParse(result).success).toBe(true);
    expect(result).toMatchObject(readJson(path.join(dir, 'expected.json')) as Record<string, unknown>);
  });
});
