import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/server/audit/checkpoint.ts';
import { ident, publicTables } from '../../src/server/db/catalogue.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import type { Queryable } from '../../src/server/db/pool.ts';
import type { FailpointName } from '../../src/server/failpoint.ts';
import { TEST_TODAY } from '../support/today.ts';
import { alive, childrenOf, copyDataDir, launchApp, removeDir, run, runToEnd, scratchDir, signIn, startApp, stopApp, waitUntil, type RunningApp } from './harness.ts';

/**
 * kill -9 in the middle of the long writes: the app (and, as on a power cut, its embedded
 * database) dies inside the transaction. After a restart on the same folder the database must
 * reopen, the folder's lock be free, nothing of the interrupted operation be there, the audit chain
 * verify, and the operation succeed when done again.
 */

let base: string;
const dirs: string[] = [];
beforeAll(async () => {
  base = scratchDir('base');
  dirs.push(base);
  await runToEnd(['seed'], { GIATJA_DATA_DIR: base });
}, 180_000);
afterAll(() => dirs.forEach(removeDir));

/** Opens the folder in this process (taking its lock: proof that it is free) and reads it. */
async function inspect<T>(dataDir: string, read: (db: Queryable) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    return await read(database.db);
  } finally {
    await database.close();
  }
}

async function rowCounts(db: Queryable, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t)}`))!.n;
  return out;
}

/** Row count and a hash of every row's content, per table: equal means not a value changed. */
async function contents(db: Queryable, tables: string[]): Promise<Record<string, { rows: number; hash: string }>> {
  const out: Record<string, { rows: number; hash: string }> = {};
  for (const t of tables) {
    out[t] = (await db.one<{ rows: number; hash: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x::text, E'\n' ORDER BY x::text), '')) AS hash FROM ${ident(t)} x`,
    ))!;
  }
  return out;
}

type Kill = 'app' | 'app-and-database';

/**
 * Starts the app with the failpoint armed, lets `act` begin the operation, waits until the
 * process stands inside its transaction, and kills it with SIGKILL — the app alone, or its whole
 * process group (the embedded database too). Returns once every process of it is gone.
 */
