import { describe, expect, it } from 'vitest';
import { localTime, zoneOfProvince } from './time-zone.ts';

describe('zoneOfProvince', () => {
  it.each([
    ['11', 'WIB'], // Aceh
    ['31', 'WIB'], // DKI Jakarta
    ['33', 'WIB'], // Jawa Tengah
    ['61', 'WIB'], // Kalimantan Barat
    ['62', 'WIB'], // Kalimantan Tengah
    ['51', 'WITA'], // Bali
    ['53', 'WITA'], // NTT
    ['64', 'WITA'], // Kalimantan Timur
    ['73', 'WITA'], // Sulawesi Selatan
    ['81', 'WIT'], // Maluku
    ['91', 'WIT'], // Papua
    ['96', 'WIT'], // Papua Barat Daya
    [null, 'WIB'],
  ])('%s → %s', (code, zone) => expect(zoneOfProvince(code)).toBe(zone));
});

describe('localTime', () => {
  it('shows an instant on the unit’s wall clock, across midnight', () => {
    expect(localTime('2026-12-06T20:30:00Z', 'WIB').text).toBe('07-12-2026 03.30 WIB');
    expect(localTime('2026-12-06T20:30:00Z', 'WITA').text).toBe('07-12-2026 04.30 WITA');
    expect(localTime('2026-12-06T14:59:00Z', 'WIT').text).toBe('06-12-2026 23.59 WIT');
  });
});
