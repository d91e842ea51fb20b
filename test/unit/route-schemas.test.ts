import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/server/http/context.ts';
import { registerModules } from '../../src/server/modules/index.ts';
import { IsoDateSchema } from '../../src/domain/sentence/schema.ts';
import { CalendarDate, CalendarMonth, INT_MAX, MonthStart } from '../../src/shared/schemas/common.ts';
import { declaredRoutes, jsonBodyOf, walkSchema } from '../support/schema-walk.ts';

registerModules(new OpenAPIHono<AppEnv>());

describe('route schemas', () => {
  it('JSON bodies never coerce: "indicatorId": true is refused, not stored as 1', () => {
    const coercing: string[] = [];
    for (const r of declaredRoutes()) {
      const body = jsonBodyOf(r);
      if (body) walkSchema(body, (_n, def, path) => def.coerce && coercing.push(`${r.method} ${r.path} ${path}`));
    }
    expect(declaredRoutes().filter(jsonBodyOf).length).toBeGreaterThan(50);
    expect(coercing).toEqual([]);
  });

  it('every date in every body and query is a calendar-date schema (POST /premi/.../payout with 2025-02-30 was a 500)', () => {
    // A schema built on one of these (optional, refined…) shares its check objects; a hand-written
    // date pattern does not, and is listed.
    const checksOf = (s: unknown) => (s as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks ?? [];
    const blessed = new Set<unknown>([CalendarDate, CalendarMonth, MonthStart, IsoDateSchema].flatMap(checksOf));
    const loose: string[] = [];
    let dates = 0;
    for (const r of declaredRoutes()) {
      for (const [where, schema] of [['body', jsonBodyOf(r)], ['query', r.request?.query]] as const) {
        if (!schema) continue;
        walkSchema(schema as Parameters<typeof walkSchema>[0], (node, def, path) => {
          const checks = checksOf(node) as Array<{ _zod?: { def?: { pattern?: RegExp } } }>;
          const datePattern = checks.some((c) => /\\d\{4\}|\(19\|20/.test(c._zod?.def?.pattern?.source ?? ''));
          if (def.type !== 'string' || !datePattern) return;
          if (checks.some((c) => blessed.has(c))) dates++;
          else loose.push(`${r.method} ${r.path} ${where} ${path}`);
        });
      }
    }
    expect(dates).toBeGreaterThan(40);
    expect(loose).toEqual([]);
  });

  it('every id in a JSON body stays within PostgreSQL integer range ("productId": 9007199254740991 was a 500)', () => {
    const unbounded: string[] = [];
    for (const r of declaredRoutes()) {
      const body = jsonBodyOf(r);
      if (!body) continue;
      walkSchema(body, (node, def, path) => {
        if (def.type !== 'number' || !/(^|\.)(id|\w*Id)$/.test(path)) return;
        const max = ((def as { checks?: Array<{ _zod?: { def?: { check?: string; value?: number } } }> }).checks ?? []).find((c) => c._zod?.def?.check === 'less_than')?._zod?.def?.value;
        // audit_log ids are bigint (the one bigserial a body names): bounded by JSON's exact integers.
        const limit = r.path.startsWith('/api/v1/audit/') ? Number.MAX_SAFE_INTEGER : INT_MAX;
        if (max === undefined || max > limit) unbounded.push(`${r.method} ${r.path} ${path}`);
        void node;
      });
    }
    expect(unbounded).toEqual([]);
  });
});
