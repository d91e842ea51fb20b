import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueCache } from '../../src/server/modules/catalogue/cache.ts';
import { REQUESTS_PER_WINDOW } from '../../src/server/modules/catalogue/requests.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }
interface Item { id: number; ref: string; name: string; category: string; priceRupiah: number; uptId: number; uptName: string; provinceCode: string | null; availability: string; imageUrl: string; illustrative: boolean }
interface SearchResult { items: Item[]; total: number; matchedWords: string[][] }
interface Listing { id: number; published: boolean; version: number; onHand: number; availability: string; photos: Array<{ id: number; url: string; fileName: string }>; priceRupiah: number; description: string | null }
interface RequestDetail { id: number; number: string; status: string; version: number; buyerName: string; email: string | null; phone: string | null; totalRupiah: number; lines: Array<{ productId: number; qty: number; unitPriceRupiah: number; lineTotalRupiah: number }>; uptId: number }

let t: TestApp;
let op: Client;
let foreignOp: Client;
let kanwil: Client;
let anon: Client;
const ids = { semarang: 0, tangerang: 0, product: 0, other: 0, foreignProduct: 0, unpublished: 0 };
const count = async (table: string) => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))!.n;
const snapshot = async () => ({ requests: await count('order_request'), lines: await count('order_request_line'), audit: await count('audit_log'), counters: await count('order_request_counter') });

const search = (q: string) => anon.get<SearchResult>(`/api/v1/catalogue/search${q}`);

