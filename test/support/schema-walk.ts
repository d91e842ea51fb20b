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
