/**
 * Detention status for "zero overstaying" (Resolusi Pemasyarakatan 2020 no. 09).
 *
 * An order of N days from D ends on D + N − 1. Overstay = the current order has ended (before
 * asOf) and no extension or final verdict is recorded: the detainee must be released by law.
 * A sentenced inmate held past the (remission-reduced) expiry date is an overstay too.
 *
 * CHOICE: a verdict that is not final (appeal, cassation) does not end detention by orders — the
 * next court must order detention — so only a final verdict stops the order check.
 */
import type { IsoDate } from '../calendar/date.ts';
import { diffDays, isAfter, isBefore } from '../calendar/date.ts';
import { detentionRegimeFor, DETENTION_STAGES, STAGE_NAMES } from './detention-rules.ts';
import type { DetentionRegime } from './detention-rules.ts';
import { RULE_IDS } from './rules.ts';
import { orderEnd } from './sentence-term.ts';
import type { SentenceTerm } from './sentence-term.ts';
import { bi, daysValue, line } from './text.ts';
import type { Bilingual, BreakdownLine, CaseInput, DetentionOrder, DetentionOrderKind, DetentionOrderSummary, DetentionResult } from './types.ts';

/** Days before the end at which an officer is warned (DOMAIN.md: e.g. 10, 3, 0). */
export const DETENTION_WARNING_DAYS: readonly number[] = [10, 3, 0];

export interface DetentionOutcome {
  result: DetentionResult;
  lines: BreakdownLine[];
}

function kindOf(order: DetentionOrder): DetentionOrderKind {
  if (order.art29 === true) return 'art29';
  return order.extensionOf === undefined ? 'initial' : 'extension';
}

function summarise(order: DetentionOrder): DetentionOrderSummary {
  return { id: order.id, stage: order.stage, kind: kindOf(order), start: order.start, end: orderEnd(order), days: order.days };
}

function byStart(a: DetentionOrderSummary, b: DetentionOrderSummary): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0;
}

