import { z } from 'zod';
import { REQUEST_STATUSES } from '../../domain/catalogue/catalogue.ts';
import { msg } from '../i18n/zod-issues.ts';
import { IdRef, pageOf, PageQuery, PositiveId, Version } from './common.ts';
import { WORK_CATEGORIES } from './work.ts';

/** Public catalogue and order/quotation requests (issue #5, catalogue part). */

export const AVAILABILITY = ['available', 'limited', 'preorder'] as const;
export const REQUEST_KINDS = ['order', 'quotation'] as const;
export const BUYER_KINDS = ['ministry', 'agency', 'local_government', 'company', 'individual'] as const;
export { REQUEST_STATUSES };

const rupiahQuery = z.coerce.number(msg('not_number')).int(msg('not_integer')).min(0, msg('too_small_number')).max(1_000_000_000_000, msg('too_big_number'));
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const CatalogueSearchQuery = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100, msg('too_long')).optional()),
  category: z.preprocess(emptyToUndefined, z.enum(WORK_CATEGORIES, msg('invalid_option')).optional()),
  /** Province code (Kemendagri), e.g. '33' for Jawa Tengah. */
  province: z.preprocess(emptyToUndefined, z.string().regex(/^\d{2}$/, msg('invalid')).optional()),
  uptId: z.preprocess(emptyToUndefined, PositiveId.optional()),
  minPrice: z.preprocess(emptyToUndefined, rupiahQuery.optional()),
  maxPrice: z.preprocess(emptyToUndefined, rupiahQuery.optional()),
  page: z.preprocess(emptyToUndefined, PageQuery.shape.page),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(60).default(24)),
});
export type CatalogueSearchQuery = z.infer<typeof CatalogueSearchQuery>;

export const CatalogueItem = z.object({
  id: z.number().int(),
  ref: z.string().describe('`<id>-<slug>`, the product page is /katalog/produk/<ref>'),
  name: z.string(),
  category: z.enum(WORK_CATEGORIES),
  unit: z.string(),
  priceRupiah: z.number().int(),
  uptId: z.number().int(),
  uptName: z.string(),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  availability: z.enum(AVAILABILITY),
  imageUrl: z.string(),
  illustrative: z.boolean().describe('true when the image is a generated illustration of the category, not a photo of the product'),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;

export const CatalogueSearchResult = pageOf(CatalogueItem).extend({
  /** Query words widened to similar catalogue words (typo tolerance), for "showing results for …". */
  matchedWords: z.array(z.array(z.string())),
});
export type CatalogueSearchResult = z.infer<typeof CatalogueSearchResult>;

export const Provenance = z.object({
  /** Distinct inmates who worked on batches of this product in the last 12 months; null when none, "fewer than" for small counts. */
  workers: z.union([z.object({ exact: z.number().int() }), z.object({ fewerThan: z.number().int() })]).nullable(),
  batches: z.number().int(),
  outputQty: z.number().int(),
  activities: z.array(z.string()).describe('work activities of the UPT in the product’s category'),
  since: z.string(),
});
export type Provenance = z.infer<typeof Provenance>;

export const CatalogueProduct = CatalogueItem.extend({
  description: z.string().nullable(),
  photos: z.array(z.object({ id: z.number().int(), url: z.string() })),
  uptRef: z.string(),
  provenance: Provenance,
});
export type CatalogueProduct = z.infer<typeof CatalogueProduct>;

const text = (max: number) => z.string(msg('required')).trim().max(max, msg('too_long'));
const optionalText = (max: number) => z.preprocess(emptyToUndefined, text(max).optional());
/** Indonesian numbers: 08…, 62…, +62…, 7 to 15 digits, spaces and dashes allowed. */
export const PHONE_PATTERN = /^(\+?62|0)[0-9][0-9 -]{6,16}$/;

export const OrderRequestLineInput = z.strictObject({
  productId: IdRef,
  qty: z.number(msg('not_number')).int(msg('not_integer')).min(1, msg('too_small_number')).max(1_000_000, msg('too_big_number')),
});

/**
 * An order or quotation request, as the public form (or a partner over the API) sends it. All
 * lines must be products of one UPT: each UPT answers, delivers and invoices for itself.
 */
export const OrderRequestInput = z
  .strictObject({
    kind: z.enum(REQUEST_KINDS, msg('invalid_option')),
    buyerKind: z.enum(BUYER_KINDS, msg('invalid_option')),
    buyerName: text(120).min(3, msg('too_short')),
    institution: optionalText(200),
    email: z.preprocess(emptyToUndefined, z.email(msg('invalid_email')).max(200, msg('too_long')).optional()),
    phone: z.preprocess(emptyToUndefined, z.string().trim().regex(PHONE_PATTERN, msg('invalid_phone')).optional()),
    region: text(200).min(3, msg('too_short')),
    notes: optionalText(2000),
    idempotencyKey: z.string(msg('required')).trim().min(16, msg('too_short')).max(100, msg('too_long')),
    lines: z.array(OrderRequestLineInput).min(1, msg('no_items')).max(50, msg('too_big_number')),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'msg:contact_required' });
    if (v.buyerKind !== 'individual' && !v.institution) ctx.addIssue({ code: 'custom', path: ['institution'], message: 'msg:institution_required' });
  });
