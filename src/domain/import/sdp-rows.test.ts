import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidDate } from '../calendar/date.ts';
import { isBlank } from './sdp-values.ts';
import { suggestMapping } from './sdp-mapping.ts';
import { parseSdpRows, SdpMappingError } from './sdp-rows.ts';
import type { SdpParseResult, SdpRowResult } from './sdp-rows.ts';
import { SDP_TEMPLATE_HEADERS, TEMPLATE_EXAMPLE_ROW } from './template.ts';

const TODAY = '2025-06-30';
type Header = (typeof SDP_TEMPLATE_HEADERS)[number];

const GOOD: Record<Header, string> = Object.fromEntries(SDP_TEMPLATE_HEADERS.map((h, i) => [h, TEMPLATE_EXAMPLE_ROW[i] ?? ''])) as Record<Header, string>;

/** Parses rows given as overrides of the template's example row. */
function parse(rows: Array<Partial<Record<Header, string>>>, headers: readonly string[] = SDP_TEMPLATE_HEADERS): SdpParseResult {
  const table = {
    headers: [...headers],
    rows: rows.map((r) => headers.map((h) => ({ ...GOOD, ...r })[h as Header] ?? '')),
  };
  return parseSdpRows(table, suggestMapping(table.headers), { today: TODAY });
}

function one(row: Partial<Record<Header, string>>, headers?: readonly string[]): SdpRowResult {
  const r = parse([row], headers).rows[0];
  if (r === undefined) throw new Error('no row');
  return r;
}

function errorsOf(r: SdpRowResult): string[] {
  return r.ok ? [] : r.errors.map((e) => e.message.id);
}

function errorsEn(r: SdpRowResult): string[] {
  return r.ok ? [] : r.errors.map((e) => e.message.en);
}

describe('an accepted row', () => {
  it('carries every field, normalised', () => {
    const r = one({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.line).toBe(2);
    expect(r.value).toEqual({
      noRegister: 'BI.123/2024',
      name: 'Budi Santoso',
      sex: 'L',
      birthDate: '1990-08-17',
      religion: 'islam',
      religionRaw: 'Islam',
      status: 'narapidana',
      statusRaw: 'Narapidana',
      crimeRaw: 'Narkotika (UU 35/2009 ps. 112)',
      crimeCategory: 'narkotika',
      crimeCategories: ['narkotika'],
      detentionStart: '2023-05-09',
      verdictDate: '2024-01-15',
      sentence: { years: 5, months: 6, days: 0, life: false, death: false },
      fineRupiah: 1_000_000_000,
      subsidiaryDays: 90,
      expiryDate: '2028-11-09',
      twoThirdsDate: '2027-01-09',
      upt: null,
    });
    expect(r.rawHash).toMatch(/^[0-9a-f]{64}$/u);
    expect(r.warnings).toEqual([]);
  });

  it('treats blanks as "none" for every optional field', () => {
    const blanks = Object.fromEntries(SDP_TEMPLATE_HEADERS.slice(2).map((h) => [h, '-']));
    const r = one(blanks);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.sentence).toBeNull();
      expect(r.value.birthDate).toBeNull();
      expect(r.value.crimeCategory).toBeNull();
      expect(r.value.status).toBeNull();
    }
  });

  it('collapses spaces in names and registers', () => {
    const r = one({ 'No Register': '  BI 123 / 2024 ', Nama: '  Budi   Santoso ' });
    expect(r.ok && [r.value.noRegister, r.value.name]).toEqual(['BI 123 / 2024', 'Budi Santoso']);
  });
});

describe('required fields', () => {
  it.each([
    [{ 'No Register': '' }, 'No Register wajib diisi'],
    [{ 'No Register': '-' }, 'No Register wajib diisi'],
    [{ Nama: '' }, 'Nama wajib diisi'],
    [{ Nama: '—' }, 'Nama wajib diisi'],
    [{ Nama: '12345' }, "Nama '12345' tidak berisi huruf"],
    [{ 'No Register': 'X'.repeat(65) }, `No Register '${'X'.repeat(57)}…' terlalu panjang (paling banyak 64 karakter)`],
  ])('%j → %s', (row, message) => {
    expect(errorsOf(one(row))).toEqual([message]);
  });

  it('reports the No Register of a rejected row when it has one', () => {
    const r = one({ Nama: '' });
    expect(r.ok === false && r.noRegister).toBe('BI.123/2024');
    const s = one({ 'No Register': '' });
    expect(s.ok === false && s.noRegister).toBeNull();
  });
});

