import { randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { etag } from 'hono/etag';
import { idOfRef, pageRef } from '../../../../domain/catalogue/catalogue.ts';
import { searchKey } from '../../../../domain/text/search-key.ts';
import { fieldErrors } from '../../../../shared/i18n/zod-issues.ts';
import { fieldMessage, FIELD_MESSAGES, type FieldMessageKey } from '../../../../shared/i18n/errors.ts';
import type { Lang } from '../../../../shared/i18n/lang.ts';
import { CatalogueSearchQuery, OrderRequestInput } from '../../../../shared/schemas/catalogue.ts';
import { WORK_CATEGORIES } from '../../../../shared/schemas/work.ts';
import { declarePlainRoute, publicRoute } from '../../../http/access.ts';
import type { AppEnv } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { checkParams } from '../../../http/route.ts';
import { PositiveId } from '../../../../shared/schemas/common.ts';
import { z } from 'zod';
import { catalogueCache } from '../cache.ts';
import { confirmationOf, createOrderRequest, throttleRequests } from '../requests.ts';
import { catalogueProduct, listedProvinces, searchCatalogue, uptShowcase } from '../search.ts';
import { HONEYPOT, orderForm, qtyField, type FormProduct, type FormValues } from './form.ts';
import { html, raw } from './html.ts';
import { availabilityBadge, categoryLabel, link, page, productCard, type PageContext } from './layout.ts';
import { illustrationSvg } from './illustrations.ts';
import { rupiah, strings } from './strings.ts';

const PAGE_CACHE = 'public, max-age=60';

function pageContext(c: Context<AppEnv>): PageContext {
  const param = c.req.query('lang');
  const langParam: Lang | undefined = param === 'en' || param === 'id' ? param : undefined;
  const url = new URL(c.req.url);
  const query = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'lang'));
  return { lang: langParam ?? c.get('lang'), langParam, origin: url.origin, path: url.pathname, query };
}

function send(c: Context<AppEnv>, body: string, status: 200 | 400 | 404 | 429 = 200, cache = PAGE_CACHE) {
  return c.html(body, status, { 'cache-control': cache, vary: 'Accept-Language, Cookie' });
}

function notFoundPage(c: Context<AppEnv>, ctx: PageContext) {
  const s = strings(ctx.lang);
  return send(c, page(ctx, { title: s.notFoundTitle, description: s.notFound }, html`<h1>${s.notFoundTitle}</h1><p>${s.notFound}</p><p><a href="${link(ctx, '/katalog')}">${s.backToCatalogue}</a></p>`), 404, 'no-cache');
}

const provincesCached = (c: Context<AppEnv>) => catalogueCache.get('provinces', () => listedProvinces(c.get('services').db));
const search = (c: Context<AppEnv>, q: CatalogueSearchQuery) => catalogueCache.get(`search:${JSON.stringify(q)}`, () => searchCatalogue(c.get('services').db, q));

