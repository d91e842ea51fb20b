/**
 * Matches published security levels (revitalisation, Permenkumham 35/2018) to UPTs of the national
 * list. The published names (shared/data/upt/security-levels-nusakambangan.csv) are title case and
 * leave out the island ("Lapas Kelas I Batu"), put modifiers before the class ("Lapas Terbuka Kelas
 * IIB Nusakambangan"), while the list says "LAPAS KELAS I BATU NUSAKAMBANGAN" and "LAPAS KELAS IIB
 * TERBUKA NUSAKAMBANGAN". Both are parsed, then compared on type, modifiers and place.
 */
import { parseUptName } from './upt-name.ts';
import type { ParsedUptName } from './upt-name.ts';

export type SecurityLevel = 'super_maximum' | 'maximum' | 'medium' | 'minimum';

export const SECURITY_LEVELS: readonly SecurityLevel[] = ['super_maximum', 'maximum', 'medium', 'minimum'];

export function isSecurityLevel(value: string): value is SecurityLevel {
  return (SECURITY_LEVELS as readonly string[]).includes(value);
}

/** One published row: `nama_upt,security_level,status_note,source_url,source_date`. */
export interface SecurityRow {
  name: string;
  level: SecurityLevel;
  statusNote: string | null;
  sourceUrl: string;
  /** As published: a day ("2025-09-13") or only a year ("2025"). */
  sourceDate: string;
}

export interface SecurityMatch {
  level: SecurityLevel;
  sourceUrl: string;
  sourceDate: string;
}

export interface UnmatchedSecurityRow {
  row: SecurityRow;
  reason: string;
}

export interface SecurityMatchReport {
  /** Keyed by the UPT's raw name in the national list. */
  matches: Map<string, SecurityMatch>;
  unmatched: UnmatchedSecurityRow[];
}

/**
 * Island names the national list appends to the prison's own name. All 12 prisons on
 * Nusakambangan (Cilacap) are named "<name> NUSAKAMBANGAN" there; the press leaves the island out.
 */
const ISLAND_SUFFIXES: readonly string[] = ['NUSAKAMBANGAN'];

function placeCore(place: string | null): string {
  const words = (place ?? '').toUpperCase().split(' ').filter((w) => w.length > 0);
  const last = words[words.length - 1];
  // Keep a place that is only the island ("Lapas Narkotika Kelas IIA Nusakambangan").
  if (words.length > 1 && last !== undefined && ISLAND_SUFFIXES.includes(last)) words.pop();
  return words.join(' ');
}

/** Class is left out on purpose: units are re-graded over time, so it only breaks ties. */
function matchKey(parsed: ParsedUptName): string {
  return `${parsed.type}|${parsed.modifiers.join('+')}|${placeCore(parsed.place)}`;
}

export function matchSecurityLevelsReport(uptRawNames: readonly string[], rows: readonly SecurityRow[]): SecurityMatchReport {
  const byKey = new Map<string, ParsedUptName[]>();
  for (const rawName of new Set(uptRawNames)) {
    const parsed = parseUptName(rawName);
    const key = matchKey(parsed);
    byKey.set(key, [...(byKey.get(key) ?? []), parsed]);
  }

  const matches = new Map<string, SecurityMatch>();
  const unmatched: UnmatchedSecurityRow[] = [];
  for (const row of rows) {
    const wanted = parseUptName(row.name);
    const candidates = byKey.get(matchKey(wanted)) ?? [];
    const sameClass = candidates.filter((c) => c.class === wanted.class);
    const chosen = candidates.length === 1 ? candidates : sameClass;
    const target = chosen[0];
    if (candidates.length === 0 || target === undefined) {
      unmatched.push({ row, reason: candidates.length === 0 ? 'no UPT with this type, modifiers and place' : `ambiguous: ${candidates.map((c) => c.rawName).join(' / ')}` });
    } else if (chosen.length > 1) {
      unmatched.push({ row, reason: `ambiguous: ${chosen.map((c) => c.rawName).join(' / ')}` });
    } else if (matches.has(target.rawName)) {
      unmatched.push({ row, reason: `${target.rawName} already matched by another row` });
    } else {
      matches.set(target.rawName, { level: row.level, sourceUrl: row.sourceUrl, sourceDate: row.sourceDate });
    }
  }
  return { matches, unmatched };
}

/** Security level per UPT raw name; rows that match no UPT are left out (see matchSecurityLevelsReport). */
export function matchSecurityLevels(uptRawNames: readonly string[], rows: readonly SecurityRow[]): Map<string, SecurityMatch> {
  return matchSecurityLevelsReport(uptRawNames, rows).matches;
}