describe('dates', () => {
  it('names the field, the text and the expected format in both languages', () => {
    const r = one({ 'Tanggal Lahir': '31-02-1990' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        {
          field: 'birthDate',
          message: { id: "Tanggal lahir '31-02-1990' tidak valid (format dd-mm-yyyy)", en: "Birth date '31-02-1990' is not a valid date (dd-mm-yyyy)" },
        },
      ]);
    }
  });

  it.each([
    ['Tanggal Lahir', '01-07-2025', 'Tanggal lahir 01-07-2025 ada di masa depan (hari ini 30-06-2025)'],
    ['Tanggal Penahanan', '2025-07-01', 'Tanggal penahanan 01-07-2025 ada di masa depan (hari ini 30-06-2025)'],
    ['Tanggal Putusan', '15/08/2025', 'Tanggal putusan 15-08-2025 ada di masa depan (hari ini 30-06-2025)'],
  ] as Array<[Header, string, string]>)('%s in the future is refused', (header, text, message) => {
    expect(errorsOf(one({ [header]: text }))).toContain(message);
  });

  it('today itself is not in the future', () => {
    expect(one({ 'Tanggal Putusan': '30-06-2025' }).ok).toBe(true);
  });

  it('expiry and two-thirds dates may lie in the future (they are SDP projections)', () => {
    expect(one({ 'Tanggal Ekspirasi': '09-11-2040', 'Tanggal 2/3': '2035-01-01' }).ok).toBe(true);
  });

  it('refuses an invalid expiry or two-thirds date', () => {
    expect(errorsOf(one({ 'Tanggal Ekspirasi': '31-04-2028', 'Tanggal 2/3': 'besok' }))).toEqual([
      "Tanggal ekspirasi '31-04-2028' tidak valid (format dd-mm-yyyy)",
      "Tanggal 2/3 'besok' tidak valid (format dd-mm-yyyy)",
    ]);
  });

  it('the birth date must come before the detention start', () => {
    expect(errorsEn(one({ 'Tanggal Lahir': '09-05-2023' }))).toEqual(['Birth date 09-05-2023 must be before the detention start 09-05-2023']);
    expect(errorsOf(one({ 'Tanggal Lahir': '2024-01-01' }))).toEqual(['Tanggal lahir 01-01-2024 harus sebelum tanggal penahanan 09-05-2023']);
  });

  it('reads every date format in the same row', () => {
    const r = one({ 'Tanggal Lahir': '17/08/1990', 'Tanggal Penahanan': '2023-05-09', 'Tanggal Putusan': '45306', 'Tanggal Ekspirasi': '9 November 2028' });
    expect(r.ok && [r.value.birthDate, r.value.detentionStart, r.value.verdictDate, r.value.expiryDate]).toEqual([
      '1990-08-17',
      '2023-05-09',
      '2024-01-15',
      '2028-11-09',
    ]);
  });
});

