import type { z } from 'zod';
import { ROUTE_REGISTRY, type DeclaredRoute } from '../../src/server/http/route.ts';

interface Def {
  type: string;
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  catchall?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Visits every node of a zod schema with its path (`a.b[].c`); each node once. */
export function walkSchema(schema: z.ZodType, visit: (node: z.ZodType, def: Def, path: string) => void, path = '', seen = new Set<z.ZodType>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  visit(schema, def, path);
  const go = (s: z.ZodType | null | undefined, p: string) => s && walkSchema(s, visit, p, seen);
  for (const [k, v] of Object.entries(def.shape ?? {})) go(v, path ? `${path}.${k}` : k);
  go(def.catchall, `${path}.*`);
  go(def.element, `${path}[]`);
  go(def.innerType, path);
  go(def.in, path);
  go(def.out, path);
  for (const o of def.options ?? []) go(o, path);
  go(def.left, path);
  go(def.right, path);
  go(def.keyType, `${path}{key}`);
  go(def.valueType, `${path}{}`);
  for (const [i, it] of (def.items ?? []).entries()) go(it, `${path}[${i}]`);
  go(def.rest, `${path}[]`);
  if (def.getter) go(def.getter(), path);
}

/** The JSON body schema of a declared route, if it takes one. */
export function jsonBodyOf(route: DeclaredRoute): z.ZodType | undefined {
  const body = route.request?.body as { content?: Record<string, { schema?: z.ZodType }> } | undefined;
  return body?.content?.['application/json']?.schema;
}

export function declaredRoutes(): DeclaredRoute[] {
  return [...ROUTE_REGISTRY.values()];
}

/**
 * A query string a schema accepts, for the required fields only (optional ones and defaults are
 * left out): dates, months and years near the suite's day, the first option of an enum. Best
 * effort; the caller checks the answer's status. `given` fills named required fields (e.g. the
 * caller's own uptId).
 */
export function sampleQuery(schema: z.ZodType | undefined, given: Record<string, string> = {}): string {
  if (!schema) return '';
  const shape = defOf(schema).shape ?? {};
  const parts: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const value = sampleText(field) === undefined ? undefined : (given[key] ?? sampleText(field));
    if (value !== undefined) parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function sampleText(s: z.ZodType): string | undefined {
  const def = defOf(s);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') return undefined;
  if (def.type === 'pipe') return sampleText(def.in!) ?? sampleText(def.out!);
  if (def.type === 'nullable' || def.type === 'readonly' || def.type === 'catch') return sampleText(def.innerType!);
  if (def.type === 'enum') return String(Object.values((def as unknown as { entries: Record<string, string> }).entries)[0]);
  if (def.type === 'literal') return String((def as unknown as { values: unknown[] }).values[0]);
  if (def.type === 'boolean') return 'true';
  if (def.type === 'string') {
    const pattern = ((def as { checks?: Array<{ _zod?: { def?: { pattern?: RegExp } } }> }).checks ?? []).map((c) => c._zod?.def?.pattern?.source ?? '').join(' ');
    if (pattern.includes('-01$')) return '2026-10-01';
    if (pattern.includes('1[0-2])$')) return '2026-10';
    if (pattern.includes('\\d{2}-\\d{2}')) return '2026-10-15';
    return 'a';
  }
  if (def.type === 'number') {
    const min = ((def as { checks?: Array<{ _zod?: { def?: { check?: string; value?: number } } }> }).checks ?? []).find((c) => c._zod?.def?.check === 'greater_than')?._zod?.def?.value;
    return min !== undefined && min >= 1900 ? '2026' : String(Math.max(1, min ?? 1));
  }
  return undefined;
}
