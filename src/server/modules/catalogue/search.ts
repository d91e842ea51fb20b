import { availabilityBand, pageRef, publicCount } from '../../../domain/catalogue/catalogue.ts';
import { searchKey } from '../../../domain/text/search-key.ts';
import type { CatalogueItem, CatalogueProduct, CatalogueSearchQuery, CatalogueSearchResult, Provenance } from '../../../shared/schemas/catalogue.ts';
import type { Queryable } from '../../db/pool.ts';

/** Where a product's pictures are served: its first photo, or the illustration of its category. */
export const photoUrl = (photoId: number) => `/katalog/foto/${photoId}`;
export const illustrationUrl = (category: string) => `/katalog/ilustrasi/${category}.svg`;

/** A product is listed when published, active, and its UPT is active. */
const LISTED = 'p.published AND p.active AND u.active';

interface ItemRow {
  id: number;
  name: string;
  category: CatalogueItem['category'];
  unit: string;
  price_rupiah: string | number;
  upt_id: number;
  upt_name: string;
  province_code: string | null;
  province_name: string | null;
  on_hand: string | number | null;
  photo_id: string | number | null;
  [key: string]: unknown;
}

const ITEM_COLUMNS = `p.id, p.name, p.category, p.unit, p.price_rupiah, p.upt_id, u.name AS upt_name, k.province_code, pr.name AS province_name,
  coalesce((SELECT oh.qty FROM stock_item si JOIN stock_on_hand oh ON oh.item_id = si.id WHERE si.product_id = p.id), 0) AS on_hand,
  (SELECT ph.id FROM product_photo ph WHERE ph.product_id = p.id ORDER BY ph.position, ph.id LIMIT 1) AS photo_id`;
const ITEM_FROM = 'product p JOIN upt u ON u.id = p.upt_id JOIN kanwil k ON k.id = p.kanwil_id LEFT JOIN province pr ON pr.code = k.province_code';

export function toItem(r: ItemRow): CatalogueItem {
  const photo = r.photo_id === null ? null : Number(r.photo_id);
  return {
    id: r.id, ref: pageRef(r.id, r.name), name: r.name, category: r.category, unit: r.unit, priceRupiah: Number(r.price_rupiah),
    uptId: r.upt_id, uptName: r.upt_name, provinceCode: r.province_code, provinceName: r.province_name,
    availability: availabilityBand(Number(r.on_hand ?? 0)),
    imageUrl: photo === null ? illustrationUrl(r.category) : photoUrl(photo), illustrative: photo === null,
  };
}

/** Most words of a query that are searched; the rest are ignored. */
const MAX_WORDS = 5;
/** Catalogue words a query word may stand for ("kripik" → keripik, kripik). */
const VARIANTS_PER_WORD = 8;

/**
 * Widens each query word to the catalogue words it may mean: the word itself, words it starts
 * (typing in progress) and words similar by trigrams (typos). One round trip over the small word
 * table; an empty list for a word means nothing can match.
 */
async function variantsOf(db: Queryable, words: string[]): Promise<string[][]> {
  const rows = await db.query<{ i: string | number; word: string }>(
    `SELECT t.i, w.word
       FROM unnest($1::text[]) WITH ORDINALITY AS t(tok, i)
       CROSS JOIN LATERAL (
         SELECT word FROM catalogue_word
          WHERE word % t.tok OR word LIKE t.tok || '%'
          ORDER BY word = t.tok DESC, word LIKE t.tok || '%' DESC, similarity(word, t.tok) DESC, word
          LIMIT ${VARIANTS_PER_WORD}) w`,
    [words],
  );
  const out: string[][] = words.map(() => []);
  for (const r of rows) out[Number(r.i) - 1]!.push(r.word);
  return out;
}

/**
 * The public search: only listed products; each query word must match (as itself, a word it
 * starts, or a similar catalogue word) a word of the product's name, category, UPT or province;
 * filters by category, province, UPT and price; exact words first, then newest listings.
 */
export async function searchCatalogue(db: Queryable, q: CatalogueSearchQuery): Promise<CatalogueSearchResult> {
  const words = [...new Set(searchKey(q.q ?? '').split(' ').filter((w) => w.length >= 2))].slice(0, MAX_WORDS);
  const matchedWords = words.length ? await variantsOf(db, words) : [];
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize, matchedWords };
  if (matchedWords.some((v) => v.length === 0)) return empty;
  const params: unknown[] = [];
  const conds = [LISTED];
  // Each query word: the product holds one of the catalogue words it was widened to (array index).
  for (const v of matchedWords) conds.push(`p.search_words && $${params.push(v)}::text[]`);
  if (q.category) conds.push(`p.category = $${params.push(q.category)}`);
  if (q.province) conds.push(`k.province_code = $${params.push(q.province)}`);
  if (q.uptId) conds.push(`p.upt_id = $${params.push(q.uptId)}`);
  if (q.minPrice !== undefined) conds.push(`p.price_rupiah >= $${params.push(q.minPrice)}`);
  if (q.maxPrice !== undefined) conds.push(`p.price_rupiah <= $${params.push(q.maxPrice)}`);
  // Best first: products holding more of the words exactly as typed (not just a similar word).
  const rank = words.length ? words.map((w) => `(p.search_words @> ARRAY[$${params.push(w)}::text])::int`).join(' + ') : '0';
  const limit = `LIMIT $${params.push(q.pageSize)} OFFSET $${params.push((q.page - 1) * q.pageSize)}`;
  const rows = await db.query<ItemRow & { total: string | number }>(
    `WITH hits AS (
       SELECT p.id, ${rank} AS rank, count(*) OVER () AS total
         FROM product p JOIN upt u ON u.id = p.upt_id JOIN kanwil k ON k.id = p.kanwil_id
        WHERE ${conds.join(' AND ')}
        ORDER BY rank DESC, p.id DESC ${limit})
     SELECT ${ITEM_COLUMNS}, h.total FROM hits h JOIN ${ITEM_FROM} ON p.id = h.id ORDER BY h.rank DESC, p.id DESC`,
    params,
  );
  return { ...empty, items: rows.map(toItem), total: Number(rows[0]?.total ?? 0) };
}