describe('sentence', () => {
  const LAMA = [...SDP_TEMPLATE_HEADERS, 'Lama Pidana'];

  it('months must be below 12: 14 months is rejected, not normalised', () => {
    const r = one({ 'Pidana Tahun': '1', 'Pidana Bulan': '14' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        {
          field: 'sentenceMonths',
          message: {
            id: 'Pidana (bulan): 14 bulan tidak boleh 12 atau lebih; tulis sebagai 2 tahun 2 bulan',
            en: 'Sentence (months): 14 months must be less than 12; write it as 2 years 2 months',
          },
        },
      ]);
    }
  });

  it('days must be at most 30 (1 month = 30 days)', () => {
    expect(errorsOf(one({ 'Pidana Hari': '45' }))).toEqual([
      'Pidana (hari): 45 hari tidak boleh lebih dari 30; tulis sebagai 1 bulan 15 hari (1 bulan = 30 hari)',
    ]);
    expect(one({ 'Pidana Hari': '30' }).ok).toBe(true);
  });

  it.each([
    [{ 'Pidana Tahun': '-1' }, "Pidana (tahun) '-1' tidak boleh negatif"],
    [{ 'Pidana Bulan': '2.5' }, "Pidana (bulan) '2.5' memakai angka pecahan; tulis bilangan bulat (misalnya \"2 Tahun 6 Bulan\")"],
    [{ 'Pidana Tahun': 'lima' }, 'Pidana (tahun) \'lima\' tidak dapat dibaca ("lima" tidak dikenal)'],
  ])('%j → %s', (row, message) => {
    expect(errorsOf(one(row))).toEqual([message]);
  });

  it('reads a single text column', () => {
    const parts = { 'Pidana Tahun': '', 'Pidana Bulan': '', 'Pidana Hari': '' };
    const r = one({ ...parts, 'Lama Pidana': '2 Tahun 6 Bulan 15 Hari' } as Partial<Record<Header, string>>, LAMA);
    expect(r.ok && r.value.sentence).toEqual({ years: 2, months: 6, days: 15, life: false, death: false });
    const life = one({ ...parts, 'Lama Pidana': 'Seumur Hidup' } as Partial<Record<Header, string>>, LAMA);
    expect(life.ok && life.value.sentence).toEqual({ years: 0, months: 0, days: 0, life: true, death: false });
    const months = one({ ...parts, 'Lama Pidana': '1 Tahun 14 Bulan' } as Partial<Record<Header, string>>, LAMA);
    expect(errorsOf(months)).toEqual(['Lama pidana: 14 bulan tidak boleh 12 atau lebih; tulis sebagai 2 tahun 2 bulan']);
  });

  it('text and part columns must agree; zero parts next to a life sentence are SDP padding', () => {
    const agree = one({ 'Lama Pidana': '5 Tahun 6 Bulan' } as Partial<Record<Header, string>>, LAMA);
    expect(agree.ok).toBe(true);
    const differ = one({ 'Lama Pidana': '5 Tahun' } as Partial<Record<Header, string>>, LAMA);
    expect(errorsOf(differ)).toEqual(["Lama pidana '5 tahun 0 bulan 0 hari' tidak sama dengan kolom pidana tahun/bulan/hari (5 tahun 6 bulan 0 hari)"]);
    const life = one({ 'Pidana Tahun': '0', 'Pidana Bulan': '0', 'Lama Pidana': 'Seumur Hidup' } as Partial<Record<Header, string>>, LAMA);
    expect(life.ok && life.value.sentence?.life).toBe(true);
  });

  it('a zero sentence is no sentence', () => {
    const r = one({ 'Pidana Tahun': '0', 'Pidana Bulan': '0', 'Pidana Hari': '0' });
    expect(r.ok && r.value.sentence).toBeNull();
  });

  it('warns (does not reject) above the 20-year fixed-term limit', () => {
    const r = one({ 'Pidana Tahun': '25' });
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.map((w) => w.field)).toEqual(['sentenceYears']);
  });
});

