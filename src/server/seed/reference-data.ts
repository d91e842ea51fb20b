/**
 * Reads the real reference data in shared/data (see its README.md) into typed rows for the seeder.
 * The files are kept byte for byte with their quirks (CRLF in provinces/regencies, a duplicated
 * UPT row, unpadded holiday days); they are mapped here, never edited. Broken files throw with the
 * file and line, because seeding half a reference list would be worse than not starting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kanwilDisplayName, provinceCodeForKanwil } from '../../domain/org/kanwil.ts';
import { isSecurityLevel, matchSecurityLevelsReport } from '../../domain/org/security-levels.ts';
import type { SecurityLevel, SecurityRow, UnmatchedSecurityRow } from '../../domain/org/security-levels.ts';
import { parseUptName } from '../../domain/org/upt-name.ts';
import type { ParsedUptName } from '../../domain/org/upt-name.ts';

export interface ProvinceRow {
  code: string;
  name: string;
}

export interface RegencyRow {
  /** Kemendagri code, "11.01". */
  code: string;
  provinceCode: string;
  name: string;
}

export interface KanwilRow {
  rawName: string;
  /** "Kanwil Ditjenpas <province as in provinces.csv>". */
  name: string;
  provinceCode: string | null;
}

export type UptRow = ParsedUptName & {
  kanwilRaw: string;
  securityLevel: SecurityLevel | null;
  /** Where the level comes from: "published: <url> (<date>)". */
  securityLevelSource: string | null;
};

export interface ReferenceData {
  provinces: ProvinceRow[];
  regencies: RegencyRow[];
  /** In order of first appearance in the UPT list. */
  kanwils: KanwilRow[];
  upts: UptRow[];
  /** Raw names of exact duplicate rows (same Kanwil and name) that were dropped, one per dropped row. */
  duplicatesDropped: string[];
  /** Published security-level rows that fit no UPT of the list, with the reason. */
  securityLevelsUnmatched: UnmatchedSecurityRow[];
}

export interface Holiday {
  /** Zero-padded ISO date, YYYY-MM-DD. */
  date: string;
  name: string;
  national: boolean;
}

/**
 * Splits CSV text into records of fields (RFC 4180): quoted fields may hold commas, doubled
 * quotes and line breaks; CRLF or LF line ends; a leading BOM is dropped; blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;

  const endRecord = () => {
    if (fieldStarted || record.length > 0 || field.length > 0) {
      record.push(field);
      records.push(record);
    }
    record = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field.length === 0) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      field += ch;
    }
  }
  endRecord();
  return records;
}

/** Records as objects keyed by the header row; checks the columns the caller needs are there. */
export function readCsvObjects<K extends string>(text: string, columns: readonly K[], fileLabel: string): Array<Record<K, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`${fileLabel}: empty file`);
  const names = header.map((h) => h.trim());
  const positions = columns.map((column) => {
    const at = names.indexOf(column);
    if (at < 0) throw new Error(`${fileLabel}: missing column "${column}" (found ${names.join(', ')})`);
    return at;
  });
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      // +2: one for the header, one because lines count from 1 (exact for files without quoted line breaks).
      throw new Error(`${fileLabel}: record ${index + 2} has ${row.length} fields, expected ${header.length}`);
    }
    const entry = {} as Record<K, string>;
    columns.forEach((column, k) => {
      entry[column] = (row[positions[k] ?? -1] ?? '').trim();
    });
    return entry;
  });
}

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

export function loadProvinces(sharedDataDir: string): ProvinceRow[] {
  const file = path.join(sharedDataDir, 'provinces.csv');
  return readCsvObjects(readText(file), ['code', 'name'], file).map((r) => ({ code: r.code, name: r.name }));
}

export function loadRegencies(sharedDataDir: string): RegencyRow[] {
  const file = path.join(sharedDataDir, 'regencies.csv');
  return readCsvObjects(readText(file), ['code', 'province_code', 'name'], file).map((r) => ({
    code: r.code,
    provinceCode: r.province_code,
    name: r.name,
  }));
}

export function loadSecurityRows(sharedDataDir: string): SecurityRow[] {
  const file = path.join(sharedDataDir, 'upt', 'security-levels-nusakambangan.csv');
  const columns = ['nama_upt', 'security_level', 'status_note', 'source_url', 'source_date'] as const;
  return readCsvObjects(readText(file), columns, file).map((r, index) => {
    if (!isSecurityLevel(r.security_level)) {
      throw new Error(`${file}: record ${index + 2} has unknown security_level "${r.security_level}"`);
    }
    return {
      name: r.nama_upt,
      level: r.security_level,
      statusNote: r.status_note || null,
      sourceUrl: r.source_url,
      sourceDate: r.source_date,
    };
  });
}

