import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  categoriseCrime,
  isBlank,
  parseReligion,
  parseRupiah,
  parseSdpDate,
  parseSentencePart,
  parseSentenceText,
  parseSex,
  parseStatus,
  parseSubsidiaryDays,
} from './sdp-values.ts';
import type { ParseResult } from './sdp-values.ts';

function value<T>(r: ParseResult<T>): T | 'ERROR' {
  return r.ok ? r.value : 'ERROR';
}

describe('parseSdpDate', () => {
  it.each([
    // dd-mm-yyyy family (Indonesian order)
    ['09-05-2017', '2017-05-09'],
    ['9-5-2017', '2017-05-09'],
    ['09/05/2017', '2017-05-09'],
    ['9/5/2017', '2017-05-09'],
    ['09.05.2017', '2017-05-09'],
    ['29-02-2024', '2024-02-29'],
    // ISO and year-first
    ['2017-05-09', '2017-05-09'],
    ['2017/05/09', '2017-05-09'],
    ['2017-5-9', '2017-05-09'],
    // with a time of day (MySQL datetime, Excel text)
    ['2017-05-09 00:00:00', '2017-05-09'],
    ['2017-05-09T00:00:00.000Z', '2017-05-09'],
    ['09/05/2017 13:45', '2017-05-09'],
    ['09/05/2017 1:45 PM', '2017-05-09'],
    // month names, Indonesian and English
    ['9 Mei 2017', '2017-05-09'],
    ['09 Agustus 1945', '1945-08-09'],
    ['17-Agu-2020', '2020-08-17'],
    ['17-Aug-2020', '2020-08-17'],
    ['1 Desember 2020', '2020-12-01'],
    ['1 Nopember 2020', '2020-11-01'],
    ['1 Pebruari 2020', '2020-02-01'],
    ['5 Okt. 2019', '2019-10-05'],
    // Excel serial numbers as text
    ['42864', '2017-05-09'],
    ['44325', '2021-05-09'],
    ['44325.5', '2021-05-09'],
    ['367', '1901-01-01'],
    // tempat, tanggal lahir
    ['Jakarta, 12-03-1990', '1990-03-12'],
    ['Kab. Toba Samosir, 1 Januari 1980', '1980-01-01'],
    // blanks
    ['', null],
    ['-', null],
    ['  -  ', null],
    ['—', null],
    ['0000-00-00', null],
    ['00-00-0000', null],
    ['NULL', null],
  ])('%j → %j', (text, expected) => {
    expect(value(parseSdpDate(text))).toBe(expected);
  });

  it.each([
    ['31-02-1990', 'tidak valid (format dd-mm-yyyy)', 'is not a valid date (dd-mm-yyyy)'],
    ['30/02/1988', 'tidak valid (format dd/mm/yyyy)', 'is not a valid date (dd/mm/yyyy)'],
    ['29-02-2023', 'tidak valid (format dd-mm-yyyy)', 'is not a valid date (dd-mm-yyyy)'],
    ['2023-13-01', 'tidak valid (format yyyy-mm-dd)', 'is not a valid date (yyyy-mm-dd)'],
    ['05-13-2020', 'tidak valid (format dd-mm-yyyy)', 'is not a valid date (dd-mm-yyyy)'],
    ['32 Januari 2020', 'tidak valid (format dd mmmm yyyy)', 'is not a valid date (dd mmmm yyyy)'],
    ['12 Foo 2020', 'tidak valid (format dd-mm-yyyy)', 'is not a valid date (dd-mm-yyyy)'],
    ['09-05-17', 'memakai tahun dua digit; tulis tahun lengkap (format dd-mm-yyyy)', 'has a two-digit year; write the full year (dd-mm-yyyy)'],
    ['1990', 'hanya berisi tahun; tanggal lengkap diperlukan (format dd-mm-yyyy)', 'is only a year; a full date is needed (dd-mm-yyyy)'],
    ['12', 'bukan tanggal maupun nomor seri tanggal Excel (format dd-mm-yyyy)', 'is neither a date nor an Excel date serial (dd-mm-yyyy)'],
    ['999999', 'bukan tanggal maupun nomor seri tanggal Excel (format dd-mm-yyyy)', 'is neither a date nor an Excel date serial (dd-mm-yyyy)'],
    ['kemarin', 'tidak valid (format dd-mm-yyyy)', 'is not a valid date (dd-mm-yyyy)'],
    ['Jakarta, 31-02-1990', 'tidak valid (format dd-mm-yyyy)', 'is not a valid date (dd-mm-yyyy)'],
  ])('%j is refused', (text, id, en) => {
    expect(parseSdpDate(text)).toEqual({ ok: false, reason: { id, en } });
  });

  it('never throws and yields only real dates', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const r = parseSdpDate(text);
        if (r.ok && r.value !== null) expect(r.value).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      }),
    );
  });
});

