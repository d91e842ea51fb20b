import type { Config } from '../server/config.ts';
import { openDatabase } from '../server/db/open.ts';
import type { Db } from '../server/db/pool.ts';

export interface Command {
  summary: string;
  run(args: string[], config: Config): Promise<number | void>;
}

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function withDatabase<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