async function crashDuring(dataDir: string, point: FailpointName, kill: Kill, act: (app: RunningApp) => Promise<void>, opts: { restartAtOnce?: boolean } = {}) {
  const app = await startApp(dataDir, { GIATJA_FAILPOINT: point });
  const database = childrenOf(app.pid);
  expect(database.length).toBe(1);
  await act(app);
  await app.waitFor(new RegExp(`FAILPOINT ${point.replace('.', '\\.')}`));
  const killedAt = Date.now();
  process.kill(kill === 'app' ? app.pid : -app.pid, 'SIGKILL');
  await app.exited;
  if (!opts.restartAtOnce) {
    await waitUntil(() => !alive(database[0]!), 30_000, 'the embedded database process to end');
    return;
  }
  // As a supervisor would: start again at once, while the old database process may still be
  // closing the folder. The new database process must not start before the old one has ended.
  let oldGoneMs = -1;
  let newSeenMs = -1;
  const restarted = launchApp(dataDir);
  const watch = (async () => {
    while (oldGoneMs < 0 || newSeenMs < 0) {
      if (oldGoneMs < 0 && !alive(database[0]!)) oldGoneMs = Date.now() - killedAt;
      if (newSeenMs < 0 && childrenOf(restarted.pid).length > 0) newSeenMs = Date.now() - killedAt;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const app2 = await restarted.ready;
  await watch;
  await stopApp(app2);
  return { oldGoneMs, newSeenMs };
}

describe('kill -9 during an SDP import', () => {
  it('leaves no inmate, batch or audit entry of the file; the folder reopens and the same upload applies after restart', async () => {
    const dir = copyDataDir(base, 'import');
    dirs.push(dir);
    const tables = ['wbp', 'wbp_sentence', 'import_batch'];
    const before = await inspect(dir, (db) => contents(db, tables));
    let uploadId = 0;
    let mapping: unknown;
    const fixture = readFileSync(path.resolve('test/fixtures/sdp/sdp-export-semicolon-utf8bom.csv'));
    await crashDuring(dir, 'sdp-import.rows-written', 'app', async (app) => {
      const op = await signIn(app.url, 'operator.lapas.semarang');
      const preview = await op.upload<{ uploadId: number; mapping: unknown; summary: { accepted: number; new: number } }>('/api/v1/imports/sdp/preview', new File([fixture], 'export.csv'));
      expect(preview.status).toBe(200);
      expect(preview.body.summary.new).toBe(17);
      uploadId = preview.body.uploadId;
      mapping = preview.body.mapping;
      void op.post(`/api/v1/imports/sdp/${uploadId}/apply`, { mapping: preview.body.mapping, skipRejected: true }).catch(() => undefined);
    });

    const after = await inspect(dir, async (db) => ({
      contents: await contents(db, tables),
      audit: await verifyAuditTrail(db),
      imported: await db.query(`SELECT id FROM audit_log WHERE entity = 'import_batch'`),
      upload: await db.query('SELECT id FROM upload WHERE id = $1', [uploadId]),
    }));
    // No inmate, sentence or batch changed, and no import in the audit log.
    expect(after.contents).toEqual(before);
    expect(after.imported).toEqual([]);
    expect(after.audit.ok).toBe(true);
    expect(after.upload).toHaveLength(1); // the upload waits to be applied again

    const app = await startApp(dir);
    try {
      const op = await signIn(app.url, 'operator.lapas.semarang');
      const again = await op.post<{ rowsCreated: number }>(`/api/v1/imports/sdp/${uploadId}/apply`, { mapping, skipRejected: true });
      expect(again.status).toBe(200);
      expect(again.body.rowsCreated).toBe(17);
    } finally {
      await stopApp(app);
    }
    expect((await inspect(dir, (db) => rowCounts(db, ['wbp']))).wbp).toBe(before.wbp!.rows + 17);
  });
});

describe('kill -9 during an attendance save (app and embedded database together, as on a power cut)', () => {
  it('leaves no sheet, mark, premi or rollup change; the resent sheet saves once after restart', async () => {
    const dir = copyDataDir(base, 'attendance');
    dirs.push(dir);
    const tables = ['attendance_sheet', 'attendance', 'premi_entry', 'work_month_rollup'];
    const before = await inspect(dir, (db) => contents(db, tables));
    let activityId = 0;
    let allocated = 0;
    const body = { date: TEST_TODAY, session: 'pagi', clientKey: 'fault-suite-sheet-1', exceptions: [] as unknown[] };
    await crashDuring(dir, 'attendance.rows-written', 'app-and-database', async (app) => {
      const op = await signIn(app.url, 'operator.lapas.semarang');
      const list = await op.get<{ items: Array<{ id: number; allocated: number; sessions: string[]; weekdays: number[] }> }>('/api/v1/work/activities');
      const weekday = new Date(`${TEST_TODAY}T00:00:00Z`).getUTCDay() || 7;
      const activity = list.body.items.find((a) => a.allocated > 0 && a.sessions.includes('pagi') && a.weekdays.includes(weekday))!;
      activityId = activity.id;
      const sheet = await op.get<{ version: number | null; rows: unknown[] }>(`/api/v1/work/activities/${activityId}/attendance?date=${TEST_TODAY}&session=pagi`);
      expect(sheet.body.version).toBeNull(); // not yet taken today
      allocated = sheet.body.rows.length;
      expect(allocated).toBeGreaterThan(0);
      void op.request('PUT', `/api/v1/work/activities/${activityId}/attendance`, body).catch(() => undefined);
    });

    const after = await inspect(dir, async (db) => ({
      contents: await contents(db, tables),
      audit: await verifyAuditTrail(db),
      saved: await db.query(`SELECT id FROM audit_log WHERE entity = 'attendance_sheet' AND entity_id = $1`, [`${activityId}:${TEST_TODAY}:pagi`]),
    }));
    expect(after.contents).toEqual(before);
    expect(after.saved).toEqual([]);
    expect(after.audit.ok).toBe(true);

    const app = await startApp(dir);
    try {
      const op = await signIn(app.url, 'operator.lapas.semarang');
      const resent = await op.request<{ version: number; rows: Array<{ reason: string }> }>('PUT', `/api/v1/work/activities/${activityId}/attendance`, body);
      expect(resent.status).toBe(200);
      expect(resent.body.version).toBe(1);
      expect(resent.body.rows.filter((r) => r.reason === 'hadir')).toHaveLength(allocated);
    } finally {
      await stopApp(app);
    }
  });
});

describe('kill -9 of the app alone during a remission approval, restarted at once', () => {
  it('waits for the old database process, grants nothing and leaves the run verified; approving again grants once', async () => {
    const dir = copyDataDir(base, 'remission');
    dirs.push(dir);
    const tables = ['remission_grant', 'wbp'];
    const before = await inspect(dir, (db) => contents(db, tables));
    let runId = 0;
    let version = 0;
    const decreeNumber = 'PAS-2001.PK.01.05.06 Tahun 2026';
    const timing = await crashDuring(dir, 'remission.grants-written', 'app', async (app) => {
      const head = await signIn(app.url, 'kepala.lapas.semarang');
      const kanwil = await signIn(app.url, 'kanwil.jateng');
      const admin = await signIn(app.url, 'admin.pusat');
      type Run = { id: number; version: number; status: string };
      const created = await head.post<Run>('/api/v1/remission-runs', { kind: 'umum', occasionDate: '2026-08-17' });
      expect(created.status).toBe(201);
      const proposed = await head.post<Run>(`/api/v1/remission-runs/${created.body.id}/propose`, { version: created.body.version });
      const verified = await kanwil.post<Run>(`/api/v1/remission-runs/${created.body.id}/verify`, { version: proposed.body.version });
      expect(verified.body.status).toBe('verified');
      runId = verified.body.id;
      version = verified.body.version;
      void admin.post(`/api/v1/remission-runs/${runId}/approve`, { version, decreeNumber }).catch(() => undefined);
    }, { restartAtOnce: true });
    // The restarted app's database began only after the killed app's database had closed the folder.
    expect(timing!.newSeenMs).toBeGreaterThanOrEqual(timing!.oldGoneMs);

    const after = await inspect(dir, async (db) => ({
      contents: await contents(db, tables),
      audit: await verifyAuditTrail(db),
      run: await db.one<{ status: string; version: number }>('SELECT status, version FROM remission_run WHERE id = $1', [runId]),
      approvals: await db.query(`SELECT id FROM audit_log WHERE entity = 'remission_run' AND action = 'approve'`),
    }));
    expect(after.contents).toEqual(before);
    expect(after.run).toEqual({ status: 'verified', version });
    expect(after.approvals).toEqual([]);
    expect(after.audit.ok).toBe(true);

    const app = await startApp(dir);
    try {
      const admin = await signIn(app.url, 'admin.pusat');
      const approved = await admin.post<{ status: string }>(`/api/v1/remission-runs/${runId}/approve`, { version, decreeNumber });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
    } finally {
      await stopApp(app);
    }
    const { granted, eligible } = (await inspect(dir, (db) =>
      db.one<{ granted: number; eligible: number }>(
        `SELECT (SELECT count(*)::int FROM remission_grant WHERE run_id = $1) AS granted,
                (SELECT count(*)::int FROM remission_run_item WHERE run_id = $1 AND eligible AND days > 0) AS eligible`,
        [runId],
      ),
    ))!;
    expect(granted).toBeGreaterThan(0);
    expect(granted).toBeLessThanOrEqual(eligible);
  });
});

describe('kill -9 during a restore', () => {
  it('leaves the target empty; the same restore run again restores every row', async () => {
    const target = scratchDir('restore-target');
    dirs.push(target);
    const file = path.join(scratchDir('backup'), 'backup.jsonl.gz');
    dirs.push(path.dirname(file));
    // Both commands print every table's row count (the restore after checking count and hash).
    const backedUp = printedCounts(await runToEnd(['backup', file], { GIATJA_DATA_DIR: base }));
    expect(Object.keys(backedUp).length).toBeGreaterThan(40);

    const restore = run(['restore', file], { GIATJA_DATA_DIR: target, GIATJA_FAILPOINT: 'restore.rows-loaded' });
    await restore.waitFor(/FAILPOINT restore\.rows-loaded/);
    const database = childrenOf(restore.pid);
    process.kill(-restore.pid, 'SIGKILL');
    await restore.exited;
    await waitUntil(() => database.every((p) => !alive(p)), 30_000, 'the embedded database process to end');

    const left = await inspect(target, async (db) => rowCounts(db, (await publicTables(db)).map((t) => t.name).filter((n) => n !== 'schema_migration')));
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);

    const restored = printedCounts(await runToEnd(['restore', file], { GIATJA_DATA_DIR: target }));
    expect(restored).toEqual(backedUp);
  });
});

/** The per-table counts `giatja backup` and `giatja restore` print ("  table   123"). */
function printedCounts(output: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of output.matchAll(/^ {2}(\w+) +(\d+)$/gm)) if (m[1] !== 'total') out[m[1]!] = Number(m[2]);
  return out;
}

describe('power cut at a random moment while attendance sheets are being corrected', () => {
  it('keeps every acknowledged save, applies the interrupted one whole or not at all, and the rollup still adds up', async () => {
    const dir = copyDataDir(base, 'power-cut');
    dirs.push(dir);
    const seed = Number(process.env.GIATJA_FAULT_SEED ?? 20261207);
    const delayMs = 2_000 + (seed % 4_000); // the moment of the cut after the first save, replayable with GIATJA_FAULT_SEED
    const app = await startApp(dir);
    const database = childrenOf(app.pid);
    const op = await signIn(app.url, 'operator.lapas.semarang');
    type Sheet = { version: number | null; rows: Array<{ wbpId: number; reason: string | null }> };
    const list = await op.get<{ items: Array<{ id: number; allocated: number; sessions: string[] }> }>('/api/v1/work/activities');
    const activity = list.body.items.find((a) => a.allocated > 0 && a.sessions.includes('pagi'))!;
    const sheetPath = `/api/v1/work/activities/${activity.id}/attendance`;
    const acknowledged: Array<{ date: string; version: number; sick: number }> = [];
    let inFlight: { date: string; version: number } | undefined;
    let cut = false;
    const writer = (async () => {
      for (let i = 1; !cut && i < 400; i++) {
        const date = new Date(Date.parse(`${TEST_TODAY}T00:00:00Z`) - (1 + (i % 20)) * 86_400_000).toISOString().slice(0, 10);
        const sheet = await op.get<Sheet>(`${sheetPath}?date=${date}&session=pagi`).catch(() => undefined);
        if (!sheet || sheet.status !== 200 || sheet.body.version === null || sheet.body.rows.length === 0) continue;
        const sick = sheet.body.rows[i % sheet.body.rows.length]!.wbpId;
        inFlight = { date, version: sheet.body.version };
        const saved = await op
          .request<Sheet>('PUT', sheetPath, { date, session: 'pagi', clientKey: `power-cut-${seed}-${i}`, version: sheet.body.version, exceptions: [{ wbpId: sick, reason: 'sakit' }] })
          .catch(() => undefined);
        if (saved?.status === 200) acknowledged.push({ date, version: saved.body.version!, sick });
        else if (saved) throw new Error(`save answered ${saved.status}: ${JSON.stringify(saved.body)}`);
      }
    })();
    writer.catch(() => undefined); // its failure is raised by `await writer` below
    // The moment counts from the first acknowledged save: on a loaded machine the first save can
    // take longer than the whole delay (a cut before any save would test nothing).
    await waitUntil(() => acknowledged.length > 0, 120_000, 'the first acknowledged save');
    await new Promise((r) => setTimeout(r, delayMs));
    cut = true;
    process.kill(-app.pid, 'SIGKILL');
    await app.exited;
    await writer;
    await waitUntil(() => database.every((p) => !alive(p)), 30_000, 'the embedded database process to end');
    expect(acknowledged.length).toBeGreaterThan(0);
    console.info(`power cut after ${delayMs} ms (GIATJA_FAULT_SEED=${seed}): ${acknowledged.length} saves acknowledged before it`);

    const after = await inspect(dir, async (db) => ({
      audit: await verifyAuditTrail(db),
      rollupMismatches: (await db.one<{ n: number }>(`WITH c AS (
          SELECT a.upt_id, date_trunc('month', a.date)::date AS month, w.category, count(*) AS n,
                 count(*) FILTER (WHERE a.reason = 'hadir') AS p, count(*) FILTER (WHERE a.paid) AS paid
            FROM attendance a JOIN work_activity w ON w.id = a.activity_id GROUP BY 1, 2, 3)
        SELECT count(*)::int AS n FROM c FULL JOIN work_month_rollup r USING (upt_id, month, category)
         WHERE coalesce(c.n, 0) <> coalesce(r.attendance_rows, 0) OR coalesce(c.p, 0) <> coalesce(r.present_rows, 0) OR coalesce(c.paid, 0) <> coalesce(r.paid_rows, 0)`))!.n,
      emptySheets: (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM attendance_sheet s
         WHERE NOT EXISTS (SELECT 1 FROM attendance a WHERE a.activity_id = s.activity_id AND a.date = s.date AND a.session = s.session)`))!.n,
      // Each sheet's rows beside the inmates allocated on its date (the demo's workers join on different days).
      sheets: await db.query<{ date: string; version: number; rows: number; allocated: number; sick: string[] }>(
        `SELECT s.date, s.version, count(a.*)::int AS rows, coalesce(array_agg(a.wbp_id::text) FILTER (WHERE a.reason = 'sakit'), '{}') AS sick,
                (SELECT count(*)::int FROM work_allocation l JOIN wbp w ON w.id = l.wbp_id
                  WHERE l.activity_id = s.activity_id AND l.status IN ('active', 'ended') AND l.start_date <= s.date AND (l.end_date IS NULL OR l.end_date > s.date)
                    AND (w.released_on IS NULL OR w.released_on > s.date)) AS allocated
           FROM attendance_sheet s JOIN attendance a USING (activity_id, date, session) WHERE s.activity_id = $1 AND s.session = 'pagi' GROUP BY s.activity_id, s.date, s.version`,
        [activity.id],
      ),
    }));
    expect(after.audit.ok).toBe(true);
    expect(after.rollupMismatches).toBe(0);
    expect(after.emptySheets).toBe(0);
    const byDate = new Map(after.sheets.map((s) => [s.date, s]));
    const lastAck = new Map(acknowledged.map((a) => [a.date, a]));
    for (const a of lastAck.values()) {
      const s = byDate.get(a.date)!;
      // Acknowledged means kept: the sheet is at least that version; at exactly it, with that mark.
      expect(s.version).toBeGreaterThanOrEqual(a.version);
      if (s.version === a.version) expect(s.sick).toEqual([String(a.sick)]);
    }
    if (inFlight) {
      // The interrupted save landed whole (one version on) or not at all.
      const s = byDate.get(inFlight.date)!;
      expect([inFlight.version, inFlight.version + 1]).toContain(s.version);
      expect(s.sick.length).toBeLessThanOrEqual(1);
    }
    // Every sheet holds everyone allocated that day: none kept half of an interrupted save.
    expect(after.sheets.filter((s) => s.rows !== s.allocated)).toEqual([]);
    expect(after.sheets.length).toBeGreaterThan(20);
  });
});
