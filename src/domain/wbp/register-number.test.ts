import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRegisterList, registerKey, REGISTER_SEPARATORS } from './register-number.ts';

describe('registerKey', () => {
  it.each([
    ['BI.123/2024', 'BI.123/2024'],
    ['bi.123/2024', 'BI.123/2024'],
    ['  BI. 123 / 2024 ', 'BI.123/2024'],
    ['BI\u00a0123/2024', 'BI123/2024'], // no-break space from a spreadsheet
    ['ＢＩ１２３／２０２４', 'BI123/2024'], // full-width keyboard
    ['B\u200bI123', 'BI123'], // zero-width space
    ['\ufeffAII.5/2023', 'AII.5/2023'], // byte-order mark at the start of a CSV cell
    ['a\tb\nc\r\nd', 'ABCD'],
    ['BI.123', 'BI.123'],
    ['BI-123', 'BI-123'], // punctuation is kept: a different number
    ['é-1', 'é-1'], // only ASCII is case-folded (PostgreSQL agrees whatever its locale)
    ['', ''],
  ])('%j → %j', (raw, key) => {
    expect(registerKey(raw)).toBe(key);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => registerKey(registerKey(s)) === registerKey(s)));
  });

  it('ignores ASCII case and any separator inserted anywhere', () => {
    const separator = fc.constantFrom(...REGISTER_SEPARATORS, '\u00a0', '\u3000', '\u2003');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 4 }), fc.array(separator, { maxLength: 2 }))), fc.boolean(), (parts, lower) => {
        const plain = parts.map(([p]) => p).join('');
        const spaced = parts.map(([p, s]) => p + s.join('')).join('');
        const cased = lower ? spaced.toLowerCase() : spaced.toUpperCase();
        return registerKey(plain) === registerKey(cased);
      }),
    );
  });

  it('never keeps a separator or an ASCII lower-case letter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const key = registerKey(s);
        return ![...key].some((ch) => REGISTER_SEPARATORS.includes(ch) || (ch >= 'a' && ch <= 'z'));
      }),
    );
  });
});

describe('parseRegisterList', () => {
  it('splits on lines, commas, semicolons and tabs, once per key, first spelling kept', () => {
    expect(parseRegisterList('BI.1/2024\nbi.1/2024; B I.1/2024,\tAI.7/2023\r\n\n , BI.2/2024')).toEqual(['BI.1/2024', 'AI.7/2023', 'BI.2/2024']);
  });
  it('drops blank and separator-only entries', () => {
    expect(parseRegisterList(' \n\u200b\n,,;')).toEqual([]);
  });
});
