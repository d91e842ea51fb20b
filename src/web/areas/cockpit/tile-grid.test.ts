import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSharedDataDir } from '../../../server/seed/reference-data.ts';
import { describe, expect, it } from 'vitest';
import { GRID_COLS, GRID_ROWS, PROVINCE_TILES } from './tile-grid.ts';

describe('province tile grid', () => {
  it('places each of the 38 provinces of the reference list once, on distinct tiles inside the grid', () => {
    const codes = readFileSync(path.join(defaultSharedDataDir(), 'provinces.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(Object.keys(PROVINCE_TILES).sort()).toEqual([...codes].sort());
    const cells = Object.values(PROVINCE_TILES).map(([c, r]) => `${c},${r}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(Object.values(PROVINCE_TILES).every(([c, r]) => c >= 0 && c < GRID_COLS && r >= 0 && r < GRID_ROWS)).toBe(true);
  });
});
