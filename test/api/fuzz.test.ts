import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredRoute } from '../../src/server/http/route.ts';
import { can, type Role } from '../../src/shared/access/roles.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { declaredRoutes, jsonBodyOf, sampleQuery, sampleValue } from '../support/schema-walk.ts';

/**
 * Every route of the API, from the route table (the same declarations the OpenAPI document is
 * built from), called by a user who may call it with hostile input: the whole body replaced by
 * the wrong kind of JSON, an unknown field, and one field at a time spoilt (NUL, lone
 * surrogates, RTL marks, huge and fractional numbers, impossible dates, wrong types, long text).
 * Never a 5xx; every refusal is `{error:{code,message,fields}}`; a refused write leaves the audit
 * trail (where every write lands) unchanged. Bounded: a fixed number of cases per route.
 * Replay another draw with GIATJA_FUZZ_SEED=<n>.
 */
const SEED = Number(process.env.GIATJA_FUZZ_SEED ?? 20261206);
const SPOILT_FIELDS = 30;
const SPOILT_QUERIES = 12;

const HOSTILE = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -1, 1.5, 2147483648, 1e21, -1e308, Number.MAX_SAFE_INTEGER, '', ' ', 'a\u0000b', 'a\ud800b', '\udc00',
    '\u202eevil\u202c', 'x'.repeat(6000), '2025-02-30', '0000-00-00', '2025-13-01', '9999-12-31', "'; DROP TABLE wbp; --", [], {}, [1], { a: 1 }, '1e3', '0x10',
  ),
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);
const HOSTILE_TEXT = fc.oneof(
  fc.constantFrom('abc', '-1', '0', '1.5', '99999999999999999999', '2025-02-30', '0000-00', '%E2%80%AE', '%00', 'x'.repeat(3000), '[]', 'true', '%25', '%2F..%2F'),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
);

/** Own-scope records for path ids (Lapas Semarang / Jawa Tengah); 1 where no table is known. */
const ID_TABLES: Record<string, string> = {
  wbpId: 'wbp', activityId: 'work_activity', allocationId: 'work_allocation', entryId: 'premi_entry', productId: 'product',
  photoId: 'product_photo', moveId: 'stock_move', saleId: 'sale', salePaymentId: 'sale_payment', splitId: 'proceeds_split',
  billingId: 'pnbp_billing', requestId: 'order_request', programmeId: 'training_programme', participantId: 'training_participant',
  partnerId: 'partner', agreementId: 'partner_agreement', reportId: 'monthly_report', runId: 'remission_run', uploadId: 'upload',
  uptId: 'upt', kanwilId: 'kanwil', userId: 'app_user', indicatorId: 'indicator', batchId: 'production_batch',
};

const CALLERS: Array<{ username: string; role: Role }> = [
  { username: 'kepala.lapas.semarang', role: 'upt_head' },
  { username: 'kanwil.jateng', role: 'kanwil_officer' },
  { username: 'admin.pusat', role: 'pusat_admin' },
  { username: 'pimpinan.pusat', role: 'pusat_pimpinan' },
  { username: 'auditor.itjen', role: 'auditor' },
];

let t: TestApp;
const clients = new Map<string, Client>();
const pathIds = new Map<string, number>();
beforeAll(async () => {
  t = await createTestApp({}, { inmates: true });
  for (const c of CALLERS) clients.set(c.username, await t.as(c.username));
  const upt = (await t.db.one<{ id: number; kanwil_id: number }>(`SELECT id, kanwil_id FROM upt WHERE name ILIKE '%semarang%' AND type = 'lapas' ORDER BY id LIMIT 1`))!;
  for (const [param, table] of Object.entries(ID_TABLES)) {
    const own = await t.db
      .one<{ id: number }>(`SELECT id FROM ${table} WHERE ${table === 'upt' ? 'id' : table === 'kanwil' ? 'id' : 'upt_id'} = $1 ORDER BY id LIMIT 1`, [table === 'kanwil' ? upt.kanwil_id : upt.id])
      .catch(() => undefined);
    const any = own ?? (await t.db.one<{ id: number }>(`SELECT id FROM ${table} ORDER BY id LIMIT 1`).catch(() => undefined));
    pathIds.set(param, any?.id ?? 1);
  }
}, 300_000);
afterAll(() => t.close());

