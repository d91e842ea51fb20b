import { describe, expect, it } from 'vitest';
import { likeLiteral } from './like.ts';

describe('likeLiteral', () => {
  it.each([
    ['BI_0001', 'BI\\_0001'],
    ['50%', '50\\%'],
    ['a\\b', 'a\\\\b'],
    ['plain', 'plain'],
  ])('%j → %j', (text, pattern) => {
    expect(likeLiteral(text)).toBe(pattern);
  });
});
