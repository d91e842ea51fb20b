import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The embedded PostgreSQL (PGlite) runs in a child process behind a loopback socket.
 * PGlite itself has no lock on its data folder, so we hold one: a second process on the
 * same folder would otherwise silently lose writes.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(readonly lockFile: string, readonly pid: number) {
    super(
      `Folder data ${path.dirname(lockFile)} sedang dipakai oleh proses lain (PID ${pid}). ` +
        `Hentikan proses itu dulu, atau pakai folder lain (GIATJA_DATA_DIR). / ` +
        `The data folder is in use by another process (PID ${pid}); stop it first or use another folder.`,
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes an exclusive lock file; a stale lock left by a dead process is taken over. */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'giatja.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (existsSync(lockFile) && readFileSync(lockFile, 'utf8') === String(process.pid)) unlinkSync(lockFile);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockFile, 'utf8'));
      if (Number.isFinite(pid) && pid > 0 && processAlive(pid)) throw new DataDirLockedError(lockFile, pid);
      unlinkSync(lockFile);
    }
  }
  throw new Error(`Cannot lock ${lockFile}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts PGlite for `dataDir` ('memory' for a throwaway database). */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const release = dataDir === 'memory' ? () => {} : acquireDataDirLock(dataDir);
  const pgDir = dataDir === 'memory' ? 'memory' : path.join(dataDir, 'pg');
  const port = await freePort();
  const script = fileURLToPath(new URL('./pglite-child.mjs', import.meta.url));
  let child: ChildProcess;
  try {
    child = fork(script, [pgDir, String(port)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Embedded PostgreSQL did not start in 60 s')), 60_000);
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Embedded PostgreSQL exited during start (code ${code})`));
      });
    });
  } catch (err) {
    release();
    throw err;
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    release();
  };
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`, stop };
}
