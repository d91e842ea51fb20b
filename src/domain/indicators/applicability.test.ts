import { describe, expect, it } from 'vitest';
import { appliesTo } from './applicability.ts';

describe('appliesTo', () => {
  it.each([
    [{ code: 'RP20-02', sourceKey: 'remission' }, 'lapas', true],
    [{ code: 'RP20-02', sourceKey: 'remission' }, 'lpka', true],
    [{ code: 'RP20-02', sourceKey: 'remission' }, 'bapas', false],
    [{ code: 'RP20-09', sourceKey: 'overstay' }, 'rupbasan', false],
    [{ code: 'RP20-12', sourceKey: 'pokmas' }, 'bapas', true],
    [{ code: 'RP20-12', sourceKey: 'pokmas' }, 'lapas', false],
    [{ code: 'RP20-13', sourceKey: null }, 'lpka', true],
    [{ code: 'RP20-13', sourceKey: null }, 'lapas', false],
    [{ code: 'RP20-14', sourceKey: null }, 'rupbasan', true],
    [{ code: 'RP20-11', sourceKey: 'pnbp' }, 'bapas', true], // PNBP can come from any unit
    [{ code: 'RP20-01', sourceKey: null }, 'bapas', true], // integrity zone: every satker
  ])('%o at a %s → %s', (ind, type, expected) => expect(appliesTo(ind, type)).toBe(expected));
});
