import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, diffDays, fromDayNumber, toDayNumber } from '../calendar/date.ts';
import type { IsoDate } from '../calendar/date.ts';
import { calculateCase } from './index.ts';
import { orderEnd } from './sentence-term.ts';
import type { CalculateOptions, CaseInput, CaseResult, GrantedRemission, Holiday, Religion, TermDates } from './types.ts';

/** One synthetic holiday of each kind per year, so every religion has an occasion. */
const HOLIDAYS: Holiday[] = Array.from({ length: 80 }, (_, i) => 1995 + i).flatMap((y) => [
  { date: `${y}-02-01`, name: 'Tahun Baru Imlek' },
  { date: `${y}-03-20`, name: 'Hari Raya Nyepi' },
  { date: `${y}-04-10`, name: 'Hari Raya Idul Fitri' },
  { date: `${y}-04-11`, name: 'Hari Raya Idul Fitri' },
  { date: `${y}-05-15`, name: 'Hari Raya Waisak' },
  { date: `${y}-12-25`, name: 'Hari Raya Natal' },
]);
const OPTS: CalculateOptions = { holidays: HOLIDAYS };

const dayIn = (from: string, to: string): fc.Arbitrary<IsoDate> => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const religion = fc.constantFrom<Religion>('islam', 'kristen', 'katolik', 'hindu', 'buddha', 'konghucu');

function remissionAfter(start: IsoDate): fc.Arbitrary<GrantedRemission> {
  return fc.record({
    kind: fc.constantFrom<GrantedRemission['kind']>('umum', 'khusus', 'tambahan', 'dasawarsa', 'susulan'),
    occasionDate: fc.integer({ min: 0, max: 4000 }).map((n) => addDays(start, n)),
    days: fc.integer({ min: 0, max: 180 }),
  });
}

/** A sentenced case with arbitrary remissions, register F, special crimes and projection. */
const sentencedCase: fc.Arbitrary<CaseInput> = dayIn('2000-01-01', '2035-12-31').chain((start) =>
  fc.record({
    detentionOrders: fc.constant([]),
    detentionStart: fc.constant(start),
    sentences: fc.tuple(
      fc.record({
        years: fc.integer({ min: 0, max: 20 }),
        months: fc.integer({ min: 0, max: 11 }),
        days: fc.integer({ min: 0, max: 29 }),
        verdictDate: fc.integer({ min: 0, max: 400 }).map((n) => addDays(start, n)),
        special: fc.subarray(['korupsi', 'terorisme', 'narkotika'] as const),
      }),
    ),
    religion,
    registerF: fc.array(
      fc.integer({ min: 0, max: 3000 }).map((n) => ({ date: addDays(start, n) })),
      { maxLength: 2 },
    ),
    remissionsGranted: fc.array(remissionAfter(start), { maxLength: 6 }),
    projectRemissions: fc.option(fc.integer({ min: 0, max: 9000 }).map((n) => ({ until: addDays(start, n) })), { nil: undefined }),
    asOf: fc.integer({ min: 0, max: 3000 }).map((n) => addDays(start, n)),
    fineUnpaidSubsidiaryDays: fc.option(fc.integer({ min: 0, max: 180 }), { nil: undefined }),
    conditions: fc.record({ finePaid: fc.boolean(), deradicalisation: fc.boolean(), nkriPledge: fc.boolean() }),
  }),
);

function datesOf(d: TermDates): IsoDate[] {
  return [d.expiry, d.oneThird, d.half, d.twoThirds, d.asimilasi.date, d.pb.date, d.cb.date, d.cmb.date].filter((x): x is IsoDate => x !== null);
}

function allTermDates(r: CaseResult): TermDates[] {
  return r.projection === undefined ? [r] : [r, r.projection];
}

