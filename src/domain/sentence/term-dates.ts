/**
 * Expiry, fractions and integration rights (asimilasi, PB, CB, CMB) for one list of remissions.
 * Computed once on granted remissions and, when projecting, once more with projected ones added.
 */
import type { IsoDate } from '../calendar/date.ts';
import { addDays, addYears, diffDays, isBefore, maxDate } from '../calendar/date.ts';
import { cited, lifeOrDeathReason, programmeReason, registerFReason, specialCrimeReasons } from './conditions.ts';
import type { CaseContext } from './remissions.ts';
import { fractionOfDays, RULE_IDS } from './rules.ts';
import type { Fraction, RuleSet } from './rules.ts';
import { fractionDate, reduceByRemissions } from './term-arithmetic.ts';
import type { DatedDays } from './term-arithmetic.ts';
import { bi, daysValue, joinReasons, line, periodText, thirtyDayText } from './text.ts';
import type { Bilingual, BreakdownLine, LeaveResult, RightResult, TermDates } from './types.ts';

export interface TermDatesOutcome {
  dates: TermDates;
  lines: BreakdownLine[];
}

function unavailable(reason: Bilingual): RightResult {
  return { date: null, eligible: false, reasons: [reason] };
}

function emptyDates(reason: Bilingual, totalRemissionDays: number): TermDates {
  return {
    expiry: null,
    totalRemissionDays,
    oneThird: null,
    half: null,
    twoThirds: null,
    asimilasi: unavailable(reason),
    pb: unavailable(reason),
    cb: { ...unavailable(reason), lengthDays: null },
    cmb: { ...unavailable(reason), lengthDays: null },
    pbSupervisionEnd: null,
  };
}

function fractionName(f: Fraction): string {
  return `${f.num}/${f.den}`;
}

/** "⅔ of the sentence is at least 9 months", exactly: S × num ≥ 9 × 30 × den. */
function fractionAtLeastMonths(sentenceDays: number, f: Fraction, months: number, rules: RuleSet): boolean {
  return sentenceDays * f.num >= months * rules.monthDays * f.den;
}

/**
 * CMB length = the last remission received, at most 6 months (Permenkumham 3/2018 ps. 102). The
 * remission must have been received before the leave starts, so later ones are passed over.
 */
function cmbLength(counted: readonly DatedDays[], earliest: IsoDate, expiry: IsoDate, rules: RuleSet): { length: number; from: IsoDate | null } {
  const cap = rules.integration.cmbMaxLengthMonths * rules.monthDays;
  for (let i = counted.length - 1; i >= 0; i--) {
    const r = counted[i];
    if (r === undefined || !isBefore(r.date, expiry)) continue;
    const basis =
      rules.integration.cmbLengthBasis === 'last_remission'
        ? r.days
        : counted.filter((x) => x.date.slice(0, 4) === r.date.slice(0, 4) && !isBefore(r.date, x.date)).reduce((s, x) => s + x.days, 0);
    const length = Math.min(cap, basis);
    const from = maxDate(earliest, addDays(expiry, -length));
    if (!isBefore(from, r.date)) return { length: diffDays(from, expiry), from };
  }
  return { length: 0, from: null };
}