describe('other fields', () => {
  it('rejects an unknown sex or status, warns on an unknown religion', () => {
    expect(errorsOf(one({ 'Jenis Kelamin': 'X' }))).toEqual(["Jenis kelamin 'X' tidak dikenal (L/Laki-laki atau P/Perempuan)"]);
    expect(errorsOf(one({ Status: 'Buron' }))).toEqual(["Status 'Buron' tidak dikenal (Tahanan, Narapidana, Anak, atau Klien)"]);
    const r = one({ Agama: 'Kepercayaan' });
    expect(r.ok && r.value.religion).toBe('lainnya');
    expect(r.ok && r.value.religionRaw).toBe('Kepercayaan');
    expect(r.ok && r.warnings[0]?.message.id).toBe("Agama 'Kepercayaan' tidak dikenal; dicatat sebagai 'lainnya' (tanpa remisi khusus hari raya)");
  });

  it('rejects a bad rupiah amount or subsidiary term', () => {
    expect(errorsOf(one({ 'Denda (Rp)': 'Rp 1.000.000,50', 'Subsider (hari)': '3,5 bulan' }))).toEqual([
      "Denda 'Rp 1.000.000,50' bukan rupiah utuh (ada sen)",
      "Subsider '3,5 bulan' memakai angka pecahan; tulis bilangan bulat (misalnya \"2 Tahun 6 Bulan\")",
    ]);
  });

  it('a bare subsidiary number is days, or months when the header says so', () => {
    const days = one({ 'Subsider (hari)': '3' });
    expect(days.ok && days.value.subsidiaryDays).toBe(3);
    const headers = SDP_TEMPLATE_HEADERS.map((h) => (h === 'Subsider (hari)' ? 'Subsider (bulan)' : h));
    const table = { headers, rows: [SDP_TEMPLATE_HEADERS.map((h) => (h === 'Subsider (hari)' ? '3' : GOOD[h]))] };
    const r = parseSdpRows(table, suggestMapping(headers), { today: TODAY }).rows[0];
    expect(r?.ok && r.value.subsidiaryDays).toBe(90);
  });

  it('reports an Excel formula error instead of reading it as text', () => {
    expect(errorsOf(one({ Nama: '#N/A' }))).toEqual(["Nama '#N/A' berisi galat rumus Excel; perbaiki rumusnya atau ketik nilainya"]);
    expect(errorsOf(one({ 'Tanggal Lahir': '#VALUE!' }))).toEqual(["Tanggal lahir '#VALUE!' berisi galat rumus Excel; perbaiki rumusnya atau ketik nilainya"]);
  });

  it('collects every error of a row, not just the first', () => {
    expect(errorsOf(one({ Nama: '', 'Tanggal Lahir': '31-02-1990', 'Pidana Bulan': '14', 'Jenis Kelamin': '?' }))).toHaveLength(4);
  });
});

describe('duplicates, lines and skipped rows', () => {
  it('rejects every occurrence after the first, naming the first line (case and spaces ignored)', () => {
    const result = parse([{ 'No Register': 'BI.1/2024' }, { 'No Register': 'BI.2/2024' }, { 'No Register': 'bi.1/2024 ' }, { 'No Register': 'BI. 1/2024', Nama: 'Lain' }]);
    expect(result.rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
    expect(errorsOf(result.rows[2] as SdpRowResult)).toEqual(["No Register 'bi.1/2024' sudah ada di baris 2; baris ini tidak diimpor"]);
    expect(errorsEn(result.rows[3] as SdpRowResult)).toEqual(["No Register 'BI. 1/2024' already appears on line 2; this line is not imported"]);
    expect(result.duplicates).toEqual([{ noRegister: 'BI.1/2024', lines: [2, 4, 5] }]);
    expect(result.summary).toEqual({ total: 4, accepted: 2, rejected: 2, skipped: 0 });
  });

  it('a first occurrence with errors still makes later ones duplicates', () => {
    const result = parse([{ 'No Register': 'A', Nama: '' }, { 'No Register': 'A' }]);
    expect(result.rows.map((r) => r.ok)).toEqual([false, false]);
    expect(errorsOf(result.rows[1] as SdpRowResult)).toEqual(["No Register 'A' sudah ada di baris 2; baris ini tidak diimpor"]);
  });

  it('uses the table line numbers (Excel rows) when present', () => {
    const table = { headers: [...SDP_TEMPLATE_HEADERS], rows: [[...TEMPLATE_EXAMPLE_ROW]], headerLine: 3, lines: [7] };
    const r = parseSdpRows(table, suggestMapping(table.headers), { today: TODAY });
    expect(r.rows[0]?.line).toBe(7);
    const noLines = parseSdpRows({ ...table, lines: undefined }, suggestMapping(table.headers), { today: TODAY });
    expect(noLines.rows[0]?.line).toBe(4);
  });

  it('skips rows whose mapped cells are all blank (footers, running numbers)', () => {
    const headers = ['No', ...SDP_TEMPLATE_HEADERS];
    const table = {
      headers,
      rows: [['1', ...TEMPLATE_EXAMPLE_ROW], ['2', ...SDP_TEMPLATE_HEADERS.map(() => '-')], ['', ...TEMPLATE_EXAMPLE_ROW.map((c, i) => (i === 0 ? 'X' : c))]],
    };
    const r = parseSdpRows(table, suggestMapping(headers), { today: TODAY });
    expect(r.skippedLines).toEqual([3]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 4]);
    expect(r.summary).toEqual({ total: 2, accepted: 2, rejected: 0, skipped: 1 });
  });

  it('cells missing at the end of a short row are blank', () => {
    const table = { headers: [...SDP_TEMPLATE_HEADERS], rows: [['BI.9/2024', 'Siti']] };
    const r = parseSdpRows(table, suggestMapping(table.headers), { today: TODAY });
    expect(r.rows[0]?.ok).toBe(true);
  });
});

