import { checkRollups } from '../server/modules/ops/rollup-check.ts';
import { systemClock } from '../server/clock.ts';
import { withDatabase, type Command } from './support.ts';

/** Exit code 0 when every rollup equals its records, 2 when any figure differs (one line each). */
export const checkRollupsCommand: Command = {
  summary: 'check-rollups — recompute every monthly rollup from its dated records and list any stored figure that differs',
  async run(_args, config) {
    const today = systemClock(config.today).today();
    const found = await withDatabase(config, (db) => checkRollups(db, today));
    if (found.length === 0) {
      console.log(`Rekap sesuai catatan / every rollup equals its records (as of ${today}).`);
      return 0;
    }
    console.error(`Rekap BERBEDA dari catatan / ${found.length} stored figures differ from their records (as of ${today}):`);
    for (const d of found) console.error(`  ${d.rollup}  ${d.key}  ${d.column}: stored ${d.stored}, records ${d.recomputed}`);
    return 2;
  },
};