async function searchPage(c: Context<AppEnv>) {
  const ctx = pageContext(c);
  const s = strings(ctx.lang);
  const parsed = CatalogueSearchQuery.safeParse(c.req.query());
  const q = parsed.success ? parsed.data : CatalogueSearchQuery.parse({});
  const [result, provinces] = await Promise.all([search(c, q), provincesCached(c)]);
  const pages = Math.max(1, Math.ceil(result.total / q.pageSize));
  const base = { q: q.q, category: q.category, province: q.province, uptId: q.uptId, minPrice: q.minPrice, maxPrice: q.maxPrice };
  // Say so when a word was read as similar words (a typo, or a word being typed).
  const widened = result.matchedWords.some((v, i) => !v.includes(searchWords(q.q)[i] ?? ''));
  const first = result.items[0];
  const body = html`<h1>${s.search}</h1>
<form class="search" method="get" action="/katalog" role="search">
${ctx.langParam ? html`<input type="hidden" name="lang" value="${ctx.langParam}">` : ''}
<div><label for="q">${s.search}</label><input id="q" name="q" type="search" value="${q.q ?? ''}" placeholder="${s.searchPlaceholder}" autocomplete="off"></div>
<details class="filters"${q.category || q.province || q.minPrice !== undefined || q.maxPrice !== undefined ? raw(' open') : ''}><summary>${s.filters}</summary><div class="filter-grid">
<div><label for="category">${s.category}</label><select id="category" name="category"><option value="">${s.allCategories}</option>
${WORK_CATEGORIES.map((k) => html`<option value="${k}" ${q.category === k ? 'selected' : ''}>${categoryLabel(k, ctx.lang)}</option>`)}</select></div>
<div><label for="province">${s.province}</label><select id="province" name="province"><option value="">${s.allProvinces}</option>
${provinces.map((p) => html`<option value="${p.code}" ${q.province === p.code ? 'selected' : ''}>${p.name}</option>`)}</select></div>
<div><label for="minPrice">${s.minPrice}</label><input id="minPrice" name="minPrice" type="number" min="0" inputmode="numeric" value="${q.minPrice ?? ''}"></div>
<div><label for="maxPrice">${s.maxPrice}</label><input id="maxPrice" name="maxPrice" type="number" min="0" inputmode="numeric" value="${q.maxPrice ?? ''}"></div></div></details>
${q.uptId ? html`<input type="hidden" name="uptId" value="${q.uptId}">` : ''}
<div><button type="submit">${s.searchButton}</button></div></form>
<p aria-live="polite">${s.results(result.total)}${widened ? html` — ${s.showingFor}: <em>${result.matchedWords.map((v) => v.join(' / ')).join(', ')}</em>` : ''}</p>
${result.items.length ? html`<ul class="grid">${result.items.map((p) => productCard(ctx, p))}</ul>` : html`<p>${s.noResults}</p>`}
${pages > 1 ? html`<nav class="pager" aria-label="${s.page(q.page, pages)}">
${q.page > 1 ? html`<a rel="prev" href="${link(ctx, '/katalog', { ...base, page: q.page - 1 })}">${s.prev}</a>` : ''}<span>${s.page(q.page, pages)}</span>
${q.page < pages ? html`<a rel="next" href="${link(ctx, '/katalog', { ...base, page: q.page + 1 })}">${s.next}</a>` : ''}</nav>` : ''}`;
  return send(c, page(ctx, { title: q.q ? `${q.q} — ${s.search}` : s.siteName, description: s.tagline, image: first?.imageUrl, canonical: ctx.path }, body), parsed.success ? 200 : 400);
}

const searchWords = (q: string | undefined) => [...new Set(searchKey(q ?? '').split(' ').filter((w) => w.length >= 2))];

async function productPage(c: Context<AppEnv>) {
  const ctx = pageContext(c);
  const s = strings(ctx.lang);
  const id = idOfRef(c.req.param('ref') ?? '');
  const { db, clock } = c.get('services');
  const p = id ? await catalogueCache.get(`product:${id}`, () => catalogueProduct(db, id, clock.today())) : undefined;
  if (!p) return notFoundPage(c, ctx);
  if (c.req.param('ref') !== p.ref) return c.redirect(link(ctx, `/katalog/produk/${p.ref}`), 301);
  const more = await search(c, { uptId: p.uptId, page: 1, pageSize: 7 } as CatalogueSearchQuery);
  const others = more.items.filter((o) => o.id !== p.id).slice(0, 6);
  const cat = categoryLabel(p.category, ctx.lang);
  const pv = p.provenance;
  const workers = pv.workers === null ? null : 'exact' in pv.workers ? String(pv.workers.exact) : s.fewerThan(pv.workers.fewerThan);
  const description = (p.description ?? '').split(/\n+/).filter(Boolean);
  const body = html`<nav aria-label="breadcrumb" class="muted"><a href="${link(ctx, '/katalog')}">${s.home}</a> › <a href="${link(ctx, '/katalog', { category: p.category })}">${cat}</a></nav>
<div class="product"><div class="photo">
<img src="${p.imageUrl}" alt="${p.illustrative ? `${s.illustration}: ${cat}` : p.name}" width="400" height="400">
${p.illustrative ? html`<p class="muted">${s.illustrationNote}</p>` : ''}
${p.photos.length > 1 ? html`<div class="thumbs">${p.photos.slice(1).map((ph, i) => html`<a href="${ph.url}"><img src="${ph.url}" alt="${p.name} (${i + 2})" width="64" height="64" loading="lazy"></a>`)}</div>` : ''}
</div><div><h1>${p.name}</h1>
<p class="price">${rupiah(p.priceRupiah, ctx.lang)} <span class="muted">${s.perUnit} ${p.unit}</span></p>
<p>${availabilityBadge(ctx, p.availability)} <span class="muted">${cat}</span></p>
<p>${s.madeBy} <a href="${link(ctx, `/katalog/upt/${p.uptRef}`)}">${p.uptName}</a>${p.provinceName ? html`, ${p.provinceName}` : ''}</p>
${description.map((d) => html`<p>${d}</p>`)}
<p><a class="btn" href="${link(ctx, '/katalog/pesan', { produk: p.id })}">${s.order}</a></p>
<section class="panel" aria-labelledby="prov"><h2 id="prov">${s.provenanceTitle}</h2>
${workers ? html`<p>${s.provenanceWorkers(workers, 12)}. ${s.provenanceBatches(pv.batches)}.</p>` : html`<p>${s.provenanceNone}</p>`}
${pv.activities.length ? html`<p>${s.provenanceActivities}: ${pv.activities.join(', ')}.</p>` : ''}<p class="muted">${s.provenanceNote}</p></section>
</div></div>
${others.length ? html`<h2>${s.otherFromUpt}</h2><ul class="grid">${others.map((o) => productCard(ctx, o))}</ul><p><a href="${link(ctx, `/katalog/upt/${p.uptRef}`)}">${s.seeAllUpt}</a></p>` : ''}`;
  const desc = `${p.name} — ${rupiah(p.priceRupiah, ctx.lang)} / ${p.unit}. ${s.madeBy} ${p.uptName}.`;
  const jsonLd = {
    '@context': 'https://schema.org', '@type': 'Product', name: p.name, description: p.description ?? desc, image: ctx.origin + p.imageUrl, category: cat,
    brand: { '@type': 'Organization', name: p.uptName },
    offers: { '@type': 'Offer', priceCurrency: 'IDR', price: p.priceRupiah, availability: p.availability === 'preorder' ? 'https://schema.org/PreOrder' : p.availability === 'limited' ? 'https://schema.org/LimitedAvailability' : 'https://schema.org/InStock' },
  };
  return send(c, page(ctx, { title: p.name, description: desc, image: p.imageUrl, type: 'product', canonical: `/katalog/produk/${p.ref}`, jsonLd }, body));
}

