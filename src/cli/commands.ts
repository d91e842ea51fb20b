import path from 'node:path';
import { migrate } from '../server/db/migrate.ts';
import { backupDatabase } from '../server/db/backup.ts';
import { restoreDatabase } from '../server/db/restore.ts';
import { auditCommand } from './audit.ts';
import { flag, withDatabase, type Command } from './support.ts';
import { seedIfEmpty, type DatasetSize } from '../server/seed/index.ts';
import { DEMO_PASSWORD } from '../server/seed/users.ts';
import { startServer } from '../server/main.ts';
import { ensureWebBuild } from '../server/web-build.ts';
import { ROLE_LABELS } from '../shared/access/roles.ts';
import { systemClock } from '../server/clock.ts';
import { checkRollupsCommand } from './rollups.ts';
import { parseUptName } from '../domain/org/upt-name.ts';

export type { Command };

const start: Command = {
  summary: 'start the app (migrates, seeds a demo on first start)',
  async run(args, config) {
    if (!args.includes('--no-build')) await ensureWebBuild();
    const size = (flag(args, 'size') ?? 'demo') as DatasetSize;
    const server = await startServer(config, { seedSize: size });
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    console.log(`\nGiatja berjalan di / running at ${server.url}`);
    console.log(`Basis data / database: ${server.database.description}`);
    console.log(`Dokumentasi API / API docs: ${server.url}/api/docs`);
    if (server.seed) {
      console.log(
        config.demo
          ? `\nAkun demo (kata sandi / password: ${DEMO_PASSWORD}):`
          : `\nAkun awal (kata sandi sementara ${DEMO_PASSWORD}, wajib diganti saat masuk pertama):`,
      );
      for (const a of server.seed.accounts) {
        const where = a.upt ? ` — ${parseUptName(a.upt).name}` : a.kanwil ? ` — Kanwil ${a.kanwil}` : '';
        console.log(`  ${a.username.padEnd(30)} ${ROLE_LABELS[a.role].id}${where}`);
      }
    }
    return new Promise<void>(() => {});
  },
};

/** One line per table, then the total: what an operator compares between backup and restore. */
function printCounts(counts: Record<string, number>): void {
  const names = Object.keys(counts).sort();
  const width = Math.max(5, ...names.map((n) => n.length));
  for (const n of names) console.log(`  ${n.padEnd(width)} ${String(counts[n]).padStart(9)}`);
  const total = names.reduce((s, n) => s + (counts[n] ?? 0), 0);
  console.log(`  ${'total'.padEnd(width)} ${String(total).padStart(9)}  (${names.length} tables)`);
}

export const commands: Record<string, Command> = {
  start,
  migrate: {
    summary: 'apply pending database migrations',
    run: (_a, config) =>
      withDatabase(config, async (db) => {
        const applied = await migrate(db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Up to date.');
      }),
  },
  seed: {
    summary: 'seed an empty database: --size demo|national [--seed N]',
    run: (args, config) =>
      withDatabase(config, async (db) => {
        await migrate(db);
        const size = (flag(args, 'size') ?? 'demo') as DatasetSize;
        const r = await seedIfEmpty(db, { size, demo: config.demo, seed: Number(flag(args, 'seed') ?? 2026), today: systemClock(config.today).today() });
        console.log(r.seeded ? `Seeded (${size}).` : 'Already seeded; nothing done.');
      }),
  },
  backup: {
    summary: 'write a backup file: backup <file.jsonl.gz>',
    async run(args, config) {
      const file = args[0];
      if (!file) throw new Error('usage: giatja backup <file>');
      const { counts } = await withDatabase(config, (db) => backupDatabase(db, path.resolve(file)));
      console.log(`Backup written to ${file}; every table's count checked against the database:`);
      printCounts(counts);
    },
  },
  restore: {
    summary: 'restore a backup into an empty database: restore <file>',
    async run(args, config) {
      const file = args[0];
      if (!file) throw new Error('usage: giatja restore <file>');
      const result = await withDatabase(config, async (db) => {
        await migrate(db);
        return restoreDatabase(db, path.resolve(file));
      });
      for (const w of result.warnings) console.warn(w);
      console.log(`Restored from ${file}${result.version >= 2 ? "; every table's count and hash checked against the backup" : ''}:`);
      printCounts(result.counts);
    },
  },
  audit: auditCommand,
  'check-rollups': checkRollupsCommand,
  calculate: {
    summary: 'calculate case.json — run the sentence engine on a case file, print the result as JSON',
    async run(args, config) {
      const file = args[0];
      if (!file) throw new Error('usage: giatja calculate <case.json> [--holidays shared|db]');
      const { readFileSync } = await import('node:fs');
      const { CalculationRequestSchema } = await import('../domain/sentence/schema.ts');
      const { calculateCase } = await import('../domain/sentence/index.ts');
      const { loadHolidays, defaultSharedDataDir } = await import('../server/seed/reference-data.ts');
      const raw = JSON.parse(readFileSync(path.resolve(file), 'utf8')) as unknown;
      // Either {case, twoThirdsMode} as the API takes, or a bare case.
      const wrapped = typeof raw === 'object' && raw !== null && 'case' in raw ? raw : { case: raw };
      const parsed = CalculationRequestSchema.safeParse(wrapped);
      if (!parsed.success) {
        console.error(JSON.stringify(parsed.error.issues, null, 2));
        return 2;
      }
      const holidays =
        flag(args, 'holidays') === 'db'
          ? await withDatabase(config, async (db) => (await import('../server/modules/wbp/dates.ts')).loadHolidays(db))
          : loadHolidays(defaultSharedDataDir());
      const result = calculateCase(parsed.data.case, { holidays, ...(parsed.data.twoThirdsMode ? { twoThirdsMode: parsed.data.twoThirdsMode } : {}) });
      console.log(JSON.stringify(result, null, 2));
      return 0;
    },
  },
  help: {
    summary: 'this help',
    async run() {
      console.log('giatja <command>\n');
      for (const [name, c] of Object.entries(commands)) console.log(`  ${name.padEnd(10)} ${c.summary}`);
    },
  },
};
