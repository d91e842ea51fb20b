import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_TODAY } from '../support/today.ts';

/**
 * Runs the real `giatja` command as a separate process (its own process group, so a test can kill
 * it, or it and its embedded database, with SIGKILL) and talks to it over HTTP.
 */

const BIN = path.resolve('bin/giatja.mjs');
export const PASSWORD = 'Kemandirian2026';

export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `giatja-fault-${prefix}-`));
}

export interface Proc {
  proc: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the first match of `re` in stdout+stderr, or rejects after `ms`. */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

export function run(args: string[], env: Record<string, string>): Proc {
  const proc = spawn(process.execPath, [BIN, ...args], {
    // The embedded database and no failpoint unless the scenario says otherwise.
    env: { ...process.env, DATABASE_URL: '', GIATJA_FAILPOINT: '', GIATJA_TODAY: TEST_TODAY, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const waiters: Array<() => void> = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.splice(0)) w();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  let closed = false;
  const exited = new Promise<number | null>((resolve) =>
    proc.once('close', (code) => {
      closed = true;
      for (const w of waiters.splice(0)) w();
      resolve(code);
    }),
  );
  const waitFor = (re: RegExp, ms = 90_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output:\n${out.slice(-3000)}`)), ms);
      const check = () => {
        const m = out.match(re);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        } else if (closed) {
          clearTimeout(timer);
          reject(new Error(`process ended (${proc.exitCode ?? proc.signalCode}) before ${re}; output:\n${out.slice(-3000)}`));
        } else waiters.push(check);
      };
      check();
    });
  return { proc, pid: proc.pid!, output: () => out, waitFor, exited };
}

/** Runs a command to its end; throws with its output when it fails. */
export async function runToEnd(args: string[], env: Record<string, string>): Promise<string> {
  const p = run(args, env);
  const code = await p.exited;
  if (code !== 0) throw new Error(`giatja ${args.join(' ')} exited ${code}:\n${p.output().slice(-3000)}`);
  return p.output();
}

/** Process ids whose parent is `pid` (read from /proc, no external tools). */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitUntil(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface RunningApp extends Proc {
  url: string;
  dataDir: string;
}

/** Launches `giatja start`; `ready` resolves once it serves. */
export function launchApp(dataDir: string, env: Record<string, string> = {}): Proc & { ready: Promise<RunningApp> } {
  const p = run(['start', '--no-build'], { GIATJA_DATA_DIR: dataDir, ...env });
  const ready = p.waitFor(/running at (http:\/\/\S+)/).then((m) => ({ ...p, url: m[1]!, dataDir }));
  return { ...p, ready };
}

export function startApp(dataDir: string, env: Record<string, string> = {}): Promise<RunningApp> {
  return launchApp(dataDir, env).ready;
}

export async function stopApp(app: Proc): Promise<void> {
  if (app.proc.exitCode === null) {
    app.proc.kill('SIGTERM');
    await app.exited;
  }
}

/** Copies a seeded data folder (without its lock) for one scenario. */
export function copyDataDir(from: string, name: string): string {
  const to = scratchDir(name);
  cpSync(from, to, { recursive: true, filter: (src) => path.basename(src) !== 'giatja.lock' });
  return to;
}

export function removeDir(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

export interface Http {
  request<T = unknown>(method: string, p: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }>;
  get<T = unknown>(p: string): Promise<{ status: number; body: T; headers: Headers }>;
  post<T = unknown>(p: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }>;
  upload<T = unknown>(p: string, file: File): Promise<{ status: number; body: T; headers: Headers }>;
}

/** Signs in over HTTP and returns a client that carries the session cookie and CSRF token. */
export async function signIn(url: string, username: string): Promise<Http> {
  let cookie = '';
  let csrf = '';
  const send = async <T>(method: string, p: string, init: { body?: BodyInit; type?: string }) => {
    const headers: Record<string, string> = { 'accept-language': 'id' };
    if (cookie) headers.cookie = cookie;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    if (init.type) headers['content-type'] = init.type;
    const res = await fetch(url + p, { method, headers, body: init.body ?? null });
    const set = res.headers.get('set-cookie');
    if (set?.startsWith('giatja_sid=')) cookie = set.split(';')[0]!;
    const text = await res.text();
    const body = (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
    return { status: res.status, body, headers: res.headers };
  };
  const http: Http = {
    request: (method, p, body) => send(method, p, body === undefined ? {} : { body: JSON.stringify(body), type: 'application/json' }),
    get: (p) => send('GET', p, {}),
    post: (p, body) => send('POST', p, body === undefined ? {} : { body: JSON.stringify(body), type: 'application/json' }),
    upload: (p, file) => {
      const fd = new FormData();
      fd.append('file', file);
      return send('POST', p, { body: fd });
    },
  };
  const login = await http.post<{ csrfToken: string }>('/api/v1/auth/login', { username, password: PASSWORD });
  if (login.status !== 200) throw new Error(`sign-in ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  csrf = login.body.csrfToken;
  return http;
}

/** A private PostgreSQL 15 server for one test (never the shared test server: this one gets stopped). */
export interface PrivateServer {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

const PG_BIN = '/usr/lib/postgresql/15/bin';
export const hasPostgres15 = existsSync(`${PG_BIN}/pg_ctl`);

async function sh(cmd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const p = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (d: Buffer) => (out += d.toString()));
  p.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => p.once('close', resolve));
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out}`);
  return out.trim();
}

export async function privatePostgres(port: number): Promise<PrivateServer> {
  const dir = scratchDir('pg');
  const env = { PGDATA_DIR: dir, PGPORT_TEST: String(port) };
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const ctl = (args: string[]) => (asPostgres.length ? sh(asPostgres[0]!, [...asPostgres.slice(1), `${PG_BIN}/pg_ctl`, ...args]) : sh(`${PG_BIN}/pg_ctl`, args));
  const url = (await sh('bash', [path.resolve('.ci/start-postgres.sh')], env)).split('\n').pop()!;
  return {
    url,
    stop: async () => void (await ctl(['-D', dir, '-m', 'fast', '-w', 'stop'])),
    start: async () => void (await sh('bash', [path.resolve('.ci/start-postgres.sh')], env)),
    async remove() {
      await ctl(['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      removeDir(dir);
    },
  };
}
