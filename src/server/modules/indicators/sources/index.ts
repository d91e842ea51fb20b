import { harvestSource } from './harvest.ts';
import { manualSource } from './manual.ts';
import { occupancySource } from './occupancy.ts';
import { overstaySource } from './overstay.ts';
import { pnbpSource } from './pnbp.ts';
import { pokmasSource } from './pokmas.ts';
import { certifiedSource, trainedSource } from './training.ts';
import { plantedSource } from './planted.ts';
import { premiSource } from './premi.ts';
import { productionSource } from './production.ts';
import { remissionSource } from './remission.ts';
import type { RealisationSource } from './types.ts';
import { workDaysSource } from './work-days.ts';
import { workersSource } from './workers.ts';

export type { RealisationSource, SourceRow } from './types.ts';
export { compute } from './types.ts';

/** Every realisation source by key. See `types.ts` for the interface and how to add one. */
export const SOURCES: ReadonlyMap<string, RealisationSource> = new Map(
  [manualSource, workDaysSource, workersSource, premiSource, productionSource, plantedSource, harvestSource, remissionSource, overstaySource, occupancySource, pnbpSource, trainedSource, certifiedSource, pokmasSource].map((s) => [s.key, s]),
);

export function sourceOf(key: string): RealisationSource | undefined {
  return SOURCES.get(key);
}
