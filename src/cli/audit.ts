import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportCheckpoints, parseCheckpointFile, verifyAuditTrail, writeCheckpoint, type TrailVerifyResult } from '../server/audit/checkpoint.ts';
import { flag, withDatabase, type Command } from './support.ts';

const USAGE = 'usage: giatja audit verify [--against checkpoints.json] | giatja audit checkpoint > checkpoints.json';

const ENTRY_REASON = {
  content: 'isi diubah / entry changed',
  link: 'rantai putus / link broken: an entry before it removed, added or moved',
} as const;

const CHECKPOINT_REASON = {
  tail_missing: 'catatan terbaru hilang / the newest entries after this checkpoint were deleted',
  head_differs: 'rantai ditulis ulang / the chain up to this checkpoint was rewritten',
  count_differs: 'jumlah catatan berbeda / another number of entries up to this checkpoint',
  checkpoint_missing: 'titik periksa hilang / checkpoint removed from the database',
  checkpoint_altered: 'titik periksa diubah / checkpoint altered',
} as const;

/** Prints the verdict; exit code 0 when intact, 2 when anything is broken. */
function report(result: TrailVerifyResult): number {
  const cp = `${result.checkpoints.checked} checkpoints`;
  if (result.ok) {
    console.log(`Jejak audit utuh / audit trail intact: ${result.checked} entries verified, ${cp} hold.`);
    return 0;
  }
  const faults = result.breaks.length + result.checkpoints.faults.length;
  console.error(`Jejak audit RUSAK / audit trail BROKEN: ${faults} faults (${result.checked} entries, ${cp}):`);
  for (const b of result.breaks) console.error(`  entry #${b.id}  ${ENTRY_REASON[b.reason]}`);
  for (const f of result.checkpoints.faults) console.error(`  checkpoint ${f.seq}  ${CHECKPOINT_REASON[f.reason]}`);
  return 2;
}

export const auditCommand: Command = {
  summary: 'audit verify [--against file] — recompute the hash chain and check the checkpoints; audit checkpoint — write one, print all',
  async run(args, config) {
    if (args[0] === 'verify') {
      const file = flag(args, 'against');
      const against = file ? parseCheckpointFile(readFileSync(path.resolve(file), 'utf8')) : [];
      return report(await withDatabase(config, (db) => verifyAuditTrail(db, against)));
    }
    if (args[0] === 'checkpoint') {
      const file = await withDatabase(config, async (db) => {
        const c = await writeCheckpoint(db, { id: null, username: 'giatja audit checkpoint', role: 'system' });
        console.error(`Titik periksa ${c.seq} / checkpoint ${c.seq}: entry #${c.lastId}, ${c.entries} entries, head ${c.headHash.slice(0, 16)}…`);
        return exportCheckpoints(db);
      });
      console.log(JSON.stringify(file, null, 2));
      return 0;
    }
    throw new Error(USAGE);
  },
};
