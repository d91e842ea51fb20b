import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { enWbp } from './en.wbp.ts';
import { enWork } from './en.work.ts';
import { enSales } from './en.sales.ts';
import { idSales } from './id.sales.ts';
import { enCockpit } from './en.cockpit.ts';
import { idCockpit } from './id.cockpit.ts';
import { id } from './id.ts';
import { idWbp } from './id.wbp.ts';
import { idWork } from './id.work.ts';
import { enTraining } from './en.training.ts';
import { idTraining } from './id.training.ts';

/** Every leaf of a nested catalog as `a.b.c` → value. */
function flatten(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
      else out.set(key, v);
    }
  }
  return out;
}

/** `{{name}}` placeholders of a message, sorted. */
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI catalogs', () => {
  const idKeys = flatten({ ...id, ...idWbp, ...idWork, ...idSales, ...idTraining, ...idCockpit });
  const enKeys = flatten({ ...en, ...enWbp, ...enWork, ...enSales, ...enTraining, ...enCockpit });

  it('keep the shell and the area catalogs apart (no section in two)', () => {
    expect(Object.keys(idWbp).filter((k) => k in id)).toEqual([]);
    expect(Object.keys(enWbp).filter((k) => k in en)).toEqual([]);
    expect(Object.keys(idWork).filter((k) => k in id || k in idWbp)).toEqual([]);
    expect(Object.keys(enWork).filter((k) => k in en || k in enWbp)).toEqual([]);
    expect(Object.keys(idSales).filter((k) => k in id || k in idWbp || k in idWork)).toEqual([]);
    expect(Object.keys(enSales).filter((k) => k in en || k in enWbp || k in enWork)).toEqual([]);
    expect(Object.keys(idTraining).filter((k) => k in id || k in idWbp || k in idWork || k in idSales)).toEqual([]);
    expect(Object.keys(enTraining).filter((k) => k in en || k in enWbp || k in enWork || k in enSales)).toEqual([]);
    expect(Object.keys(idCockpit).filter((k) => k in id || k in idWbp || k in idWork || k in idSales || k in idTraining)).toEqual([]);
    expect(Object.keys(enCockpit).filter((k) => k in en || k in enWbp || k in enWork || k in enSales || k in enTraining)).toEqual([]);
  });

  it('have exactly the same keys', () => {
    const missingInEn = [...idKeys.keys()].filter((k) => !enKeys.has(k));
    const missingInId = [...enKeys.keys()].filter((k) => !idKeys.has(k));
    expect(missingInEn).toEqual([]);
    expect(missingInId).toEqual([]);
  });

  it('have no empty strings and only strings as leaves', () => {
    for (const [name, cat] of [['id', idKeys], ['en', enKeys]] as const) {
      const bad = [...cat.entries()].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${name}:${k}`);
      expect(bad).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const diff = [...idKeys.entries()]
      .filter(([k, v]) => JSON.stringify(placeholders(String(v))) !== JSON.stringify(placeholders(String(enKeys.get(k) ?? ''))))
      .map(([k]) => k);
    expect(diff).toEqual([]);
  });
});
