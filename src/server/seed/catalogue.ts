import { requestNumber } from '../../domain/catalogue/catalogue.ts';
import { createRng, type Rng } from '../../domain/random/prng.ts';
import { isStocked, unitsWorth } from './stock-sizing.ts';
import type { Queryable } from '../db/pool.ts';
import type { DatasetSize } from './index.ts';

/**
 * Sample catalogue (data contoh): products with descriptions and prices for the demo UPTs (with
 * production batches, so stock and provenance show), a few requests in their inboxes, and for the
 * national size about 20,000 products across every UPT that houses inmates. Photos are left to
 * the category illustrations. Deterministic from the seed.
 */
interface Template {
  name: string;
  category: string;
  unit: string;
  price: [number, number];
  description: string;
}

const T = (category: string, name: string, unit: string, price: [number, number], description: string): Template => ({ category, name, unit, price, description });

export const TEMPLATES: Template[] = [
  T('kuliner', 'Keripik Tempe', 'bungkus 250 g', [12_000, 25_000], 'Keripik tempe renyah dari kedelai pilihan, digoreng dengan minyak baru setiap hari.'),
  T('kuliner', 'Keripik Singkong Balado', 'bungkus 200 g', [10_000, 20_000], 'Singkong iris tipis dengan bumbu balado pedas manis.'),
  T('kuliner', 'Roti Manis', 'pcs', [3_000, 8_000], 'Roti manis lembut dari dapur produksi, dibuat setiap pagi.'),
  T('kuliner', 'Kue Kering Nastar', 'toples 500 g', [60_000, 110_000], 'Nastar isi selai nanas buatan sendiri, cocok untuk hantaran.'),
  T('kuliner', 'Sambal Bawang', 'botol 150 g', [15_000, 30_000], 'Sambal bawang tanpa pengawet, tahan 3 bulan dalam kemasan tertutup.'),
  T('perkebunan', 'Kopi Bubuk Robusta', 'bungkus 250 g', [30_000, 60_000], 'Kopi robusta dari kebun binaan, disangrai sedang dan digiling halus.'),
  T('perkebunan', 'Madu Hutan', 'botol 500 ml', [80_000, 150_000], 'Madu murni dari peternakan lebah di lahan pembinaan.'),
  T('perkebunan', 'Gula Aren', 'kg', [25_000, 45_000], 'Gula aren cetak dari nira segar.'),
  T('kerajinan', 'Kain Batik Tulis', 'lembar 2 m', [250_000, 900_000], 'Batik tulis dengan canting tangan, pewarna alami, motif khas daerah.'),
  T('kerajinan', 'Kain Batik Cap', 'lembar 2 m', [120_000, 300_000], 'Batik cap katun primisima, motif klasik.'),
  T('kerajinan', 'Tas Anyaman Pandan', 'pcs', [45_000, 150_000], 'Tas anyaman daun pandan, kuat dan ringan.'),
  T('kerajinan', 'Miniatur Kapal Kayu', 'pcs', [150_000, 750_000], 'Miniatur kapal pinisi dari kayu, dirakit dan dicat dengan tangan.'),
  T('kerajinan', 'Keset Kain Perca', 'pcs', [15_000, 35_000], 'Keset dari kain perca sisa konveksi, dijahit rapat.'),
  T('kerajinan', 'Kaligrafi Ukir', 'pcs', [300_000, 1_500_000], 'Kaligrafi ukir kayu jati, finishing politur.'),
  T('industri', 'Meja Kayu Jati', 'unit', [1_200_000, 4_000_000], 'Meja kerja kayu jati solid dari bengkel kayu, sambungan pasak.'),
  T('industri', 'Kursi Rotan', 'unit', [350_000, 900_000], 'Kursi rotan anyam dengan rangka kokoh.'),
  T('industri', 'Lemari Pakaian', 'unit', [1_500_000, 3_500_000], 'Lemari dua pintu kayu olahan, dapat dipesan ukuran khusus.'),
  T('industri', 'Kaos Oblong Sablon', 'pcs', [45_000, 85_000], 'Kaos katun combed 30s dengan sablon sesuai pesanan.'),
  T('industri', 'Seragam Kerja', 'stel', [150_000, 350_000], 'Seragam kerja dari konveksi, bordir nama instansi tersedia.'),
  T('industri', 'Paving Block', 'm2', [55_000, 95_000], 'Paving block mutu K-300 untuk halaman dan jalan lingkungan.'),
  T('industri', 'Batako Press', 'pcs', [3_000, 6_000], 'Batako press mesin, ukuran standar.'),
  T('industri', 'Sepatu Kulit', 'pasang', [250_000, 600_000], 'Sepatu kulit sapi jahit tangan, ukuran 38–45.'),
  T('pertanian', 'Beras Organik', 'karung 5 kg', [70_000, 110_000], 'Beras organik dari sawah pembinaan, tanpa pestisida kimia.'),
  T('pertanian', 'Cabai Merah', 'kg', [30_000, 70_000], 'Cabai merah segar dipetik saat dipesan.'),
  T('pertanian', 'Bibit Tanaman Buah', 'polybag', [15_000, 50_000], 'Bibit mangga, jeruk dan alpukat hasil sambung pucuk.'),
  T('perikanan', 'Ikan Lele Segar', 'kg', [22_000, 32_000], 'Lele segar dari kolam budidaya, dapat dibersihkan sesuai pesanan.'),
  T('perikanan', 'Ikan Nila', 'kg', [30_000, 45_000], 'Nila merah segar dari kolam terpal.'),
  T('perikanan', 'Lele Asap', 'bungkus 250 g', [25_000, 45_000], 'Lele asap kering, tahan lama tanpa pengawet.'),
  T('peternakan', 'Telur Ayam', 'tray 30 butir', [45_000, 60_000], 'Telur ayam ras dari kandang pembinaan.'),
  T('peternakan', 'Pupuk Kandang', 'karung 25 kg', [20_000, 40_000], 'Pupuk kandang yang sudah difermentasi.'),
  T('jasa', 'Jasa Laundry', 'kg', [6_000, 10_000], 'Cuci, kering dan setrika; antar-jemput untuk instansi sekitar.'),
  T('jasa', 'Jasa Jahit dan Permak', 'pcs', [15_000, 60_000], 'Jahit seragam, permak dan bordir.'),
  T('jasa', 'Cuci Mobil', 'unit', [35_000, 60_000], 'Cuci mobil dan motor di area pelayanan depan.'),
];

