import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseUptName } from '../../domain/org/upt-name.ts';
import type { UptModifier } from '../../domain/org/upt-name.ts';
import {
  defaultSharedDataDir,
  dropExactDuplicates,
  loadHolidays,
  loadReferenceData,
  normaliseIsoDate,
  parseCsv,
  parseHolidayFile,
  readCsvObjects,
} from './reference-data.ts';

describe('parseCsv', () => {
  it('splits plain records, with LF or CRLF, and skips blank lines', () => {
    expect(parseCsv('a,b\r\n1,2\r\n\r\n3,4\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('name,note\n"LAPAS, KELAS I","say ""hi""\nagain"\n')).toEqual([
      ['name', 'note'],
      ['LAPAS, KELAS I', 'say "hi"\nagain'],
    ]);
  });

  it('keeps empty fields, drops a BOM and handles a last line without line end', () => {
    expect(parseCsv('\uFEFFa,b,c\n,,""\nx,,z')).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['x', '', 'z'],
    ]);
  });

  it('returns nothing for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});

describe('readCsvObjects', () => {
  it('maps records by header, in any column order, trimming values', () => {
    expect(readCsvObjects('name, code\r\n Aceh ,11\r\n', ['code', 'name'], 'f.csv')).toEqual([{ code: '11', name: 'Aceh' }]);
  });

  it('names the file and the problem when a column or field is missing', () => {
    expect(() => readCsvObjects('code\n11\n', ['code', 'name'], 'p.csv')).toThrow('p.csv: missing column "name"');
    expect(() => readCsvObjects('code,name\n11\n', ['code', 'name'], 'p.csv')).toThrow('p.csv: record 2 has 1 fields, expected 2');
    expect(() => readCsvObjects('', ['code'], 'p.csv')).toThrow('p.csv: empty file');
  });
});

describe('dropExactDuplicates', () => {
  it('drops only rows repeating both Kanwil and name', () => {
    const result = dropExactDuplicates([
      { kanwilRaw: 'A', rawName: 'X' },
      { kanwilRaw: 'B', rawName: 'X' },
      { kanwilRaw: 'A', rawName: 'X' },
    ]);
    expect(result.kept).toEqual([
      { kanwilRaw: 'A', rawName: 'X' },
      { kanwilRaw: 'B', rawName: 'X' },
    ]);
    expect(result.dropped).toEqual(['X']);
  });
});

describe('loadReferenceData on the real shared data', () => {
  const data = loadReferenceData(defaultSharedDataDir());
  const countType = (type: string) => data.upts.filter((u) => u.type === type).length;

  it('reads the 38 provinces and the 514 regencies (CRLF files) with clean values', () => {
    expect(data.provinces).toHaveLength(38);
    expect(data.provinces[0]).toEqual({ code: '11', name: 'Aceh' });
    expect(data.provinces.every((p) => /^\d{2}$/.test(p.code) && !p.name.includes('\r'))).toBe(true);
    expect(data.regencies).toHaveLength(514);
    expect(data.regencies[0]).toEqual({ code: '11.01', provinceCode: '11', name: 'Kabupaten Aceh Selatan' });
    const provinceCodes = new Set(data.provinces.map((p) => p.code));
    expect(data.regencies.every((r) => provinceCodes.has(r.provinceCode) && r.code.startsWith(`${r.provinceCode}.`))).toBe(true);
  });

  it('drops the duplicated Bukittinggi row and keeps 612 UPTs', () => {
    expect(data.duplicatesDropped).toEqual(['LAPAS KELAS IIA BUKITTINGGI']);
    expect(data.upts).toHaveLength(612);
    expect(data.upts.filter((u) => u.rawName === 'LAPAS KELAS IIA BUKITTINGGI')).toHaveLength(1);
  });

  it('parses every UPT name without problems', () => {
    expect(data.upts.filter((u) => u.problems.length > 0).map((u) => `${u.rawName}: ${u.problems.join('; ')}`)).toEqual([]);
  });

  it('finds the README counts: 337 Lapas (304 lapas + 33 LPP), 162 Rutan, 32 LPKA, 80 Bapas, 1 RS', () => {
    // The README counts Lapas Perempuan among its 337 Lapas; the product gives them their own
    // type 'lpp' (DOMAIN.md), so the README's figure is lapas + lpp.
    expect(countType('lapas')).toBe(304);
    expect(countType('lpp')).toBe(33);
    expect(countType('lapas') + countType('lpp')).toBe(337);
    expect(countType('rutan')).toBe(162);
    expect(countType('lpka')).toBe(32);
    expect(countType('bapas')).toBe(80);
    expect(countType('rs')).toBe(1);
    expect(countType('cabang_rutan') + countType('rupbasan') + countType('sae')).toBe(0);
  });

  it('finds the modifiers: 25 Narkotika, 4 Pemuda, 7 Terbuka, 3 Khusus, 33 LPP and 3 Rutan Perempuan', () => {
    const count = (type: string, modifier: UptModifier) => data.upts.filter((u) => u.type === type && u.modifiers.includes(modifier)).length;
    expect(count('lapas', 'narkotika')).toBe(25);
    expect(count('lapas', 'pemuda')).toBe(4);
    expect(count('lapas', 'terbuka')).toBe(7);
    expect(count('lapas', 'khusus')).toBe(3);
    expect(count('lpp', 'perempuan')).toBe(33);
    expect(count('rutan', 'perempuan')).toBe(3);
  });

  it('reads all class spellings; Bapas and LPKA "KELAS II" get class II (their grade has no A/B split)', () => {
    expect(data.upts.filter((u) => u.classRaw === 'KELAS II A').map((u) => u.class)).toEqual(['IIA', 'IIA', 'IIA']);
    const plainII = data.upts.filter((u) => u.classRaw === 'KELAS II');
    expect(plainII).toHaveLength(78);
    expect(new Set(plainII.map((u) => `${u.type}/${String(u.class)}`))).toEqual(new Set(['bapas/II', 'lpka/II']));
    expect(data.upts.filter((u) => u.class === null && u.type !== 'rs' && u.classRaw !== 'KELAS II')).toEqual([]);
  });

  it('gives every UPT a distinct display name that parses back to the same fields', () => {
    expect(new Set(data.upts.map((u) => u.name)).size).toBe(612);
    for (const upt of data.upts) {
      const again = parseUptName(upt.name.toUpperCase());
      expect({ type: again.type, class: again.class, modifiers: again.modifiers, place: again.place, name: again.name }).toEqual({
        type: upt.type,
        class: upt.class,
        modifiers: upt.modifiers,
        place: upt.place,
        name: upt.name,
      });
    }
  });

  it('maps the 33 Kanwils to provinces, in order of first appearance', () => {
    expect(data.kanwils).toHaveLength(33);
    expect(data.kanwils.filter((k) => k.provinceCode === null)).toEqual([]);
    expect(data.kanwils[0]).toEqual({ rawName: 'Aceh', name: 'Kanwil Ditjenpas Aceh', provinceCode: '11' });
    expect(data.kanwils.find((k) => k.rawName === 'D. I. Yogyakarta')).toEqual({
      rawName: 'D. I. Yogyakarta',
      name: 'Kanwil Ditjenpas Daerah Istimewa Yogyakarta',
      provinceCode: '34',
    });
    const uptKanwils = new Set(data.upts.map((u) => u.kanwilRaw));
    expect(new Set(data.kanwils.map((k) => k.rawName))).toEqual(uptKanwils);
  });

  it('gives the 12 Nusakambangan prisons their published security level, with its source', () => {
    const withLevel = data.upts.filter((u) => u.securityLevel !== null);
    expect(withLevel).toHaveLength(12);
    expect(data.securityLevelsUnmatched).toEqual([]);
    expect(withLevel.every((u) => u.kanwilRaw === 'Jawa Tengah')).toBe(true);
    expect(data.upts.find((u) => u.rawName === 'LAPAS KELAS I BATU NUSAKAMBANGAN')).toMatchObject({
      securityLevel: 'super_maximum',
      securityLevelSource: 'published: https://infokoran.biz.id/ini-12-lapas-di-pulau-nusakambangan-ada-4-level-keamanan (2025-09-13)',
    });
    expect(data.upts.filter((u) => u.securityLevel === null).every((u) => u.securityLevelSource === null)).toBe(true);
  });
});

describe('loadReferenceData on a small fixture', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'giatja-ref-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('handles quoted names, CRLF and an empty security list', () => {
    mkdirSync(path.join(dir, 'upt'));
    writeFileSync(path.join(dir, 'provinces.csv'), 'code,name\r\n34,Daerah Istimewa Yogyakarta\r\n');
    writeFileSync(path.join(dir, 'regencies.csv'), 'code,province_code,name\r\n34.04,34,Kabupaten Sleman\r\n');
    writeFileSync(
      path.join(dir, 'upt', 'daftar-upt-nasional.csv'),
      'kanwil,nama_upt\n"D. I. Yogyakarta","LAPAS KELAS IIB SLEMAN"\nD. I. Yogyakarta,"RUTAN KELAS IIB WATES, KULON PROGO"\n',
    );
    writeFileSync(path.join(dir, 'upt', 'security-levels-nusakambangan.csv'), 'nama_upt,security_level,status_note,source_url,source_date\n');
    const data = loadReferenceData(dir);
    expect(data.kanwils).toEqual([{ rawName: 'D. I. Yogyakarta', name: 'Kanwil Ditjenpas Daerah Istimewa Yogyakarta', provinceCode: '34' }]);
    expect(data.upts.map((u) => [u.name, u.place])).toEqual([
      ['Lapas Kelas IIB Sleman', 'Sleman'],
      ['Rutan Kelas IIB Wates Kulon Progo', 'Wates Kulon Progo'],
    ]);
    expect(data.upts[1]?.rawName).toBe('RUTAN KELAS IIB WATES, KULON PROGO');
    expect(data.duplicatesDropped).toEqual([]);
  });

  it('rejects an unknown security level, naming the file', () => {
    writeFileSync(path.join(dir, 'upt', 'security-levels-nusakambangan.csv'), 'nama_upt,security_level,status_note,source_url,source_date\nLapas Kelas IIB Sleman,high,,u,2025\n');
    expect(() => loadReferenceData(dir)).toThrow(/security-levels-nusakambangan\.csv: record 2 has unknown security_level "high"/);
  });
});