/** Submits the public form as a browser would (urlencoded), without following the redirect. */
async function submitForm(fields: Record<string, string>, lang?: 'en'): Promise<{ status: number; body: string; location: string | null }> {
  const res = await t.app.request(`/katalog/pesan${lang ? '?lang=en' : ''}`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost' }, body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: await res.text(), location: res.headers.get('location') };
}

const goodForm = (key: string, extra: Record<string, string> = {}) => ({
  produk: String(ids.product), idempotencyKey: key, [`qty_${ids.product}`]: '10', kind: 'order', buyerKind: 'local_government',
  buyerName: 'Siti Aminah', institution: 'Dinas Koperasi Kota Semarang', email: 'siti@example.go.id', phone: '', region: 'Kota Semarang, Jawa Tengah', notes: '', website: '', ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [op, foreignOp, kanwil] = await Promise.all([t.as('operator.lapas.semarang'), t.as('operator.lapas.tangerang'), t.as('kanwil.jateng')]);
  anon = t.anon();
  const one = async (sql: string) => (await t.db.one<{ id: number }>(sql))!.id;
  ids.semarang = await one(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`);
  ids.tangerang = await one(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I TANGERANG'`);
  ids.product = await one(`SELECT id FROM product WHERE upt_id = ${ids.semarang} AND published ORDER BY id LIMIT 1`);
  ids.other = await one(`SELECT id FROM product WHERE upt_id = ${ids.semarang} AND published AND id <> ${ids.product} ORDER BY id LIMIT 1`);
  ids.unpublished = await one(`SELECT id FROM product WHERE upt_id = ${ids.semarang} AND NOT published ORDER BY id LIMIT 1`);
  ids.foreignProduct = await one(`SELECT id FROM product WHERE upt_id = ${ids.tangerang} AND published ORDER BY id LIMIT 1`);
});
afterAll(() => t.close());

describe('public search', () => {
  it('lists only published products of active UPTs, without signing in', async () => {
    const res = await search('?pageSize=60');
    expect(res.status).toBe(200);
    const published = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM product p JOIN upt u ON u.id = p.upt_id WHERE p.published AND p.active AND u.active');
    expect(res.body.total).toBe(published!.n);
    expect(res.body.items.some((i) => i.id === ids.unpublished)).toBe(false);
  });

  it('tolerates typos and missing accents ("kripik" finds keripik, "batk" finds batik)', async () => {
    await t.db.query(`INSERT INTO product (upt_id, kanwil_id, name, category, unit, price_rupiah, published) SELECT id, kanwil_id, 'Kain Batik Tulis Parang', 'kerajinan', 'lembar', 350000, true FROM upt WHERE id = $1 ON CONFLICT DO NOTHING`, [ids.semarang]);
    await t.db.query(`INSERT INTO product (upt_id, kanwil_id, name, category, unit, price_rupiah, published) SELECT id, kanwil_id, 'Keripik Tempe Pedas', 'kuliner', 'bungkus', 15000, true FROM upt WHERE id = $1 ON CONFLICT DO NOTHING`, [ids.semarang]);
    catalogueCache.clear();
    const kripik = await search('?q=kripik');
    expect(kripik.body.items.some((i) => i.name.toLowerCase().includes('keripik'))).toBe(true);
    expect(kripik.body.matchedWords[0]).toContain('keripik');
    const batk = await search('?q=batk');
    expect(batk.body.items.some((i) => i.name.includes('Batik'))).toBe(true);
    const accents = await search(`?q=${encodeURIComponent('KÉRIPIK  témpe')}`);
    expect(accents.body.items.some((i) => i.name === 'Keripik Tempe Pedas')).toBe(true);
    // Every word must match: a word matching nothing gives nothing.
    expect((await search('?q=keripik%20zzqxv')).body.total).toBe(0);
  });

  it('filters by category, province, UPT and price', async () => {
    const cat = await search('?category=kuliner&pageSize=60');
    expect(cat.body.items.length).toBeGreaterThan(0);
    expect(cat.body.items.every((i) => i.category === 'kuliner')).toBe(true);
    const upt = await search(`?uptId=${ids.tangerang}&pageSize=60`);
    expect(upt.body.items.length).toBeGreaterThan(0);
    expect(upt.body.items.every((i) => i.uptId === ids.tangerang)).toBe(true);
    const banten = await t.db.one<{ code: string }>('SELECT province_code AS code FROM kanwil k JOIN upt u ON u.kanwil_id = k.id WHERE u.id = $1', [ids.tangerang]);
    const prov = await search(`?province=${banten!.code}&pageSize=60`);
    expect(prov.body.items.every((i) => i.provinceCode === banten!.code)).toBe(true);
    const price = await search('?minPrice=10000&maxPrice=50000&pageSize=60');
    expect(price.body.items.every((i) => i.priceRupiah >= 10000 && i.priceRupiah <= 50000)).toBe(true);
    expect((await search('?minPrice=abc')).status).toBe(400);
  });

  it('pages through results without repeating a product', async () => {
    const all = await search('?pageSize=60');
    const p1 = await search('?pageSize=5&page=1');
    const p2 = await search('?pageSize=5&page=2');
    expect(p1.body.total).toBe(all.body.total);
    expect(p1.body.items.filter((i) => p2.body.items.some((j) => j.id === i.id))).toEqual([]);
  });
});

describe('public pages', () => {
  it('renders the catalogue, a product and a UPT page as HTML with preview tags, cached with an ETag', async () => {
    const list = await t.app.request('/katalog', { headers: { host: 'localhost' } });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toContain('public');
    const etag = list.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await t.app.request('/katalog', { headers: { host: 'localhost', 'if-none-match': etag! } })).status).toBe(304);
    const item = (await search(`?uptId=${ids.semarang}&pageSize=60`)).body.items.find((i) => i.id === ids.product)!;
    const page = await t.app.request(`/katalog/produk/${item.ref}`, { headers: { host: 'localhost' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<meta property="og:title"');
    expect(html).toContain(`og:image" content="http://localhost${item.imageUrl}`);
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
    // A stale slug redirects to the canonical one; an unpublished product is not found.
    const moved = await t.app.request(`/katalog/produk/${ids.product}-nama-lama`, { headers: { host: 'localhost' } });
    expect([moved.status, moved.headers.get('location')]).toEqual([301, `/katalog/produk/${item.ref}`]);
    expect((await t.app.request(`/katalog/produk/${ids.unpublished}-x`, { headers: { host: 'localhost' } })).status).toBe(404);
    const upt = await t.app.request(`/katalog/upt/${ids.semarang}-x`, { redirect: 'manual', headers: { host: 'localhost' } });
    expect(upt.status).toBe(301);
    const uptPage = await t.app.request(upt.headers.get('location')!, { headers: { host: 'localhost' } });
    expect(await uptPage.text()).toContain(item.name.replaceAll('&', '&amp;'));
  });

  it('speaks English when asked', async () => {
    const en = await (await t.app.request('/katalog?lang=en', { headers: { host: 'localhost' } })).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toContain('Search products');
    const accept = await (await t.app.request('/katalog', { headers: { host: 'localhost', 'accept-language': 'en-GB,en' } })).text();
    expect(accept).toContain('<html lang="en"');
  });

  it('escapes product text on every page (no XSS through a product name or description)', async () => {
    const evil = '<img src=x onerror=alert(1)>"\'';
    const r = await t.db.one<{ id: number }>(
      `INSERT INTO product (upt_id, kanwil_id, name, category, unit, price_rupiah, description, published) SELECT id, kanwil_id, $2, 'jasa', '<b>u</b>', 1000, $2, true FROM upt WHERE id = $1 RETURNING id`,
      [ids.semarang, `Jasa ${evil}`],
    );
    catalogueCache.clear();
    for (const path of [`/katalog/produk/${r!.id}`, `/katalog?q=${encodeURIComponent(evil)}`, `/katalog?q=jasa`, `/katalog/pesan?produk=${r!.id}`]) {
      let res = await t.app.request(path, { headers: { host: 'localhost' } });
      if (res.status === 301) res = await t.app.request(res.headers.get('location')!, { headers: { host: 'localhost' } });
      const body = await res.text();
      expect(body, path).not.toContain('<img src=x');
      expect(body, path).not.toContain('<b>u</b>');
    }
    await t.db.query('UPDATE product SET published = false WHERE id = $1', [r!.id]);
    catalogueCache.clear();
  });
});

describe('order and quotation requests from the public form', () => {
  it('stores a request with snapshot prices and a gap-free number; a retried submit stores nothing more', async () => {
    const before = await snapshot();
    const key = 'form-key-0000000000000001';
    const sent = await submitForm(goodForm(key, { [`qty_${ids.other}`]: '3' }));
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/katalog/pesan/terkirim?kunci=${key}`);
    const again = await submitForm(goodForm(key, { [`qty_${ids.other}`]: '3' }));
    expect(again.status).toBe(303);
    const after = await snapshot();
    expect(after.requests).toBe(before.requests + 1);
    expect(after.lines).toBe(before.lines + 2);
    const row = await t.db.one<{ id: number; number: string; total_rupiah: string }>('SELECT id, number, total_rupiah FROM order_request WHERE idempotency_key = $1', [key]);
    // Demo requests took numbers 1–3 of the year for this UPT.
    expect(row!.number).toBe('PMN-2026-0004');
    const prices = await t.db.query<{ id: number; price_rupiah: string }>('SELECT id, price_rupiah FROM product WHERE id = ANY($1::int[])', [[ids.product, ids.other]]);
    const price = new Map(prices.map((p) => [p.id, Number(p.price_rupiah)]));
    expect(Number(row!.total_rupiah)).toBe(price.get(ids.product)! * 10 + price.get(ids.other)! * 3);
    const confirmation = await (await t.app.request(sent.location!, { headers: { host: 'localhost' } })).text();
    expect(confirmation).toContain('PMN-2026-0004');
    expect(confirmation).not.toContain('siti@example.go.id');
    expect(confirmation).not.toContain('Siti Aminah');
    // A price change later does not touch the stored request.
    await t.db.query('UPDATE product SET price_rupiah = price_rupiah + 1000 WHERE id = $1', [ids.product]);
    const detail = await op.get<RequestDetail>(`/api/v1/catalogue/requests/${row!.id}`);
    expect(detail.body.lines.find((l) => l.productId === ids.product)!.unitPriceRupiah).toBe(price.get(ids.product));
  });

  it('re-renders bad input with field messages, HTTP 400, and changes nothing', async () => {
    const before = await snapshot();
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ email: '', phone: '' }, /Isi email atau nomor telepon/],
      [{ email: 'bukan-email' }, /Alamat email tidak valid/],
      [{ phone: '12ab' , email: ''}, /Nomor telepon tidak valid/],
      [{ institution: '' }, /Nama instansi wajib diisi/],
      [{ [`qty_${ids.product}`]: '' }, /Isi jumlah untuk sedikitnya satu produk/],
      [{ [`qty_${ids.product}`]: '2.5' }, /Harus bilangan bulat/],
      [{ buyerKind: 'alien' }, /Pilih salah satu/],
      [{ website: 'http://spam.example' }, /Kosongkan kolom tersembunyi/],
    ];
    for (const [i, [patch, message]] of cases.entries()) {
      const res = await submitForm(goodForm(`bad-key-00000000000000${i}`, patch));
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.body, JSON.stringify(patch)).toMatch(message);
      // The visitor's text comes back in the form, escaped.
      expect(res.body).toContain('value="Siti Aminah"');
    }
    const en = await submitForm(goodForm('bad-key-en-000000000000', { email: 'x' }), 'en');
    expect(en.body).toContain('Invalid email address');
    expect(await snapshot()).toEqual(before);
  });

  it('marks refused fields with a real aria-invalid attribute (bug: the attribute came out HTML-escaped)', async () => {
    const res = await submitForm(goodForm('aria-key-000000000000001', { email: 'x' }));
    expect(res.body).toMatch(/<input id="email"[^>]* aria-describedby="email-hint email-err"[^>]* aria-invalid="true">/);
    expect(res.body).not.toContain('&quot;true&quot;');
  });

  it('refuses an unpublished product, mixed UPTs and duplicate lines over the API, changing nothing', async () => {
    const before = await snapshot();
    const body = (lines: Array<{ productId: number; qty: number }>, key: string) => ({ kind: 'quotation', buyerKind: 'individual', buyerName: 'Budi Santoso', phone: '081234567890', region: 'Kota Bandung', idempotencyKey: key, lines });
    const unpublished = await anon.post<ErrorBody>('/api/v1/catalogue/requests', body([{ productId: ids.unpublished, qty: 1 }], 'api-key-unpublished-0001'));
    expect([unpublished.status, Object.keys(unpublished.body.error.fields)]).toEqual([400, ['lines.0.productId']]);
    const mixed = await anon.post<ErrorBody>('/api/v1/catalogue/requests', body([{ productId: ids.product, qty: 1 }, { productId: ids.foreignProduct, qty: 1 }], 'api-key-mixed-000000001'));
    expect([mixed.status, Object.keys(mixed.body.error.fields)]).toEqual([400, ['lines']]);
    const dup = await anon.post<ErrorBody>('/api/v1/catalogue/requests', body([{ productId: ids.product, qty: 1 }, { productId: ids.product, qty: 2 }], 'api-key-dup-00000000001'));
    expect(dup.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    const ok = await anon.post<{ number: string; uptId: number }>('/api/v1/catalogue/requests', body([{ productId: ids.foreignProduct, qty: 2 }], 'api-key-good-0000000001'));
    expect([ok.status, ok.body.uptId, ok.body.number]).toEqual([201, ids.tangerang, 'PMN-2026-0004']);
    const retry = await anon.post<{ number: string }>('/api/v1/catalogue/requests', body([{ productId: ids.foreignProduct, qty: 2 }], 'api-key-good-0000000001'));
    expect([retry.status, retry.body.number]).toEqual([200, 'PMN-2026-0004']);
  });

  it('numbers concurrent requests of one UPT without gaps or repeats', async () => {
    const sends = Array.from({ length: 6 }, (_, i) => submitForm(goodForm(`parallel-key-00000000000${i}`)));
    expect((await Promise.all(sends)).map((r) => r.status)).toEqual(Array(6).fill(303));
    const numbers = (await t.db.query<{ number: string }>('SELECT number FROM order_request WHERE upt_id = $1 ORDER BY number', [ids.semarang])).map((r) => r.number);
    expect(numbers).toEqual(numbers.map((_, i) => `PMN-2026-${String(i + 1).padStart(4, '0')}`));
  });
});

describe('the UPT inbox', () => {
  it('shows the UPT its requests with the buyer’s contact, never another UPT’s', async () => {
    const inbox = await op.get<{ items: Array<{ uptId: number; buyerName: string }>; total: number }>('/api/v1/catalogue/requests');
    expect(inbox.status).toBe(200);
    expect(inbox.body.total).toBeGreaterThan(0);
    expect(inbox.body.items.every((r) => r.uptId === ids.semarang)).toBe(true);
    const foreignId = (await t.db.one<{ id: number }>('SELECT id FROM order_request WHERE upt_id = $1 LIMIT 1', [ids.tangerang]))!.id;
    const refused = await op.get<ErrorBody>(`/api/v1/catalogue/requests/${foreignId}`);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    const counts = await op.get<{ items: Array<{ uptId: number; new: number }> }>('/api/v1/catalogue/requests/counts');
    expect(counts.body.items.map((r) => r.uptId)).toEqual([ids.semarang]);
    expect(counts.body.items[0]!.new).toBeGreaterThan(0);
    // The Kanwil reads (sales.read) but may not act (no sales.write).
    expect((await kanwil.get('/api/v1/catalogue/requests')).status).toBe(200);
    expect((await kanwil.post<ErrorBody>(`/api/v1/catalogue/requests/${foreignId}/status`, { status: 'in_progress', version: 1 })).status).toBe(403);
  });

  it('moves a request along with version checks, a reason to decline, and an audit entry', async () => {
    const r = await t.db.one<{ id: number; version: number }>(`SELECT id, version FROM order_request WHERE upt_id = $1 AND status = 'new' ORDER BY id LIMIT 1`, [ids.semarang]);
    const url = `/api/v1/catalogue/requests/${r!.id}/status`;
    const noReason = await op.post<ErrorBody>(url, { status: 'declined', version: r!.version });
    expect([noReason.status, Object.keys(noReason.body.error.fields)]).toEqual([400, ['reason']]);
    const moved = await op.post<RequestDetail>(url, { status: 'in_progress', version: r!.version });
    expect([moved.status, moved.body.status, moved.body.version]).toEqual([200, 'in_progress', r!.version + 1]);
    expect((await op.post<ErrorBody>(url, { status: 'answered', version: r!.version })).body.error.code).toBe('CONFLICT_VERSION');
    const declined = await op.post<RequestDetail>(url, { status: 'declined', reason: 'Kapasitas produksi penuh bulan ini', version: moved.body.version });
    expect(declined.body.status).toBe('declined');
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'order_request' AND entity_id = $1 ORDER BY id`, [String(r!.id)]);
    expect(audit.map((a) => a.action)).toEqual(['status_in_progress', 'status_declined']);
  });

  it('hides buyers’ contact in the audit trail from viewers without personal-data rights', async () => {
    const entry = await t.db.one<{ after: { buyerName: string; email: string } }>(`SELECT after FROM audit_log WHERE entity = 'order_request' AND action = 'create' ORDER BY id LIMIT 1`);
    expect(entry!.after.buyerName).toBe('Siti Aminah');
    const { redact } = await import('../../src/server/modules/audit/queries.ts');
    expect(redact('order_request', entry!.after, 'partner')).toMatchObject({ buyerName: '[disembunyikan]', email: '[disembunyikan]' });
  });

  it('limits submissions per client address', async () => {
    await t.db.query(`UPDATE login_throttle SET attempts = $1 WHERE key LIKE 'order-request:%'`, [REQUESTS_PER_WINDOW]);
    const before = await snapshot();
    const res = await submitForm(goodForm('throttled-key-000000000001'));
    expect(res.status).toBe(429);
    expect(res.body).toContain('Terlalu banyak permintaan');
    expect(await snapshot()).toEqual(before);
    await t.db.query(`DELETE FROM login_throttle WHERE key LIKE 'order-request:%'`);
  });
});

describe('listings and photos', () => {
  const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 64 }, (_, i) => i)]);
  const upload = async (c: Client, productId: number, bytes: Uint8Array, name: string) => {
    const fd = new FormData();
    fd.append('file', new File([new Uint8Array(bytes)], name));
    const res = await t.app.request(`/api/v1/catalogue/listings/${productId}/photos`, { method: 'POST', body: fd, headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, host: 'localhost' } });
    return { status: res.status, body: (await res.json()) as Listing & ErrorBody };
  };

  it('publishes and unpublishes with the product version, and the catalogue follows', async () => {
    const l = (await op.get<{ items: Listing[] }>(`/api/v1/catalogue/listings`)).body.items.find((x) => x.id === ids.unpublished)!;
    expect(l.published).toBe(false);
    const pub = await op.patch<Listing>(`/api/v1/catalogue/listings/${ids.unpublished}`, { published: true, description: 'Baru tayang', priceRupiah: 12345, version: l.version });
    expect([pub.status, pub.body.published, pub.body.priceRupiah]).toEqual([200, true, 12345]);
    expect((await search(`?uptId=${ids.semarang}&pageSize=60`)).body.items.some((i) => i.id === ids.unpublished)).toBe(true);
    expect((await op.patch<ErrorBody>(`/api/v1/catalogue/listings/${ids.unpublished}`, { published: false, version: l.version })).body.error.code).toBe('CONFLICT_VERSION');
    expect((await foreignOp.patch<ErrorBody>(`/api/v1/catalogue/listings/${ids.unpublished}`, { published: false, version: pub.body.version })).body.error.code).toBe('OUT_OF_SCOPE');
  });

  it('takes JPEG/PNG/WebP photos sniffed from their bytes, serves them publicly with long caching', async () => {
    const bad = await upload(op, ids.product, new TextEncoder().encode('<svg onload=alert(1)>'), 'foto.png');
    expect([bad.status, Object.keys(bad.body.error.fields)]).toEqual([415, ['file']]);
    const ok = await upload(op, ids.product, png(), '../../etc/foto produk.exe');
    expect(ok.status).toBe(201);
    const photo = ok.body.photos.at(-1)!;
    expect(photo.fileName).toBe('foto produk.png');
    // The editor reads it through the API (also before the product is listed)…
    expect((await op.get(photo.url)).status).toBe(200);
    expect((await foreignOp.get<ErrorBody>(photo.url)).body.error.code).toBe('OUT_OF_SCOPE');
    // …the public through its own address, listed products only.
    const publicUrl = `/katalog/foto/${photo.id}`;
    const res = await t.app.request(publicUrl, { headers: { host: 'localhost' } });
    expect([res.status, res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([200, 'image/png', 'public, max-age=31536000, immutable']);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png());
    expect((await upload(op, ids.product, png(), 'lagi.png')).status).toBe(409);
    expect((await upload(foreignOp, ids.product, png(), 'x.png')).status).toBe(403);
    const item = (await search(`?uptId=${ids.semarang}&pageSize=60`)).body.items.find((i) => i.id === ids.product)!;
    expect([item.imageUrl, item.illustrative]).toEqual([publicUrl, false]);
    const del = await op.request<Listing>('DELETE', `/api/v1/catalogue/listings/${ids.product}/photos/${photo.id}`);
    expect(del.body.photos.some((p) => p.id === photo.id)).toBe(false);
    expect((await t.app.request(publicUrl, { headers: { host: 'localhost' } })).status).toBe(404);
  });
});

