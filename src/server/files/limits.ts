import type { SniffedType } from '../../shared/files/sniff.ts';

/** Upload limits, in one place: documents (PDF) and images. */
export const MAX_BYTES: Record<SniffedType, number> = {
  pdf: 10 * 1024 * 1024,
  jpeg: 5 * 1024 * 1024,
  png: 5 * 1024 * 1024,
  webp: 5 * 1024 * 1024,
};

/** Images are shown in the page; documents are always downloaded. */
export const INLINE_TYPES: readonly SniffedType[] = ['jpeg', 'png', 'webp'];
