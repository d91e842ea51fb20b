/**
 * Realisation of the training targets (Resolusi Pemasyarakatan 2020, target 07: certified skills
 * training): trained and certified counts, summed per UPT, Kanwil and nation, with percentages.
 *
 * Percentages keep two decimals and are cut, not rounded: the published realisation of Jan–Mar 2021
 * (4,175 of 13,500 = 30.9259…% published as 30.92%; 2,963 of 13,500 = 21.948…% as 21.94%) was cut,
 * so figures shown here match the way Ditjenpas publishes them. Integer arithmetic only.
 */
export interface TrainingFigures {
  trained: number;
  tested: number;
  certified: number;
}

export interface TrainingFiguresWithPct extends TrainingFigures {
  /** certified ÷ trained, e.g. "21.94"; null when nobody was trained. */
  certifiedPct: string | null;
  /** competent ÷ tested; null when nobody was tested. */
  passPct: string | null;
}

/** numerator ÷ denominator × 100, cut to two decimals, as text ("30.92"); null without a denominator. */
export function percentCut2(numerator: number, denominator: number): string | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) return null;
  const hundredths = Math.floor((numerator * 10_000) / denominator);
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  return `${whole}.${String(frac).padStart(2, '0')}`;
}

export const ZERO_FIGURES: TrainingFigures = { trained: 0, tested: 0, certified: 0 };

export function addFigures(a: TrainingFigures, b: TrainingFigures): TrainingFigures {
  return { trained: a.trained + b.trained, tested: a.tested + b.tested, certified: a.certified + b.certified };
}

export function withPercentages(f: TrainingFigures): TrainingFiguresWithPct {
  return { ...f, certifiedPct: percentCut2(f.certified, f.trained), passPct: percentCut2(f.certified, f.tested) };
}
