import { z } from 'zod';
import { msg } from '../i18n/zod-issues.ts';
import { registerKey } from '../../domain/wbp/register-number.ts';
import { CalendarDate, IdRef, PositiveId, Version } from './common.ts';

export const RELIGIONS = ['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'konghucu', 'lainnya'] as const;
export const WBP_STATUSES = ['tahanan', 'narapidana', 'anak', 'klien'] as const;
export const SPECIAL_CRIMES = ['terorisme', 'narkotika', 'korupsi', 'keamanan_negara', 'ham_berat', 'transnasional'] as const;
export const CRIME_CATEGORIES = ['narkotika', 'korupsi', 'terorisme', 'pencucian_uang', 'perdagangan_orang', 'illegal_logging', 'pidana_umum'] as const;
export const DETENTION_STAGES = ['penyidikan', 'penuntutan', 'pn', 'pt', 'ma'] as const;

const text = (max: number) => z.string().trim().max(max, msg('too_long'));
const count = (max: number) => z.number(msg('not_number')).int(msg('not_integer')).min(0, msg('too_small_number')).max(max, msg('too_big_number'));

export const WbpListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(WBP_STATUSES).optional(),
  uptId: PositiveId.optional(),
  /** 'active' (default): not released; 'released'; 'all'. */
  state: z.enum(['active', 'released', 'all']).default('active'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type WbpListQuery = z.infer<typeof WbpListQuery>;

export const WbpSummary = z.object({
  id: z.number().int(),
  uptId: z.number().int(),
  uptName: z.string(),
  noRegister: z.string(),
  name: z.string(),
  sex: z.enum(['L', 'P']).nullable(),
  status: z.enum(WBP_STATUSES),
  crimeCategory: z.string().nullable(),
  detentionStart: z.string().nullable(),
  releasedOn: z.string().nullable(),
  expiry: z.string().nullable(),
  twoThirds: z.string().nullable(),
  detentionEnd: z.string().nullable(),
});
export type WbpSummary = z.infer<typeof WbpSummary>;

const wbpFields = {
  noRegister: text(60).refine((v) => registerKey(v) !== '', msg('required')),
  name: text(150).min(2, msg('too_short')),
  sex: z.enum(['L', 'P'], msg('invalid_option')),
  birthDate: CalendarDate.nullable(),
  religion: z.enum(RELIGIONS, msg('invalid_option')),
  status: z.enum(WBP_STATUSES, msg('invalid_option')),
  crimeCategory: z.enum(CRIME_CATEGORIES, msg('invalid_option')).nullable(),
  crimeRaw: text(300).nullable(),
  specialCrimes: z.array(z.enum(SPECIAL_CRIMES, msg('invalid_option'))).max(6),
  detentionStart: CalendarDate.nullable(),
  admittedOn: CalendarDate.nullable(),
  verdictDocument: z.boolean(),
};

export const WbpCreateInput = z.strictObject({
  /** Needed only for users whose scope covers several UPTs. */
  uptId: IdRef.optional(),
  ...wbpFields,
  birthDate: wbpFields.birthDate.optional(),
  crimeCategory: wbpFields.crimeCategory.optional(),
  crimeRaw: wbpFields.crimeRaw.optional(),
  specialCrimes: wbpFields.specialCrimes.default([]),
  detentionStart: wbpFields.detentionStart.optional(),
  admittedOn: wbpFields.admittedOn.optional(),
  verdictDocument: wbpFields.verdictDocument.default(false),
});
export type WbpCreateInput = z.infer<typeof WbpCreateInput>;

/** Flags the UPT sets; 'sakit' and 'isolasi' keep an inmate out of every work activity. */
export const WBP_FLAGS = ['sakit', 'isolasi', 'disabilitas', 'lansia', 'hamil'] as const;

export const WbpUpdateInput = z.strictObject({
  version: Version,
  flags: z.array(z.enum(WBP_FLAGS, msg('invalid_option'))).max(10).optional(),
  /** Savings account or e-money card number where premi is paid (no cash inside). */
  premiAccount: z.string().trim().max(60, msg('too_long')).nullable().optional(),
  name: wbpFields.name.optional(),
  sex: wbpFields.sex.optional(),
  birthDate: wbpFields.birthDate.optional(),
  status: wbpFields.status.optional(),
  crimeCategory: wbpFields.crimeCategory.optional(),
  crimeRaw: wbpFields.crimeRaw.optional(),
  specialCrimes: wbpFields.specialCrimes.optional(),
  detentionStart: wbpFields.detentionStart.optional(),
  verdictDocument: wbpFields.verdictDocument.optional(),
});
export type WbpUpdateInput = z.infer<typeof WbpUpdateInput>;

export const SentenceCreateInput = z.strictObject({
  caseNumber: text(100).nullable().optional(),
  court: text(150).nullable().optional(),
  verdictDate: CalendarDate,
  stage: z.enum(['pn', 'pt', 'ma', 'pk'], msg('invalid_option')).default('pn'),
  years: count(99).default(0),
  months: count(11).default(0),
  days: count(30).default(0),
  life: z.boolean().default(false),
  death: z.boolean().default(false),
  fineRupiah: count(1_000_000_000_000).default(0),
  finePaid: z.boolean().default(false),
  subsidiaryDays: count(3650).default(0),
  restitutionRupiah: count(1_000_000_000_000).default(0),
  final: z.boolean().default(true),
  /** An appeal or review (PK) replaces this earlier verdict. */
  supersedes: z.number().int().positive().optional(),
});
export type SentenceCreateInput = z.infer<typeof SentenceCreateInput>;

export const DetentionOrderInput = z.strictObject({
  stage: z.enum(DETENTION_STAGES, msg('invalid_option')),
  authority: text(150).nullable().optional(),
  orderNumber: text(100).nullable().optional(),
  startDate: CalendarDate,
  days: z.number(msg('not_number')).int(msg('not_integer')).min(1, msg('too_small_number')).max(400, msg('too_big_number')),
  extensionOf: z.number().int().positive().optional(),
  art29: z.boolean().default(false),
});
export type DetentionOrderInput = z.infer<typeof DetentionOrderInput>;

export const RegisterFInput = z.strictObject({
  date: CalendarDate,
  until: CalendarDate.nullable().optional(),
  offence: text(300).min(3, msg('too_short')),
  punishment: text(300).nullable().optional(),
});
export type RegisterFInput = z.infer<typeof RegisterFInput>;

export const ReleaseInput = z.strictObject({
  version: Version,
  date: CalendarDate,
  reason: z.enum(['ekspirasi', 'pembebasan_bersyarat', 'cuti_bersyarat', 'cuti_menjelang_bebas', 'putusan_bebas', 'penangguhan', 'meninggal', 'lainnya'], msg('invalid_option')),
});
export type ReleaseInput = z.infer<typeof ReleaseInput>;

export const TransferInput = z.strictObject({
  version: Version,
  toUptId: IdRef,
  date: CalendarDate,
  reason: text(300).nullable().optional(),
});
export type TransferInput = z.infer<typeof TransferInput>;

export const WbpDetail = z.object({
  id: z.number().int(),
  uptId: z.number().int(),
  uptName: z.string(),
  kanwilId: z.number().int(),
  noRegister: z.string(),
  name: z.string(),
  sex: z.enum(['L', 'P']).nullable(),
  birthDate: z.string().nullable(),
  religion: z.string().nullable(),
  religionRaw: z.string().nullable(),
  status: z.enum(WBP_STATUSES),
  statusRaw: z.string().nullable(),
  crimeCategory: z.string().nullable(),
  crimeRaw: z.string().nullable(),
  specialCrimes: z.array(z.string()),
  detentionStart: z.string().nullable(),
  admittedOn: z.string().nullable(),
  releasedOn: z.string().nullable(),
  releaseReason: z.string().nullable(),
  verdictDocument: z.boolean(),
  flags: z.array(z.string()),
  premiAccount: z.string().nullable(),
  source: z.string(),
  version: z.number().int(),
  sentences: z.array(z.record(z.string(), z.unknown())),
  detentionOrders: z.array(z.record(z.string(), z.unknown())),
  registerF: z.array(z.record(z.string(), z.unknown())),
  remissions: z.array(z.record(z.string(), z.unknown())),
  transfers: z.array(z.record(z.string(), z.unknown())),
  /** The engine's result for today, with its line-by-line breakdown; null when the record is incomplete. */
  calculation: z.unknown(),
  calculationProblems: z.array(z.string()),
});
export type WbpDetail = z.infer<typeof WbpDetail>;
