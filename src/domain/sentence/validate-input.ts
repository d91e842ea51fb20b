/**
 * Guards calculateCase against input that would silently give a wrong day: impossible dates and
 * negative or fractional durations. The API validates with schema.ts first; this is the last line.
 */
import { isValidDate } from '../calendar/date.ts';
import type { CaseInput } from './types.ts';

export class InvalidCaseInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid case input: ${problems.join('; ')}`);
    this.name = 'InvalidCaseInputError';
  }
}

export function assertValidCaseInput(input: CaseInput): void {
  const problems: string[] = [];
  const date = (path: string, value: string | undefined): void => {
    if (value !== undefined && !isValidDate(value)) problems.push(`${path}: not a 'YYYY-MM-DD' date (${JSON.stringify(value)})`);
  };
  const count = (path: string, value: number | undefined, min: number): void => {
    if (value !== undefined && (!Number.isInteger(value) || value < min)) problems.push(`${path}: must be an integer ≥ ${min} (${value})`);
  };
  date('asOf', input.asOf);
  date('detentionStart', input.detentionStart);
  date('birthDate', input.birthDate);
  date('projectRemissions.until', input.projectRemissions?.until);
  count('fineUnpaidSubsidiaryDays', input.fineUnpaidSubsidiaryDays, 0);
  input.detentionOrders.forEach((o, i) => {
    date(`detentionOrders[${i}].start`, o.start);
    count(`detentionOrders[${i}].days`, o.days, 1);
  });
  input.sentences.forEach((s, i) => {
    date(`sentences[${i}].verdictDate`, s.verdictDate);
    count(`sentences[${i}].years`, s.years, 0);
    count(`sentences[${i}].months`, s.months, 0);
    count(`sentences[${i}].days`, s.days, 0);
  });
  input.registerF.forEach((f, i) => {
    date(`registerF[${i}].date`, f.date);
    date(`registerF[${i}].until`, f.until);
    if (f.until !== undefined && isValidDate(f.until) && isValidDate(f.date) && f.until < f.date) problems.push(`registerF[${i}]: until before date`);
  });
  input.remissionsGranted.forEach((r, i) => {
    date(`remissionsGranted[${i}].occasionDate`, r.occasionDate);
    count(`remissionsGranted[${i}].days`, r.days, 0);
  });
  const ids = new Set<string>();
  for (const o of input.detentionOrders) {
    if (ids.has(o.id)) problems.push(`detentionOrders: duplicate id ${JSON.stringify(o.id)}`);
    ids.add(o.id);
  }
  if (problems.length > 0) throw new InvalidCaseInputError(problems);
}
