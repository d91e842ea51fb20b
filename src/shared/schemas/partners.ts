import { z } from 'zod';
import { msg } from '../i18n/zod-issues.ts';
import { CalendarDate, IdRef, PositiveId, Version } from './common.ts';

export const PARTNER_KINDS = ['pokmas_lipas', 'firm', 'government', 'blk', 'lsp', 'university', 'religious', 'community', 'other'] as const;
export const AGREEMENT_KINDS = ['mou', 'pks'] as const;
export const CONTRIBUTION_KINDS = ['capital', 'equipment', 'training', 'experts', 'post_release_job', 'shelter', 'publication', 'other'] as const;
export const POKMAS_FIELD_VALUES = ['hukum_kemasyarakatan', 'kemandirian_kepribadian'] as const;

const text = (max: number) => z.string(msg('required')).trim().min(1, msg('required')).max(max, msg('too_long'));
const optText = (max: number) => z.string().trim().max(max, msg('too_long')).nullable().optional();

const PartnerFields = z.strictObject({
  uptId: IdRef.nullable().optional(),
  kanwilId: IdRef.nullable().optional(),
  name: z.string(msg('required')).trim().min(3, msg('too_short')).max(200, msg('too_long')),
  kind: z.enum(PARTNER_KINDS, msg('invalid_option')),
  pokmasGroupId: IdRef.nullable().optional(),
  provinceCode: z.string().trim().max(5).nullable().optional(),
  contactName: optText(150),
  contactPhone: z.string().trim().max(40, msg('too_long')).regex(/^[0-9+()\s-]*$/, msg('invalid')).nullable().optional(),
  contactEmail: z.email(msg('invalid_email')).max(200).nullable().optional().or(z.literal('').transform(() => null)),
  address: optText(300),
});
export const PartnerInput = PartnerFields.refine((v) => !v.pokmasGroupId || v.kind === 'pokmas_lipas', { ...msg('invalid'), path: ['pokmasGroupId'] });
export type PartnerInput = z.infer<typeof PartnerInput>;
export const PartnerUpdateInput = PartnerFields.omit({ uptId: true, kanwilId: true }).partial().extend({ version: Version, active: z.boolean().optional() });
export type PartnerUpdateInput = z.infer<typeof PartnerUpdateInput>;

export const PartnerListQuery = z.object({
  kind: z.enum(PARTNER_KINDS).optional(),
  provinceCode: z.string().max(5).optional(),
  q: z.string().trim().max(100).optional(),
});

export const Partner = z.object({
  id: z.number().int(), uptId: z.number().int().nullable(), uptName: z.string().nullable(), kanwilId: z.number().int().nullable(), kanwilName: z.string().nullable(),
  provinceCode: z.string().nullable(), provinceName: z.string().nullable(), name: z.string(), kind: z.enum(PARTNER_KINDS),
  pokmasGroupId: z.number().int().nullable(), pokmasGroupName: z.string().nullable(),
  contactName: z.string().nullable(), contactPhone: z.string().nullable(), contactEmail: z.string().nullable(), address: z.string().nullable(),
  active: z.boolean(), source: z.string(), version: z.number().int(), agreements: z.number().int(), contributionsRupiah: z.number().int(),
});
export type Partner = z.infer<typeof Partner>;

export const AgreementInput = z
  .strictObject({
    kind: z.enum(AGREEMENT_KINDS, msg('invalid_option')),
    number: text(120),
    parties: text(500),
    scope: text(2000),
    startDate: CalendarDate,
    endDate: CalendarDate,
    alertDays: z.number(msg('not_number')).int(msg('not_integer')).min(1, msg('too_small_number')).max(730, msg('too_big_number')).nullable().optional(),
  });
export type AgreementInput = z.infer<typeof AgreementInput>;

export const Agreement = z.object({
  id: z.number().int(), partnerId: z.number().int(), partnerName: z.string(), uptId: z.number().int().nullable(), kanwilId: z.number().int().nullable(),
  kind: z.enum(AGREEMENT_KINDS), number: z.string(), parties: z.string(), scope: z.string(), startDate: z.string(), endDate: z.string(),
  alertDays: z.number().int(), daysLeft: z.number().int(), expired: z.boolean(), alert: z.boolean(),
  /** When the daily job recorded the renewal alert for this end date (null: not yet). */
  alertRaisedOn: z.string().nullable(),
  files: z.array(z.object({ id: z.number().int(), fileName: z.string(), fileType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })),
});
export type Agreement = z.infer<typeof Agreement>;

export const ContributionInput = z.strictObject({
  kind: z.enum(CONTRIBUTION_KINDS, msg('invalid_option')),
  date: CalendarDate,
  description: text(1000),
  valueRupiah: z.number(msg('not_number')).int(msg('not_integer')).min(0, msg('too_small_number')).max(1_000_000_000_000, msg('too_big_number')).nullable().optional(),
  agreementId: IdRef.nullable().optional(),
  programmeId: IdRef.nullable().optional(),
  activityId: IdRef.nullable().optional(),
  noRegister: z.string().trim().max(60).nullable().optional(),
});
export type ContributionInput = z.infer<typeof ContributionInput>;

export const Contribution = z.object({
  id: z.number().int(), partnerId: z.number().int(), agreementId: z.number().int().nullable(), kind: z.enum(CONTRIBUTION_KINDS), date: z.string(),
  description: z.string(), valueRupiah: z.number().int().nullable(), programmeId: z.number().int().nullable(), programmeName: z.string().nullable(),
  activityId: z.number().int().nullable(), activityName: z.string().nullable(), wbpId: z.number().int().nullable(), wbpName: z.string().nullable(),
});
export type Contribution = z.infer<typeof Contribution>;

export const PartnerDetail = Partner.extend({ agreementList: z.array(Agreement), contributions: z.array(Contribution) });
export type PartnerDetail = z.infer<typeof PartnerDetail>;

export const ExpiringQuery = z.object({ withinDays: z.coerce.number().int().min(1).max(3650).optional() });

export const PokmasGroupInput = z.strictObject({
  uptId: IdRef.optional(),
  name: z.string(msg('required')).trim().min(3, msg('too_short')).max(150, msg('too_long')),
  field: z.enum(POKMAS_FIELD_VALUES, msg('invalid_option')),
  formedOn: CalendarDate,
  decreeNumber: optText(120),
});
export type PokmasGroupInput = z.infer<typeof PokmasGroupInput>;

const PokmasCounts = z.object({ bapas: z.number().int(), bapasMeetingRule: z.number().int(), groups: z.number().int(), formedGroups: z.number().int() });
export const PokmasSummary = z.object({
  bapas: z.array(z.object({
    uptId: z.number().int(), uptName: z.string(), kanwilId: z.number().int(), ok: z.boolean(), formedGroups: z.number().int(), totalGroups: z.number().int(),
    shortfalls: z.array(z.object({ code: z.string(), id: z.string(), en: z.string() })),
    groups: z.array(z.object({ id: z.number().int(), name: z.string(), field: z.enum(POKMAS_FIELD_VALUES), members: z.number().int(), active: z.boolean(), formedOn: z.string() })),
  })),
  kanwils: z.array(PokmasCounts.extend({ kanwilId: z.number().int(), kanwilName: z.string() })),
  total: PokmasCounts,
});
export type PokmasSummary = z.infer<typeof PokmasSummary>;

export const PartnerIdParams = z.object({ partnerId: PositiveId });
