/**
 * zod schemas for POST /api/v1/calculations: CaseInput (request, strict so a misspelt field is
 * an error rather than a silently ignored legal fact) and CaseResult (response).
 * The `satisfies` clauses keep them in step with types.ts at compile time.
 */
import { z } from 'zod';
import { isValidDate } from '../calendar/date.ts';
import type {
  Bilingual,
  BreakdownLine,
  CaseInput,
  CaseResult,
  DetentionOrderSummary,
  DetentionResult,
  Holiday,
  LeaveResult,
  RemissionResult,
  RightResult,
} from './types.ts';

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'Tanggal harus berformat YYYY-MM-DD / date must be YYYY-MM-DD')
  .refine(isValidDate, 'Tanggal tidak ada di kalender / not a calendar date');

/** Whole counts with a ceiling far above any real case (100,000 days ≈ 274 years), so date arithmetic stays in range. */
const count = (min: number, max = 100_000) => z.number().int().min(min).max(max);

export const DetentionStageSchema = z.enum(['penyidikan', 'penuntutan', 'pn', 'pt', 'ma']);
export const SpecialCrimeSchema = z.enum(['terorisme', 'narkotika', 'korupsi', 'keamanan_negara', 'ham_berat', 'transnasional']);
export const ReligionSchema = z.enum(['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'konghucu']);
export const RemissionKindSchema = z.enum(['umum', 'khusus', 'tambahan', 'dasawarsa', 'susulan', 'kemanusiaan', 'anak']);
export const TwoThirdsModeSchema = z.enum(['subtract_remission_after', 'of_sentence_minus_remission']);

export const DetentionOrderSchema = z.strictObject({
  id: z.string().min(1),
  stage: DetentionStageSchema,
  authority: z.string().optional(),
  start: IsoDateSchema,
  days: count(1),
  extensionOf: z.string().min(1).optional(),
  art29: z.boolean().optional(),
});

export const SentenceInputSchema = z.strictObject({
  years: count(0),
  months: count(0),
  days: count(0),
  verdictDate: IsoDateSchema,
  kind: z.enum(['pidana', 'subsidair']).optional(),
  final: z.boolean().optional(),
  special: z.array(SpecialCrimeSchema).optional(),
  life: z.boolean().optional(),
  death: z.boolean().optional(),
});

export const RegisterFEntrySchema = z
  .strictObject({ date: IsoDateSchema, until: IsoDateSchema.optional() })
  .refine((e) => e.until === undefined || e.until >= e.date, { message: 'until sebelum date / until before date', path: ['until'] });

export const GrantedRemissionSchema = z.strictObject({
  kind: RemissionKindSchema,
  occasionDate: IsoDateSchema,
  days: count(0),
  decree: z.string().optional(),
});

export const CaseInputSchema = z.strictObject({
  detentionOrders: z.array(DetentionOrderSchema),
  detentionStart: IsoDateSchema.optional(),
  sentences: z.array(SentenceInputSchema),
  religion: ReligionSchema,
  birthDate: IsoDateSchema.optional(),
  registerF: z.array(RegisterFEntrySchema),
  remissionsGranted: z.array(GrantedRemissionSchema),
  projectRemissions: z.strictObject({ until: IsoDateSchema }).optional(),
  asOf: IsoDateSchema,
  fineUnpaidSubsidiaryDays: count(0).optional(),
  conditions: z
    .strictObject({
      deradicalisation: z.boolean().optional(),
      nkriPledge: z.boolean().optional(),
      finePaid: z.boolean().optional(),
      programmeActive: z.boolean().optional(),
    })
    .optional(),
}) satisfies z.ZodType<CaseInput>;

export const HolidaySchema = z.object({ date: IsoDateSchema, name: z.string(), national: z.boolean().optional() }) satisfies z.ZodType<Holiday>;

/** Request body: the case, and optionally the alternative ⅔ reading. */
export const CalculationRequestSchema = z.strictObject({
  case: CaseInputSchema,
  twoThirdsMode: TwoThirdsModeSchema.optional(),
});

export const BilingualSchema = z.object({ id: z.string(), en: z.string() }) satisfies z.ZodType<Bilingual>;

export const BreakdownLineSchema = z.object({
  code: z.string(),
  label: BilingualSchema,
  value: z.string().optional(),
  rule: z.string(),
  regulation: z.string(),
}) satisfies z.ZodType<BreakdownLine>;

const NullableDate = IsoDateSchema.nullable();

export const RightResultSchema = z.object({ date: NullableDate, eligible: z.boolean(), reasons: z.array(BilingualSchema) }) satisfies z.ZodType<RightResult>;

export const LeaveResultSchema = RightResultSchema.extend({ lengthDays: z.number().int().nullable() }) satisfies z.ZodType<LeaveResult>;

export const RemissionResultSchema = z.object({
  kind: RemissionKindSchema,
  occasionDate: IsoDateSchema,
  days: count(0),
  projected: z.boolean(),
  eligible: z.boolean(),
  counted: z.boolean(),
  reasons: z.array(BilingualSchema),
  ordinal: count(1).optional(),
  decree: z.string().optional(),
}) satisfies z.ZodType<RemissionResult>;

const TermDatesShape = {
  expiry: NullableDate,
  totalRemissionDays: count(0),
  oneThird: NullableDate,
  half: NullableDate,
  twoThirds: NullableDate,
  asimilasi: RightResultSchema,
  pb: RightResultSchema,
  cb: LeaveResultSchema,
  cmb: LeaveResultSchema,
  pbSupervisionEnd: NullableDate,
};

export const DetentionOrderSummarySchema = z.object({
  id: z.string(),
  stage: DetentionStageSchema,
  kind: z.enum(['initial', 'extension', 'art29']),
  start: IsoDateSchema,
  end: IsoDateSchema,
  days: count(1),
}) satisfies z.ZodType<DetentionOrderSummary>;

export const DetentionResultSchema = z.object({
  regime: z.string(),
  currentOrder: DetentionOrderSummarySchema.optional(),
  endDate: NullableDate,
  daysLeft: z.number().int().nullable(),
  nextStep: BilingualSchema,
  overstay: z.boolean(),
  overstayKind: z.enum(['detention_order', 'sentence_expired']).nullable(),
  orders: z.array(DetentionOrderSummarySchema),
  warnings: z.array(BilingualSchema),
}) satisfies z.ZodType<DetentionResult>;

export const CaseResultSchema = z.object({
  ruleSet: z.string(),
  status: z.enum(['tahanan', 'narapidana']),
  sentenceDays: z.number().int().nullable(),
  subsidiaryDays: count(0),
  start: NullableDate,
  expiryNoRemission: NullableDate,
  ...TermDatesShape,
  remissions: z.array(RemissionResultSchema),
  projection: z.object({ until: IsoDateSchema, ...TermDatesShape }).optional(),
  detention: DetentionResultSchema,
  warnings: z.array(BilingualSchema),
  breakdown: z.array(BreakdownLineSchema),
}) satisfies z.ZodType<CaseResult>;

export type CaseInputJson = z.input<typeof CaseInputSchema>;
export type CalculationRequest = z.infer<typeof CalculationRequestSchema>;