describe('misuse', () => {
  it('throws SdpMappingError for a mapping without the required columns', () => {
    const table = { headers: ['Agama'], rows: [['Islam']] };
    expect(() => parseSdpRows(table, suggestMapping(table.headers), { today: TODAY })).toThrow(SdpMappingError);
  });

  it('throws RangeError for a today that is not a date', () => {
    const table = { headers: [...SDP_TEMPLATE_HEADERS], rows: [] };
    expect(() => parseSdpRows(table, suggestMapping(table.headers), { today: '30-06-2025' })).toThrow(RangeError);
  });
});

describe('rawHash', () => {
  const hashOf = (r: SdpRowResult | undefined): string => (r?.ok ? r.rawHash : 'rejected');

  it('is the same when only the way values are written changes', () => {
    const a = one({});
    const b = one({
      'Tanggal Lahir': '1990-08-17',
      'Tanggal Penahanan': '09/05/2023',
      'Tanggal Putusan': '45306',
      'Denda (Rp)': 'Rp 1.000.000.000,00',
      'Subsider (hari)': '3 bulan',
      'Pidana Hari': '-',
      Nama: ' Budi  Santoso ',
      'Jenis Kelamin': 'Laki-laki',
    });
    expect(hashOf(b)).toBe(hashOf(a));
  });

  it('changes when a value changes', () => {
    const base = hashOf(one({}));
    for (const change of [{ Nama: 'Budi Santosa' }, { 'Tanggal Ekspirasi': '10-11-2028' }, { 'Pidana Hari': '1' }, { Agama: 'ISLAM' }, { 'Denda (Rp)': '-' }]) {
      expect(hashOf(one(change))).not.toBe(base);
    }
  });

  it('is stable under any reordering of the columns (mapping suggested afresh)', () => {
    const permutation = fc.shuffledSubarray([...SDP_TEMPLATE_HEADERS.keys()], { minLength: SDP_TEMPLATE_HEADERS.length });
    const expected = hashOf(one({}));
    fc.assert(
      fc.property(permutation, (order) => {
        const headers = order.map((i) => SDP_TEMPLATE_HEADERS[i] as string);
        const row = order.map((i) => TEMPLATE_EXAMPLE_ROW[i] as string);
        const r = parseSdpRows({ headers, rows: [row] }, suggestMapping(headers), { today: TODAY }).rows[0];
        expect(hashOf(r)).toBe(expected);
      }),
    );
  });

  // fast-check once drew the name "Na": a blank marker, so the row has no name and is refused.
  it.each(['Na', 'NA', 'null', 'n/a'])('reads the name cell %s as no name (a blank marker), not as a name', (name) => {
    const headers = ['No Register', 'Nama', 'Tanggal Lahir'];
    const row = parseSdpRows({ headers, rows: [['A.0/2000', name, '01-03-1950']] }, suggestMapping(headers), { today: TODAY }).rows[0];
    expect(row?.ok).toBe(false);
    expect(row?.ok === false && row.errors.map((e) => e.field)).toEqual(['name']);
  });

  it('is stable under reordering for arbitrary valid values and extra unmapped columns', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, '0'));
    const row = fc.record({
      reg: fc.stringMatching(/^[A-Z]{1,3}\.[0-9]{1,4}\/20[0-2][0-9]$/u),
      // Not a blank marker: a cell "NA", "Na" or "null" means no value (the counterexample "Na").
      name: fc.stringMatching(/^[A-Za-z][A-Za-z .']{0,20}$/u).filter((n) => !isBlank(n)),
      birth: fc.tuple(day, fc.integer({ min: 1950, max: 2000 })).map(([d, y]) => `${d}-03-${y}`),
      years: fc.integer({ min: 0, max: 20 }).map(String),
      months: fc.integer({ min: 0, max: 11 }).map(String),
      fine: fc.integer({ min: 0, max: 10_000_000 }).map(String),
      junk: fc.string({ maxLength: 8 }),
    });
    fc.assert(
      fc.property(row, fc.boolean(), (v, swap) => {
        const cols: Array<[string, string]> = [
          ['No Register', v.reg],
          ['Nama', v.name],
          ['Tanggal Lahir', v.birth],
          ['Pidana Tahun', v.years],
          ['Pidana Bulan', v.months],
          ['Denda (Rp)', v.fine],
          ['Keterangan', v.junk],
        ];
        const a = cols;
        const b = swap ? [...cols].reverse() : [cols[6], cols[3], cols[0], cols[5], cols[1], cols[4], cols[2]].filter((c): c is [string, string] => c !== undefined);
        const run = (cs: Array<[string, string]>) => {
          const headers = cs.map(([h]) => h);
          return parseSdpRows({ headers, rows: [cs.map(([, c]) => c)] }, suggestMapping(headers), { today: TODAY }).rows[0];
        };
        const ra = run(a);
        const rb = run(b);
        expect(ra?.ok).toBe(true);
        expect(hashOf(rb)).toBe(hashOf(ra));
      }),
    );
  });
});

