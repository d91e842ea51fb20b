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

/**
 * A value a schema probably accepts (required fields only): the base that the fuzz then spoils one
 * field at a time, so a request gets past the first check and into the route.
 */
export function sampleValue(s: z.ZodType, depth = 0): unknown {
  const def = defOf(s);
  if (depth > 6) return undefined;
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape ?? {})) {
        const t = defOf(v).type;
        if (t === 'optional' || t === 'default' || t === 'prefault') continue;
        out[k] = sampleValue(v, depth + 1);
      }
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sampleValue(def.innerType!, depth + 1);
    case 'pipe':
      return sampleValue(def.in!, depth + 1);
    case 'array': {
      const min = ((def as { checks?: Array<{ _zod?: { def?: { check?: string; minimum?: number } } }> }).checks ?? []).find((c) => c._zod?.def?.check === 'min_length')?._zod?.def?.minimum ?? 0;
      return Array.from({ length: Math.max(1, min) }, () => sampleValue(def.element!, depth + 1));
    }
    case 'union':
      return sampleValue(def.options![0]!, depth + 1);
    case 'enum':
      return Object.values((def as unknown as { entries: Record<string, unknown> }).entries)[0];
    case 'literal':
      return (def as unknown as { values: unknown[] }).values[0];
    case 'boolean':
      return true;
    case 'number': {
      const checks = (def as { checks?: Array<{ _zod?: { def?: { check?: string; value?: number } } }> }).checks ?? [];
      const min = checks.find((c) => c._zod?.def?.check === 'greater_than')?._zod?.def?.value;
      return min !== undefined && min >= 1900 && min <= 2100 ? 2026 : Math.max(1, Math.ceil(min ?? 1));
    }
    case 'string': {
      const text = sampleText(s);
      if (text !== 'a') return text;
      const checks = (def as { checks?: Array<{ _zod?: { def?: { check?: string; minimum?: number; format?: string } } }> }).checks ?? [];
      const format = checks.find((c) => c._zod?.def?.check === 'string_format')?._zod?.def?.format;
      if (format === 'email') return 'uji@example.com';
      if (format === 'url') return 'https://example.com/bukti';
      const min = checks.find((c) => c._zod?.def?.check === 'min_length')?._zod?.def?.minimum ?? 0;
      return 'Uji fuzz nilai'.padEnd(Math.max(min, 8), 'x');
    }
    case 'record':
      return {};
    default:
      return undefined;
  }
}
