/**
 * Calendar dates as 'YYYY-MM-DD' strings, with no time of day and no time zone.
 *
 * Legal periods (sentences, detention orders, remission) are counted in whole calendar days, so a
 * date is only ever a day number: days since 1970-01-01 in the proleptic Gregorian calendar, which
 * is exactly what UTC midnight timestamps give (`Date.UTC(y, m - 1, d) / 86_400_000`). The integer
 * algorithm below (H. Hinnant, "chrono-compatible low-level date algorithms") is used instead of
 * `Date` so years below 100 and local time zones can never shift a day.
 *
 * Month arithmetic is calendar arithmetic: 9 May 2017 + 2 years = 9 May 2019 (DOMAIN.md, tanggal
 * ekspirasi). When the target month is shorter, the day is clamped to its last day by default
 * (31 Jan + 1 month = 28/29 Feb; 29 Feb 2024 + 1 year = 28 Feb 2025), the reading used by most
 * calendar libraries and by PostgreSQL's `date + interval`; 'roll_over' (31 Jan + 1 month = 3 Mar)
 * is kept as an option for rule sets that need it.
 */

/** A calendar date, 'YYYY-MM-DD' (zero-padded, years 0001–9999). */
export type IsoDate = string;

export type MonthOverflow = 'clamp' | 'roll_over';

export interface Period {
  years: number;
  months: number;
  days: number;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const STRICT = /^(\d{4})-(\d{2})-(\d{2})$/u;
const LOOSE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Builds 'YYYY-MM-DD'; throws on a day that does not exist (e.g. 2023-02-29). */
export function makeDate(year: number, month: number, day: number): IsoDate {
  if (!validParts(year, month, day)) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True only for a zero-padded 'YYYY-MM-DD' naming a day that exists. */
export function isValidDate(text: string): boolean {
  const m = STRICT.exec(text);
  return m !== null && validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Reads 'YYYY-M-D' with or without zero padding (the holiday files write `2018-06-1`) and returns
 * the padded form, or null when the text is not a calendar date.
 */
export function tryParseDate(text: string): IsoDate | null {
  const m = LOOSE.exec(text.trim());
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validParts(year, month, day) ? makeDate(year, month, day) : null;
}

/** Like tryParseDate, but throws a RangeError naming the bad text. */
export function parseDate(text: string): IsoDate {
  const date = tryParseDate(text);
  if (date === null) throw new RangeError(`Not a calendar date: ${JSON.stringify(text)}`);
  return date;
}

/** Splits a strict date; throws on anything else so bad input never turns into a wrong day. */
export function dateParts(date: IsoDate): DateParts {
  const m = STRICT.exec(date);
  if (m === null || !validParts(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`Not a 'YYYY-MM-DD' calendar date: ${JSON.stringify(date)}`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function yearOf(date: IsoDate): number {
  return dateParts(date).year;
}

/** Days since 1970-01-01 (negative before it); equal to UTC epoch days. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber. */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return makeDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Calendar months; see the file comment for the end-of-month rule. */
export function addMonths(date: IsoDate, months: number, overflow: MonthOverflow = 'clamp'): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be an integer: ${months}`);
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const last = daysInMonth(targetYear, targetMonth);
  if (day <= last) return makeDate(targetYear, targetMonth, day);
  if (overflow === 'clamp') return makeDate(targetYear, targetMonth, last);
  return addDays(makeDate(targetYear, targetMonth, last), day - last);
}

export function addYears(date: IsoDate, years: number, overflow: MonthOverflow = 'clamp'): IsoDate {
  return addMonths(date, years * 12, overflow);
}

/**
 * Years and months in one calendar step (so 31 Jan + 1 year 1 month = 28/29 Feb, never drifting
 * through an intermediate clamp), then the days.
 */
export function addPeriod(date: IsoDate, period: Period, overflow: MonthOverflow = 'clamp'): IsoDate {
  return addDays(addMonths(date, period.years * 12 + period.months, overflow), period.days);
}

export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((acc, d) => (isAfter(d, acc) ? d : acc), first);
}

export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((acc, d) => (isBefore(d, acc) ? d : acc), first);
}