describe('holidays', () => {
  it('pads dates and checks they exist', () => {
    expect(normaliseIsoDate('2018-06-1')).toBe('2018-06-01');
    expect(normaliseIsoDate('2018-6-1')).toBe('2018-06-01');
    expect(normaliseIsoDate('2018-06-15')).toBe('2018-06-15');
    expect(normaliseIsoDate('2018-02-30')).toBeNull();
    expect(normaliseIsoDate('1 Juni 2018')).toBeNull();
  });

  it('rejects malformed entries, naming the file', () => {
    expect(() => parseHolidayFile('{}', 'h.json')).toThrow('h.json: expected a JSON array');
    expect(() => parseHolidayFile('[{"holiday_date":"2018-13-1","holiday_name":"X","is_national_holiday":true}]', 'h.json')).toThrow('h.json: entry 0 has invalid holiday_date');
    expect(() => parseHolidayFile('[{"holiday_date":"2018-12-1","holiday_name":"X","is_national_holiday":"yes"}]', 'h.json')).toThrow('non-boolean');
  });

  const holidays = loadHolidays(defaultSharedDataDir());

  it('loads 2015–2028, all zero-padded and sorted', () => {
    expect(holidays).toHaveLength(361);
    expect(holidays.every((h) => /^\d{4}-\d{2}-\d{2}$/.test(h.date))).toBe(true);
    expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
    expect(new Set(holidays.map((h) => h.date.slice(0, 4))).size).toBe(14);
    expect(holidays.filter((h) => h.national)).toHaveLength(227);
  });

  it('keeps the unpadded 2018-06-1 and both days of a two-day holiday', () => {
    expect(holidays).toContainEqual({ date: '2018-06-01', name: 'Hari Lahirnya Pancasila', national: true });
    const idulFitri1439 = holidays.filter((h) => h.name === 'Hari Raya Idul Fitri 1439 Hijriyah').map((h) => h.date);
    expect(idulFitri1439).toEqual(['2018-06-15', '2018-06-16']);
  });

  it('keeps different holidays falling on the same day', () => {
    expect(holidays.filter((h) => h.date === '2018-03-17').map((h) => h.name)).toEqual(['Hari Raya Nyepi', 'Hari Saraswati']);
  });
});

describe('defaultSharedDataDir', () => {
  it('is shared/data beside the repository', () => {
    const dir = defaultSharedDataDir({});
    expect(dir.endsWith(path.join('shared', 'data'))).toBe(true);
    expect(existsSync(path.join(dir, 'provinces.csv'))).toBe(true);
    const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');
    expect(dir).toBe(path.resolve(repositoryRoot, '..', 'shared', 'data'));
  });

  it('can be overridden by GIATJA_SHARED_DATA', () => {
    expect(defaultSharedDataDir({ GIATJA_SHARED_DATA: '/tmp/elsewhere' })).toBe(path.resolve('/tmp/elsewhere'));
    expect(defaultSharedDataDir({ GIATJA_SHARED_DATA: '  ' })).toBe(defaultSharedDataDir({}));
  });
});