export type OrderRequestInput = z.infer<typeof OrderRequestInput>;

export const OrderRequestLine = z.object({
  productId: z.number().int(),
  productName: z.string(),
  unit: z.string(),
  qty: z.number().int(),
  unitPriceRupiah: z.number().int(),
  lineTotalRupiah: z.number().int(),
});

export const OrderRequestSummary = z.object({
  id: z.number().int(),
  uptId: z.number().int(),
  uptName: z.string(),
  kanwilId: z.number().int(),
  number: z.string(),
  kind: z.enum(REQUEST_KINDS),
  buyerKind: z.enum(BUYER_KINDS),
  buyerName: z.string(),
  institution: z.string().nullable(),
  region: z.string(),
  totalRupiah: z.number().int(),
  status: z.enum(REQUEST_STATUSES),
  createdAt: z.string(),
  version: z.number().int(),
});
export type OrderRequestSummary = z.infer<typeof OrderRequestSummary>;

export const OrderRequest = OrderRequestSummary.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  statusReason: z.string().nullable(),
  lang: z.enum(['id', 'en']),
  lines: z.array(OrderRequestLine),
  updatedAt: z.string(),
});
export type OrderRequest = z.infer<typeof OrderRequest>;

export const OrderRequestListQuery = PageQuery.extend({
  status: z.enum(REQUEST_STATUSES).optional(),
  uptId: PositiveId.optional(),
});
export const OrderRequestPage = pageOf(OrderRequestSummary);

export const OrderRequestStatusInput = z
  .strictObject({
    status: z.enum(['in_progress', 'answered', 'declined'], msg('invalid_option')),
    reason: z.preprocess(emptyToUndefined, text(1000).optional()),
    version: Version,
  })
  .superRefine((v, ctx) => {
    if (v.status === 'declined' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'msg:reason_required' });
  });
export type OrderRequestStatusInput = z.infer<typeof OrderRequestStatusInput>;

export const RequestCounts = z.object({
  items: z.array(z.object({ uptId: z.number().int(), uptName: z.string(), new: z.number().int(), inProgress: z.number().int() })),
});

export const ListingQuery = z.object({
  uptId: PositiveId.optional(),
  published: z.enum(['true', 'false', 'all']).default('all'),
});

export const Listing = z.object({
  id: z.number().int(),
  ref: z.string(),
  uptId: z.number().int(),
  uptName: z.string(),
  kanwilId: z.number().int(),
  name: z.string(),
  category: z.enum(WORK_CATEGORIES),
  unit: z.string(),
  priceRupiah: z.number().int(),
  description: z.string().nullable(),
  active: z.boolean(),
  published: z.boolean(),
  onHand: z.number().int(),
  availability: z.enum(AVAILABILITY),
  photos: z.array(z.object({ id: z.number().int(), url: z.string(), fileName: z.string() })),
  version: z.number().int(),
});
export type Listing = z.infer<typeof Listing>;

export const ListingUpdateInput = z.strictObject({
  published: z.boolean().optional(),
  description: z.string().trim().max(2000, msg('too_long')).nullable().optional(),
  priceRupiah: z.number(msg('not_number')).int(msg('not_integer')).min(0, msg('too_small_number')).max(1_000_000_000_000, msg('too_big_number')).optional(),
  version: Version,
});
export type ListingUpdateInput = z.infer<typeof ListingUpdateInput>;

/** Most a catalogue photo may weigh. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_PER_PRODUCT = 6;