export function computeTermDates(ctx: CaseContext, counted: readonly DatedDays[], projected: boolean): TermDatesOutcome {
  const { input, rules, term, start } = ctx;
  const total = counted.reduce((s, r) => s + r.days, 0);
  const tag = projected ? bi('[proyeksi] ', '[projected] ') : bi('', '');
  const code = (c: string): string => (projected ? `PROJECTED_${c}` : c);
  const lines: BreakdownLine[] = [];
  const lifeDeath = lifeOrDeathReason(term, rules);
  if (!term.hasSentence) return { dates: emptyDates(bi('Belum ada putusan pidana', 'No sentence recorded'), total), lines };
  if (lifeDeath !== null || ctx.baseMainEnd === null) {
    return { dates: emptyDates(lifeDeath ?? bi('Tidak ada tanggal ekspirasi', 'No expiry date'), total), lines };
  }

  const S = term.sentenceDays;
  const sub = term.subsidiaryDays;
  const mainEnd = reduceByRemissions(ctx.baseMainEnd, start, counted);
  const expiry = addDays(mainEnd, sub);
  const reduction = diffDays(mainEnd, ctx.baseMainEnd);
  lines.push(
    line(code('TOTAL_REMISSION'), bi(`${tag.id}Jumlah remisi`, `${tag.en}Total remission`), daysValue(total), RULE_IDS.expiry, rules.citations.periodCount),
    line(
      code('EXPIRY'),
      bi(
        `${tag.id}Tanggal ekspirasi = ${ctx.baseMainEnd} − ${total} hari remisi${sub > 0 ? ` + ${sub} hari pidana pengganti denda` : ''}${reduction !== total ? ` (remisi melebihi sisa pidana: bebas pada tanggal remisi, pengurangan efektif ${reduction} hari)` : ''}`,
        `${tag.en}Expiry date = ${ctx.baseMainEnd} − ${total} days of remission${sub > 0 ? ` + ${sub} days in lieu of the fine` : ''}${reduction !== total ? ` (remission exceeds the rest of the term: release on the occasion, effective reduction ${reduction} days)` : ''}`,
      ),
      expiry,
      RULE_IDS.expiry,
      rules.citations.periodCount,
    ),
  );

  const fractionLine = (c: string, f: Fraction, date: IsoDate): BreakdownLine => {
    const baseDays = fractionOfDays(S, f, rules.fractionRounding);
    const applied = diffDays(date, addDays(start, baseDays));
    const how =
      rules.twoThirdsMode === 'subtract_remission_after'
        ? bi(`− remisi sebelum tanggal itu`, `− remission received before that day`)
        : bi(`dihitung atas (pidana − remisi), bacaan alternatif`, `taken of (sentence − remission), alternative reading`);
    return line(
      code(c),
      bi(
        `${tag.id}Tanggal ${fractionName(f)} = ${start} + ${fractionName(f)} × ${S} hari (${baseDays} hari) ${how.id}: ${applied} hari`,
        `${tag.en}${fractionName(f)} date = ${start} + ${fractionName(f)} × ${S} days (${baseDays} days) ${how.en}: ${applied} days`,
      ),
      date,
      RULE_IDS.fractions,
      rules.citations.fractions,
    );
  };
  const at = (f: Fraction): IsoDate => fractionDate(start, S, f, counted, rules, mainEnd);
  const oneThirdF = { num: 1, den: 3 };
  const halfF = { num: 1, den: 2 };
  const oneThird = at(oneThirdF);
  const half = at(halfF);
  const twoThirds = at(rules.integration.pbFraction);
  lines.push(fractionLine('ONE_THIRD', oneThirdF, oneThird), fractionLine('HALF', halfF, half), fractionLine('TWO_THIRDS', rules.integration.pbFraction, twoThirds));

  const special = term.special.length > 0;
  const common: Bilingual[] = [...specialCrimeReasons(term, input, rules)];
  const programme = programmeReason(input, rules);
  if (programme !== null) common.push(programme);
  const delay = rules.integration.integrationWaitsForSubsidiary ? sub : 0;
  const noTimeLeft = (date: IsoDate): Bilingual | null =>
    isBefore(date, expiry) ? null : bi(`Tanggal ini tidak sebelum tanggal ekspirasi (${expiry})`, `This date is not before the expiry date (${expiry})`);
  const behaviour = (date: IsoDate, months: number): Bilingual | null => registerFReason(input.registerF, date, months, rules);
  const collect = (...rs: Array<Bilingual | null>): Bilingual[] => [...common, ...rs.filter((r): r is Bilingual => r !== null)];
  const minNine = fractionAtLeastMonths(S, rules.integration.pbFraction, rules.integration.pbMinFractionMonths, rules);
  const minNineReason = cited(
    `2/3 masa pidana (${fractionOfDays(S, rules.integration.pbFraction, 'floor')} hari) kurang dari ${rules.integration.pbMinFractionMonths} bulan`,
    `2/3 of the sentence (${fractionOfDays(S, rules.integration.pbFraction, 'floor')} days) is less than ${rules.integration.pbMinFractionMonths} months`,
    rules.citations.pb,
  );
  const delayNote = delay > 0 ? bi(` + ${delay} hari pidana pengganti denda dijalani lebih dulu`, ` + ${delay} days in lieu of the fine served first`) : bi('', '');

  // Asimilasi: ½ (special crimes ⅔), good behaviour in the last 6 months.
  const asimilasiFraction = special ? rules.integration.asimilasiSpecialFraction : rules.integration.asimilasiFraction;
  const asimilasiDate = special ? twoThirds : at(asimilasiFraction);
  const asimilasiReasons = collect(behaviour(asimilasiDate, rules.integration.asimilasiGoodBehaviourMonths), noTimeLeft(asimilasiDate));
  const asimilasi: RightResult = { date: asimilasiDate, eligible: asimilasiReasons.length === 0, reasons: asimilasiReasons };

  // PB: ⅔ (≥ 9 months), good behaviour for the 9 months before the ⅔ date; special crimes also
  // after assimilation for ½ of the remaining term (PP 99/2012 ps. 43A).
  const share = rules.integration.pbSpecialAssimilationShare;
  const pbBase = special ? addDays(twoThirds, fractionOfDays(diffDays(twoThirds, mainEnd), share, 'ceil')) : twoThirds;
  const pbDate = addDays(pbBase, delay);
  const pbReasons = minNine
    ? collect(behaviour(twoThirds, rules.integration.pbGoodBehaviourMonths), noTimeLeft(pbDate))
    : [minNineReason, ...common];
  const pb: RightResult = { date: minNine ? pbDate : null, eligible: pbReasons.length === 0, reasons: pbReasons };

  // CB: sentences ≤ 1 y 6 m, from ⅔, at most 6 months (the last part of the term).
  const cbAllowed = S <= rules.integration.cbMaxSentenceMonths * rules.monthDays;
  const cbFrom = maxDate(addDays(twoThirds, delay), addDays(expiry, -rules.integration.cbMaxLengthMonths * rules.monthDays));
  const cbMonths = special ? rules.integration.cbSpecialGoodBehaviourMonths : rules.integration.cbGoodBehaviourMonths;
  const cbReasons = cbAllowed
    ? collect(behaviour(twoThirds, cbMonths), noTimeLeft(cbFrom))
    : [cited(`Pidana ${S} hari lebih dari 1 tahun 6 bulan`, `Sentence of ${S} days is longer than 1 year 6 months`, rules.citations.cb), ...common];
  const cb: LeaveResult = {
    date: cbAllowed ? cbFrom : null,
    eligible: cbReasons.length === 0,
    reasons: cbReasons,
    lengthDays: cbAllowed ? Math.max(0, diffDays(cbFrom, expiry)) : null,
  };

  // CMB: from ⅔ (≥ 9 months), length = last remission received, at most 6 months.
  const cmbEarliest = addDays(twoThirds, delay);
  const cmbSpan = cmbLength(counted, cmbEarliest, expiry, rules);
  const cmbReasons = !minNine
    ? [minNineReason, ...common]
    : collect(
        behaviour(twoThirds, rules.integration.cmbGoodBehaviourMonths),
        cmbSpan.length > 0 ? null : cited('Belum ada remisi yang diterima (lama CMB = remisi terakhir)', 'No remission received yet (CMB length = last remission)', rules.citations.cmb),
      );
  const cmb: LeaveResult = {
    date: minNine && cmbSpan.from !== null ? cmbSpan.from : null,
    eligible: cmbReasons.length === 0,
    reasons: cmbReasons,
    lengthDays: minNine ? cmbSpan.length : null,
  };

  const pbSupervisionEnd = pb.eligible ? addYears(expiry, rules.integration.pbSupervisionYears) : null;

  const rightLine = (c: string, name: Bilingual, r: RightResult, how: Bilingual, rule: string, regulation: string): BreakdownLine => {
    const status = r.eligible ? bi('memenuhi syarat', 'eligible') : bi(`tidak memenuhi syarat: ${joinReasons(r.reasons).id}`, `not eligible: ${joinReasons(r.reasons).en}`);
    return line(code(c), bi(`${tag.id}${name.id} (${how.id}) — ${status.id}`, `${tag.en}${name.en} (${how.en}) — ${status.en}`), r.date ?? undefined, rule, regulation);
  };
  lines.push(
    rightLine(
      'ASIMILASI',
      bi('Asimilasi', 'Assimilation'),
      asimilasi,
      bi(`pada ${fractionName(asimilasiFraction)} masa pidana`, `at ${fractionName(asimilasiFraction)} of the sentence`),
      RULE_IDS.asimilasi,
      special ? rules.citations.asimilasiSpecial : rules.citations.asimilasi,
    ),
    rightLine(
      'PB',
      bi('Pembebasan bersyarat', 'Parole (PB)'),
      pb,
      special
        ? bi(`2/3 + asimilasi ½ sisa pidana${delayNote.id}`, `2/3 + assimilation for ½ of the remaining term${delayNote.en}`)
        : bi(`pada 2/3, minimal 9 bulan${delayNote.id}`, `at 2/3, at least 9 months${delayNote.en}`),
      RULE_IDS.pb,
      special ? rules.citations.pbSpecial : rules.citations.pb,
    ),
    rightLine(
      'CB',
      bi('Cuti bersyarat', 'Conditional leave (CB)'),
      cb,
      bi(`pidana ≤ 1 tahun 6 bulan, dari 2/3, lama ${cb.lengthDays ?? 0} hari (maks. 6 bulan)`, `sentence ≤ 1 y 6 m, from 2/3, ${cb.lengthDays ?? 0} days (max. 6 months)`),
      RULE_IDS.cb,
      rules.citations.cb,
    ),
    rightLine(
      'CMB',
      bi('Cuti menjelang bebas', 'Pre-release leave (CMB)'),
      cmb,
      bi(`lama = remisi terakhir ${thirtyDayText(cmb.lengthDays ?? 0).id} (maks. 6 bulan)`, `length = last remission ${thirtyDayText(cmb.lengthDays ?? 0).en} (max. 6 months)`),
      RULE_IDS.cmb,
      rules.citations.cmb,
    ),
  );
  if (pbSupervisionEnd !== null) {
    lines.push(
      line(
        code('PB_SUPERVISION_END'),
        bi(`${tag.id}Akhir bimbingan Bapas (PB) = ekspirasi ${expiry} + 1 tahun`, `${tag.en}End of Bapas supervision (parole) = expiry ${expiry} + 1 year`),
        pbSupervisionEnd,
        RULE_IDS.pbSupervision,
        rules.citations.pbSupervision,
      ),
    );
  }

  return {
    dates: { expiry, totalRemissionDays: total, oneThird, half, twoThirds, asimilasi, pb, cb, cmb, pbSupervisionEnd },
    lines,
  };
}

