import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPokmasLipas, POKMAS_FIELDS, type PokmasGroupFacts } from './pokmas.ts';

const g = (field: PokmasGroupFacts['field'], members: number, active = true): PokmasGroupFacts => ({ field, members, active });
const LAW = 'hukum_kemasyarakatan' as const;
const SELF = 'kemandirian_kepribadian' as const;

describe('Pokmas Lipas formation rule (Kepdirjenpas PAS-06.OT.02.02/2020)', () => {
  const cases: Array<[string, PokmasGroupFacts[], boolean, number, string[]]> = [
    ['no group at all', [], false, 0, ['missing_hukum_kemasyarakatan', 'missing_kemandirian_kepribadian']],
    ['both fields with five partners each', [g(LAW, 5), g(SELF, 5)], true, 2, []],
    ['one field only', [g(LAW, 7)], false, 1, ['missing_kemandirian_kepribadian']],
    ['four partners are not enough', [g(LAW, 5), g(SELF, 4)], false, 1, ['short_kemandirian_kepribadian']],
    ['an inactive group does not count', [g(LAW, 5), g(SELF, 9, false)], false, 1, ['missing_kemandirian_kepribadian']],
    ['a third group counts towards the target too', [g(LAW, 5), g(SELF, 5), g(SELF, 6)], true, 3, []],
    ['a small group beside a full one of the same field', [g(LAW, 5), g(LAW, 2), g(SELF, 5)], true, 2, []],
  ];
  it.each(cases)('%s', (_name, groups, ok, formed, codes) => {
    const r = checkPokmasLipas(groups);
    expect([r.ok, r.formedGroups, r.totalGroups, r.shortfalls.map((s) => s.code)]).toEqual([ok, formed, groups.length, codes]);
  });

  it('says how many partners the largest group of a short field has, in both languages', () => {
    const r = checkPokmasLipas([g(LAW, 5), g(SELF, 3), g(SELF, 1)]);
    expect(r.shortfalls[0]).toMatchObject({ id: 'Kelompok bidang kemandirian dan kepribadian baru 3 dari 5 mitra.', en: 'The self-reliance and personality group has 3 of 5 partners.' });
  });

  const groupArb = fc.record({ field: fc.constantFrom(...POKMAS_FIELDS), members: fc.integer({ min: 0, max: 12 }), active: fc.boolean() });
  it('a Bapas meets the rule exactly when each field has an active group of five or more', () => {
    fc.assert(
      fc.property(fc.array(groupArb, { maxLength: 8 }), (groups) => {
        const expected = POKMAS_FIELDS.every((f) => groups.some((x) => x.field === f && x.active && x.members >= 5));
        const r = checkPokmasLipas(groups);
        return r.ok === expected && r.ok === (r.shortfalls.length === 0);
      }),
    );
  });
  it('formed groups never exceed the groups, and adding a member never breaks the rule', () => {
    fc.assert(
      fc.property(fc.array(groupArb, { minLength: 1, maxLength: 8 }), fc.nat(), (groups, i) => {
        const r = checkPokmasLipas(groups);
        const k = i % groups.length;
        const more = groups.map((x, j) => (j === k ? { ...x, members: x.members + 1 } : x));
        const r2 = checkPokmasLipas(more);
        return r.formedGroups <= r.totalGroups && (!r.ok || r2.ok) && r2.formedGroups >= r.formedGroups;
      }),
    );
  });
});