export interface RawUptRow {
  kanwilRaw: string;
  rawName: string;
}

/** upt/daftar-upt-nasional.csv as it is, duplicates included. */
export function loadUptList(sharedDataDir: string): RawUptRow[] {
  const file = path.join(sharedDataDir, 'upt', 'daftar-upt-nasional.csv');
  return readCsvObjects(readText(file), ['kanwil', 'nama_upt'], file).map((r) => ({ kanwilRaw: r.kanwil, rawName: r.nama_upt }));
}

/** Drops rows repeating an earlier (Kanwil, name) pair exactly; README: Bukittinggi is listed twice. */
export function dropExactDuplicates(rows: readonly RawUptRow[]): { kept: RawUptRow[]; dropped: string[] } {
  const seen = new Set<string>();
  const kept: RawUptRow[] = [];
  const dropped: string[] = [];
  for (const row of rows) {
    const key = `${row.kanwilRaw}\u0000${row.rawName}`;
    if (seen.has(key)) dropped.push(row.rawName);
    else {
      seen.add(key);
      kept.push(row);
    }
  }
  return { kept, dropped };
}

export function loadReferenceData(sharedDataDir: string): ReferenceData {
  const provinces = loadProvinces(sharedDataDir);
  const regencies = loadRegencies(sharedDataDir);

  const { kept, dropped } = dropExactDuplicates(loadUptList(sharedDataDir));

  const kanwils: KanwilRow[] = [];
  for (const rawName of new Set(kept.map((r) => r.kanwilRaw))) {
    kanwils.push({ rawName, name: kanwilDisplayName(rawName), provinceCode: provinceCodeForKanwil(rawName, provinces) });
  }

  const security = matchSecurityLevelsReport(
    kept.map((r) => r.rawName),
    loadSecurityRows(sharedDataDir),
  );
  const upts: UptRow[] = kept.map((row) => {
    const level = security.matches.get(row.rawName);
    return {
      ...parseUptName(row.rawName),
      kanwilRaw: row.kanwilRaw,
      securityLevel: level?.level ?? null,
      securityLevelSource: level ? `published: ${level.sourceUrl} (${level.sourceDate})` : null,
    };
  });

  return { provinces, regencies, kanwils, upts, duplicatesDropped: dropped, securityLevelsUnmatched: security.unmatched };
}

/** "2018-06-1" → "2018-06-01"; null unless it is a real calendar date. */
export function normaliseIsoDate(text: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses one holidays/<year>.json (kresnasatya/api-harilibur format). */
export function parseHolidayFile(json: string, fileLabel: string): Holiday[] {
  const data: unknown = JSON.parse(json);
  if (!Array.isArray(data)) throw new Error(`${fileLabel}: expected a JSON array`);
  return data.map((entry: unknown, index) => {
    if (!isRecord(entry)) throw new Error(`${fileLabel}: entry ${index} is not an object`);
    const { holiday_date: rawDate, holiday_name: name, is_national_holiday: national } = entry;
    const date = typeof rawDate === 'string' ? normaliseIsoDate(rawDate) : null;
    if (date === null) throw new Error(`${fileLabel}: entry ${index} has invalid holiday_date ${JSON.stringify(rawDate)}`);
    if (typeof name !== 'string' || name.trim() === '') throw new Error(`${fileLabel}: entry ${index} has no holiday_name`);
    if (typeof national !== 'boolean') throw new Error(`${fileLabel}: entry ${index} has non-boolean is_national_holiday`);
    return { date, name: name.trim(), national };
  });
}

/**
 * All holidays of holidays/*.json, sorted by date (file order kept within a day). A holiday
 * spanning two days appears once per day, and different holidays may share a day: all are kept.
 */
export function loadHolidays(sharedDataDir: string): Holiday[] {
  const dir = path.join(sharedDataDir, 'holidays');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const all = files.flatMap((f) => parseHolidayFile(readText(path.join(dir, f)), path.join(dir, f)));
  return all
    .map((holiday, order) => ({ holiday, order }))
    .sort((a, b) => (a.holiday.date < b.holiday.date ? -1 : a.holiday.date > b.holiday.date ? 1 : a.order - b.order))
    .map(({ holiday }) => holiday);
}

/**
 * shared/data beside the repository (`<repo>/../shared/data`), or GIATJA_SHARED_DATA when set.
 * The repository root is three directories above this file's folder (src/server/seed).
 */
export function defaultSharedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.GIATJA_SHARED_DATA;
  if (override && override.trim() !== '') return path.resolve(override);
  const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
  return path.resolve(repositoryRoot, '..', 'shared', 'data');
}
