import { z } from 'zod';

/** Fields an SDP export row can fill, in the order officers think of them (one list for server and web). */
export const TARGET_FIELDS = [
  'noRegister', 'name', 'sex', 'birthDate', 'religion', 'status', 'crime', 'detentionStart', 'verdictDate',
  'sentenceYears', 'sentenceMonths', 'sentenceDays', 'sentenceText', 'fineRupiah', 'subsidiaryDays', 'expiryDate', 'twoThirdsDate', 'upt',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Column index per target field (null = not in the file). */
export const ImportMapping = z.record(z.string(), z.number().int().min(0).max(500).nullable());

export const ImportRowError = z.object({
  line: z.number().int(),
  noRegister: z.string().nullable(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

export const ImportPreview = z.object({
  uploadId: z.number().int(),
  fileName: z.string(),
  encoding: z.string(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: ImportMapping,
  mappingProblems: z.array(z.string()),
  summary: z.object({ total: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), skipped: z.number().int(), new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  sample: z.array(z.record(z.string(), z.unknown())),
  rejected: z.array(ImportRowError),
  /** Accepted rows that would write a contradiction (expiry already past, sex or age against the unit): they do not block; the officer confirms them. */
  warnings: z.array(z.object({ line: z.number().int(), noRegister: z.string(), field: z.string(), message: z.string() })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportApplyInput = z.strictObject({
  mapping: ImportMapping,
  /** Apply the valid rows even though some were rejected (they stay listed in the report). */
  skipRejected: z.boolean().default(false),
});
export type ImportApplyInput = z.infer<typeof ImportApplyInput>;

export const ImportBatch = z.object({
  id: z.number().int(),
  uptId: z.number().int(),
  fileName: z.string(),
  status: z.string(),
  rowsTotal: z.number().int(),
  rowsCreated: z.number().int(),
  rowsUpdated: z.number().int(),
  rowsUnchanged: z.number().int(),
  rowsRejected: z.number().int(),
  /** Rows whose expiry stated by SDP differs from the engine's. */
  expiryMismatches: z.array(z.object({ line: z.number().int(), noRegister: z.string(), sdp: z.string(), giatja: z.string().nullable() })),
  createdAt: z.string(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;