async function uptPage(c: Context<AppEnv>) {
  const ctx = pageContext(c);
  const s = strings(ctx.lang);
  const id = idOfRef(c.req.param('ref') ?? '');
  const upt = id ? await catalogueCache.get(`upt:${id}`, () => uptShowcase(c.get('services').db, id)) : undefined;
  if (!upt) return notFoundPage(c, ctx);
  if (c.req.param('ref') !== upt.ref) return c.redirect(link(ctx, `/katalog/upt/${upt.ref}`), 301);
  const pageNo = Math.max(1, Math.min(1000, Number(c.req.query('page')) || 1));
  const result = await search(c, { uptId: upt.id, page: pageNo, pageSize: 24 } as CatalogueSearchQuery);
  const pages = Math.max(1, Math.ceil(result.total / 24));
  const body = html`<nav aria-label="breadcrumb" class="muted"><a href="${link(ctx, '/katalog')}">${s.home}</a></nav><h1>${upt.name}</h1>
<p>${upt.kanwilName}${upt.provinceName ? html` · ${upt.provinceName}` : ''}${upt.address ? html` · ${upt.address}` : ''}</p>
<p>${s.uptProducts(upt.products)} · ${s.categories}: ${upt.categories.map((k) => categoryLabel(k, ctx.lang)).join(', ')}</p>
${upt.activities.length ? html`<p>${s.uptActivities}: ${upt.activities.join(', ')}.</p>` : ''}
<ul class="grid">${result.items.map((p) => productCard(ctx, p))}</ul>
${pages > 1 ? html`<nav class="pager" aria-label="${s.page(pageNo, pages)}">${pageNo > 1 ? html`<a rel="prev" href="${link(ctx, ctx.path, { page: pageNo - 1 })}">${s.prev}</a>` : ''}<span>${s.page(pageNo, pages)}</span>${pageNo < pages ? html`<a rel="next" href="${link(ctx, ctx.path, { page: pageNo + 1 })}">${s.next}</a>` : ''}</nav>` : ''}`;
  return send(c, page(ctx, { title: upt.name, description: `${upt.name}: ${s.uptProducts(upt.products)}. ${s.tagline}.`, image: result.items[0]?.imageUrl, canonical: `/katalog/upt/${upt.ref}` }, body));
}

/** The chosen product and the other listed products of its UPT, for the order form. */
async function formProducts(c: Context<AppEnv>, productId: number): Promise<{ uptName: string; products: FormProduct[] } | undefined> {
  const rows = await c.get('services').db.query<{ id: number; name: string; unit: string; price_rupiah: string | number; upt_name: string }>(
    `SELECT p.id, p.name, p.unit, p.price_rupiah, u.name AS upt_name FROM product p JOIN upt u ON u.id = p.upt_id
      WHERE p.upt_id = (SELECT upt_id FROM product WHERE id = $1) AND p.published AND p.active AND u.active
      ORDER BY p.id = $1 DESC, p.name LIMIT 40`,
    [productId],
  );
  if (rows[0]?.id !== productId) return undefined;
  return { uptName: rows[0].upt_name, products: rows.map((r) => ({ id: r.id, name: r.name, unit: r.unit, priceRupiah: Number(r.price_rupiah) })) };
}

