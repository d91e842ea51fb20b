import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/server/http/context.ts';
import { registerModules } from '../../src/server/modules/index.ts';
import { can, ROLES, type Role } from '../../src/shared/access/roles.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { declaredRoutes, sampleQuery } from '../support/schema-walk.ts';

/**
 * The README's promise, checked on the content of every answer: for every list and summary
 * route (a GET without path parameters) and every role bound to a Kanwil or a UPT, no UPT id
 * or Kanwil id outside the caller's scope appears anywhere in the JSON. Organisation lists are
 * reference data every holder may read, and are left out by their declaration.
 */
registerModules(new OpenAPIHono<AppEnv>());

const SCOPED_ACCOUNTS: Array<{ username: string; role: Role }> = [
  { username: 'kanwil.jateng', role: 'kanwil_officer' },
  { username: 'kepala.lapas.semarang', role: 'upt_head' },
  { username: 'operator.lapas.semarang', role: 'upt_operator' },
  { username: 'mitra.demo', role: 'partner' },
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { inmates: true });
}, 300_000);
afterAll(() => t.close());

/** Every (key, id) pair under a UPT or Kanwil key, anywhere in a JSON value. */
function unitIds(value: unknown, out: Array<{ key: string; id: number }> = []): Array<{ key: string; id: number }> {
  if (Array.isArray(value)) for (const v of value) unitIds(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/^(upt|kanwil)(_id|Id)$/.test(k) && typeof v === 'number') out.push({ key: k, id: v });
      else unitIds(v, out);
    }
  }
  return out;
}

describe('scope in the content of every list and summary', () => {
  it('no answer to a Kanwil, UPT or partner user carries another Kanwil’s or UPT’s id', async () => {
    const routes = declaredRoutes().filter((r) => r.method === 'GET' && !r.path.includes(':') && r.access.kind === 'action' && r.access.scope !== 'reference');
    expect(routes.length).toBeGreaterThan(30);
    const leaks: string[] = [];
    let checked = 0;
    for (const { username, role } of SCOPED_ACCOUNTS) {
      expect(ROLES).toContain(role);
      const client = await t.as(username);
      const me = (await t.db.one<{ kanwil_id: number | null; upt_id: number | null }>('SELECT kanwil_id, upt_id FROM app_user WHERE username = $1', [username]))!;
      const upts = new Set(
        (await t.db.query<{ id: number }>(me.upt_id ? 'SELECT id FROM upt WHERE id = $1' : 'SELECT id FROM upt WHERE kanwil_id = $1', [me.upt_id ?? me.kanwil_id])).map((u) => u.id),
      );
      for (const r of routes) {
        if (r.access.kind !== 'action' || !can(role, r.access.action)) continue;
        const url = r.path + sampleQuery(r.request?.query as Parameters<typeof sampleQuery>[0], { uptId: String(Math.min(...upts)), kanwilId: String(me.kanwil_id) });
        const res = await client.get(url);
        expect([url, res.status < 500]).toEqual([url, true]);
        if (res.status !== 200 || typeof res.body !== 'object') continue;
        checked++;
        for (const { key, id } of unitIds(res.body)) {
          const ok = key.startsWith('upt') ? upts.has(id) : id === me.kanwil_id;
          if (!ok) leaks.push(`${username} ${url}: ${key} ${id}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(120);
    expect([...new Set(leaks)]).toEqual([]);
  });
});
