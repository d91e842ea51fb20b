import { describe, expect, it } from 'vitest';
import { ageOn, rowContradictions } from './contradictions.ts';
import type { SdpInmateRow } from './sdp-rows.ts';

const TODAY = '2026-11-25';
const row = (over: Partial<SdpInmateRow> = {}): SdpInmateRow => ({
  noRegister: 'BI.1/2026', name: 'Uji', sex: 'L', birthDate: '1990-01-01', religion: 'islam', religionRaw: 'Islam', status: 'narapidana', statusRaw: null,
  crimeRaw: null, crimeCategory: null, crimeCategories: [], detentionStart: '2025-01-01', verdictDate: '2025-06-01', sentence: null, fineRupiah: null,
  subsidiaryDays: null, expiryDate: null, twoThirdsDate: null, upt: null, ...over,
} as SdpInmateRow);
const lapas = { type: 'lapas', modifiers: [] };
const fields = (r: ReturnType<typeof rowContradictions>) => r.map((i) => i.field);

describe('rowContradictions', () => {
  it.each([
    ['nothing odd', row(), lapas, null, []],
    ['engine expiry past', row(), lapas, '2026-11-01', ['expiryDate']],
    ['engine expiry today is not past', row(), lapas, TODAY, []],
    ['stated expiry past when the engine has none', row({ expiryDate: '2026-10-01' }), lapas, null, ['expiryDate']],
    ['a woman in a men’s Lapas', row({ sex: 'P' }), lapas, null, ['sex']],
    ['a woman in an LPP', row({ sex: 'P' }), { type: 'lpp', modifiers: [] }, null, []],
    ['a man in an LPP', row(), { type: 'lpp', modifiers: [] }, null, ['sex']],
    ['a man in a women’s Rutan', row(), { type: 'rutan', modifiers: ['perempuan'] }, null, ['sex']],
    ['a woman in a Rutan (women’s block)', row({ sex: 'P' }), { type: 'rutan', modifiers: [] }, null, []],
    ['aged 22 in an LPKA', row({ birthDate: '2004-01-01' }), { type: 'lpka', modifiers: [] }, null, ['birthDate']],
    ['aged 20 in an LPKA', row({ birthDate: '2006-01-01' }), { type: 'lpka', modifiers: [] }, null, []],
    ['aged 16 in a Lapas', row({ birthDate: '2010-06-01' }), lapas, null, ['birthDate']],
  ] as const)('%s', (_name, r, unit, expiry, expected) => {
    expect(fields(rowContradictions(r, unit, TODAY, expiry))).toEqual(expected);
  });

  it('ageOn counts whole years, the birthday itself included', () => {
    expect([ageOn('2008-11-25', TODAY), ageOn('2008-11-26', TODAY), ageOn('2008-02-29', '2026-02-28')]).toEqual([18, 17, 17]);
  });
});
