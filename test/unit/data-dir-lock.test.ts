import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../src/server/db/embedded.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'giatja-lock-'));
  dirs.push(d);
  return d;
}

/** A pid that surely belongs to no running process: a child that has already exited. */
async function deadPid(): Promise<number> {
  const p = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => p.once('exit', r));
  return p.pid!;
}

describe('data folder lock', () => {
  it('names the app and, once started, its database process; released on stop', async () => {
    const dir = folder();
    const lock = await acquireDataDirLock(dir);
    lock.recordDatabase(4242);
    expect(readFileSync(path.join(dir, 'giatja.lock'), 'utf8')).toBe(`${process.pid}\n4242`);
    lock.release();
    expect(existsSync(path.join(dir, 'giatja.lock'))).toBe(false);
  });

  it('refuses while the app that holds it runs', async () => {
    const dir = folder();
    const lock = await acquireDataDirLock(dir);
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    lock.release();
  });

  it('takes over a lock whose app and database processes have both ended (kill -9 of both)', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'giatja.lock'), `${await deadPid()}\n${await deadPid()}`);
    const lock = await acquireDataDirLock(dir, 0);
    expect(readFileSync(path.join(dir, 'giatja.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('waits for the database process of an app that died to finish before taking over (bug: only the app was named, so a restart could open the folder beside it)', async () => {
    const dir = folder();
    const closing = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 700)']);
    writeFileSync(path.join(dir, 'giatja.lock'), `${await deadPid()}\n${closing.pid}`);
    const exited = new Promise<number>((r) => closing.once('exit', () => r(Date.now())));
    const lock = await acquireDataDirLock(dir, 10_000);
    const tookAt = Date.now();
    expect(tookAt).toBeGreaterThanOrEqual(await exited);
    lock.release();
  }, 30_000);

  it('gives up with the database process named when it does not end in time', async () => {
    const dir = folder();
    const stuck = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(path.join(dir, 'giatja.lock'), `${await deadPid()}\n${stuck.pid}`);
      const err = await acquireDataDirLock(dir, 300).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as DataDirLockedError).pid).toBe(stuck.pid);
    } finally {
      stuck.kill('SIGKILL');
    }
  });
});
