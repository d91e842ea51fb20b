import { describe, expect, it } from 'vitest';
import { createRng } from '../../domain/random/prng.ts';
import { generateCapacities, PUBLISHED_CAPACITY } from './generated-capacity.ts';

describe('generateCapacities', () => {
  const upts = [
    ...Array.from({ length: 300 }, (_, i) => ({ type: i % 10 === 0 ? 'lpp' : 'lapas', class: ['I', 'IIA', 'IIB', 'III'][i % 4] ?? null })),
    ...Array.from({ length: 150 }, (_, i) => ({ type: 'rutan', class: ['I', 'IIA', 'IIB'][i % 3] ?? null })),
    ...Array.from({ length: 30 }, () => ({ type: 'lpka', class: 'I' })),
    ...Array.from({ length: 80 }, () => ({ type: 'bapas', class: 'I' })),
  ];

  it('sums exactly to the published national capacity, per group', () => {
    const caps = generateCapacities(upts, createRng(7));
    const sum = (pred: (t: string) => boolean) =>
      caps.reduce<number>((s, c, i) => s + (pred(upts[i]!.type) ? (c ?? 0) : 0), 0);
    expect(sum((t) => t === 'lapas' || t === 'lpp')).toBe(PUBLISHED_CAPACITY.lapas);
    expect(sum((t) => t === 'rutan')).toBe(PUBLISHED_CAPACITY.rutan);
    expect(sum(() => true)).toBe(PUBLISHED_CAPACITY.total);
  });

  it('gives no capacity to units that house no inmates', () => {
    const caps = generateCapacities(upts, createRng(7));
    upts.forEach((u, i) => {
      if (u.type === 'bapas') expect(caps[i]).toBeNull();
      else expect(caps[i]).toBeGreaterThan(0);
    });
  });
});