const COMMON_VARIANTS = ['', 'Premium', 'Ekonomis', 'Paket Instansi', 'Edisi Khas Daerah'];
/** Variants that make sense for each category (no "batik" chips). */
const VARIANTS: Record<string, string[]> = {
  kuliner: [...COMMON_VARIANTS, 'Pedas', 'Original', 'Manis', 'Rasa Bawang', 'Kemasan Hemat'],
  perkebunan: [...COMMON_VARIANTS, 'Organik', 'Kemasan Kecil', 'Kemasan Besar'],
  kerajinan: [...COMMON_VARIANTS, 'Motif Parang', 'Motif Kawung', 'Warna Alam', 'Ukuran Besar', 'Ukuran Kecil'],
  industri: [...COMMON_VARIANTS, 'Ukuran Besar', 'Ukuran Kecil', 'Warna Alam', 'Model Minimalis'],
  pertanian: [...COMMON_VARIANTS, 'Organik', 'Panen Baru'],
  perikanan: [...COMMON_VARIANTS, 'Ukuran Konsumsi', 'Segar Harian'],
  peternakan: [...COMMON_VARIANTS, 'Ukuran Besar', 'Ukuran Kecil'],
  jasa: ['', 'Paket Instansi', 'Ekspres', 'Langganan Bulanan'],
};

const round = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);
const priceOf = (rng: Rng, t: Template) => round(rng.int(t.price[0], t.price[1]), t.price[1] >= 100_000 ? 5_000 : 500);

interface NewProduct {
  uptId: number;
  kanwilId: number;
  name: string;
  category: string;
  unit: string;
  price: number;
  description: string;
  published: boolean;
}

async function insertProducts(tx: Queryable, ps: NewProduct[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < ps.length; i += 10_000) {
    const c = ps.slice(i, i + 10_000);
    const rows = await tx.query<{ id: number; upt_id: number; name: string }>(
      `INSERT INTO product (upt_id, kanwil_id, name, category, unit, price_rupiah, description, published, published_at)
       SELECT u, k, n, c, un, pr, d, pb, CASE WHEN pb THEN now() END FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::boolean[]) AS x(u, k, n, c, un, pr, d, pb)
       RETURNING id, upt_id, name`,
      [c.map((p) => p.uptId), c.map((p) => p.kanwilId), c.map((p) => p.name), c.map((p) => p.category), c.map((p) => p.unit), c.map((p) => p.price), c.map((p) => p.description), c.map((p) => p.published)],
    );
    for (const r of rows) ids.set(`${r.upt_id}:${r.name}`, r.id);
  }
  return ids;
}