describe('stock on hand kept beside the ledger', () => {
  it('equals the ledger replay after random receipts, adjustments and reversals', async () => {
    const loc = (await op.post<{ id: number }>('/api/v1/stock/locations', { name: 'Gudang Acak' })).body.id;
    const item = (await op.post<{ id: number }>('/api/v1/stock/items', { name: 'Bahan Acak', unit: 'pcs' })).body.id;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ qty: fc.integer({ min: -30, max: 50 }).filter((q) => q !== 0), reverse: fc.boolean() }), { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const s of steps) {
          const kind = s.qty > 0 && n % 2 === 0 ? 'receipt' : 'adjustment';
          const res = await op.post<{ id: number }>('/api/v1/stock/moves', { kind, date: '2026-11-20', itemId: item, locationId: loc, qty: s.qty, idempotencyKey: `onhand-${n++}-key`, ...(kind === 'receipt' ? { totalCostRupiah: s.qty * 100 } : {}) });
          if (res.status === 201 && s.reverse) await op.post(`/api/v1/stock/moves/${res.body.id}/reverse`, { reason: 'uji' });
        }
        const ledger = await t.db.one<{ q: string | null }>('SELECT sum(qty) AS q FROM stock_move WHERE item_id = $1', [item]);
        const kept = await t.db.one<{ qty: string }>('SELECT qty FROM stock_on_hand WHERE item_id = $1', [item]);
        expect(Number(kept?.qty ?? 0)).toBe(Number(ledger?.q ?? 0));
      }),
      { numRuns: 8 },
    );
    // And for every item in the database, including seeded and batch moves.
    const off = await t.db.query(`SELECT i.id FROM stock_item i LEFT JOIN stock_on_hand h ON h.item_id = i.id
      WHERE coalesce(h.qty, 0) <> coalesce((SELECT sum(qty) FROM stock_move m WHERE m.item_id = i.id), 0)`);
    expect(off).toEqual([]);
  });
});