/** Orders breaking the limits of the regime or badly linked. */
function orderWarnings(orders: readonly DetentionOrder[], regime: DetentionRegime): Bilingual[] {
  const warnings: Bilingual[] = [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  for (const o of orders) {
    if (o.extensionOf === undefined) continue;
    const parent = byId.get(o.extensionOf);
    if (parent === undefined) {
      warnings.push(bi(`Perpanjangan ${o.id} merujuk surat ${o.extensionOf} yang tidak tercatat`, `Extension ${o.id} refers to order ${o.extensionOf}, which is not recorded`));
      continue;
    }
    if (parent.stage !== o.stage) {
      warnings.push(bi(`Perpanjangan ${o.id} (${o.stage}) tidak satu tahap dengan ${parent.id} (${parent.stage})`, `Extension ${o.id} (${o.stage}) is not at the stage of ${parent.id} (${parent.stage})`));
    }
    const gap = diffDays(orderEnd(parent), o.start);
    if (gap !== 1) {
      warnings.push(
        gap > 1
          ? bi(`Ada ${gap - 1} hari tanpa surat penahanan antara ${parent.id} dan ${o.id}`, `${gap - 1} days without a detention order between ${parent.id} and ${o.id}`)
          : bi(`Perpanjangan ${o.id} tumpang tindih dengan ${parent.id} (${1 - gap} hari)`, `Extension ${o.id} overlaps ${parent.id} by ${1 - gap} days`),
      );
    }
  }
  for (const stage of DETENTION_STAGES) {
    const limit = regime.stages[stage];
    const at = orders.filter((o) => o.stage === stage);
    const sum = (k: DetentionOrderKind): number => at.filter((o) => kindOf(o) === k).reduce((s, o) => s + o.days, 0);
    const art29 = at.filter((o) => kindOf(o) === 'art29');
    const name = STAGE_NAMES[stage];
    if (sum('initial') > limit.initialDays) {
      warnings.push(bi(`Penahanan ${name.id} ${sum('initial')} hari melebihi ${limit.initialDays} hari (${limit.initialRef})`, `${name.en} detention of ${sum('initial')} days exceeds ${limit.initialDays} days (${limit.initialRef})`));
    }
    if (sum('extension') > limit.extensionDays) {
      warnings.push(
        bi(`Perpanjangan ${name.id} ${sum('extension')} hari melebihi ${limit.extensionDays} hari (${limit.extensionRef})`, `${name.en} extension of ${sum('extension')} days exceeds ${limit.extensionDays} days (${limit.extensionRef})`),
      );
    }
    if (art29.length > regime.art29.extensions || art29.some((o) => o.days > regime.art29.daysEach)) {
      warnings.push(
        bi(
          `Perpanjangan ps. 29 tahap ${name.id} melebihi ${regime.art29.extensions} × ${regime.art29.daysEach} hari (${regime.art29.ref})`,
          `Art. 29 extensions at the ${name.en} stage exceed ${regime.art29.extensions} × ${regime.art29.daysEach} days (${regime.art29.ref})`,
        ),
      );
    }
  }
  return warnings;
}

/** What must happen before (or, once ended, because of) the end of the current order. */
function nextStepFor(current: DetentionOrderSummary, orders: readonly DetentionOrderSummary[], regime: DetentionRegime, overstay: boolean): { step: Bilingual; regulation: string } {
  const limit = regime.stages[current.stage];
  const atStage = orders.filter((o) => o.stage === current.stage);
  const extensionUsed = atStage.filter((o) => o.kind === 'extension').reduce((s, o) => s + o.days, 0);
  const art29Used = atStage.filter((o) => o.kind === 'art29').length;
  if (overstay) {
    const ref = current.kind === 'art29' ? regime.art29.releaseRef : limit.releaseRef;
    return {
      step: bi(
        `Keluarkan demi hukum sekarang: surat penahanan ${current.id} berakhir ${current.end} tanpa perpanjangan atau putusan tercatat (${ref})`,
        `Release by law now: detention order ${current.id} ended on ${current.end} with no extension or verdict recorded (${ref})`,
      ),
      regulation: ref,
    };
  }
  if (current.kind === 'initial' && extensionUsed < limit.extensionDays) {
    const days = limit.extensionDays - extensionUsed;
    return {
      step: bi(
        `Perpanjangan oleh ${limit.extensionBy.id}, paling lama ${days} hari (${limit.extensionRef}), atau ${limit.handOver.id}`,
        `Extension by ${limit.extensionBy.en}, at most ${days} days (${limit.extensionRef}), or ${limit.handOver.en}`,
      ),
      regulation: limit.extensionRef,
    };
  }
  if (art29Used < regime.art29.extensions) {
    return {
      step: bi(
        `${limit.handOver.id}; atau perpanjangan ps. 29 ke-${art29Used + 1} (${regime.art29.daysEach} hari) oleh ${limit.art29By.id} bila ancaman pidana ≥ 9 tahun atau sakit berat (${regime.art29.authorityRef}); jika tidak, keluarkan demi hukum pada akhir masa penahanan (${limit.releaseRef})`,
        `${limit.handOver.en}; or art. 29 extension no. ${art29Used + 1} (${regime.art29.daysEach} days) by ${limit.art29By.en} if the offence carries ≥ 9 years or for serious illness (${regime.art29.authorityRef}); otherwise release by law when detention ends (${limit.releaseRef})`,
      ),
      regulation: limit.releaseRef,
    };
  }
  return {
    step: bi(
      `${limit.handOver.id}; jika tidak, keluarkan demi hukum pada akhir masa penahanan (${regime.art29.releaseRef})`,
      `${limit.handOver.en}; otherwise release by law when detention ends (${regime.art29.releaseRef})`,
    ),
    regulation: regime.art29.releaseRef,
  };
}

export interface SentenceStatus {
  term: SentenceTerm;
  /** Remission-reduced expiry on granted remissions (not projected). */
  expiry: IsoDate | null;
}

export function assessDetention(input: CaseInput, sentence: SentenceStatus): DetentionOutcome {
  const { asOf } = input;
  const orders = input.detentionOrders.map(summarise).sort(byStart);
  const caseStart = orders[0]?.start ?? input.detentionStart ?? asOf;
  const regime = detentionRegimeFor(caseStart);
  const warnings = orderWarnings(input.detentionOrders, regime);
  const lines: BreakdownLine[] = [];
  if (!regime.verified) {
    warnings.push(bi(`${regime.title.id}: angka batas penahanan sama dengan KUHAP 1981, belum diverifikasi`, `${regime.title.en}: same limits as the 1981 Code, not verified`));
  }
  for (const o of orders) {
    lines.push(
      line(
        'DETENTION_ORDER',
        bi(`Surat penahanan ${o.id} (${STAGE_NAMES[o.stage].id}, ${o.kind}): ${o.start} + ${o.days} hari − 1`, `Detention order ${o.id} (${STAGE_NAMES[o.stage].en}, ${o.kind}): ${o.start} + ${o.days} days − 1`),
        o.end,
        RULE_IDS.detentionEnd,
        o.kind === 'art29' ? regime.art29.ref : o.kind === 'extension' ? regime.stages[o.stage].extensionRef : regime.stages[o.stage].initialRef,
      ),
    );
  }
  const started = orders.filter((o) => !isAfter(o.start, asOf));
  const current = started.reduce<DetentionOrderSummary | undefined>((best, o) => (best === undefined || !isBefore(o.end, best.end) ? o : best), undefined);
  const { term, expiry } = sentence;
  const sentenced = term.finalFrom !== null && !isAfter(term.finalFrom, asOf);

  let result: DetentionResult;
  if (sentenced) {
    if (current !== undefined && term.finalFrom !== null && diffDays(current.end, term.finalFrom) > 1) {
      warnings.push(
        bi(
          `Putusan berkekuatan hukum tetap (${term.finalFrom}) ${diffDays(current.end, term.finalFrom) - 1} hari sesudah surat penahanan terakhir berakhir (${current.end}): periksa dasar penahanan`,
          `Final verdict (${term.finalFrom}) came ${diffDays(current.end, term.finalFrom) - 1} days after the last detention order ended (${current.end}): check the legal basis`,
        ),
      );
    }
    const overstay = expiry !== null && isAfter(asOf, expiry);
    const nextStep =
      expiry === null
        ? bi('Pidana seumur hidup/mati: tidak ada tanggal bebas', 'Life or death sentence: no release date')
        : overstay
          ? bi(`Keluarkan sekarang: masa pidana berakhir ${expiry}`, `Release now: the sentence ended on ${expiry}`)
          : bi(`Bebas pada tanggal ekspirasi ${expiry} (atau lebih awal melalui PB/CB/CMB)`, `Release on the expiry date ${expiry} (or earlier on PB/CB/CMB)`);
    result = {
      regime: regime.id,
      ...(current === undefined ? {} : { currentOrder: current }),
      endDate: expiry,
      daysLeft: expiry === null ? null : diffDays(asOf, expiry),
      nextStep,
      overstay,
      overstayKind: overstay ? 'sentence_expired' : null,
      orders,
      warnings,
    };
    lines.push(line(overstay ? 'OVERSTAY_SENTENCE' : 'RELEASE', nextStep, expiry ?? undefined, RULE_IDS.overstay, 'UU 22/2022; Resolusi Pemasyarakatan 2020 no. 09'));
  } else if (current === undefined) {
    const nextStep =
      orders.length === 0
        ? bi('Tidak ada surat penahanan tercatat', 'No detention order recorded')
        : bi(`Surat penahanan pertama mulai ${orders[0]?.start ?? ''}`, `The first detention order starts on ${orders[0]?.start ?? ''}`);
    result = { regime: regime.id, endDate: null, daysLeft: null, nextStep, overstay: false, overstayKind: null, orders, warnings };
  } else {
    const overstay = isAfter(asOf, current.end);
    const { step, regulation } = nextStepFor(current, orders, regime, overstay);
    const daysLeft = diffDays(asOf, current.end);
    if (daysLeft >= 0 && daysLeft <= Math.max(...DETENTION_WARNING_DAYS)) {
      warnings.push(bi(`Masa penahanan berakhir dalam ${daysLeft} hari (${current.end})`, `Detention ends in ${daysLeft} days (${current.end})`));
    }
    if (term.hasSentence && term.finalFrom === null) {
      warnings.push(bi('Putusan belum berkekuatan hukum tetap: penahanan tetap memerlukan surat penahanan tingkat berikutnya', 'Verdict not final: detention still needs an order of the next court'));
    }
    result = {
      regime: regime.id,
      currentOrder: current,
      endDate: current.end,
      daysLeft,
      nextStep: step,
      overstay,
      overstayKind: overstay ? 'detention_order' : null,
      orders,
      warnings,
    };
    lines.push(
      line('DETENTION_DAYS_LEFT', bi(`Sisa masa penahanan per ${asOf}`, `Detention days left as of ${asOf}`), daysValue(daysLeft), RULE_IDS.detentionEnd, regime.stages[current.stage].initialRef),
      line(overstay ? 'OVERSTAY_DETENTION' : 'DETENTION_NEXT_STEP', step, current.end, overstay ? RULE_IDS.overstay : RULE_IDS.detentionLimit, regulation),
    );
  }
  for (const w of result.warnings) lines.push(line('DETENTION_WARNING', w, undefined, RULE_IDS.detentionLimit, regime.title.id));
  return { result, lines };
}
