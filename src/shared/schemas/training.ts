import { z } from 'zod';
import { msg } from '../i18n/zod-issues.ts';
import { CalendarDate, IdRef, PositiveId, Version } from './common.ts';

export const PROVIDER_KINDS = ['blk', 'lsp', 'partner', 'upt'] as const;
export const FUNDED_BY = ['dipa', 'partner', 'pnbp', 'other'] as const;
export const PROGRAMME_STATUSES = ['planned', 'running', 'completed', 'cancelled'] as const;
export const PARTICIPANT_STATUSES = ['enrolled', 'completed', 'dropped'] as const;
export const TEST_RESULTS = ['kompeten', 'belum_kompeten'] as const;

const text = (max: number) => z.string(msg('required')).trim().min(1, msg('required')).max(max, msg('too_long'));
const optText = (max: number) => z.string().trim().max(max, msg('too_long')).nullable().optional();

const ProgrammeFields = z.strictObject({
  uptId: IdRef.optional(),
  name: z.string(msg('required')).trim().min(3, msg('too_short')).max(150, msg('too_long')),
  skill: text(120),
  scheme: optText(200),
  providerKind: z.enum(PROVIDER_KINDS, msg('invalid_option')),
  providerName: text(200),
  partnerId: IdRef.nullable().optional(),
  lessonHours: z.number(msg('not_number')).int(msg('not_integer')).min(1, msg('too_small_number')).max(2000, msg('too_big_number')),
  startDate: CalendarDate,
  endDate: CalendarDate,
  capacity: z.number(msg('not_number')).int(msg('not_integer')).min(1, msg('too_small_number')).max(1000, msg('too_big_number')),
  costRupiah: z.number(msg('not_number')).int(msg('not_integer')).min(0, msg('too_small_number')).max(100_000_000_000, msg('too_big_number')).default(0),
  fundedBy: z.enum(FUNDED_BY, msg('invalid_option')),
});
const endNotBeforeStart = (v: { startDate?: string; endDate?: string }) => !v.startDate || !v.endDate || v.endDate >= v.startDate;

export const ProgrammeInput = ProgrammeFields.refine(endNotBeforeStart, { ...msg('end_before_start'), path: ['endDate'] });
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

export const ProgrammeUpdateInput = ProgrammeFields.omit({ uptId: true })
  .partial()
  .extend({ version: Version, status: z.enum(PROGRAMME_STATUSES, msg('invalid_option')).optional() })
  .refine(endNotBeforeStart, { ...msg('end_before_start'), path: ['endDate'] });
export type ProgrammeUpdateInput = z.infer<typeof ProgrammeUpdateInput>;

export const ProgrammeListQuery = z.object({
  uptId: PositiveId.optional(),
  status: z.enum([...PROGRAMME_STATUSES, 'all']).default('all'),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});

export const Programme = z.object({
  id: z.number().int(), uptId: z.number().int(), uptName: z.string(), kanwilId: z.number().int(),
  name: z.string(), skill: z.string(), scheme: z.string().nullable(), providerKind: z.enum(PROVIDER_KINDS), providerName: z.string(),
  partnerId: z.number().int().nullable(), lessonHours: z.number().int(), startDate: z.string(), endDate: z.string(), capacity: z.number().int(),
  costRupiah: z.number().int(), fundedBy: z.enum(FUNDED_BY), status: z.enum(PROGRAMME_STATUSES), source: z.string(), version: z.number().int(),
  enrolled: z.number().int(), completed: z.number().int(), certified: z.number().int(),
});
export type Programme = z.infer<typeof Programme>;