describe('parseSex', () => {
  it.each([
    ['L', 'L'],
    ['l', 'L'],
    ['Laki-laki', 'L'],
    ['LAKI LAKI', 'L'],
    ['LK', 'L'],
    ['Pria', 'L'],
    ['M', 'L'],
    ['Male', 'L'],
    ['P', 'P'],
    ['Perempuan', 'P'],
    ['PR', 'P'],
    ['Wanita', 'P'],
    ['F', 'P'],
    ['Female', 'P'],
    ['-', null],
    ['', null],
    ['X', 'ERROR'],
  ])('%j → %j', (text, expected) => {
    expect(value(parseSex(text))).toBe(expected);
  });
});

describe('parseReligion', () => {
  it.each([
    ['Islam', 'islam'],
    ['ISLAM', 'islam'],
    ['Kristen', 'kristen'],
    ['Protestan', 'kristen'],
    ['Kristen Protestan', 'kristen'],
    ['Katolik', 'katolik'],
    ['Katholik', 'katolik'],
    ['Kristen Katolik', 'katolik'],
    ['Hindu', 'hindu'],
    ['Budha', 'buddha'],
    ['Buddha', 'buddha'],
    ['Konghucu', 'konghucu'],
    ['Khonghucu', 'konghucu'],
    ['Kong Hu Cu', 'konghucu'],
    ['Kepercayaan', 'lainnya'],
    ['Aliran Kepercayaan', 'lainnya'],
    ['Lainnya', 'lainnya'],
    ['-', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseReligion(text)).toBe(expected);
  });
});

describe('parseStatus', () => {
  it.each([
    ['Tahanan', 'tahanan'],
    ['TAHANAN', 'tahanan'],
    ['Tahanan Titipan', 'tahanan'],
    ['A II', 'tahanan'],
    ['AIII', 'tahanan'],
    ['Narapidana', 'narapidana'],
    ['Napi', 'narapidana'],
    ['Terpidana', 'narapidana'],
    ['B I', 'narapidana'],
    ['BIIa', 'narapidana'],
    ['Anak', 'anak'],
    ['Anak Didik', 'anak'],
    ['Anak Didik Pemasyarakatan', 'anak'],
    ['Tahanan Anak', 'anak'],
    ['Klien', 'klien'],
    ['Klien Pemasyarakatan', 'klien'],
    ['-', null],
    ['Buron', 'ERROR'],
  ])('%j → %j', (text, expected) => {
    expect(value(parseStatus(text))).toBe(expected);
  });
});

describe('categoriseCrime', () => {
  it.each([
    ['Narkotika', 'narkotika'],
    ['Penyalahgunaan narkoba', 'narkotika'],
    ['Pasal 112 UU 35/2009', 'narkotika'],
    ['Pasal 114 ayat (2) UU No. 35 Tahun 2009', 'narkotika'],
    ['UU RI Nomor 35 Th 2009', 'narkotika'],
    ['Kepemilikan sabu', 'narkotika'],
    ['Korupsi', 'korupsi'],
    ['Tipikor', 'korupsi'],
    ['UU 31/1999 jo UU 20/2001', 'korupsi'],
    ['Teroris', 'terorisme'],
    ['Tindak Pidana Terorisme', 'terorisme'],
    ['UU 5/2018', 'terorisme'],
    ['TPPU', 'pencucian_uang'],
    ['Pencucian uang (UU 8/2010)', 'pencucian_uang'],
    ['TPPO', 'perdagangan_orang'],
    ['Perdagangan orang', 'perdagangan_orang'],
    ['Illegal logging', 'illegal_logging'],
    ['Pembalakan liar (UU 18/2013)', 'illegal_logging'],
    ['Pencurian (KUHP 362)', 'pidana_umum'],
    ['Penipuan', 'pidana_umum'],
    ['-', null],
  ])('%j → %j', (text, expected) => {
    expect(categoriseCrime(text).primary).toBe(expected);
  });

  it('lists every category named, terorisme and korupsi first', () => {
    expect(categoriseCrime('Narkotika dan TPPU').all).toEqual(['narkotika', 'pencucian_uang']);
    expect(categoriseCrime('TPPU; Korupsi').primary).toBe('korupsi');
    expect(categoriseCrime('Pencurian').all).toEqual(['pidana_umum']);
  });
});

