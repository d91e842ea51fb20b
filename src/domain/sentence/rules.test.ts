import { describe, expect, it } from 'vitest';
import { detentionRegimeFor, KUHAP_1981, KUHAP_2025, stageMaximumDays } from './detention-rules.ts';
import { dasawarsaAmount, isDasawarsaYear, ordinalAmount } from './remission-amounts.ts';
import { amountByOrdinal, fractionOfDays, RULE_SET_PP99_2012, RULE_SET_UU22_2022, RULE_SETS, ruleSetFor } from './rules.ts';

describe('ruleSetFor (by verdict date)', () => {
  it.each([
    ['2022-08-03', 'uu22-2022', true],
    ['2025-06-01', 'uu22-2022', true],
    ['2022-08-02', 'pp99-2012', true],
    ['2012-11-12', 'pp99-2012', true],
    ['2010-01-01', 'pp99-2012', false],
  ])('%s → %s (in effect: %s)', (date, id, inEffect) => {
    const choice = ruleSetFor(date);
    expect(choice.ruleSet.id).toBe(id);
    expect(choice.inEffect).toBe(inEffect);
  });

  it('keeps the DOMAIN.md defaults in the current set', () => {
    const r = RULE_SET_UU22_2022;
    expect(r.monthDays).toBe(30);
    expect(r.twoThirdsMode).toBe('subtract_remission_after');
    expect(r.integration.pbMinFractionMonths).toBe(9);
    expect(r.integration.cbMaxSentenceMonths).toBe(18);
    expect(r.integration.cmbMaxLengthMonths).toBe(6);
    expect(r.remission.dasawarsa).toMatchObject({ anchorYear: 2015, everyYears: 10, maxDays: 90, fraction: { num: 1, den: 12 } });
    expect(r.remission.tambahan).toEqual({ serviceToState: { num: 1, den: 2 }, helpingProgramme: { num: 1, den: 3 } });
  });

  it('registers sets oldest first with distinct ids and a citation for every key', () => {
    expect(RULE_SETS.map((s) => s.id)).toEqual([RULE_SET_PP99_2012.id, RULE_SET_UU22_2022.id]);
    for (const s of RULE_SETS) for (const c of Object.values(s.citations)) expect(c.length).toBeGreaterThan(0);
  });
});

describe('remission tables (Keppres 174/1999)', () => {
  const r = RULE_SET_UU22_2022;
  it.each([
    [2, 90],
    [3, 120],
    [4, 150],
    [5, 150],
    [6, 180],
    [12, 180],
  ])('remisi umum no. %i = %i days', (n, days) => {
    expect(amountByOrdinal(r.remission.umum.byOrdinal, n)).toBe(days);
  });
  it.each([
    [2, 30],
    [3, 30],
    [4, 45],
    [5, 45],
    [6, 60],
  ])('remisi khusus no. %i = %i days', (n, days) => {
    expect(amountByOrdinal(r.remission.khusus.byOrdinal, n)).toBe(days);
  });
  it('first RU/RK depend on time served (12 months = 360 days)', () => {
    expect(ordinalAmount('umum', 1, '2024-01-01', addDaysText('2024-01-01', 359), r)).toBe(30);
    expect(ordinalAmount('umum', 1, '2024-01-01', addDaysText('2024-01-01', 360), r)).toBe(60);
    expect(ordinalAmount('khusus', 1, '2024-01-01', addDaysText('2024-01-01', 359), r)).toBe(15);
    expect(ordinalAmount('khusus', 1, '2024-01-01', addDaysText('2024-01-01', 360), r)).toBe(30);
  });
  it('dasawarsa: 1/12 of the sentence, at most 90 days, in 2015, 2025, 2035', () => {
    expect(dasawarsaAmount(720, r)).toBe(60);
    expect(dasawarsaAmount(1000, r)).toBe(83);
    expect(dasawarsaAmount(3600, r)).toBe(90);
    expect([2005, 2015, 2025, 2035].every((y) => isDasawarsaYear(y, r))).toBe(true);
    expect([2020, 2024, 2026].some((y) => isDasawarsaYear(y, r))).toBe(false);
  });
  it('fractions use exact integer arithmetic', () => {
    expect(fractionOfDays(541, { num: 2, den: 3 }, 'ceil')).toBe(361);
    expect(fractionOfDays(541, { num: 2, den: 3 }, 'floor')).toBe(360);
    expect(fractionOfDays(720, { num: 2, den: 3 }, 'ceil')).toBe(480);
  });
});

describe('detention regimes', () => {
  it('uses the 1981 KUHAP for cases begun before 2 Jan 2026, the unverified 2025 KUHAP after', () => {
    expect(detentionRegimeFor('2026-01-01').id).toBe(KUHAP_1981.id);
    expect(detentionRegimeFor('2026-01-02').id).toBe(KUHAP_2025.id);
    expect(KUHAP_2025.verified).toBe(false);
  });
  it.each([
    ['penyidikan', 60],
    ['penuntutan', 50],
    ['pn', 90],
    ['pt', 90],
    ['ma', 110],
  ] as const)('%s: %i days, +60 with art. 29', (stage, days) => {
    expect(stageMaximumDays(KUHAP_1981, stage, false)).toBe(days);
    expect(stageMaximumDays(KUHAP_1981, stage, true)).toBe(days + 60);
    expect(stageMaximumDays(KUHAP_2025, stage, false)).toBe(days);
  });
});

function addDaysText(date: string, n: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
