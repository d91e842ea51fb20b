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

/** The pids a lock file names: the app first, then its database process once started. */
function lockHolders(lockFile: string): number[] {
  try {
    return readFileSync(lockFile, 'utf8')
      .split(/\s+/)
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid > 0);
  } catch {
    return [];
  }
}

/** How long a start waits for the database process of an app that died to finish closing. */
const ORPHAN_WAIT_MS = 30_000;

export interface DataDirLock {
  /** Names the database process too: after a crash of the app it still holds the folder while it closes. */
  recordDatabase(pid: number): void;
  release(): void;
}

/**
 * Takes an exclusive lock file on the data folder. A lock left by a crash is taken over, but only
 * once every process it names has ended: when the app is killed, its embedded database process
 * lives on for a moment to close the folder (measured ~1.7 s), and a second PGlite opened on the
 * folder meanwhile would write beside it. So a start waits for that process (up to 30 s) and
 * refuses while the app itself still runs.
 */
export async function acquireDataDirLock(dataDir: string, waitMs = ORPHAN_WAIT_MS): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'giatja.lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const [app, ...others] = lockHolders(lockFile);
      if (app !== undefined && processAlive(app)) throw new DataDirLockedError(lockFile, app);
      const closing = others.find(processAlive);
      if (closing !== undefined) {
        if (Date.now() > deadline) throw new DataDirLockedError(lockFile, closing);
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      unlinkSync(lockFile);
    }
  }
  const mine = () => existsSync(lockFile) && lockHolders(lockFile)[0] === process.pid;
  return {
    recordDatabase(pid) {
      if (mine()) writeFileSync(lockFile, `${process.pid}\n${pid}`);
    },
    release() {
      if (mine()) unlinkSync(lockFile);
    },
  };
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
  const lock = dataDir === 'memory' ? undefined : await acquireDataDirLock(dataDir);
  const release = () => lock?.release();
  const pgDir = dataDir === 'memory' ? 'memory' : path.join(dataDir, 'pg');
  const port = await freePort();
  const script = fileURLToPath(new URL('./pglite-child.mjs', import.meta.url));
  let child: ChildProcess;
  try {
    child = fork(script, [pgDir, String(port)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    if (child.pid !== undefined) lock?.recordDatabase(child.pid);
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