/** Lines describing the term itself (start, sentence, calendar expiry). */
export function termLines(ctx: CaseContext, expiryNoRemission: IsoDate | null): BreakdownLine[] {
  const { rules, term, start } = ctx;
  const lines: BreakdownLine[] = [];
  if (!term.hasSentence) return lines;
  const p = periodText(term.period);
  lines.push(
    line(
      'SENTENCE',
      bi(`Pidana pokok ${p.id} = ${term.sentenceDays} hari (1 bulan = 30 hari, 1 tahun = 360 hari)`, `Main sentence ${p.en} = ${term.sentenceDays} days (1 month = 30 days, 1 year = 360 days)`),
      daysValue(term.sentenceDays),
      RULE_IDS.sentence,
      rules.citations.periodCount,
    ),
  );
  if (term.special.length > 0) {
    lines.push(
      line(
        'SPECIAL_CRIME',
        bi(`Tindak pidana khusus: ${term.special.join(', ')} (syarat remisi dan integrasi diperketat)`, `Special crime: ${term.special.join(', ')} (stricter remission and integration conditions)`),
        undefined,
        RULE_IDS.asimilasi,
        rules.citations.specialCrimes,
      ),
    );
  }
  if (ctx.baseMainEnd !== null) {
    lines.push(
      line(
        'EXPIRY_NO_REMISSION_MAIN',
        bi(`Akhir pidana tanpa remisi = ${start} + ${p.id} (kalender)`, `End of term without remission = ${start} + ${p.en} (calendar)`),
        ctx.baseMainEnd,
        RULE_IDS.expiryCalendar,
        rules.citations.periodCount,
      ),
    );
  }
  if (term.subsidiaryDays > 0 && expiryNoRemission !== null) {
    lines.push(
      line(
        'SUBSIDIARY',
        bi(`Pidana pengganti denda ${term.subsidiaryDays} hari dijalani sesudah pidana pokok`, `${term.subsidiaryDays} days in lieu of the unpaid fine, served after the main term`),
        expiryNoRemission,
        RULE_IDS.subsidiary,
        rules.citations.subsidiary,
      ),
    );
  }
  return lines;
}
