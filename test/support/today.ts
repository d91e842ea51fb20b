/**
 * The "today" every test suite runs on (`GIATJA_TODAY`), so no expectation depends on the real
 * calendar or on how old the demo data has become. Tests that need another day (the clock moved
 * ahead, the real date) start their own app with it and derive expectations from what it reports.
 */
export const TEST_TODAY = '2026-11-25';

/** The same calendar day `years` later (29 February becomes 28 February). */
export function yearsAfter(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${y}-${md}`;
}
