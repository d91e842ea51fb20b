import type { Queryable } from './pool.ts';

/** What the backup writer and the restore reader agree on; the layout is described in backup.ts. */
export const FORMAT = 'giatja-backup';
export const VERSION = 2;
/** Not copied: migration bookkeeping is recreated by `migrate`; throttling counters are transient. */
export const SKIP: ReadonlySet<string> = new Set(['schema_migration', 'login_throttle']);

/**
 * Text forms that read back the same on any server and session: ISO dates, UTC instants, hex
 * bytea, shortest exact floats. Set in both the backup and the restore transaction.
 */
export async function setPortableTextForms(tx: Queryable): Promise<void> {
  for (const s of ["datestyle TO 'ISO, YMD'", "intervalstyle TO 'postgres'", "timezone TO 'UTC'", "bytea_output TO 'hex'", 'extra_float_digits TO 1']) {
    await tx.query(`SET LOCAL ${s}`);
  }
}

export interface BackupHeader {
  format: string;
  version: number;
  createdAt?: string;
  migrations?: string[];
}