/** A stock item and a finished-goods location per product's UPT; returns item ids by product id. */
async function stockItems(tx: Queryable, products: Array<{ id: number; uptId: number; kanwilId: number; name: string }>): Promise<Map<number, number>> {
  const upts = [...new Map(products.map((p) => [p.uptId, p.kanwilId])).entries()];
  await tx.query(
    `INSERT INTO stock_location (upt_id, kanwil_id, name) SELECT u, k, 'Gudang Produk Jadi' FROM unnest($1::int[], $2::int[]) AS x(u, k) ON CONFLICT (upt_id, name) DO NOTHING`,
    [upts.map(([u]) => u), upts.map(([, k]) => k)],
  );
  const rows = await tx.query<{ id: number; product_id: number }>(
    `INSERT INTO stock_item (upt_id, kanwil_id, name, unit, kind, product_id)
     SELECT u, k, n, 'pcs', 'product', p FROM unnest($1::int[], $2::int[], $3::text[], $4::int[]) AS x(u, k, n, p) RETURNING id, product_id`,
    [products.map((p) => p.uptId), products.map((p) => p.kanwilId), products.map((p) => `Produk: ${p.name}`), products.map((p) => p.id)],
  );
  return new Map(rows.map((r) => [r.product_id, r.id]));
}

/** The on-hand table from the ledger, for the items the seed wrote moves for directly. */
async function refreshOnHand(tx: Queryable, itemIds: number[]): Promise<void> {
  await tx.query(
    `INSERT INTO stock_on_hand (item_id, upt_id, qty) SELECT item_id, min(upt_id), sum(qty) FROM stock_move WHERE item_id = ANY($1::int[]) GROUP BY item_id
     ON CONFLICT (item_id) DO UPDATE SET qty = EXCLUDED.qty, updated_at = now()`,
    [itemIds],
  );
}

const daysBefore = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Demo UPTs: 8 products each, most published, with production batches worked by their inmates. */
async function seedDemoCatalogue(tx: Queryable, rng: Rng, uptIds: number[], today: string, history: boolean): Promise<void> {
  const upts = await tx.query<{ id: number; kanwil_id: number }>('SELECT id, kanwil_id FROM upt WHERE id = ANY($1::int[]) ORDER BY id', [uptIds]);
  const ps: NewProduct[] = [];
  for (const u of upts) {
    const picked = [...TEMPLATES].sort(() => rng.next() - 0.5).slice(0, 8);
    picked.forEach((t, i) => ps.push({ uptId: u.id, kanwilId: u.kanwil_id, name: t.name, category: t.category, unit: t.unit, price: priceOf(rng, t), description: t.description, published: i < 7 }));
  }
  const ids = await insertProducts(tx, ps);
  const products = ps.map((p) => ({ ...p, id: ids.get(`${p.uptId}:${p.name}`)! }));
  const year = Number(today.slice(0, 4));
  await seedRequests(tx, rng, products.filter((p) => p.published), year, today);
  if (history) await seedProductionHistory(tx, rng, products, uptIds, today);
}