/** Independent reference: Date.UTC month arithmetic with the day clamped to the month's length. */
function referenceAddPeriod(start: IsoDate, y: number, m: number, d: number): IsoDate {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const months = sm - 1 + m + 12 * y;
  const ty = sy + Math.floor(months / 12);
  const tm = months % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const t = Date.UTC(ty, tm, Math.min(sd, last)) + d * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

describe('sentence engine properties', () => {
  it('remission never moves a date before the start', () => {
    fc.assert(
      fc.property(sentencedCase, (input) => {
        const r = calculateCase(input, OPTS);
        const start = r.start as IsoDate;
        for (const d of allTermDates(r).flatMap(datesOf)) expect(d >= start, `${d} < ${start}`).toBe(true);
      }),
    );
  });

  it('⅔ date ≤ expiry, and ⅓ ≤ ½ ≤ ⅔', () => {
    fc.assert(
      fc.property(sentencedCase, (input) => {
        const r = calculateCase(input, OPTS);
        for (const t of allTermDates(r)) {
          if (t.expiry === null || t.twoThirds === null || t.half === null || t.oneThird === null) continue;
          expect(t.twoThirds <= t.expiry).toBe(true);
          expect(t.oneThird <= t.half && t.half <= t.twoThirds).toBe(true);
        }
      }),
    );
  });

  it('⅔ date ≤ expiry in the alternative reading too', () => {
    fc.assert(
      fc.property(sentencedCase, (input) => {
        const r = calculateCase(input, { ...OPTS, twoThirdsMode: 'of_sentence_minus_remission' });
        for (const t of allTermDates(r)) if (t.expiry !== null && t.twoThirds !== null) expect(t.twoThirds <= t.expiry).toBe(true);
      }),
    );
  });

  it('adding a granted remission never delays a date', () => {
    const withExtra = sentencedCase.chain((input) => remissionAfter(input.detentionStart as IsoDate).map((extra) => ({ input, extra })));
    fc.assert(
      fc.property(withExtra, ({ input, extra }) => {
        const before = calculateCase({ ...input, projectRemissions: undefined }, OPTS);
        const after = calculateCase({ ...input, projectRemissions: undefined, remissionsGranted: [...input.remissionsGranted, extra] }, OPTS);
        for (const key of ['expiry', 'oneThird', 'half', 'twoThirds'] as const) {
          const b = before[key];
          const a = after[key];
          if (b !== null && a !== null) expect(a <= b, `${key}: ${a} > ${b}`).toBe(true);
        }
        for (const key of ['asimilasi', 'pb', 'cb'] as const) {
          const b = before[key].date;
          const a = after[key].date;
          if (b !== null && a !== null) expect(a <= b, `${key}: ${a} > ${b}`).toBe(true);
        }
        expect(after.totalRemissionDays).toBe(before.totalRemissionDays + extra.days);
      }),
    );
  });

  it('adding a granted remission never delays the projected expiry', () => {
    // A 'tambahan' does not take the slot of a projected RU/RK, so projections stay comparable.
    const withExtra = sentencedCase
      .filter((i) => i.projectRemissions !== undefined)
      .chain((input) => remissionAfter(input.detentionStart as IsoDate).map((extra) => ({ input, extra: { ...extra, kind: 'tambahan' as const } })));
    fc.assert(
      fc.property(withExtra, ({ input, extra }) => {
        const before = calculateCase(input, OPTS).projection;
        const after = calculateCase({ ...input, remissionsGranted: [...input.remissionsGranted, extra] }, OPTS).projection;
        if (before?.expiry != null && after?.expiry != null) expect(after.expiry <= before.expiry).toBe(true);
      }),
    );
  });

  it('a detention order of N days from D ends on D + N − 1', () => {
    fc.assert(
      fc.property(dayIn('1990-01-01', '2040-12-31'), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 500 }), (start, days, offset) => {
        const end = orderEnd({ start, days });
        expect(end).toBe(addDays(start, days - 1));
        expect(diffDays(start, end) + 1).toBe(days);
        const asOf = addDays(start, offset);
        const r = calculateCase(
          { detentionOrders: [{ id: 'X', stage: 'pn', start, days }], sentences: [], religion: 'islam', registerF: [], remissionsGranted: [], asOf },
          OPTS,
        );
        expect(r.detention.endDate).toBe(end);
        expect(r.detention.daysLeft).toBe(diffDays(asOf, end));
        expect(r.detention.overstay).toBe(asOf > end);
      }),
    );
  });

  it('expiry without remission = start + sentence exactly (calendar)', () => {
    fc.assert(
      fc.property(
        dayIn('1950-01-01', '2080-12-31'),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 400 }),
        (start, years, months, days) => {
          const r = calculateCase(
            {
              detentionOrders: [],
              detentionStart: start,
              sentences: [{ years, months, days, verdictDate: start }],
              religion: 'islam',
              registerF: [],
              remissionsGranted: [],
              asOf: start,
            },
            OPTS,
          );
          expect(r.expiryNoRemission).toBe(referenceAddPeriod(start, years, months, days));
          expect(r.expiry).toBe(r.expiryNoRemission);
          expect(r.sentenceDays).toBe(years * 360 + months * 30 + days);
        },
      ),
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(sentencedCase, (input) => {
        const copy = structuredClone(input);
        const a = calculateCase(input, OPTS);
        const b = calculateCase(input, OPTS);
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(input).toEqual(copy);
      }),
    );
  });
});
