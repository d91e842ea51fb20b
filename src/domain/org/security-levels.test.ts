import { describe, expect, it } from 'vitest';
import { defaultSharedDataDir, loadSecurityRows, loadUptList } from '../../server/seed/reference-data.ts';
import { isSecurityLevel, matchSecurityLevels, matchSecurityLevelsReport } from './security-levels.ts';
import type { SecurityRow } from './security-levels.ts';

function row(name: string, level: SecurityRow['level'] = 'maximum'): SecurityRow {
  return { name, level, statusNote: null, sourceUrl: 'https://example.org/x', sourceDate: '2025' };
}

describe('matchSecurityLevels on the real files', () => {
  const dir = defaultSharedDataDir();
  const uptNames = loadUptList(dir).map((u) => u.rawName);
  const rows = loadSecurityRows(dir);

  // All 12 published rows match exactly one UPT of the national list; none is left unmatched.
  // Eleven differ only by the "NUSAKAMBANGAN" the list appends and/or the modifier's position
  // ("Lapas Terbuka Kelas IIB Nusakambangan" = "LAPAS KELAS IIB TERBUKA NUSAKAMBANGAN");
  // Karanganyar is named the same in both. Every class agrees too.
  const EXPECTED: ReadonlyArray<[string, string, string]> = [
    ['Lapas Kelas I Batu', 'LAPAS KELAS I BATU NUSAKAMBANGAN', 'super_maximum'],
    ['Lapas Kelas IIA Pasir Putih', 'LAPAS KELAS IIA PASIR PUTIH NUSAKAMBANGAN', 'super_maximum'],
    ['Lapas Khusus Kelas IIA Karanganyar', 'LAPAS KHUSUS KELAS IIA KARANGANYAR', 'super_maximum'],
    ['Lapas Kelas IIA Besi', 'LAPAS KELAS IIA BESI NUSAKAMBANGAN', 'maximum'],
    ['Lapas Narkotika Kelas IIA Nusakambangan', 'LAPAS KELAS IIA NARKOTIKA NUSAKAMBANGAN', 'maximum'],
    ['Lapas Kelas IIA Gladakan', 'LAPAS KELAS IIA GLADAKAN NUSAKAMBANGAN', 'maximum'],
    ['Lapas Kelas IIA Ngaseman', 'LAPAS KELAS IIA NGASEMAN NUSAKAMBANGAN', 'maximum'],
    ['Lapas Kelas IIA Permisan', 'LAPAS KELAS IIA PERMISAN NUSAKAMBANGAN', 'medium'],
    ['Lapas Kelas IIA Kembang Kuning', 'LAPAS KELAS IIA KEMBANG KUNING NUSAKAMBANGAN', 'medium'],
    ['Lapas Kelas IIA Kumbang', 'LAPAS KELAS IIA KUMBANG NUSAKAMBANGAN', 'medium'],
    ['Lapas Terbuka Kelas IIB Nusakambangan', 'LAPAS KELAS IIB TERBUKA NUSAKAMBANGAN', 'minimum'],
    ['Lapas Kelas IIB Nirbaya', 'LAPAS KELAS IIB NIRBAYA NUSAKAMBANGAN', 'minimum'],
  ];

  it('reads the 12 published rows: 3 super maximum, 4 maximum, 3 medium, 2 minimum', () => {
    expect(rows).toHaveLength(12);
    const count = (level: string) => rows.filter((r) => r.level === level).length;
    expect([count('super_maximum'), count('maximum'), count('medium'), count('minimum')]).toEqual([3, 4, 3, 2]);
  });

  it('matches all 12 to the national list and leaves none unmatched', () => {
    const report = matchSecurityLevelsReport(uptNames, rows);
    expect(report.unmatched).toEqual([]);
    expect(report.matches.size).toBe(12);
    for (const [published, listed, level] of EXPECTED) {
      const source = rows.find((r) => r.name === published);
      expect(source, published).toBeDefined();
      expect(report.matches.get(listed)).toEqual({ level, sourceUrl: source?.sourceUrl, sourceDate: source?.sourceDate });
    }
  });

  it('does not give a level to the Bapas of Nusakambangan', () => {
    expect(matchSecurityLevels(uptNames, rows).has('BAPAS KELAS II NUSAKAMBANGAN')).toBe(false);
  });
});

describe('matchSecurityLevelsReport', () => {
  it('reports a row that fits no UPT', () => {
    const report = matchSecurityLevelsReport(['LAPAS KELAS IIA BESI NUSAKAMBANGAN'], [row('Lapas Kelas IIA Batu')]);
    expect(report.matches.size).toBe(0);
    expect(report.unmatched).toEqual([{ row: row('Lapas Kelas IIA Batu'), reason: 'no UPT with this type, modifiers and place' }]);
  });

  it('needs the same type and modifiers: a Lapas Narkotika is not the Lapas of the same place', () => {
    const report = matchSecurityLevelsReport(['LAPAS KELAS IIA JAMBI'], [row('Lapas Narkotika Kelas IIA Jambi')]);
    expect(report.unmatched).toHaveLength(1);
  });

  it('tolerates a class changed since the list (re-grading), when only one UPT fits', () => {
    expect(matchSecurityLevels(['LAPAS KELAS IIB KARANGANYAR'], [row('Lapas Kelas IIA Karanganyar')]).get('LAPAS KELAS IIB KARANGANYAR')?.level).toBe('maximum');
  });

  it('breaks a tie by class, and reports what stays ambiguous', () => {
    const names = ['LAPAS KELAS IIA X NUSAKAMBANGAN', 'LAPAS KELAS IIB X', 'RUTAN KELAS IIB Y', 'RUTAN KELAS IIB Y NUSAKAMBANGAN'];
    const report = matchSecurityLevelsReport(names, [row('Lapas Kelas IIB X'), row('Rutan Kelas IIB Y')]);
    expect([...report.matches.keys()]).toEqual(['LAPAS KELAS IIB X']);
    expect(report.unmatched.map((u) => u.reason)).toEqual(['ambiguous: RUTAN KELAS IIB Y / RUTAN KELAS IIB Y NUSAKAMBANGAN']);
  });

  it('keeps the first row when two rows claim the same UPT', () => {
    const report = matchSecurityLevelsReport(['LAPAS KELAS I BATU NUSAKAMBANGAN'], [row('Lapas Kelas I Batu', 'super_maximum'), row('LAPAS KELAS I BATU', 'medium')]);
    expect(report.matches.get('LAPAS KELAS I BATU NUSAKAMBANGAN')?.level).toBe('super_maximum');
    expect(report.unmatched.map((u) => u.reason)).toEqual(['LAPAS KELAS I BATU NUSAKAMBANGAN already matched by another row']);
  });

  it('ignores repeated names in the list (the duplicated Bukittinggi row)', () => {
    const names = ['LAPAS KELAS IIA BUKITTINGGI', 'LAPAS KELAS IIA BUKITTINGGI'];
    expect(matchSecurityLevels(names, [row('Lapas Kelas IIA Bukittinggi')]).size).toBe(1);
  });

  it('knows the four levels of Permenkumham 35/2018', () => {
    expect(['super_maximum', 'maximum', 'medium', 'minimum'].every(isSecurityLevel)).toBe(true);
    expect(isSecurityLevel('high')).toBe(false);
  });
});