export const Participant = z.object({
  id: z.number().int(), wbpId: z.number().int(),
  /** Register and name only for callers allowed to see personal data; otherwise null. */
  noRegister: z.string().nullable(), name: z.string().nullable(),
  status: z.enum(PARTICIPANT_STATUSES), attendedHours: z.number().int(), completedOn: z.string().nullable(), dropReason: z.string().nullable(), version: z.number().int(),
  test: z.object({ id: z.number().int(), result: z.enum(TEST_RESULTS), testDate: z.string(), certificateNumber: z.string().nullable() }).nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const StoredFileInfo = z.object({ id: z.number().int(), fileName: z.string(), fileType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() });
export type StoredFileInfo = z.infer<typeof StoredFileInfo>;

export const ProgrammeDetail = Programme.extend({ participants: z.array(Participant), files: z.array(StoredFileInfo) });
export type ProgrammeDetail = z.infer<typeof ProgrammeDetail>;

export const EnrolInput = z.strictObject({ noRegisters: z.string(msg('required')).trim().min(1, msg('required')).max(200_000, msg('too_long')) });
export const EnrolReport = z.object({
  enrolled: z.array(z.object({ noRegister: z.string(), wbpId: z.number().int(), name: z.string() })),
  notFound: z.array(z.string()),
  notEligible: z.array(z.object({ noRegister: z.string(), name: z.string(), reasons: z.array(z.string()) })),
});
export type EnrolReport = z.infer<typeof EnrolReport>;

export const ParticipantUpdateInput = z
  .strictObject({
    version: Version,
    attendedHours: z.number(msg('not_number')).int(msg('not_integer')).min(0, msg('too_small_number')).max(5000, msg('too_big_number')).optional(),
    status: z.enum(PARTICIPANT_STATUSES, msg('invalid_option')).optional(),
    completedOn: CalendarDate.optional(),
    dropReason: z.string().trim().max(300, msg('too_long')).optional(),
  })
  .refine((v) => v.status !== 'completed' || !!v.completedOn, { ...msg('required'), path: ['completedOn'] })
  .refine((v) => v.status !== 'dropped' || !!v.dropReason, { ...msg('required'), path: ['dropReason'] });

/** Completes everyone still enrolled in one go (the usual end of a course). */
export const CompleteAllInput = z.strictObject({ completedOn: CalendarDate, attendedHours: z.number().int().min(0).max(5000).optional() });

export const CompetencyTestInput = z
  .strictObject({
    testDate: CalendarDate,
    result: z.enum(TEST_RESULTS, msg('invalid_option')),
    scheme: text(200),
    lspName: text(200),
    certificateNumber: z.string().trim().max(100, msg('too_long')).optional(),
    issuedOn: CalendarDate.optional(),
  })
  .refine((v) => v.result !== 'kompeten' || !!v.certificateNumber, { ...msg('certificate_number_required'), path: ['certificateNumber'] });
export type CompetencyTestInput = z.infer<typeof CompetencyTestInput>;

export const Certificate = z.object({
  id: z.number().int(), participantId: z.number().int(), programmeId: z.number().int(), programmeName: z.string(), skill: z.string(),
  wbpId: z.number().int(), uptId: z.number().int(), uptName: z.string(), testDate: z.string(), result: z.enum(TEST_RESULTS),
  scheme: z.string(), lspName: z.string(), certificateNumber: z.string().nullable(), issuedOn: z.string().nullable(), lessonHours: z.number().int(),
});
export type Certificate = z.infer<typeof Certificate>;

export const RealisationQuery = z.object({
  from: CalendarDate,
  to: CalendarDate,
  uptId: PositiveId.optional(),
});

const Figures = z.object({
  trained: z.number().int(), tested: z.number().int(), certified: z.number().int(),
  certifiedPct: z.string().nullable(), passPct: z.string().nullable(),
});
export const Realisation = z.object({
  from: z.string(), to: z.string(),
  upts: z.array(Figures.extend({ uptId: z.number().int(), uptName: z.string(), kanwilId: z.number().int() })),
  kanwils: z.array(Figures.extend({ kanwilId: z.number().int(), kanwilName: z.string() })),
  months: z.array(Figures.extend({ month: z.string() })),
  total: Figures,
});
export type Realisation = z.infer<typeof Realisation>;