function callerFor(r: DeclaredRoute): Client {
  const a = r.access;
  if (a.kind !== 'action') return clients.get('admin.pusat')!;
  const order = a.scope === 'national' ? CALLERS.slice(2) : CALLERS;
  const who = order.find((c) => can(c.role, a.action)) ?? CALLERS[2]!;
  return clients.get(who.username)!;
}

const auditCount = async () => (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))!.n;

/** Replaces the value at `path` in a copy of `base`. */
function spoil(base: unknown, path: string[], value: unknown): unknown {
  if (!path.length) return value;
  const copy: Record<string, unknown> = Array.isArray(base) ? ([...base] as unknown as Record<string, unknown>) : { ...(base as Record<string, unknown>) };
  const [head, ...rest] = path;
  copy[head!] = spoil(copy[head!], rest, value);
  return copy;
}

function leafPaths(v: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (!entries.length) out.push(path);
    for (const [k, x] of entries) leafPaths(x, [...path, k], out);
  } else out.push(path);
  return out;
}

describe('fuzz over every route', () => {
  it(`never answers 5xx, always answers errors as {error:{code,message,fields}}, and a refused write changes nothing (seed ${SEED})`, async () => {
    const routes = declaredRoutes();
    expect(routes.length).toBeGreaterThan(150);
    const problems: string[] = [];
    let requests = 0;
    let n = 0;
    for (const r of routes) {
      n++;
      const client = callerFor(r);
      const path = r.path.replace(/:(\w+)/g, (_m, p: string) => (p === 'doc' ? 'receipt' : String(pathIds.get(p) ?? 1)));
      const query = sampleQuery(r.request?.query as Parameters<typeof sampleQuery>[0]);
      const body = jsonBodyOf(r);
      const cases: Array<{ url: string; body?: unknown }> = [];
      if (body) {
        const base = sampleValue(body);
        for (const whole of [null, [], 'x', 1, {}, { ...(base as object), zzzUnknown: 1 }]) cases.push({ url: path + query, body: whole });
        const leaves = leafPaths(base).filter((p) => p.length);
        const draws = fc.sample(fc.tuple(fc.nat(), HOSTILE), { seed: SEED + n, numRuns: leaves.length ? SPOILT_FIELDS : 0 });
        for (const [i, value] of draws) cases.push({ url: path + query, body: spoil(base, leaves[i % leaves.length]!, value) });
      }
      const queryKeys = Object.keys((r.request?.query as { shape?: object } | undefined)?.shape ?? {});
      if (queryKeys.length) {
        for (const [i, text] of fc.sample(fc.tuple(fc.nat(), HOSTILE_TEXT), { seed: SEED - n, numRuns: SPOILT_QUERIES })) {
          const key = queryKeys[i % queryKeys.length]!;
          const rest = query.replace(/^\?/, '').split('&').filter((p) => p && !p.startsWith(`${key}=`));
          cases.push({ url: `${path}?${[...rest, `${key}=${text}`].join('&')}`, ...(body ? { body: sampleValue(body) } : {}) });
        }
      }
      if (!cases.length) cases.push({ url: path + query });
      for (const c of cases) {
        const before = r.method === 'GET' ? 0 : await auditCount();
        const res = await client.request(r.method, c.url, r.method === 'GET' ? undefined : c.body);
        requests++;
        const err = (res.body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)?.error;
        const shown = `${r.method} ${c.url.slice(0, 120)} ${JSON.stringify(c.body)?.slice(0, 160)} → ${res.status}`;
        if (res.status >= 500) problems.push(`${shown} ${JSON.stringify(res.body).slice(0, 120)}`);
        else if (res.status >= 400 && (typeof err?.code !== 'string' || typeof err.message !== 'string' || typeof err.fields !== 'object')) problems.push(`${shown}: error body ${JSON.stringify(res.body).slice(0, 80)}`);
        // A failed sign-in is itself recorded (login_failed): the one refusal that writes, on purpose.
        else if (res.status >= 400 && r.method !== 'GET' && !r.path.endsWith('/auth/login') && (await auditCount()) !== before) problems.push(`${shown}: refused, yet the audit trail grew`);
      }
    }
    console.log(`fuzz: ${requests} requests over ${routes.length} routes, ${problems.length} problems, seed ${SEED}`);
    expect(problems).toEqual([]);
  }, 600_000);
});
