import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { UPT_CLASSES, UPT_MODIFIERS, UPT_TYPES } from '../../shared/schemas/org.ts';
import { parseUptName, titleCaseWords, tokenizeUptName } from './upt-name.ts';
import type { ParsedUptName, UptClass, UptModifier, UptType } from './upt-name.ts';

type Expected = Omit<ParsedUptName, 'rawName' | 'problems'>;

// Real names from shared/data/upt/daftar-upt-nasional.csv, one or more per type, class spelling
// and modifier position.
const REAL_CASES: ReadonlyArray<[string, Expected]> = [
  ['LAPAS KELAS IIA BANDA ACEH', { name: 'Lapas Kelas IIA Banda Aceh', type: 'lapas', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: [], place: 'Banda Aceh' }],
  ['LAPAS KELAS I CIPINANG', { name: 'Lapas Kelas I Cipinang', type: 'lapas', typeRaw: 'LAPAS', class: 'I', classRaw: 'KELAS I', modifiers: [], place: 'Cipinang' }],
  ['LAPAS KELAS IIB AMPANA', { name: 'Lapas Kelas IIB Ampana', type: 'lapas', typeRaw: 'LAPAS', class: 'IIB', classRaw: 'KELAS IIB', modifiers: [], place: 'Ampana' }],
  ['LAPAS KELAS III ALAHAN PANJANG', { name: 'Lapas Kelas III Alahan Panjang', type: 'lapas', typeRaw: 'LAPAS', class: 'III', classRaw: 'KELAS III', modifiers: [], place: 'Alahan Panjang' }],
  // Old place name kept: Ujung Pandang is today's Makassar.
  ['LAPAS KELAS I UJUNG PANDANG', { name: 'Lapas Kelas I Ujung Pandang', type: 'lapas', typeRaw: 'LAPAS', class: 'I', classRaw: 'KELAS I', modifiers: [], place: 'Ujung Pandang' }],
  ['LAPAS KELAS IIA BAU-BAU', { name: 'Lapas Kelas IIA Bau-Bau', type: 'lapas', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: [], place: 'Bau-Bau' }],
  ['LAPAS KELAS IIA BAGAN SIAPI-API', { name: 'Lapas Kelas IIA Bagan Siapi-Api', type: 'lapas', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: [], place: 'Bagan Siapi-Api' }],
  ['LAPAS KELAS I BATU NUSAKAMBANGAN', { name: 'Lapas Kelas I Batu Nusakambangan', type: 'lapas', typeRaw: 'LAPAS', class: 'I', classRaw: 'KELAS I', modifiers: [], place: 'Batu Nusakambangan' }],
  // Narkotika before and after the class, and "KELAS II A" with a space.
  ['LAPAS NARKOTIKA KELAS II A JAKARTA', { name: 'Lapas Narkotika Kelas IIA Jakarta', type: 'lapas', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS II A', modifiers: ['narkotika'], place: 'Jakarta' }],
  ['LAPAS NARKOTIKA KELAS IIB LANGSA', { name: 'Lapas Narkotika Kelas IIB Langsa', type: 'lapas', typeRaw: 'LAPAS', class: 'IIB', classRaw: 'KELAS IIB', modifiers: ['narkotika'], place: 'Langsa' }],
  ['LAPAS NARKOTIKA KELAS III SAWAHLUNTO', { name: 'Lapas Narkotika Kelas III Sawahlunto', type: 'lapas', typeRaw: 'LAPAS', class: 'III', classRaw: 'KELAS III', modifiers: ['narkotika'], place: 'Sawahlunto' }],
  ['LAPAS KELAS IIA NARKOTIKA NUSAKAMBANGAN', { name: 'Lapas Narkotika Kelas IIA Nusakambangan', type: 'lapas', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: ['narkotika'], place: 'Nusakambangan' }],
  // Lapas Perempuan = LPP, in both word orders.
  ['LAPAS PEREMPUAN KELAS IIA MARTAPURA', { name: 'Lapas Perempuan Kelas IIA Martapura', type: 'lpp', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: ['perempuan'], place: 'Martapura' }],
  ['LAPAS KELAS IIA PEREMPUAN MEDAN', { name: 'Lapas Perempuan Kelas IIA Medan', type: 'lpp', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: ['perempuan'], place: 'Medan' }],
  ['LAPAS PEREMPUAN KELAS III PANGKAL PINANG', { name: 'Lapas Perempuan Kelas III Pangkal Pinang', type: 'lpp', typeRaw: 'LAPAS', class: 'III', classRaw: 'KELAS III', modifiers: ['perempuan'], place: 'Pangkal Pinang' }],
  ['LAPAS PEMUDA KELAS IIA MADIUN', { name: 'Lapas Pemuda Kelas IIA Madiun', type: 'lapas', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: ['pemuda'], place: 'Madiun' }],
  ['LAPAS KELAS IIB PEMUDA PLANTUNGAN', { name: 'Lapas Pemuda Kelas IIB Plantungan', type: 'lapas', typeRaw: 'LAPAS', class: 'IIB', classRaw: 'KELAS IIB', modifiers: ['pemuda'], place: 'Plantungan' }],
  ['LAPAS TERBUKA KELAS IIB LOMBOK TENGAH', { name: 'Lapas Terbuka Kelas IIB Lombok Tengah', type: 'lapas', typeRaw: 'LAPAS', class: 'IIB', classRaw: 'KELAS IIB', modifiers: ['terbuka'], place: 'Lombok Tengah' }],
  ['LAPAS KELAS III TERBUKA RUMBAI', { name: 'Lapas Terbuka Kelas III Rumbai', type: 'lapas', typeRaw: 'LAPAS', class: 'III', classRaw: 'KELAS III', modifiers: ['terbuka'], place: 'Rumbai' }],
  ['LAPAS KHUSUS KELAS IIA GUNUNG SINDUR', { name: 'Lapas Khusus Kelas IIA Gunung Sindur', type: 'lapas', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: ['khusus'], place: 'Gunung Sindur' }],
  ['LAPAS KHUSUS KELAS IIB SENTUL', { name: 'Lapas Khusus Kelas IIB Sentul', type: 'lapas', typeRaw: 'LAPAS', class: 'IIB', classRaw: 'KELAS IIB', modifiers: ['khusus'], place: 'Sentul' }],
  ['RUTAN KELAS I PONDOK BAMBU', { name: 'Rutan Kelas I Pondok Bambu', type: 'rutan', typeRaw: 'RUTAN', class: 'I', classRaw: 'KELAS I', modifiers: [], place: 'Pondok Bambu' }],
  ['RUTAN KELAS IIA YOGYAKARTA', { name: 'Rutan Kelas IIA Yogyakarta', type: 'rutan', typeRaw: 'RUTAN', class: 'IIA', classRaw: 'KELAS IIA', modifiers: [], place: 'Yogyakarta' }],
  ['RUTAN KELAS IIB SIAK SRI INDRAPURA', { name: 'Rutan Kelas IIB Siak Sri Indrapura', type: 'rutan', typeRaw: 'RUTAN', class: 'IIB', classRaw: 'KELAS IIB', modifiers: [], place: 'Siak Sri Indrapura' }],
  // Rutan Perempuan stays a Rutan (there is no separate type), with the modifier.
  ['RUTAN PEREMPUAN KELAS II A BANDUNG', { name: 'Rutan Perempuan Kelas IIA Bandung', type: 'rutan', typeRaw: 'RUTAN', class: 'IIA', classRaw: 'KELAS II A', modifiers: ['perempuan'], place: 'Bandung' }],
  ['RUTAN PEREMPUAN KELAS IIA SURABAYA', { name: 'Rutan Perempuan Kelas IIA Surabaya', type: 'rutan', typeRaw: 'RUTAN', class: 'IIA', classRaw: 'KELAS IIA', modifiers: ['perempuan'], place: 'Surabaya' }],
  // LPKA: its KHUSUS is part of the type, not the modifier; "KELAS II" has no A/B, so class is null.
  ['LEMBAGA PEMBINAAN KHUSUS ANAK KELAS I BLITAR', { name: 'LPKA Kelas I Blitar', type: 'lpka', typeRaw: 'LEMBAGA PEMBINAAN KHUSUS ANAK', class: 'I', classRaw: 'KELAS I', modifiers: [], place: 'Blitar' }],
  ['LEMBAGA PEMBINAAN KHUSUS ANAK KELAS II LOMBOK TENGAH', { name: 'LPKA Kelas II Lombok Tengah', type: 'lpka', typeRaw: 'LEMBAGA PEMBINAAN KHUSUS ANAK', class: 'II', classRaw: 'KELAS II', modifiers: [], place: 'Lombok Tengah' }],
  ['BAPAS KELAS I JAKARTA TIMUR UTARA', { name: 'Bapas Kelas I Jakarta Timur Utara', type: 'bapas', typeRaw: 'BAPAS', class: 'I', classRaw: 'KELAS I', modifiers: [], place: 'Jakarta Timur Utara' }],
  ['BAPAS KELAS II OKU INDUK', { name: 'Bapas Kelas II OKU Induk', type: 'bapas', typeRaw: 'BAPAS', class: 'II', classRaw: 'KELAS II', modifiers: [], place: 'OKU Induk' }],
  ['BAPAS KELAS II NUSAKAMBANGAN', { name: 'Bapas Kelas II Nusakambangan', type: 'bapas', typeRaw: 'BAPAS', class: 'II', classRaw: 'KELAS II', modifiers: [], place: 'Nusakambangan' }],
  ['RUMAH SAKIT UMUM PENGAYOMAN CIPINANG', { name: 'Rumah Sakit Umum Pengayoman Cipinang', type: 'rs', typeRaw: 'RUMAH SAKIT UMUM PENGAYOMAN', class: null, classRaw: null, modifiers: [], place: 'Cipinang' }],
];

// Shapes not in the national list but found in letters, other exports and the security-level file.
const OTHER_CASES: ReadonlyArray<[string, Expected]> = [
  ['Lapas Kelas I Batu', { name: 'Lapas Kelas I Batu', type: 'lapas', typeRaw: 'LAPAS', class: 'I', classRaw: 'KELAS I', modifiers: [], place: 'Batu' }],
  ['  lapas  kelas ii-a   pare-pare ', { name: 'Lapas Kelas IIA Pare-Pare', type: 'lapas', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS II-A', modifiers: [], place: 'Pare-Pare' }],
  ['LPP KELAS IIA MEDAN', { name: 'Lapas Perempuan Kelas IIA Medan', type: 'lpp', typeRaw: 'LPP', class: 'IIA', classRaw: 'KELAS IIA', modifiers: ['perempuan'], place: 'Medan' }],
  ['Lembaga Pemasyarakatan Kelas IIB Cianjur', { name: 'Lapas Kelas IIB Cianjur', type: 'lapas', typeRaw: 'LEMBAGA PEMASYARAKATAN', class: 'IIB', classRaw: 'KELAS IIB', modifiers: [], place: 'Cianjur' }],
  ['Rumah Tahanan Negara Kelas I Depok', { name: 'Rutan Kelas I Depok', type: 'rutan', typeRaw: 'RUMAH TAHANAN NEGARA', class: 'I', classRaw: 'KELAS I', modifiers: [], place: 'Depok' }],
  ['CABANG RUTAN SALEMBA', { name: 'Cabang Rutan Salemba', type: 'cabang_rutan', typeRaw: 'CABANG RUTAN', class: null, classRaw: null, modifiers: [], place: 'Salemba' }],
  ['RUPBASAN KELAS I JAKARTA TIMUR', { name: 'Rupbasan Kelas I Jakarta Timur', type: 'rupbasan', typeRaw: 'RUPBASAN', class: 'I', classRaw: 'KELAS I', modifiers: [], place: 'Jakarta Timur' }],
  ['SAE NUSAKAMBANGAN', { name: 'SAE Nusakambangan', type: 'sae', typeRaw: 'SAE', class: null, classRaw: null, modifiers: [], place: 'Nusakambangan' }],
  ['LPKA KLS 2 JAKARTA', { name: 'LPKA Kelas II Jakarta', type: 'lpka', typeRaw: 'LPKA', class: 'II', classRaw: 'KLS 2', modifiers: [], place: 'Jakarta' }],
  ['LAPAS INDUSTRI KELAS IIA CIKARANG', { name: 'Lapas Industri Kelas IIA Cikarang', type: 'lapas', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: ['industri'], place: 'Cikarang' }],
  ['LAPAS PEREMPUAN NARKOTIKA KELAS IIA X', { name: 'Lapas Narkotika Perempuan Kelas IIA X', type: 'lpp', typeRaw: 'LAPAS', class: 'IIA', classRaw: 'KELAS IIA', modifiers: ['narkotika', 'perempuan'], place: 'X' }],
];

describe('parseUptName', () => {
  it.each(REAL_CASES)('parses real name %s', (raw, expected) => {
    expect(parseUptName(raw)).toEqual({ rawName: raw, problems: [], ...expected });
  });

  it.each(OTHER_CASES)('parses other shape %s', (raw, expected) => {
    expect(parseUptName(raw)).toEqual({ rawName: raw, problems: [], ...expected });
  });

  it('covers every type, class spelling and modifier in the real cases', () => {
    const parsed = REAL_CASES.map(([raw]) => parseUptName(raw));
    expect(new Set(parsed.map((p) => p.type))).toEqual(new Set(['lapas', 'lpp', 'rutan', 'lpka', 'bapas', 'rs']));
    expect(new Set(parsed.map((p) => p.classRaw))).toEqual(new Set(['KELAS I', 'KELAS II', 'KELAS IIA', 'KELAS II A', 'KELAS IIB', 'KELAS III', null]));
    expect(new Set(parsed.flatMap((p) => p.modifiers))).toEqual(new Set(['narkotika', 'perempuan', 'pemuda', 'terbuka', 'khusus']));
    expect(REAL_CASES.length).toBeGreaterThanOrEqual(25);
  });

  it('returns a best effort with problems for unknown shapes', () => {
    expect(parseUptName('')).toMatchObject({ name: '', type: 'lapas', typeRaw: null, problems: ['empty name'] });
    expect(parseUptName('KANTOR IMIGRASI KELAS I MEDAN')).toMatchObject({
      name: 'Kantor Imigrasi Kelas I Medan',
      typeRaw: null,
      class: 'I',
      place: 'Medan',
      problems: ['type not recognised from "KANTOR"; assumed lapas'],
    });
    expect(parseUptName('LAPAS').problems).toEqual(['no place name', 'no class']);
    // Class IV does not exist: the words stay in the place, so nothing is silently lost.
    expect(parseUptName('RUTAN KELAS IV MEDAN')).toMatchObject({ class: null, classRaw: null, place: 'Kelas IV Medan', problems: ['class not recognised in "KELAS IV MEDAN"'] });
    expect(parseUptName('LAPAS BANCEUY KELAS IIA BANDUNG')).toMatchObject({ class: null, place: 'Banceuy Kelas IIA Bandung', problems: ['class not recognised in "BANCEUY KELAS IIA BANDUNG"'] });
    expect(parseUptName('LAPAS KELAS IIA KELAS IIB X').problems).toEqual(['class given more than once']);
  });

  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const parsed = parseUptName(raw);
        expect(Array.isArray(parsed.problems)).toBe(true);
        expect(parsed.rawName).toBe(raw);
      }),
      { numRuns: 2000 },
    );
  });

  const keywordSoup = fc
    .array(
      fc.constantFrom(
        'LAPAS', 'LP', 'LPP', 'RUTAN', 'CABANG', 'RUMAH', 'TAHANAN', 'SAKIT', 'UMUM', 'PENGAYOMAN', 'LEMBAGA', 'PEMBINAAN',
        'PEMASYARAKATAN', 'KHUSUS', 'ANAK', 'BAPAS', 'LPKA', 'SAE', 'RUPBASAN', 'KELAS', 'KLS', 'I', 'II', 'III', 'IIA', 'IIB',
        'A', 'B', '2A', 'II-A', 'NARKOTIKA', 'PEREMPUAN', 'WANITA', 'PEMUDA', 'TERBUKA', 'INDUSTRI', 'MEDAN', 'BAU-BAU', 'OKU',
        'DAN', '-', '.', ',', 'ß', 'İ', 'ǆ',
      ),
      { maxLength: 9 },
    )
    .map((words) => words.join(' '));

  // A type word then a dense mix of class and modifier words: where word-order bugs hide.
  const typeThenClassWords = fc
    .tuple(
      fc.constantFrom('LAPAS', 'RUTAN', 'LPKA', 'BAPAS', 'RS', 'XYZ', ''),
      fc.array(fc.constantFrom('KELAS', 'KLS', 'I', 'II', 'A', 'B', 'IIA', 'IV', 'PEREMPUAN', 'TERBUKA', 'MEDAN'), { maxLength: 6 }),
    )
    .map(([type, words]) => [type, ...words].join(' '));

  it('gives a stable name: parsing it again, upper-cased, keeps type, class and modifiers', () => {
    const anyName = fc.oneof(
      { arbitrary: typeThenClassWords, weight: 3 },
      { arbitrary: keywordSoup, weight: 2 },
      { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
    );
    fc.assert(
      fc.property(anyName, (raw) => {
        const first = parseUptName(raw);
        const again = parseUptName(first.name.toUpperCase());
        expect({ type: again.type, class: again.class, modifiers: again.modifiers }).toEqual({
          type: first.type,
          class: first.class,
          modifiers: first.modifiers,
        });
        expect(again.name).toBe(first.name);
      }),
      { numRuns: 3000 },
    );
  });

  // Counterexamples fast-check once found, kept as regressions.
  // "Àẞ" and "Ⰰẞ": the capital sharp s lower-cases to "ß", which upper-cases to "SS".
  it.each(['LAPAS KELAS II PEREMPUAN B', 'LAPAS KELAS KELAS IIA', 'LAPAS KELAS PEREMPUAN IIA', 'RS UMUM IIA', 'KELAS RUTAN', 'Àẞ', 'Ⰰẞ', 'LAPAS KELAS I ẞEE'])('is stable on %s', (raw) => {
    const first = parseUptName(raw);
    const again = parseUptName(first.name.toUpperCase());
    expect([again.type, again.class, again.modifiers, again.name]).toEqual([first.type, first.class, first.modifiers, first.name]);
  });

  it('keeps the domain unions equal to the shared schema lists', () => {
    expectTypeOf<UptType>().toEqualTypeOf<(typeof UPT_TYPES)[number]>();
    expectTypeOf<UptClass>().toEqualTypeOf<(typeof UPT_CLASSES)[number]>();
    expectTypeOf<UptModifier>().toEqualTypeOf<(typeof UPT_MODIFIERS)[number]>();
  });
});

describe('titleCaseWords / tokenizeUptName', () => {
  it.each([
    [['BAU-BAU'], 'Bau-Bau'],
    [['KELAS', 'IIA'], 'Kelas IIA'],
    [['LPKA', 'KELAS', 'II'], 'LPKA Kelas II'],
    [['SARANA', 'ASIMILASI', 'DAN', 'EDUKASI'], 'Sarana Asimilasi dan Edukasi'],
    [['TOLI-TOLI'], 'Toli-Toli'],
  ])('%j → %s', (words, expected) => {
    expect(titleCaseWords(words)).toBe(expected);
  });

  it('splits on punctuation but keeps inner hyphens', () => {
    expect(tokenizeUptName(' Lapas, Kelas II.A  (Bau-Bau) -')).toEqual(['LAPAS', 'KELAS', 'II', 'A', 'BAU-BAU']);
  });
});
