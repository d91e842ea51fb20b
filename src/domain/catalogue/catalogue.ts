import { searchKey } from '../text/search-key.ts';

/**
 * Pure rules of the public catalogue: readable links, availability bands shown to the public,
 * request numbers and the life of an order or quotation request.
 */

/** "Keripik Tempe 250 g" → "keripik-tempe-250-g"; never empty. */
export function slugify(name: string): string {
  return searchKey(name).replaceAll(' ', '-').slice(0, 80).replace(/-+$/, '') || 'produk';
}

/** The public reference of a product or UPT page: `<id>-<slug>`. */
export const pageRef = (id: number, name: string) => `${id}-${slugify(name)}`;

/** The id at the start of a page reference ("12-keripik" → 12); undefined when there is none. */
export function idOfRef(ref: string): number | undefined {
  const m = /^(\d{1,9})(?:-|$)/.exec(ref);
  if (!m) return undefined;
  const id = Number(m[1]);
  return id > 0 ? id : undefined;
}

export type Availability = 'available' | 'limited' | 'preorder';

/** On hand from which a product is shown as "available"; below it (but above zero) "limited". */
export const AMPLE_STOCK = 20;

/**
 * What the public sees of stock: a band, not the count (a UPT's exact stock is its business and
 * changes by the hour). Nothing on hand means made to order.
 */
export function availabilityBand(onHand: number): Availability {
  if (onHand >= AMPLE_STOCK) return 'available';
  if (onHand > 0) return 'limited';
  return 'preorder';
}

/** `PMN-2026-0007`: one gap-free series per UPT and year, orders and quotations alike. */
export function requestNumber(year: number, n: number): string {
  return `PMN-${year}-${String(n).padStart(4, '0')}`;
}

export const REQUEST_STATUSES = ['new', 'in_progress', 'answered', 'declined', 'converted'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * Where a request may go next. "converted" is set only when the sales module creates the
 * institutional order from it; "declined" needs a reason the buyer can be told.
 */
const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['in_progress', 'answered', 'declined', 'converted'],
  in_progress: ['answered', 'declined', 'converted'],
  answered: ['in_progress', 'declined', 'converted'],
  declined: ['in_progress'],
  converted: [],
};

export function canMove(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * Worker counts published on a product page are aggregates; a count below this is shown as
 * "fewer than" it, so a product made by one or two people never points at them.
 */
export const SMALL_COUNT = 5;

export function publicCount(n: number): { exact: number } | { fewerThan: number } | null {
  if (n <= 0) return null;
  return n < SMALL_COUNT ? { fewerThan: SMALL_COUNT } : { exact: n };
}
