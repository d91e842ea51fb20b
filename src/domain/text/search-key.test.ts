import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { searchKey } from './search-key.ts';

describe('searchKey', () => {
  it.each([
    ['José  Ñugroho-Putra', 'jose nugroho putra'],
    ['MUHAMMAD  Rizky', 'muhammad rizky'],
    ["I Gusti Ngurah Ra'i", 'i gusti ngurah ra i'],
  ])('%s → %s', (input, expected) => expect(searchKey(input)).toBe(expected));

  it('is idempotent and yields only [a-z0-9 ]', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const k = searchKey(s);
        expect(searchKey(k)).toBe(k);
        expect(k).toMatch(/^[a-z0-9 ]*$/);
      }),
    );
  });
});
