/**
 * calculateCase: sentence expiry, remission, fractions, integration rights and detention status
 * for one person, with a breakdown an officer can follow line by line. Pure: no clock (asOf is an
 * input), no I/O (holidays are passed in).
 */
import type { IsoDate } from '../calendar/date.ts';
import { addDays, addPeriod, isAfter, maxDate } from '../calendar/date.ts';
import { assessDetention } from './detention.ts';
import { buildTimeline } from './remissions.ts';
import type { CaseContext } from './remissions.ts';
import { RULE_IDS, ruleSetFor } from './rules.ts';
import type { RuleSet } from './rules.ts';
import { deriveStart, summariseSentences } from './sentence-term.ts';
import type { StartSource } from './sentence-term.ts';
import { computeTermDates, termLines } from './term-dates.ts';
import { bi, line } from './text.ts';
import type { Bilingual, BreakdownLine, CalculateOptions, CaseInput, CaseResult, ProjectionResult, RemissionResult, TermDates } from './types.ts';
import { assertValidCaseInput } from './validate-input.ts';

/** Most recent main verdict: the date that picks the rule set. */
function latestMainVerdict(input: CaseInput): IsoDate | null {
  const dates = input.sentences.filter((s) => (s.kind ?? 'pidana') === 'pidana').map((s) => s.verdictDate);
  const first = dates[0];
  return first === undefined ? null : maxDate(first, ...dates.slice(1));
}

const START_LABELS: Record<StartSource, Bilingual> = {
  input: bi('Mulai penahanan terakhir tanpa putus (diisi petugas)', 'Start of the last uninterrupted detention (entered)'),
  orders: bi('Mulai penahanan terakhir tanpa putus (dari surat penahanan)', 'Start of the last uninterrupted detention (from the orders)'),
  verdict: bi('Tidak ada penahanan tercatat: masa pidana dihitung dari tanggal putusan', 'No detention recorded: the term runs from the verdict date'),
  none: bi('Tidak ada penahanan maupun putusan tercatat', 'Neither detention nor verdict recorded'),
};

function warningLines(warnings: readonly Bilingual[], rules: RuleSet): BreakdownLine[] {
  return warnings.map((w) => line('WARNING', w, undefined, RULE_IDS.ruleSet, rules.citations.ruleSet));
}

export function calculateCase(input: CaseInput, opts: CalculateOptions): CaseResult {
  assertValidCaseInput(input);
  const choice = ruleSetFor(latestMainVerdict(input) ?? input.asOf);
  const { inEffect } = choice;
  const rules: RuleSet =
    opts.twoThirdsMode === undefined || opts.twoThirdsMode === choice.ruleSet.twoThirdsMode
      ? choice.ruleSet
      : { ...choice.ruleSet, twoThirdsMode: opts.twoThirdsMode };
  const term = summariseSentences(input, rules);
  const { start, source } = deriveStart(input, term);
  const warnings: Bilingual[] = [];
  const breakdown: BreakdownLine[] = [line('RULE_SET', rules.title, rules.id, RULE_IDS.ruleSet, rules.citations.ruleSet)];
  if (rules.twoThirdsMode === 'of_sentence_minus_remission') {
    breakdown.push(
      line(
        'TWO_THIRDS_READING',
        bi('Bacaan alternatif: pecahan dihitung atas (pidana − remisi)', 'Alternative reading: fractions taken of (sentence − remission)'),
        rules.twoThirdsMode,
        RULE_IDS.fractions,
        rules.citations.fractions,
      ),
    );
  }
  if (!inEffect) {
    warnings.push(
      bi(
        `Putusan sebelum ${rules.effectiveFrom}: tidak ada aturan lebih lama yang terdaftar, dipakai ${rules.id}`,
        `Verdict before ${rules.effectiveFrom}: no older rule set registered, ${rules.id} applied`,
      ),
    );
  }
  breakdown.push(line('START', START_LABELS[source], start ?? undefined, RULE_IDS.start, rules.citations.start));

  const baseMainEnd = start !== null && term.finite ? addPeriod(start, term.period, rules.monthOverflow) : null;
  const expiryNoRemission = baseMainEnd === null ? null : addDays(baseMainEnd, term.subsidiaryDays);

  let dates: TermDates;
  let remissions: RemissionResult[] = [];
  let projection: ProjectionResult | undefined;
  if (start === null) {
    dates = computeTermDates(
      { input, rules, term: { ...term, hasSentence: false }, start: input.asOf, baseMainEnd: null, holidays: opts.holidays },
      [],
      false,
    ).dates;
  } else {
    const ctx: CaseContext = { input, rules, term, start, baseMainEnd, holidays: opts.holidays };
    breakdown.push(...termLines(ctx, expiryNoRemission));
    const actual = buildTimeline(ctx, null);
    const actualDates = computeTermDates(ctx, actual.counted, false);
    dates = actualDates.dates;
    remissions = actual.remissions;
    let remissionLines = actual.lines;
    let projectionLines: BreakdownLine[] = [];
    if (input.projectRemissions !== undefined) {
      const projected = buildTimeline(ctx, input.projectRemissions.until);
      const projectedDates = computeTermDates(ctx, projected.counted, true);
      remissions = projected.remissions;
      remissionLines = projected.lines;
      projectionLines = projectedDates.lines;
      warnings.push(...projected.warnings);
      projection = { until: input.projectRemissions.until, ...projectedDates.dates };
    }
    breakdown.push(...remissionLines, ...actualDates.lines, ...projectionLines);
  }

  const detention = assessDetention(input, { term, expiry: dates.expiry });
  breakdown.push(...detention.lines, ...warningLines(warnings, rules));

  const status = term.finalFrom !== null && !isAfter(term.finalFrom, input.asOf) ? 'narapidana' : 'tahanan';
  const result: CaseResult = {
    ruleSet: rules.id,
    status,
    sentenceDays: term.hasSentence && term.finite ? term.sentenceDays : null,
    subsidiaryDays: term.subsidiaryDays,
    start,
    expiryNoRemission,
    ...dates,
    remissions,
    detention: detention.result,
    warnings,
    breakdown,
  };
  if (projection !== undefined) result.projection = projection;
  return result;
}
