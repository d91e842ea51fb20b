import { z } from 'zod';
import { msg } from '../i18n/zod-issues.ts';
import { IdRef, PositiveId, Version } from './common.ts';

export const UPT_TYPES = ['lapas', 'rutan', 'cabang_rutan', 'lpka', 'lpp', 'bapas', 'rupbasan', 'sae', 'rs'] as const;
export const UPT_CLASSES = ['I', 'II', 'IIA', 'IIB', 'III'] as const;
export const SECURITY_LEVELS = ['super_maximum', 'maximum', 'medium', 'minimum'] as const;
export const UPT_MODIFIERS = ['narkotika', 'perempuan', 'pemuda', 'terbuka', 'khusus', 'industri'] as const;

export const UptType = z.enum(UPT_TYPES, msg('invalid_option'));
export const UptClass = z.enum(UPT_CLASSES, msg('invalid_option'));
export const SecurityLevel = z.enum(SECURITY_LEVELS, msg('invalid_option'));

export const Kanwil = z.object({
  id: z.number().int(),
  name: z.string(),
  rawName: z.string(),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  uptCount: z.number().int(),
  capacity: z.number().int(),
  /** UPTs whose capacity is generated demo data, not an official figure. */
  generatedCapacityUpts: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Kanwil = z.infer<typeof Kanwil>;

export const Upt = z.object({
  id: z.number().int(),
  kanwilId: z.number().int(),
  kanwilName: z.string(),
  name: z.string(),
  rawName: z.string(),
  type: UptType,
  typeRaw: z.string().nullable(),
  class: UptClass.nullable(),
  classRaw: z.string().nullable(),
  modifiers: z.array(z.string()),
  securityLevel: SecurityLevel.nullable(),
  securityLevelSource: z.string().nullable(),
  place: z.string().nullable(),
  regencyCode: z.string().nullable(),
  address: z.string().nullable(),
  capacity: z.number().int().nullable(),
  capacitySource: z.string().nullable(),
  source: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Upt = z.infer<typeof Upt>;

export const UptListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kanwilId: PositiveId.optional(),
  type: UptType.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type UptListQuery = z.infer<typeof UptListQuery>;

const uptEditable = {
  name: z.string(msg('required')).trim().min(3, msg('too_short')).max(150, msg('too_long')),
  type: UptType,
  class: UptClass.nullable(),
  securityLevel: SecurityLevel.nullable(),
  address: z.string().trim().max(300, msg('too_long')).nullable(),
  regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, msg('invalid')).nullable(),
  capacity: z.number(msg('not_number')).int(msg('not_integer')).min(0, msg('too_small_number')).max(20000, msg('too_big_number')).nullable(),
  active: z.boolean(),
};

export const UptCreateInput = z.strictObject({
  kanwilId: IdRef,
  ...uptEditable,
  class: uptEditable.class.optional(),
  securityLevel: uptEditable.securityLevel.optional(),
  address: uptEditable.address.optional(),
  regencyCode: uptEditable.regencyCode.optional(),
  capacity: uptEditable.capacity.optional(),
  active: uptEditable.active.optional(),
});
export type UptCreateInput = z.infer<typeof UptCreateInput>;

/** Partial update; `version` is the one the editor loaded (optimistic concurrency). */
export const UptUpdateInput = z.strictObject({
  version: Version,
  kanwilId: IdRef.optional(),
  name: uptEditable.name.optional(),
  type: uptEditable.type.optional(),
  class: uptEditable.class.optional(),
  securityLevel: uptEditable.securityLevel.optional(),
  address: uptEditable.address.optional(),
  regencyCode: uptEditable.regencyCode.optional(),
  capacity: uptEditable.capacity.optional(),
  active: uptEditable.active.optional(),
});
export type UptUpdateInput = z.infer<typeof UptUpdateInput>;

export const KanwilUpdateInput = z.strictObject({
  version: Version,
  name: z.string(msg('required')).trim().min(3, msg('too_short')).max(120, msg('too_long')).optional(),
  provinceCode: z.string().regex(/^\d{2}$/, msg('invalid')).nullable().optional(),
  active: z.boolean().optional(),
});
export type KanwilUpdateInput = z.infer<typeof KanwilUpdateInput>;

export const Province = z.object({ code: z.string(), name: z.string() });
