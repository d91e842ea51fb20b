import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseHeader, suggestMapping, TARGET_FIELDS, validateMapping } from './sdp-mapping.ts';
import type { TargetField } from './sdp-mapping.ts';

/** The field suggestMapping picks for a header on its own. */
function fieldFor(header: string): TargetField | null {
  const mapping = suggestMapping([header]);
  return TARGET_FIELDS.find((f) => mapping[f] === 0) ?? null;
}

describe('normaliseHeader', () => {
  it.each([
    ['No Register', 'no register'],
    ['NO_REGISTER', 'no register'],
    ['No. Registrasi', 'no register'],
    ['NOREG', 'no register'],
    ['Tgl_2/3', 'tanggal 2 3'],
    ['Tanggal 2/3', 'tanggal 2 3'],
    ['Tanggal ⅔', 'tanggal 2 3'],
    ['Tanggal Dua Pertiga', 'tanggal 2 3'],
    ['TGL_EKSPIRASI', 'tanggal ekspirasi'],
    ['Tanggal Ekspirasi (SDP)', 'tanggal ekspirasi'],
    ['Denda (Rp)', 'denda'],
    ['Tanggal Lahir (dd-mm-yyyy)', 'tanggal lahir'],
    ['NAMA_WBP', 'nama'],
    ['Pidana (Thn)', 'pidana tahun'],
    ['Tgl.Lahir', 'tanggal lahir'],
  ])('%j → %j', (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});

describe('suggestMapping: header synonyms', () => {
  it.each([
    // noRegister
    ['No Register', 'noRegister'],
    ['NO_REGISTER', 'noRegister'],
    ['No. Registrasi', 'noRegister'],
    ['Nomor Register', 'noRegister'],
    ['no_reg', 'noRegister'],
    ['NOREG', 'noRegister'],
    ['No Register WBP', 'noRegister'],
    ['Register', 'noRegister'],
    // name
    ['Nama', 'name'],
    ['NAMA_WBP', 'name'],
    ['Nama Lengkap', 'name'],
    ['Nama Narapidana', 'name'],
    ['NAMA TAHANAN', 'name'],
    // sex
    ['Jenis Kelamin', 'sex'],
    ['JNS_KELAMIN', 'sex'],
    ['JK', 'sex'],
    ['L/P', 'sex'],
    // dates
    ['Tanggal Lahir', 'birthDate'],
    ['TGL_LAHIR', 'birthDate'],
    ['Tgl. Lahir', 'birthDate'],
    ['Tempat/Tgl Lahir', 'birthDate'],
    ['Tanggal Penahanan', 'detentionStart'],
    ['TGL_DITAHAN', 'detentionStart'],
    ['Tgl Masuk', 'detentionStart'],
    ['Tanggal Masuk', 'detentionStart'],
    ['Tanggal Putusan', 'verdictDate'],
    ['TGL_PUTUSAN', 'verdictDate'],
    ['Tanggal Vonis', 'verdictDate'],
    ['Tanggal Ekspirasi', 'expiryDate'],
    ['TGL_EKSPIRASI', 'expiryDate'],
    ['Tgl Ekspirasi', 'expiryDate'],
    ['Tanggal Ekspirasi (SDP)', 'expiryDate'],
    ['Tgl Bebas', 'expiryDate'],
    ['Tanggal 2/3', 'twoThirdsDate'],
    ['Tgl_2/3', 'twoThirdsDate'],
    ['TGL 2/3', 'twoThirdsDate'],
    ['2/3', 'twoThirdsDate'],
    ['Tanggal Dua Pertiga', 'twoThirdsDate'],
    ['Tgl. 2/3 Masa Pidana', 'twoThirdsDate'],
    // other fields
    ['Agama', 'religion'],
    ['AGAMA_WBP', 'religion'],
    ['Status', 'status'],
    ['STATUS_WBP', 'status'],
    ['Tindak Pidana', 'crime'],
    ['TINDAK_PIDANA', 'crime'],
    ['Jenis Kejahatan', 'crime'],
    ['Pidana Tahun', 'sentenceYears'],
    ['PIDANA_TAHUN', 'sentenceYears'],
    ['Pidana (Thn)', 'sentenceYears'],
    ['Lama Pidana (Tahun)', 'sentenceYears'],
    ['Pidana Bulan', 'sentenceMonths'],
    ['PIDANA_BLN', 'sentenceMonths'],
    ['Pidana Hari', 'sentenceDays'],
    ['Lama Pidana', 'sentenceText'],
    ['Vonis', 'sentenceText'],
    ['Masa Pidana', 'sentenceText'],
    ['Denda', 'fineRupiah'],
    ['Denda (Rp)', 'fineRupiah'],
    ['Pidana Denda', 'fineRupiah'],
    ['Subsider', 'subsidiaryDays'],
    ['Subsider (hari)', 'subsidiaryDays'],
    ['Subsidair', 'subsidiaryDays'],
    ['UPT', 'upt'],
    ['Nama UPT', 'upt'],
    ['Satker', 'upt'],
  ] as Array<[string, TargetField]>)('%j → %s', (header, field) => {
    expect(fieldFor(header)).toBe(field);
  });

  it.each([
    ['No'],
    ['No.'],
    ['NO'],
    ['Nama Ayah'],
    ['Nama Alias'],
    ['Tahun Masuk'],
    ['Tanggal Tindak Pidana'],
    ['Tanggal Ekspirasi Awal'],
    ['Tempat Lahir'],
    ['Keterangan'],
    [''],
  ])('%j maps to nothing', (header) => {
    expect(fieldFor(header)).toBeNull();
  });

  it('maps a full SDP-style header row, preferring exact names', () => {
    const headers = ['No', 'NO_REGISTER', 'NAMA_WBP', 'Nama Alias', 'JNS_KELAMIN', 'TGL_LAHIR', 'AGAMA', 'STATUS_WBP', 'TINDAK_PIDANA', 'TGL_DITAHAN', 'TGL_EKSPIRASI', 'Tgl_2/3'];
    const m = suggestMapping(headers);
    expect(m).toMatchObject({
      noRegister: 1,
      name: 2,
      sex: 4,
      birthDate: 5,
      religion: 6,
      status: 7,
      crime: 8,
      detentionStart: 9,
      expiryDate: 10,
      twoThirdsDate: 11,
      verdictDate: null,
      upt: null,
    });
  });

  it('an exact name wins over a containing one wherever it stands', () => {
    expect(suggestMapping(['Tanggal Ekspirasi Akhir', 'Tanggal Ekspirasi']).expiryDate).toBe(1);
    expect(suggestMapping(['Nama Lengkap WBP', 'Nama']).name).toBe(1);
  });

  it('never uses a header twice and never gives a field two headers', () => {
    const vocabulary = fc.constantFrom(
      'No Register', 'NO_REGISTER', 'Nama', 'NAMA_WBP', 'Tanggal Lahir', 'Tgl_2/3', 'Tanggal 2/3', 'Denda', 'Subsider', 'Pidana', 'Tahun',
      'Status', 'Agama', 'Tanggal Ekspirasi', 'TGL_EKSPIRASI', 'X', '', 'No', 'Tgl Masuk', 'Lama Pidana', 'Pidana Tahun',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(vocabulary, fc.string({ maxLength: 15 })), { maxLength: 25 }), (headers) => {
        const m = suggestMapping(headers);
        const used = TARGET_FIELDS.map((f) => m[f]).filter((c): c is number => c !== null);
        expect(new Set(used).size).toBe(used.length);
        for (const c of used) expect(c).toBeLessThan(headers.length);
        expect(validateMapping(m, headers).filter((p) => p.en.includes('both'))).toEqual([]);
      }),
    );
  });
});

describe('validateMapping', () => {
  const headers = ['A', 'B', 'C'];
  const base = Object.fromEntries(TARGET_FIELDS.map((f) => [f, null])) as Record<TargetField, number | null>;

  it('accepts a mapping with the required fields', () => {
    expect(validateMapping({ ...base, noRegister: 0, name: 1 }, headers)).toEqual([]);
  });

  it('names a missing required field, a column out of range and a column used twice', () => {
    const problems = validateMapping({ ...base, noRegister: 0, sex: 7, birthDate: 0 }, headers);
    expect(problems.map((p) => p.en)).toEqual([
      'No column is chosen for Name.',
      'The column for Sex is not in the file.',
      "Column 'A' is used for both No Register and Birth date; a column can feed one field only.",
    ]);
    expect(problems[0]?.id).toBe('Kolom untuk Nama belum dipilih.');
  });
});