async function orderFormPage(c: Context<AppEnv>) {
  const ctx = pageContext(c);
  const productId = Number(c.req.query('produk'));
  const found = Number.isInteger(productId) && productId > 0 ? await formProducts(c, productId) : undefined;
  if (!found) return notFoundPage(c, ctx);
  const body = orderForm(ctx, { productId, ...found, values: { [qtyField(productId)]: '1', kind: 'order', buyerKind: 'ministry' }, errors: {}, key: randomUUID() });
  return send(c, page(ctx, { title: strings(ctx.lang).formTitle, description: strings(ctx.lang).formIntro }, body), 200, 'no-store');
}

const translated = (fields: AppError['fields'], lang: Lang): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? (v in FIELD_MESSAGES ? fieldMessage(v as FieldMessageKey, lang) : v) : v[lang]]));

async function submitOrder(c: Context<AppEnv>) {
  const ctx = pageContext(c);
  const s = strings(ctx.lang);
  const form = await c.req.parseBody();
  const values: FormValues = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v).slice(0, 2000)]));
  const productId = Number(values.produk);
  const found = Number.isInteger(productId) && productId > 0 ? await formProducts(c, productId) : undefined;
  if (!found) return notFoundPage(c, ctx);
  const key = values.idempotencyKey || randomUUID();
  const refuse = (errors: Record<string, string>, banner: string, status: 400 | 429 = 400) =>
    send(c, page(ctx, { title: s.formTitle, description: s.formIntro }, orderForm(ctx, { productId, ...found, values, errors, key, banner })), status, 'no-store');
  if (values[HONEYPOT]) return refuse({}, fieldMessage('spam_field', ctx.lang));
  try {
    await throttleRequests(c);
  } catch (e) {
    if (e instanceof AppError && e.status === 429) return refuse({}, s.rateLimited, 429);
    throw e;
  }
  // Quantities of the offered products; a field left empty or 0 is not ordered.
  const errors: Record<string, string> = {};
  const lines: Array<{ productId: number; qty: number }> = [];
  for (const p of found.products) {
    const raw = (values[qtyField(p.id)] ?? '').trim();
    if (raw === '' || raw === '0') continue;
    const qty = Number(raw);
    if (!Number.isInteger(qty) || qty < 0) errors[qtyField(p.id)] = fieldMessage('not_integer', ctx.lang);
    else lines.push({ productId: p.id, qty });
  }
  const input = {
    kind: values.kind, buyerKind: values.buyerKind, buyerName: values.buyerName, institution: values.institution, email: values.email, phone: values.phone,
    region: values.region, notes: values.notes, idempotencyKey: key, lines,
  };
  const parsed = OrderRequestInput.safeParse(input);
  if (!parsed.success) {
    for (const [k, v] of Object.entries(fieldErrors(parsed.error, ctx.lang))) {
      const m = /^lines\.(\d+)\./.exec(k);
      const target = m ? qtyField(lines[Number(m[1])]!.productId) : k;
      errors[target] ??= v;
    }
  }
  if (!parsed.success || Object.keys(errors).length) return refuse(errors, s.formErrors);
  try {
    const { clock } = c.get('services');
    await createOrderRequest(c.get('services').db, parsed.data, { lang: ctx.lang, today: clock.today(), requestId: c.get('requestId') });
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      const errs = translated(e.fields, ctx.lang);
      for (const [k, v] of Object.entries(errs)) {
        const m = /^lines\.(\d+)\./.exec(k);
        if (m) {
          errs[qtyField(lines[Number(m[1])]!.productId)] = v;
          delete errs[k];
        }
      }
      return refuse(errs, s.formErrors);
    }
    throw e;
  }
  return c.redirect(link(ctx, '/katalog/pesan/terkirim', { kunci: key }), 303);
}

