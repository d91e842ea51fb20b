import type { CaseInput, Holiday, Religion, SpecialCrime, DetentionStage } from '../../../domain/sentence/index.ts';
import type { CaseRecords, WbpRow } from './queries.ts';

const ENGINE_RELIGIONS = new Set(['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'konghucu']);

export interface BuiltCase {
  input: CaseInput | null;
  problems: string[];
}

/**
 * Turns an inmate's stored records into the engine's input. Sentences replaced by an appeal or
 * review are left out; so are reversed remission grants and the reversals themselves.
 */
export function buildCaseInput(w: WbpRow, r: CaseRecords, asOf: string): BuiltCase {
  const problems: string[] = [];
  if (!w.religion || !ENGINE_RELIGIONS.has(w.religion)) problems.push('religion_unknown');
  const reversed = new Set(r.remissions.map((g) => g.reversed_by).filter((x) => x != null).map(Number));
  const input: CaseInput = {
    asOf,
    // An unknown religion maps to no holiday: the engine then grants no remisi khusus.
    religion: (w.religion ?? 'lainnya') as Religion,
    ...(w.detention_start ? { detentionStart: w.detention_start } : {}),
    ...(w.birth_date ? { birthDate: w.birth_date } : {}),
    detentionOrders: r.detentionOrders.map((o) => ({
      id: String(o.id),
      stage: o.stage as DetentionStage,
      start: String(o.start_date),
      days: Number(o.days),
      ...(o.extension_of != null ? { extensionOf: String(o.extension_of) } : {}),
      ...(o.art29 ? { art29: true } : {}),
      ...(o.authority ? { authority: String(o.authority) } : {}),
    })),
    sentences: r.sentences
      .filter((s) => s.superseded_by == null)
      .flatMap((s) => {
        const main = {
          years: Number(s.years),
          months: Number(s.months),
          days: Number(s.days),
          verdictDate: String(s.verdict_date),
          final: Boolean(s.final),
          special: w.special_crimes as SpecialCrime[],
          ...(s.life ? { life: true } : {}),
          ...(s.death ? { death: true } : {}),
        };
        // An unpaid fine is served as its subsidiary term (kurungan pengganti).
        const sub = Number(s.subsidiary_days) > 0 && !s.fine_paid && Number(s.fine_rupiah) > 0
          ? [{ years: 0, months: 0, days: Number(s.subsidiary_days), verdictDate: String(s.verdict_date), kind: 'subsidair' as const, final: Boolean(s.final) }]
          : [];
        return [main, ...sub];
      }),
    registerF: r.registerF.map((f) => ({ date: String(f.date), ...(f.until ? { until: String(f.until) } : {}) })),
    remissionsGranted: r.remissions
      .filter((g) => g.reversed_by == null && !reversed.has(Number(g.id)))
      .map((g) => ({
        kind: g.kind as CaseInput['remissionsGranted'][number]['kind'],
        occasionDate: String(g.occasion_date),
        days: Number(g.days),
        ...(g.decree_number ? { decree: String(g.decree_number) } : {}),
      })),
    conditions: {
      finePaid: r.sentences.every((s) => s.superseded_by != null || Number(s.fine_rupiah) === 0 || Boolean(s.fine_paid)),
    },
  };
  if (input.sentences.length === 0 && input.detentionOrders.length === 0) problems.push('no_sentence_or_detention_order');
  if (w.status === 'narapidana' && input.sentences.length === 0) problems.push('no_sentence');
  return { input, problems };
}

export type { Holiday };