/** One listed product with its photos and provenance; undefined when not listed. */
export async function catalogueProduct(db: Queryable, id: number, today: string): Promise<CatalogueProduct | undefined> {
  const row = await db.one<ItemRow & { description: string | null }>(`SELECT ${ITEM_COLUMNS}, p.description FROM ${ITEM_FROM} WHERE p.id = $1 AND ${LISTED}`, [id]);
  if (!row) return undefined;
  const [photos, provenance] = await Promise.all([
    db.query<{ id: string | number }>('SELECT id FROM product_photo WHERE product_id = $1 ORDER BY position, id', [id]),
    provenanceOf(db, id, row.upt_id, row.category, today),
  ]);
  return {
    ...toItem(row), description: row.description, uptRef: pageRef(row.upt_id, row.upt_name), provenance,
    photos: photos.map((p) => ({ id: Number(p.id), url: photoUrl(Number(p.id)) })),
  };
}

/** A year back from `today` (same day of the previous year). */
const yearBefore = (today: string) => `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`.replace('-02-29', '-02-28');

/**
 * Who made it, in aggregates only: distinct inmates on the product's batches in the last 12 months
 * (small counts shown as "fewer than 5"), batches, output, and the UPT's activities of that kind.
 * Never a name or a register number.
 */
export async function provenanceOf(db: Queryable, productId: number, uptId: number, category: string, today: string): Promise<Provenance> {
  const since = yearBefore(today);
  const [work, activities] = await Promise.all([
    db.one<{ workers: number; batches: number; output: string | number | null }>(
      `SELECT (SELECT count(DISTINCT w.wbp_id)::int FROM production_batch b JOIN production_batch_worker w ON w.batch_id = b.id
                WHERE b.product_id = $1 AND b.date > $2) AS workers,
              count(*)::int AS batches, coalesce(sum(output_qty), 0) AS output
         FROM production_batch WHERE product_id = $1 AND date > $2`,
      [productId, since],
    ),
    db.query<{ name: string }>('SELECT name FROM work_activity WHERE upt_id = $1 AND category = $2 AND active ORDER BY name LIMIT 5', [uptId, category]),
  ]);
  return { workers: publicCount(work?.workers ?? 0), batches: work?.batches ?? 0, outputQty: Number(work?.output ?? 0), activities: activities.map((a) => a.name), since };
}

export interface UptShowcase {
  id: number;
  ref: string;
  name: string;
  kanwilName: string;
  provinceName: string | null;
  address: string | null;
  products: number;
  categories: string[];
  activities: string[];
}

/** A UPT's public page header: what it makes and where it is. Undefined when it lists nothing. */
export async function uptShowcase(db: Queryable, uptId: number): Promise<UptShowcase | undefined> {
  const row = await db.one<{ id: number; name: string; kanwil_name: string; province_name: string | null; address: string | null; products: number; categories: string[] }>(
    `SELECT u.id, u.name, k.name AS kanwil_name, pr.name AS province_name, u.address,
            count(p.id)::int AS products, coalesce(array_agg(DISTINCT p.category) FILTER (WHERE p.id IS NOT NULL), '{}') AS categories
       FROM upt u JOIN kanwil k ON k.id = u.kanwil_id LEFT JOIN province pr ON pr.code = k.province_code
       LEFT JOIN product p ON p.upt_id = u.id AND p.published AND p.active
      WHERE u.id = $1 AND u.active GROUP BY u.id, k.name, pr.name`,
    [uptId],
  );
  if (!row || row.products === 0) return undefined;
  const activities = await db.query<{ name: string }>('SELECT name FROM work_activity WHERE upt_id = $1 AND active ORDER BY name LIMIT 12', [uptId]);
  return {
    id: row.id, ref: pageRef(row.id, row.name), name: row.name, kanwilName: row.kanwil_name, provinceName: row.province_name, address: row.address,
    products: row.products, categories: row.categories, activities: activities.map((a) => a.name),
  };
}

/** Provinces that have listed products, for the filter. */
export async function listedProvinces(db: Queryable): Promise<Array<{ code: string; name: string }>> {
  return db.query(
    `SELECT pr.code, pr.name FROM province pr
      WHERE EXISTS (SELECT 1 FROM kanwil k JOIN product p ON p.kanwil_id = k.id WHERE k.province_code = pr.code AND p.published AND p.active)
      ORDER BY pr.name`,
  );
}
