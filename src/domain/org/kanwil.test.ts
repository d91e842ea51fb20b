import { describe, expect, it } from 'vitest';
import { defaultSharedDataDir, loadProvinces } from '../../server/seed/reference-data.ts';
import { canonicalProvinceName, compactKey, kanwilDisplayName, provinceCodeForKanwil } from './kanwil.ts';
import type { ProvinceRef } from './kanwil.ts';

// The 33 Kanwils of shared/data/upt/daftar-upt-nasional.csv (column `kanwil`, 2020–2021) with the
// Kemendagri code of their province. Kalimantan Utara (65) and the newer Papua provinces (93–96)
// have no Kanwil in this list: their units sit under Kalimantan Timur, Papua and Papua Barat.
const KANWILS_2020: ReadonlyArray<[string, string]> = [
  ['Aceh', '11'],
  ['Bali', '51'],
  ['Banten', '36'],
  ['Bengkulu', '17'],
  ['D. I. Yogyakarta', '34'],
  ['DKI Jakarta', '31'],
  ['Gorontalo', '75'],
  ['Jambi', '15'],
  ['Jawa Barat', '32'],
  ['Jawa Tengah', '33'],
  ['Jawa Timur', '35'],
  ['Kalimantan Barat', '61'],
  ['Kalimantan Selatan', '63'],
  ['Kalimantan Tengah', '62'],
  ['Kalimantan Timur', '64'],
  ['Kepulauan Bangka Belitung', '19'],
  ['Kepulauan Riau', '21'],
  ['Lampung', '18'],
  ['Maluku', '81'],
  ['Maluku Utara', '82'],
  ['Nusa Tenggara Barat', '52'],
  ['Nusa Tenggara Timur', '53'],
  ['Papua', '91'],
  ['Papua Barat', '92'],
  ['Riau', '14'],
  ['Sulawesi Barat', '76'],
  ['Sulawesi Selatan', '73'],
  ['Sulawesi Tengah', '72'],
  ['Sulawesi Tenggara', '74'],
  ['Sulawesi Utara', '71'],
  ['Sumatera Barat', '13'],
  ['Sumatera Selatan', '16'],
  ['Sumatera Utara', '12'],
];

const provinces: ProvinceRef[] = loadProvinces(defaultSharedDataDir());

describe('Kanwil → province', () => {
  it('has the 33 Kanwils of the source, all different', () => {
    expect(KANWILS_2020).toHaveLength(33);
    expect(new Set(KANWILS_2020.map(([, code]) => code)).size).toBe(33);
  });

  it.each(KANWILS_2020)('maps %s to province %s', (raw, code) => {
    expect(provinceCodeForKanwil(raw, provinces)).toBe(code);
  });

  it.each(KANWILS_2020)('names %s after the province as written in provinces.csv', (raw, code) => {
    const province = provinces.find((p) => p.code === code);
    expect(province).toBeDefined();
    expect(kanwilDisplayName(raw)).toBe(`Kanwil Ditjenpas ${province?.name ?? ''}`);
  });

  it('gives the display names of the spelling variants', () => {
    expect(kanwilDisplayName('D. I. Yogyakarta')).toBe('Kanwil Ditjenpas Daerah Istimewa Yogyakarta');
    expect(kanwilDisplayName('DKI Jakarta')).toBe('Kanwil Ditjenpas Daerah Khusus Ibukota Jakarta');
    expect(kanwilDisplayName('  Sumatera   Utara ')).toBe('Kanwil Ditjenpas Sumatera Utara');
  });

  it.each([
    ['DI Yogyakarta', '34'],
    ['DIY', '34'],
    ['Kanwil Ditjenpas Daerah Istimewa Yogyakarta', '34'],
    ['Kanwil Kemenkumham Bangka Belitung', '19'],
    ['Kantor Wilayah Kemenkumham Kepri', '21'],
    ['NTT', '53'],
    ['kalimantan utara', '65'],
    ['Papua Barat Daya', '96'],
    ['DKI JAKARTA', '31'],
  ])('accepts the variant %s', (raw, code) => {
    expect(provinceCodeForKanwil(raw, provinces)).toBe(code);
  });

  it('returns null when no province fits, and does not guess', () => {
    expect(provinceCodeForKanwil('Nusantara', provinces)).toBeNull();
    expect(provinceCodeForKanwil('', provinces)).toBeNull();
    expect(provinceCodeForKanwil('Sumatera', provinces)).toBeNull();
    expect(provinceCodeForKanwil('Aceh', [])).toBeNull();
  });

  it('normalises keys and names', () => {
    expect(compactKey('D. I. Yogyakarta')).toBe('diyogyakarta');
    expect(canonicalProvinceName('Kepulauan Bangka Belitung')).toBe('Kepulauan Bangka Belitung');
  });
});