describe('parseSentenceText', () => {
  const term = (years: number, months: number, days: number) => ({ years, months, days, life: false, death: false });
  it.each([
    ['2 Tahun 6 Bulan 15 Hari', term(2, 6, 15)],
    ['2 tahun 6 bulan', term(2, 6, 0)],
    ['2 th 6 bln', term(2, 6, 0)],
    ['2 thn 6 bln 15 hr', term(2, 6, 15)],
    ['2T 6B 15H', term(2, 6, 15)],
    ['2 Tahun, 6 Bulan', term(2, 6, 0)],
    ['8 Bulan 15 Hari', term(0, 8, 15)],
    ['6 Bulan', term(0, 6, 0)],
    ['1 Tahun 14 Bulan', term(1, 14, 0)],
    ['Penjara 3 Tahun', term(3, 0, 0)],
    ['Pidana penjara selama 2 (dua) tahun dan 6 (enam) bulan', term(2, 6, 0)],
    ['0 Tahun 0 Bulan 0 Hari', term(0, 0, 0)],
    ['0', term(0, 0, 0)],
    ['3 years 2 months', term(3, 2, 0)],
    ['Seumur Hidup', { years: 0, months: 0, days: 0, life: true, death: false }],
    ['PIDANA PENJARA SEUMUR HIDUP', { years: 0, months: 0, days: 0, life: true, death: false }],
    ['Mati', { years: 0, months: 0, days: 0, life: false, death: true }],
    ['Pidana Mati', { years: 0, months: 0, days: 0, life: false, death: true }],
    ['Hukuman Mati', { years: 0, months: 0, days: 0, life: false, death: true }],
    ['-', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(value(parseSentenceText(text))).toEqual(expected);
  });

  it.each([
    ['2,5 tahun', 'memakai angka pecahan'],
    ['2 tahun 3 tahun', 'menyebut tahun dua kali'],
    ['2', 'tanpa satuan'],
    ['2 6', 'tanpa satuan'],
    ['dua tahun', 'tidak dapat dibaca'],
    ['3 minggu', 'tanpa satuan'],
    ['-2 tahun', 'negatif'],
    ['Seumur Hidup 2 Tahun', 'tidak dapat dibaca'],
  ])('%j is refused (%s)', (text, fragment) => {
    const r = parseSentenceText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.id).toContain(fragment);
  });
});

describe('parseSentencePart', () => {
  it.each([
    ['2', 'tahun', 2],
    ['02', 'tahun', 2],
    ['2 tahun', 'tahun', 2],
    ['2 th', 'tahun', 2],
    ['6 bulan', 'bulan', 6],
    ['14', 'bulan', 14],
    ['0', 'hari', 0],
    ['-', 'hari', null],
    ['', 'tahun', null],
    ['2.5', 'tahun', 'ERROR'],
    ['2 bulan', 'tahun', 'ERROR'],
    ['2 tahun 6 bulan', 'tahun', 'ERROR'],
    ['-1', 'tahun', 'ERROR'],
    ['abc', 'tahun', 'ERROR'],
  ] as const)('%j as %s → %j', (text, unit, expected) => {
    expect(value(parseSentencePart(text, unit))).toBe(expected);
  });
});

describe('parseSubsidiaryDays (1 month = 30 days)', () => {
  it.each([
    ['3 bulan', 'hari', 90],
    ['3 Bulan', 'hari', 90],
    ['6 bln', 'hari', 180],
    ['1 bulan 15 hari', 'hari', 45],
    ['30 hari', 'hari', 30],
    ['1 tahun', 'hari', 360],
    ['Subsider 3 bulan kurungan', 'hari', 90],
    ['90', 'hari', 90],
    ['3', 'bulan', 90],
    ['0', 'hari', 0],
    ['-', 'hari', null],
    ['3,5 bulan', 'hari', 'ERROR'],
    ['lama', 'hari', 'ERROR'],
  ] as const)('%j (bare = %s) → %j', (text, bareUnit, expected) => {
    expect(value(parseSubsidiaryDays(text, bareUnit))).toBe(expected);
  });
});

describe('parseRupiah', () => {
  it.each([
    ['Rp 1.000.000,00', 1_000_000],
    ['Rp1.000.000', 1_000_000],
    ['Rp. 500.000,-', 500_000],
    ['Rp 500.000,-', 500_000],
    ['IDR 750.000', 750_000],
    ['1000000', 1_000_000],
    ['1.000.000', 1_000_000],
    ['1.000.000.000', 1_000_000_000],
    ['1,000,000', 1_000_000],
    ['1,000,000.00', 1_000_000],
    ['1000000.00', 1_000_000],
    ['1000000,00', 1_000_000],
    ['1.000', 1_000],
    ['0', 0],
    ['Rp 0,00', 0],
    ['1,5 juta', 1_500_000],
    ['1 M', 1_000_000_000],
    ['2 miliar', 2_000_000_000],
    ['750 ribu', 750_000],
    ['Rp 10.000.000.000,00', 10_000_000_000],
    ['-', null],
    ['', null],
    ['1.000.000,50', 'ERROR'],
    ['12.5', 'ERROR'],
    ['-500000', 'ERROR'],
    ['(500.000)', 'ERROR'],
    ['1.00.000', 'ERROR'],
    ['satu juta', 'ERROR'],
    ['5 dolar', 'ERROR'],
    ['99999999999999999999', 'ERROR'],
  ])('%j → %j', (text, expected) => {
    expect(value(parseRupiah(text))).toBe(expected);
  });

  it('reads any whole amount written the Indonesian way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
        expect(value(parseRupiah(`Rp ${grouped},00`))).toBe(n);
        expect(value(parseRupiah(String(n)))).toBe(n);
      }),
    );
  });
});

describe('isBlank', () => {
  it.each([
    ['', true],
    [' - ', true],
    ['--', true],
    ['n/a', true],
    ['0', false],
    ['x', false],
  ])('%j → %j', (text, expected) => {
    expect(isBlank(text)).toBe(expected);
  });
});
