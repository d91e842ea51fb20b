import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityBand, canMove, idOfRef, pageRef, publicCount, REQUEST_STATUSES, requestNumber, slugify } from './catalogue.ts';

describe('slugs and page references', () => {
  it.each([
    ['Keripik Tempe 250 g', 'keripik-tempe-250-g'],
    ['Kain Batik Tulis "Parang"', 'kain-batik-tulis-parang'],
    ['Café Crème', 'cafe-creme'],
    ['!!!', 'produk'],
  ])('%s → %s', (name, slug) => expect(slugify(name)).toBe(slug));

  it('reads the id back from any reference it builds', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999_999_999 }), fc.string(), (id, name) => {
      const ref = pageRef(id, name);
      expect(idOfRef(ref)).toBe(id);
      expect(ref).toMatch(/^\d+-[a-z0-9-]+$/);
    }));
  });

  it.each(['', 'abc', '-12', '0-x', '12x'])('finds no id in %j', (ref) => expect(idOfRef(ref)).toBeUndefined());
});

describe('availability band', () => {
  it.each([
    [-3, 'preorder'], [0, 'preorder'], [1, 'limited'], [19, 'limited'], [20, 'available'], [5000, 'available'],
  ] as const)('%i on hand → %s', (qty, band) => expect(availabilityBand(qty)).toBe(band));
});

describe('request numbers and status', () => {
  it('pads the number per year', () => {
    expect(requestNumber(2026, 7)).toBe('PMN-2026-0007');
    expect(requestNumber(2027, 12345)).toBe('PMN-2027-12345');
  });

  it('never leaves converted, and never returns to new', () => {
    for (const s of REQUEST_STATUSES) {
      expect(canMove('converted', s)).toBe(false);
      expect(canMove(s, 'new')).toBe(false);
    }
    expect(canMove('new', 'declined')).toBe(true);
    expect(canMove('declined', 'in_progress')).toBe(true);
    expect(canMove('declined', 'answered')).toBe(false);
  });
});

describe('public counts', () => {
  it('hides counts small enough to point at a person', () => {
    expect(publicCount(0)).toBeNull();
    expect(publicCount(1)).toEqual({ fewerThan: 5 });
    expect(publicCount(4)).toEqual({ fewerThan: 5 });
    expect(publicCount(14)).toEqual({ exact: 14 });
  });
});