describe('robustness', () => {
  it('never throws on arbitrary cell strings, and accepted rows are always valid', () => {
    const tricky = fc.constantFrom(
      '', '-', '#N/A', '31-02-1990', '2 Tahun 14 Bulan', 'Seumur Hidup', 'Rp 1.000.000,00', '99999999999999999999', '1e400', '0000-00-00',
      '44325', '(1.000)', '"', ';', '\n', '12/13/2020', 'Jakarta, 12-03-1990', '2,5 tahun', '−3', 'Laki-laki', 'Tahanan Anak', '\u0000', '\uFEFF',
    );
    const cell = fc.oneof(fc.string({ maxLength: 25 }), fc.string({ unit: 'grapheme', maxLength: 12 }), tricky);
    const row = fc.array(cell, { minLength: 0, maxLength: SDP_TEMPLATE_HEADERS.length + 2 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const table = { headers: [...SDP_TEMPLATE_HEADERS], rows };
        const result = parseSdpRows(table, suggestMapping(table.headers), { today: TODAY });
        expect(result.rows.length + result.skippedLines.length).toBe(rows.length);
        for (const r of result.rows) {
          if (!r.ok) {
            expect(r.errors.length).toBeGreaterThan(0);
            continue;
          }
          const v = r.value;
          for (const d of [v.birthDate, v.detentionStart, v.verdictDate, v.expiryDate, v.twoThirdsDate]) if (d !== null) expect(isValidDate(d)).toBe(true);
          for (const d of [v.birthDate, v.detentionStart, v.verdictDate]) if (d !== null) expect(d <= TODAY).toBe(true);
          if (v.sentence) {
            expect(v.sentence.months).toBeLessThan(12);
            expect(v.sentence.days).toBeLessThanOrEqual(30);
          }
          if (v.fineRupiah !== null) expect(Number.isSafeInteger(v.fineRupiah) && v.fineRupiah >= 0).toBe(true);
          expect(v.noRegister.trim()).not.toBe('');
          expect(v.name).toMatch(/\p{L}/u);
        }
      }),
      { numRuns: 300 },
    );
  });
});