async function confirmationPage(c: Context<AppEnv>) {
  const ctx = pageContext(c);
  const s = strings(ctx.lang);
  const r = await confirmationOf(c.get('services').db, c.req.query('kunci') ?? '');
  if (!r) return notFoundPage(c, ctx);
  const body = html`<h1>${s.sentTitle}</h1><p>${s.sentBody(r.uptName)}</p>
<p class="panel">${s.number}: <strong>${r.number}</strong> · ${s.kinds[r.kind]}</p>
<table><thead><tr><th scope="col">${s.product}</th><th scope="col">${s.qty}</th><th scope="col">${s.price}</th></tr></thead>
<tbody>${r.lines.map((l) => html`<tr><td>${l.productName}</td><td>${l.qty} ${l.unit}</td><td>${rupiah(l.unitPriceRupiah, ctx.lang)}</td></tr>`)}</tbody></table>
<p><strong>${s.total}: ${rupiah(r.totalRupiah, ctx.lang)}</strong></p><p class="muted">${s.priceNote}</p>
<p><a href="${link(ctx, `/katalog/upt/${pageRef(r.uptId, r.uptName)}`)}">${r.uptName}</a> · <a href="${link(ctx, '/katalog')}">${s.backToCatalogue}</a></p>`;
  return send(c, page(ctx, { title: s.sentTitle, description: s.sentTitle }, body), 200, 'no-store');
}

type Handler = (c: Context<AppEnv>) => Promise<Response>;

/**
 * A public page whose HTML is kept in the catalogue cache by language and URL (the same searches
 * and products are asked for again and again); only successful pages are kept.
 */
function cachedPage(render: Handler): Handler {
  return async (c) => {
    const ctx = pageContext(c);
    const key = `page:${ctx.lang}:${c.req.url}`;
    const hit = await catalogueCache.peek<{ body: string; status: number; headers: Record<string, string> }>(key);
    if (hit) return c.body(hit.body, hit.status as 200, hit.headers);
    const res = await render(c);
    if (res.status !== 200) return res;
    const body = await res.text();
    const headers = Object.fromEntries(res.headers);
    catalogueCache.put(key, { body, status: 200, headers });
    return c.body(body, 200, headers);
  };
}

/** The public catalogue: server-rendered pages, no script, cached briefly, in Indonesian or English. */
export function cataloguePages(app: OpenAPIHono<AppEnv>): void {
  const pub = publicRoute('the public catalogue: published products, UPT showcases and the order form; no personal data shown');
  app.use('/katalog', etag());
  app.use('/katalog/produk/:ref', etag());
  app.use('/katalog/upt/:ref', etag());

  declarePlainRoute('GET', '/katalog', pub);
  app.get('/katalog', cachedPage(searchPage));
  declarePlainRoute('GET', '/katalog/produk/:ref', pub);
  app.get('/katalog/produk/:ref', cachedPage(productPage));
  declarePlainRoute('GET', '/katalog/upt/:ref', pub);
  app.get('/katalog/upt/:ref', cachedPage(uptPage));
  declarePlainRoute('GET', '/katalog/pesan', pub);
  app.get('/katalog/pesan', orderFormPage);
  declarePlainRoute('POST', '/katalog/pesan', publicRoute('buyers send order or quotation requests without an account; honeypot, throttled per address, idempotent'));
  app.post('/katalog/pesan', submitOrder);
  declarePlainRoute('GET', '/katalog/pesan/terkirim', publicRoute('confirmation of a request, found by its unguessable key; shows no buyer data'));
  app.get('/katalog/pesan/terkirim', confirmationPage);

  const PhotoParams = z.object({ photoId: PositiveId });
  declarePlainRoute('GET', '/katalog/foto/:photoId', publicRoute('photos of published products'));
  app.get('/katalog/foto/:photoId', checkParams(PhotoParams), async (c) => {
    const id = Number(c.req.param('photoId'));
    const photo = await c.get('services').db.one<{ mime: string; sha256: string; content: Buffer }>(
      `SELECT ph.mime, ph.sha256, ph.content FROM product_photo ph JOIN product p ON p.id = ph.product_id WHERE ph.id = $1 AND p.published AND p.active`,
      [id],
    );
    if (!photo) return c.notFound();
    const tag = `"${photo.sha256}"`;
    if (c.req.header('if-none-match') === tag) return c.body(null, 304);
    return c.body(new Uint8Array(photo.content), 200, { 'content-type': photo.mime, 'cache-control': 'public, max-age=31536000, immutable', etag: tag });
  });
  declarePlainRoute('GET', '/katalog/ilustrasi/:file', publicRoute('generated category illustrations'));
  app.get('/katalog/ilustrasi/:file', (c) => {
    const category = (c.req.param('file') ?? '').replace(/\.svg$/, '');
    const svg = illustrationSvg(category, categoryLabel(category, 'id'));
    if (!svg) return c.notFound();
    return c.body(svg, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' });
  });
}