/** Batches of the last months, worked by the UPTs' inmates, whose output is the stock on hand. */
async function seedProductionHistory(tx: Queryable, rng: Rng, products: Array<NewProduct & { id: number }>, uptIds: number[], today: string): Promise<void> {
  const items = await stockItems(tx, products);
  const locations = new Map((await tx.query<{ id: number; upt_id: number }>(`SELECT id, upt_id FROM stock_location WHERE name = 'Gudang Produk Jadi' AND upt_id = ANY($1::int[])`, [uptIds])).map((l) => [l.upt_id, l.id]));
  const held = await tx.query<{ id: string | number; upt_id: number }>(`SELECT id, upt_id FROM wbp WHERE upt_id = ANY($1::int[]) AND released_on IS NULL AND status IN ('narapidana', 'anak') ORDER BY id`, [uptIds]);
  const workersOf = new Map<number, number[]>();
  for (const w of held) workersOf.set(w.upt_id, [...(workersOf.get(w.upt_id) ?? []), Number(w.id)]);
  const year = Number(today.slice(0, 4));
  const counters = new Map<number, number>();
  for (const p of products) {
    // Two products in three have been made recently; the others are made to order.
    if (rng.next() < 0.33 || !isStocked(p.category)) continue;
    const batches = rng.int(1, 3);
    for (let b = 0; b < batches; b++) {
      const date = daysBefore(today, rng.int(1 + b * 40, 40 + b * 40));
      const n = (counters.get(p.uptId) ?? (await tx.one<{ n: number }>('SELECT coalesce(max(last_number), 0)::int AS n FROM production_counter WHERE upt_id = $1 AND year = $2', [p.uptId, year]))!.n) + 1;
      counters.set(p.uptId, n);
      const output = unitsWorth(rng.int(10, 80) * 100_000, p.price);
      const unitCost = Math.round(p.price * 0.55);
      const pool = workersOf.get(p.uptId) ?? [];
      const crew = [...new Set(Array.from({ length: Math.min(pool.length, rng.int(6, 15)) }, () => rng.pick(pool)))];
      const batch = await tx.one<{ id: number }>(
        `INSERT INTO production_batch (upt_id, kanwil_id, number, product_id, location_id, date, output_qty, scrap_qty, inmates, hours, total_cost_rupiah, unit_cost_rupiah, scrap_cost_rupiah, note, idempotency_key)
         VALUES ($1,$2,$3,$4,$5,$6,$7,0,$8,$9,$10,$11,0,'data contoh',$12) RETURNING id`,
        [p.uptId, p.kanwilId, `PRD-${year}-${String(n).padStart(4, '0')}`, p.id, locations.get(p.uptId), date, output, crew.length, crew.length * 6, unitCost * output, unitCost, `seed-catalogue-${p.id}-${b}`],
      );
      if (crew.length) {
        await tx.query('INSERT INTO production_batch_worker (batch_id, wbp_id, hours) SELECT $1, w, 6 FROM unnest($2::bigint[]) AS w', [batch!.id, crew]);
      }
      await tx.query(
        `INSERT INTO stock_move (upt_id, kanwil_id, date, item_id, location_id, qty, kind, unit_cost_rupiah, total_cost_rupiah, reference, batch_id)
         VALUES ($1,$2,$3,$4,$5,$6,'output',$7,$8,$9,$10)`,
        [p.uptId, p.kanwilId, date, items.get(p.id), locations.get(p.uptId), output, unitCost, unitCost * output, `PRD-${year}-${String(n).padStart(4, '0')}`, batch!.id],
      );
    }
  }
  for (const [uptId, n] of counters) {
    await tx.query(
      `INSERT INTO production_counter (upt_id, year, last_number) VALUES ($1, $2, $3) ON CONFLICT (upt_id, year) DO UPDATE SET last_number = GREATEST(production_counter.last_number, EXCLUDED.last_number)`,
      [uptId, year, n],
    );
  }
  await refreshOnHand(tx, [...items.values()]);
}

const BUYERS = [
  { kind: 'local_government', name: 'Sri Wahyuni (contoh)', institution: 'Dinas Sosial Kota Semarang (contoh)', email: 'pengadaan.dinsos@example.go.id', region: 'Kota Semarang, Jawa Tengah' },
  { kind: 'ministry', name: 'Agus Prasetyo (contoh)', institution: 'Biro Umum Kementerian (contoh)', email: 'biro.umum@example.go.id', region: 'Jakarta Pusat, DKI Jakarta' },
  { kind: 'individual', name: 'Rina Kartika (contoh)', institution: null, phone: '0812 0000 0001', region: 'Kabupaten Demak, Jawa Tengah' },
  { kind: 'company', name: 'Hendra Gunawan (contoh)', institution: 'CV Sumber Rejeki (contoh)', phone: '024 000 0002', region: 'Kota Surakarta, Jawa Tengah' },
] as const;

