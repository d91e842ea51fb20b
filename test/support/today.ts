/**
 * The "today" every test suite runs on (`GIATJA_TODAY`), so no expectation depends on the real
 * calendar or on how old the demo data has become. Tests that need another day (the clock moved
 * ahead, the real date) start their own app with it and derive expectations from what it reports.
 */
export const TEST_TODAY = '2026-11-25';