/** Three requests per demo UPT, in different states, numbered in the UPT's series. */
async function seedRequests(tx: Queryable, rng: Rng, products: Array<NewProduct & { id: number }>, year: number, today: string): Promise<void> {
  const byUpt = new Map<number, Array<NewProduct & { id: number }>>();
  for (const p of products) byUpt.set(p.uptId, [...(byUpt.get(p.uptId) ?? []), p]);
  const statuses = ['new', 'new', 'in_progress'] as const;
  for (const [uptId, ps] of byUpt) {
    for (let i = 0; i < statuses.length; i++) {
      const buyer = BUYERS[(uptId + i) % BUYERS.length]!;
      const lines = [...ps].sort(() => rng.next() - 0.5).slice(0, rng.int(1, 3)).map((p) => ({ p, qty: buyer.kind === 'individual' ? rng.int(1, 5) : rng.int(20, 200) }));
      const total = lines.reduce((s, l) => s + l.p.price * l.qty, 0);
      const r = await tx.one<{ id: number }>(
        `INSERT INTO order_request (upt_id, kanwil_id, number, year, kind, buyer_kind, buyer_name, institution, email, phone, region, notes, total_rupiah, status, idempotency_key, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15, $16::date + interval '9 hours')
         RETURNING id`,
        [uptId, ps[0]!.kanwilId, requestNumber(year, i + 1), year, i === 1 ? 'quotation' : 'order', buyer.kind, buyer.name, buyer.institution, 'email' in buyer ? buyer.email : null,
          'phone' in buyer ? buyer.phone : null, buyer.region, 'Data contoh.', total, statuses[i], `seed-request-${uptId}-${i}`, daysBefore(today, 3 - i)],
      );
      await tx.query(
        `INSERT INTO order_request_line (request_id, product_id, product_name, unit, qty, unit_price_rupiah, line_total_rupiah)
         SELECT $1, p, n, u, q, pr, pr * q FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::bigint[]) AS x(p, n, u, q, pr)`,
        [r!.id, lines.map((l) => l.p.id), lines.map((l) => l.p.name), lines.map((l) => l.p.unit), lines.map((l) => l.qty), lines.map((l) => l.p.price)],
      );
    }
    await tx.query('INSERT INTO order_request_counter (upt_id, year, last_number) VALUES ($1, $2, $3)', [uptId, year, statuses.length]);
  }
}

/** About 20,000 published products across every UPT that houses inmates (national size), with stock for most. */
async function seedNationalCatalogue(tx: Queryable, rng: Rng, skip: number[], target: number): Promise<void> {
  const upts = await tx.query<{ id: number; kanwil_id: number }>(
    `SELECT id, kanwil_id FROM upt WHERE active AND type IN ('lapas', 'rutan', 'cabang_rutan', 'lpka', 'lpp') AND NOT (id = ANY($1::int[])) ORDER BY id`,
    [skip],
  );
  if (!upts.length) return;
  const perUpt = Math.ceil(target / upts.length);
  const ps: NewProduct[] = [];
  for (const u of upts) {
    const names = new Set<string>();
    while (names.size < perUpt) {
      const t = rng.pick(TEMPLATES);
      const v = rng.pick(VARIANTS[t.category] ?? COMMON_VARIANTS);
      const name = v ? `${t.name} ${v}` : t.name;
      if (names.has(name)) continue;
      names.add(name);
      ps.push({ uptId: u.id, kanwilId: u.kanwil_id, name, category: t.category, unit: t.unit, price: priceOf(rng, t), description: t.description, published: rng.chance(0.92) });
    }
  }
  const ids = await insertProducts(tx, ps);
  const products = ps.map((p) => ({ ...p, id: ids.get(`${p.uptId}:${p.name}`)! }));
  const items = await stockItems(tx, products);
  const stocked = products.filter(() => rng.chance(0.7));
  const qty = stocked.map(() => (rng.chance(0.3) ? rng.int(1, 19) : rng.int(20, 400)));
  await tx.query(
    `INSERT INTO stock_move (upt_id, kanwil_id, date, item_id, location_id, qty, kind, reference)
     SELECT x.u, x.k, now()::date - 30, x.i, l.id, x.q, 'adjustment', 'stok awal (data contoh)'
       FROM unnest($1::int[], $2::int[], $3::int[], $4::bigint[]) AS x(u, k, i, q) JOIN stock_location l ON l.upt_id = x.u AND l.name = 'Gudang Produk Jadi'`,
    [stocked.map((p) => p.uptId), stocked.map((p) => p.kanwilId), stocked.map((p) => items.get(p.id)), qty],
  );
  await refreshOnHand(tx, stocked.map((p) => items.get(p.id)!));
}

export const NATIONAL_PRODUCTS = 20_000;

/**
 * `history`: also production batches and stock for the demo UPTs (with generated inmates only:
 * batches are worked by them; tests that start from an empty ledger seed without inmates).
 */
export async function seedCatalogue(tx: Queryable, opts: { seed: number; size: DatasetSize; today: string; demoUptIds: number[]; history: boolean }): Promise<void> {
  const rng = createRng(opts.seed + 505);
  await seedDemoCatalogue(tx, rng, opts.demoUptIds, opts.today, opts.history);
  if (opts.size === 'national') await seedNationalCatalogue(tx, rng, opts.demoUptIds, NATIONAL_PRODUCTS);
}
