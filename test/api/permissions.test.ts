import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_REGISTRY, routeKey, type Access } from '../../src/server/http/access.ts';
import { can, ROLES, type Role } from '../../src/shared/access/roles.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { runDailyJob } from '../../src/server/jobs/runner.ts';
import { overstayDigestJob } from '../../src/server/jobs/daily.ts';
import { createLogger } from '../../src/server/log.ts';

/**
 * Every registered route must declare its access, and every declaration is checked against
 * every role and against a record of a foreign scope. A new route without a declaration, or a
 * scope-filtered list without a scope check below, fails here.
 */
const ACCOUNT_OF_ROLE: Record<Role, string> = {
  pusat_admin: 'admin.pusat',
  pusat_pimpinan: 'pimpinan.pusat',
  kanwil_officer: 'kanwil.jateng',
  upt_head: 'kepala.lapas.semarang',
  upt_operator: 'operator.lapas.semarang',
  auditor: 'auditor.itjen',
  partner: 'mitra.demo',
};

/** Reference routes read nationwide by design (organisation lists are public facts). */
const REFERENCE_ROUTES = new Set([
  'GET /api/v1/org/provinces',
  'GET /api/v1/org/kanwils',
  'GET /api/v1/org/upts',
  'GET /api/v1/org/upts/:uptId',
  'GET /api/v1/org/upts/:uptId/history',
  'GET /api/v1/holidays',
  'POST /api/v1/calculations',
  'GET /api/v1/imports/sdp/template',
  'GET /api/v1/indicators',
]);

let t: TestApp;
const clients = new Map<Role, Client>();
/** Ids of records inside Jawa Tengah / Lapas Semarang ("own") and in Banten ("foreign"). */
const ids = { ownUpt: 0, foreignUpt: 0, ownKanwil: 0, foreignKanwil: 0, ownUser: 0, foreignUser: 0, ownWbp: 0, foreignWbp: 0, ownRun: 0, foreignRun: 0, ownUpload: 0, foreignUpload: 0, ownBatch: 0, foreignBatch: 0, ownActivity: 0, foreignActivity: 0, ownAllocation: 0, foreignAllocation: 0, ownEntry: 0, foreignEntry: 0, ownProduct: 0, foreignProduct: 0, ownMove: 0, foreignMove: 0, ownProductionBatch: 0, foreignProductionBatch: 0, foreignItem: 0, ownLocation: 0, foreignLocation: 0, ownSale: 0, foreignSale: 0, ownSalePayment: 0, foreignSalePayment: 0, ownSplit: 0, foreignSplit: 0, ownBilling: 0, foreignBilling: 0, ownPayment: 0, foreignPayment: 0, ownRequest: 0, foreignRequest: 0, ownPhoto: 0, foreignPhoto: 0, ownProgramme: 0, foreignProgramme: 0, ownParticipant: 0, foreignParticipant: 0, ownCertificate: 0, foreignCertificate: 0, ownTrainingFile: 0, foreignTrainingFile: 0, ownPartner: 0, foreignPartner: 0, ownAgreement: 0, foreignAgreement: 0, ownPartnerFile: 0, foreignPartnerFile: 0, ownReport: 0, foreignReport: 0 };

function registeredRoutes(): Array<{ method: string; path: string }> {
  const seen = new Set<string>();
  const out: Array<{ method: string; path: string }> = [];
  for (const r of t.app.routes) {
    if (r.path === '*' || r.path === '/*' && r.method === 'ALL') continue; // global middleware
    const key = routeKey(r.method, r.path);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path });
  }
  return out;
}

function fill(path: string, own: boolean): string {
  return path
    .replace(':saleId', String(own ? ids.ownSale : ids.foreignSale))
    .replace(':doc', 'receipt')
    .replace(':salePaymentId', String(own ? ids.ownSalePayment : ids.foreignSalePayment))
    .replace(':paymentId', String(own ? ids.ownPayment : ids.foreignPayment))
    .replace(':splitId', String(own ? ids.ownSplit : ids.foreignSplit))
    .replace('/production/batches/:batchId', `/production/batches/${own ? ids.ownProductionBatch : ids.foreignProductionBatch}`)
    .replace(':productId', String(own ? ids.ownProduct : ids.foreignProduct))
    .replace(':requestId', String(own ? ids.ownRequest : ids.foreignRequest))
    .replace(':photoId', String(own ? ids.ownPhoto : ids.foreignPhoto))
    .replace(':moveId', String(own ? ids.ownMove : ids.foreignMove))
    .replace(':billingId', String(own ? ids.ownBilling : ids.foreignBilling))
    .replace(':salePaymentId', String(own ? ids.ownSalePayment : ids.foreignSalePayment))
    .replace(':paymentId', String(own ? ids.ownPayment : ids.foreignPayment))
    .replace(':uptId', String(own ? ids.ownUpt : ids.foreignUpt))
    .replace(':kanwilId', String(own ? ids.ownKanwil : ids.foreignKanwil))
    .replace(':userId', String(own ? ids.ownUser : ids.foreignUser))
    .replace(':wbpId', String(own ? ids.ownWbp : ids.foreignWbp))
    .replace(':runId', String(own ? ids.ownRun : ids.foreignRun))
    .replace(':uploadId', String(own ? ids.ownUpload : ids.foreignUpload))
    .replace(':batchId', String(own ? ids.ownBatch : ids.foreignBatch))
    .replace(':activityId', String(own ? ids.ownActivity : ids.foreignActivity))
    .replace(':allocationId', String(own ? ids.ownAllocation : ids.foreignAllocation))
    .replace(':reportId', String(own ? ids.ownReport : ids.foreignReport))
    .replace(':entryId', String(own ? ids.ownEntry : ids.foreignEntry))
    .replace(':programmeId', String(own ? ids.ownProgramme : ids.foreignProgramme))
    .replace(':participantId', String(own ? ids.ownParticipant : ids.foreignParticipant))
    .replace(':certificateId', String(own ? ids.ownCertificate : ids.foreignCertificate))
    .replace(':trainingFileId', String(own ? ids.ownTrainingFile : ids.foreignTrainingFile))
    .replace(':partnerId', String(own ? ids.ownPartner : ids.foreignPartner))
    .replace(':agreementId', String(own ? ids.ownAgreement : ids.foreignAgreement))
    .replace(':partnerFileId', String(own ? ids.ownPartnerFile : ids.foreignPartnerFile))
    .replace(':file', 'swagger-ui.css')
    .replace('/*', '/x');
}

beforeAll(async () => {
  t = await createTestApp({}, { inmates: true });
  for (const role of ROLES) clients.set(role, await t.as(ACCOUNT_OF_ROLE[role]));
  const one = async (sql: string) => (await t.db.one<{ id: number }>(sql))!.id;
  ids.ownUpt = await one(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`);
  ids.foreignUpt = await one(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I TANGERANG'`);
  ids.ownKanwil = await one(`SELECT id FROM kanwil WHERE raw_name = 'Jawa Tengah'`);
  ids.foreignKanwil = await one(`SELECT id FROM kanwil WHERE raw_name = 'Banten'`);
  // A user no test client signs in as: routes like revoke-sessions act on it.
  await clients.get('pusat_admin')!.post('/api/v1/users', {
    username: 'staf.lapas.semarang',
    fullName: 'Staf Lapas Semarang',
    role: 'upt_operator',
    scopeLevel: 'upt',
    uptId: ids.ownUpt,
    password: 'SandiStaf20261',
  });
  ids.ownUser = await one(`SELECT id FROM app_user WHERE username = 'staf.lapas.semarang'`);
  ids.foreignUser = await one(`SELECT id FROM app_user WHERE username = 'kepala.lapas.tangerang'`);
  // Held, sentenced, and not yet working anywhere (so the work fixture below can allocate them).
  const free = (upt: number) =>
    one(`SELECT id FROM wbp w WHERE upt_id = ${upt} AND released_on IS NULL AND status = 'narapidana'
           AND NOT EXISTS (SELECT 1 FROM work_allocation a WHERE a.wbp_id = w.id) ORDER BY id LIMIT 1`);
  ids.ownWbp = await free(ids.ownUpt);
  ids.foreignWbp = await free(ids.foreignUpt);
  const run = async (head: Client) => (await head.post<{ id: number }>('/api/v1/remission-runs', { kind: 'umum', occasionDate: '2026-08-17' })).body.id;
  ids.ownRun = await run(clients.get('upt_head')!);
  ids.foreignRun = await run(await t.as('kepala.lapas.tangerang'));
  const upload = async (c: Client) => {
    const fd = new FormData();
    fd.append('file', new File([readFileSync('test/fixtures/sdp/sdp-export-semicolon-utf8bom.csv')], 'x.csv'));
    const res = await t.app.request('/api/v1/imports/sdp/preview', { method: 'POST', body: fd, headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, host: 'localhost' } });
    return ((await res.json()) as { uploadId: number; mapping: unknown }) ;
  };
  const foreignOperator = await t.as('operator.lapas.tangerang');
  const own = await upload(clients.get('upt_operator')!);
  const foreign = await upload(foreignOperator);
  ids.ownBatch = (await clients.get('upt_operator')!.post<{ id: number }>(`/api/v1/imports/sdp/${own.uploadId}/apply`, { mapping: own.mapping, skipRejected: true })).body.id;
  ids.foreignBatch = (await foreignOperator.post<{ id: number }>(`/api/v1/imports/sdp/${foreign.uploadId}/apply`, { mapping: foreign.mapping, skipRejected: true })).body.id;
  // A work activity with one allocation, a saved sheet and a premi entry, in each UPT.
  const work = async (c: Client, wbpId: number) => {
    const a = (await c.post<{ id: number }>('/api/v1/work/activities', { name: 'Uji Izin', category: 'jasa', placeKind: 'workshop', capacity: 5, weekdays: [1, 2, 3, 4, 5, 6, 7], sessions: ['pagi'] })).body.id;
    await c.post(`/api/v1/work/activities/${a}/pay-rules`, { effectiveFrom: '2026-01-01', kind: 'daily', rateRupiah: 10000 });
    const reg = (await t.db.one<{ no_register: string }>('SELECT no_register FROM wbp WHERE id = $1', [wbpId]))!.no_register;
    await c.post(`/api/v1/work/activities/${a}/allocations`, { noRegisters: reg, startDate: '2026-11-01' });
    await c.request('PUT', `/api/v1/work/activities/${a}/attendance`, { date: '2026-11-24', session: 'pagi', clientKey: `perm-${a}-key`, exceptions: [] });
    const alloc = (await t.db.one<{ id: number }>('SELECT id FROM work_allocation WHERE activity_id = $1', [a]))!.id;
    const entry = (await t.db.one<{ id: number }>('SELECT id FROM premi_entry WHERE wbp_id = $1', [wbpId]))!.id;
    return { a, alloc, entry };
  };
  const ownWork = await work(clients.get('upt_operator')!, ids.ownWbp);
  const foreignWork = await work(foreignOperator, ids.foreignWbp);
  [ids.ownActivity, ids.ownAllocation, ids.ownEntry] = [ownWork.a, ownWork.alloc, ownWork.entry];
  [ids.foreignActivity, ids.foreignAllocation, ids.foreignEntry] = [foreignWork.a, foreignWork.alloc, foreignWork.entry];
  await clients.get('upt_operator')!.post('/api/v1/food/plots', { kind: 'land', name: 'Lahan Uji', areaM2: 5000 });
  // Production: a product, a location, a material received and one batch, in each UPT.
  const production = async (c: Client, key: string) => {
    const product = (await c.post<{ id: number }>('/api/v1/production/products', { name: 'Produk Uji', category: 'kuliner', unit: 'pcs' })).body.id;
    const location = (await c.post<{ id: number }>('/api/v1/stock/locations', { name: 'Gudang Uji' })).body.id;
    const item = (await c.post<{ id: number }>('/api/v1/stock/items', { name: 'Bahan Uji', unit: 'g' })).body.id;
    const move = (await c.post<{ id: number }>('/api/v1/stock/moves', { kind: 'receipt', date: '2026-11-20', itemId: item, locationId: location, qty: 10_000, totalCostRupiah: 100_000, idempotencyKey: `perm-${key}-receipt` })).body.id;
    const batch = (await c.post<{ id: number }>('/api/v1/production/batches', { productId: product, date: '2026-11-24', locationId: location, consumed: [{ itemId: item, qty: 1000 }], outputQty: 10, idempotencyKey: `perm-${key}-batch` })).body.id;
    return { product, item, move, batch, location };
  };
  const ownProduction = await production(clients.get('upt_operator')!, 'own');
  const foreignProduction = await production(foreignOperator, 'foreign');
  [ids.ownProduct, ids.ownMove, ids.ownProductionBatch] = [ownProduction.product, ownProduction.move, ownProduction.batch];
  [ids.foreignProduct, ids.foreignMove, ids.foreignProductionBatch, ids.foreignItem] = [foreignProduction.product, foreignProduction.move, foreignProduction.batch, foreignProduction.item];
  [ids.ownLocation, ids.foreignLocation] = [ownProduction.location, foreignProduction.location];
  // Sales: a paid counter sale, a consignment shop and a month's split (all PNBP, no premi) in each UPT.
  const sales = async (c: Client, head: Client, p: typeof ownProduction, key: string) => {
    const sale = (await c.post<{ id: number; payments: Array<{ id: number }> }>('/api/v1/sales', {
      channel: 'counter', date: '2026-11-24', locationId: p.location, lines: [{ productId: p.product, qty: 1, unitPriceRupiah: 5000 }], payment: { method: 'cash' }, idempotencyKey: `perm-${key}-sale`,
    })).body;
    await c.post('/api/v1/sales/consignment/shops', { name: 'Toko Uji', partnerName: 'Mitra Uji' });
    await head.post('/api/v1/sales/proceeds-rules', { validFrom: '2026-01-01', base: 'revenue', premiBp: 0, pnbpBp: 10000, workingCapitalBp: 0, programmeBp: 0, premiWeight: 'attendance', legalBasis: 'Aturan uji izin' });
    const split = (await head.post<{ items: Array<{ id: number }> }>('/api/v1/sales/splits', { month: '2026-11', idempotencyKey: `perm-${key}-split` })).body.items[0]!.id;
    return { sale: sale.id, payment: sale.payments[0]!.id, split };
  };
  const ownSales = await sales(clients.get('upt_operator')!, clients.get('upt_head')!, ownProduction, 'own');
  const foreignSales = await sales(foreignOperator, await t.as('kepala.lapas.tangerang'), foreignProduction, 'foreign');
  [ids.ownSale, ids.ownSalePayment, ids.ownSplit] = [ownSales.sale, ownSales.payment, ownSales.split];
  [ids.foreignSale, ids.foreignSalePayment, ids.foreignSplit] = [foreignSales.sale, foreignSales.payment, foreignSales.split];
  // PNBP: the demo billings and NTPN payments of each UPT.
  const pnbp = async (upt: number) => (await t.db.one<{ b: number; p: number }>('SELECT billing_id AS b, id AS p FROM pnbp_payment WHERE upt_id = $1 ORDER BY id LIMIT 1', [upt]))!;
  ({ b: ids.ownBilling, p: ids.ownPayment } = await pnbp(ids.ownUpt));
  ({ b: ids.foreignBilling, p: ids.foreignPayment } = await pnbp(ids.foreignUpt));
  // Catalogue: a request (seeded demo inbox) and a photo of the fixture product, in each UPT.
  const request = async (upt: number) => one(`SELECT id FROM order_request WHERE upt_id = ${upt} ORDER BY id LIMIT 1`);
  [ids.ownRequest, ids.foreignRequest] = [await request(ids.ownUpt), await request(ids.foreignUpt)];
  const photo = async (product: number) => one(`INSERT INTO product_photo (product_id, upt_id, kanwil_id, file_name, mime, sha256, size_bytes, content)
    SELECT id, upt_id, kanwil_id, 'uji.png', 'image/png', md5(random()::text), 8, '\\x89504e470d0a1a0a'::bytea FROM product WHERE id = ${product} RETURNING id`);
  [ids.ownPhoto, ids.foreignPhoto] = [await photo(ids.ownProduct), await photo(ids.foreignProduct)];
  // Training: a programme with the fixture inmate completed and certified, and a document; a partner
  // with an agreement ending within the alert window and its document — in each UPT.
  const multipart = async (c: Client, path: string, bytes: Uint8Array<ArrayBuffer>, name: string) => {
    const fd = new FormData();
    fd.append('file', new File([bytes], name));
    const res = await t.app.request(path, { method: 'POST', body: fd, headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, host: 'localhost' } });
    return ((await res.json()) as { id: number }).id;
  };
  const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
  const training = async (c: Client, wbpId: number, key: string) => {
    const p = (await c.post<{ id: number }>('/api/v1/training/programmes', { name: 'Uji Izin Pelatihan', skill: 'Menjahit', providerKind: 'upt', providerName: 'UPT', lessonHours: 40, startDate: '2026-10-01', endDate: '2026-10-10', capacity: 5, fundedBy: 'dipa' })).body.id;
    const reg = (await t.db.one<{ no_register: string }>('SELECT no_register FROM wbp WHERE id = $1', [wbpId]))!.no_register;
    await c.post(`/api/v1/training/programmes/${p}/participants`, { noRegisters: reg });
    await c.post(`/api/v1/training/programmes/${p}/complete`, { completedOn: '2026-10-10' });
    const participant = (await t.db.one<{ id: number }>('SELECT id FROM training_participant WHERE programme_id = $1', [p]))!.id;
    await c.post(`/api/v1/training/participants/${participant}/tests`, { testDate: '2026-10-12', result: 'kompeten', scheme: 'Penjahit', lspName: 'LSP Uji', certificateNumber: `PERM-${key}` });
    const cert = (await t.db.one<{ id: number }>('SELECT id FROM competency_test WHERE participant_id = $1', [participant]))!.id;
    const file = await multipart(c, `/api/v1/training/programmes/${p}/files`, pdf, 'surat.pdf');
    const partner = (await c.post<{ id: number }>('/api/v1/partners', { name: 'Mitra Uji Izin', kind: 'firm' })).body.id;
    await c.post(`/api/v1/partners/${partner}/agreements`, { kind: 'pks', number: `PKS-${key}`, parties: 'UPT; Mitra', scope: 'Uji', startDate: '2026-01-01', endDate: '2027-01-31' });
    const agreement = (await t.db.one<{ id: number }>('SELECT id FROM partner_agreement WHERE partner_id = $1', [partner]))!.id;
    const partnerFile = await multipart(c, `/api/v1/partners/agreements/${agreement}/files`, pdf, 'pks.pdf');
    return { p, participant, cert, file, partner, agreement, partnerFile };
  };
  const ownTraining = await training(clients.get('upt_operator')!, ids.ownWbp, 'own');
  const foreignTraining = await training(foreignOperator, ids.foreignWbp, 'foreign');
  [ids.ownProgramme, ids.ownParticipant, ids.ownCertificate, ids.ownTrainingFile, ids.ownPartner, ids.ownAgreement, ids.ownPartnerFile] =
    [ownTraining.p, ownTraining.participant, ownTraining.cert, ownTraining.file, ownTraining.partner, ownTraining.agreement, ownTraining.partnerFile];
  [ids.foreignProgramme, ids.foreignParticipant, ids.foreignCertificate, ids.foreignTrainingFile, ids.foreignPartner, ids.foreignAgreement, ids.foreignPartnerFile] =
    [foreignTraining.p, foreignTraining.participant, foreignTraining.cert, foreignTraining.file, foreignTraining.partner, foreignTraining.agreement, foreignTraining.partnerFile];
  // Monthly reports (November) of each UPT, as drafts.
  ids.ownReport = (await clients.get('upt_head')!.post<{ id: number }>('/api/v1/reports', { month: '2026-11-01' })).body.id;
  ids.foreignReport = (await (await t.as('kepala.lapas.tangerang')).post<{ id: number }>('/api/v1/reports', { month: '2026-11-01' })).body.id;
  ids.ownUpload = (await upload(clients.get('upt_operator')!)).uploadId;
  ids.foreignUpload = (await upload(foreignOperator)).uploadId;
  expect(Object.entries(ids).filter(([, v]) => !(v > 0))).toEqual([]);
}, 180_000);
afterAll(() => t.close());

describe('route access declarations', () => {
  it('exist for every registered route', () => {
    const missing = registeredRoutes()
      .filter((r) => r.method !== 'ALL' || r.path !== '*')
      .filter((r) => !ACCESS_REGISTRY.has(routeKey(r.method === 'ALL' ? 'GET' : r.method, r.path)))
      .map((r) => routeKey(r.method, r.path));
    expect(missing).toEqual([]);
    expect(registeredRoutes().length).toBeGreaterThan(20);
  });

  it('list every nationwide reference route explicitly', () => {
    const reference = [...ACCESS_REGISTRY].filter(([, a]) => a.kind === 'action' && a.scope === 'reference').map(([k]) => k);
    expect(reference.sort()).toEqual([...REFERENCE_ROUTES].sort());
  });
});

const apiRoutes = () => [...ACCESS_REGISTRY].filter(([k]) => k.split(' ')[1]!.startsWith('/api/v1/'));

describe('each role against each route', () => {
  it('is refused exactly where the role lacks the permission', async () => {
    const wrong: string[] = [];
    for (const [key, access] of apiRoutes()) {
      const [method, path] = key.split(' ') as [string, string];
      if (path === '/api/v1/auth/login' || path.endsWith('/logout') || path.endsWith('/logout-all')) continue; // would end the sessions under test
      for (const role of ROLES) {
        const res = await clients.get(role)!.request<{ error?: { code: string } }>(method, fill(path, true), method === 'GET' ? undefined : {});
        const code = res.body?.error?.code;
        const expectForbidden = access.kind === 'action' && !can(role, access.action);
        const forbiddenByScope = access.kind === 'action' && access.scope === 'national' && role !== 'pusat_admin' && role !== 'pusat_pimpinan' && role !== 'auditor';
        if (expectForbidden && !(res.status === 403 && code === 'FORBIDDEN')) wrong.push(`${role} ${key}: expected FORBIDDEN, got ${res.status} ${code}`);
        if (!expectForbidden && !forbiddenByScope && (res.status === 401 || res.status === 403))
          wrong.push(`${role} ${key}: expected access, got ${res.status} ${code}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('refuses every signed-in route to an anonymous caller', async () => {
    const anon = t.anon();
    const wrong: string[] = [];
    for (const [key, access] of apiRoutes()) {
      if (access.kind === 'public') continue;
      const [method, path] = key.split(' ') as [string, string];
      const res = await anon.request(method, fill(path, true), method === 'GET' ? undefined : {});
      if (res.status !== 401) wrong.push(`${key}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('scope', () => {
  it('refuses records of another scope on every record route', async () => {
    const wrong: string[] = [];
    for (const [key, access] of apiRoutes()) {
      if (!(access.kind === 'action' && access.scope === 'target')) continue;
      const [method, path] = key.split(' ') as [string, string];
      for (const role of ['kanwil_officer', 'upt_head'] as const) {
        if (!can(role, access.action)) continue;
        const res = await clients.get(role)!.request<{ error?: { code: string } }>(method, fill(path, false), method === 'GET' ? undefined : {});
        if (!(res.status === 403 && res.body.error?.code === 'OUT_OF_SCOPE')) wrong.push(`${role} ${key}: ${res.status}`);
        const own = await clients.get(role)!.request(method, fill(path, true), method === 'GET' ? undefined : {});
        if (own.status === 403) wrong.push(`${role} ${key} own record refused`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses national-only routes to a Kanwil-scoped holder of the permission', async () => {
    const admin = clients.get('pusat_admin')!;
    await admin.post('/api/v1/users', {
      username: 'auditor.jateng',
      fullName: 'Auditor Wilayah Jawa Tengah',
      role: 'auditor',
      scopeLevel: 'kanwil',
      kanwilId: ids.ownKanwil,
      password: 'SandiAuditor2026',
    });
    const c = await t.as('auditor.jateng', 'SandiAuditor2026');
    await c.post('/api/v1/auth/password', { currentPassword: 'SandiAuditor2026', newPassword: 'SandiAuditor2027', confirmPassword: 'SandiAuditor2027' });
    const national = [...ACCESS_REGISTRY].filter(([, a]) => a.kind === 'action' && a.scope === 'national' && can('auditor', a.action));
    expect(national.length).toBeGreaterThan(0);
    for (const [key] of national) {
      const [method, path] = key.split(' ') as [string, string];
      const res = await c.request<{ error?: { code: string } }>(method, fill(path, true), method === 'GET' ? undefined : {});
      expect([key, res.status, res.body.error?.code]).toEqual([key, 403, 'OUT_OF_SCOPE']);
    }
  });

  /** Filtered lists: one check per route; a new filtered route must add its own. */
  const FILTERED_CHECKS: Record<string, (c: Client) => Promise<void>> = {
    'GET /api/v1/users': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number | null }> }>('/api/v1/users?pageSize=200');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((u) => u.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/wbp': async (c) => {
      const res = await c.get<{ items: Array<{ uptId: number }>; total: number }>('/api/v1/wbp?pageSize=200');
      expect(res.body.total).toBeGreaterThan(0);
      const own = await t.db.query<{ id: number }>('SELECT id FROM upt WHERE kanwil_id = $1', [ids.ownKanwil]);
      const allowed = new Set(own.map((u) => u.id));
      expect(res.body.items.every((w) => allowed.has(w.uptId))).toBe(true);
    },
    'GET /api/v1/overstay/summary': async (c) => {
      const res = await c.get<{ rows: Array<{ kanwilId: number }> }>('/api/v1/overstay/summary');
      expect(res.body.rows.length).toBeGreaterThan(0);
      expect(res.body.rows.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/overstay/due': async (c) => {
      const res = await c.get<{ items: Array<{ uptId: number }>; total: number }>('/api/v1/overstay/due?withinDays=120');
      expect(res.body.total).toBeGreaterThan(0);
      expect(res.body.items.every((w) => w.uptId !== ids.foreignUpt)).toBe(true);
    },
    'GET /api/v1/overstay/digest': async (c) => {
      await runDailyJob(t.db, overstayDigestJob, '2026-11-25', createLogger('silent'));
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/overstay/digest');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/remission-runs': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/remission-runs');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/imports': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/imports');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/work/dashboard': async (c) => {
      const res = await c.get<{ activities: Array<{ uptId: number }> }>('/api/v1/work/dashboard');
      expect(res.body.activities.length).toBeGreaterThan(0);
      const own = new Set((await t.db.query<{ id: number }>('SELECT id FROM upt WHERE kanwil_id = $1', [ids.ownKanwil])).map((u) => u.id));
      expect(res.body.activities.every((a) => own.has(a.uptId))).toBe(true);
    },
    'GET /api/v1/work/activities': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/work/activities');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/food/plots': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/food/plots');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/food/summary': async (c) => {
      const res = await c.get<{ rows: Array<{ kanwilId: number }> }>('/api/v1/food/summary?from=2026-01-01&to=2026-12-31');
      expect(res.body.rows.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/production/products': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/production/products');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/production/batches': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/production/batches');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/stock/items': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/stock/items');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/stock/locations': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/stock/locations');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/stock/moves': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }>; total: number }>('/api/v1/stock/moves?pageSize=200');
      expect(res.body.total).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/stock/on-hand': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/stock/on-hand');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/sales': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }>; total: number }>('/api/v1/sales?pageSize=200');
      expect(res.body.total).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/sales/consignment': async (c) => {
      const res = await c.get<{ items: Array<{ uptId: number }> }>('/api/v1/sales/consignment');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.uptId !== ids.foreignUpt)).toBe(true);
    },
    'GET /api/v1/sales/proceeds-rules': async (c) => {
      const res = await c.get<{ items: Array<{ uptId: number }> }>('/api/v1/sales/proceeds-rules');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.uptId !== ids.foreignUpt)).toBe(true);
    },
    'GET /api/v1/sales/splits': async (c) => {
      const res = await c.get<{ items: Array<{ uptId: number }> }>('/api/v1/sales/splits');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.uptId !== ids.foreignUpt)).toBe(true);
    },
    'GET /api/v1/sales/splits/preview': async (c) => {
      expect((await c.get(`/api/v1/sales/splits/preview?month=2026-11&uptId=${ids.ownUpt}`)).status).toBe(200);
      expect((await c.get<{ error: { code: string } }>(`/api/v1/sales/splits/preview?month=2026-11&uptId=${ids.foreignUpt}`)).body.error.code).toBe('OUT_OF_SCOPE');
    },
    'GET /api/v1/sales/summary': async (c) => {
      const res = await c.get<{ level: string; units: Array<{ id: number }> }>('/api/v1/sales/summary?year=2026');
      expect(res.body.level).toBe('kanwil');
      expect(res.body.units.map((u) => u.id)).toContain(ids.ownUpt);
      expect(res.body.units.map((u) => u.id)).not.toContain(ids.foreignUpt);
      expect((await c.get<{ error: { code: string } }>(`/api/v1/sales/summary?year=2026&uptId=${ids.foreignUpt}`)).body.error.code).toBe('OUT_OF_SCOPE');
    },
    'GET /api/v1/pnbp/billings': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/pnbp/billings');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/pnbp/reconciliation': async (c) => {
      const res = await c.get<{ upts: Array<{ kanwilId: number }>; lines: Array<{ kanwilId: number }> }>('/api/v1/pnbp/reconciliation?from=2026-01&to=2026-12');
      expect(res.body.lines.length).toBeGreaterThan(0);
      expect([...res.body.upts, ...res.body.lines].every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
      // Asking for another Kanwil's UPT gives nothing, not its figures.
      expect((await c.get<{ upts: unknown[] }>(`/api/v1/pnbp/reconciliation?from=2026-01&to=2026-12&uptId=${ids.foreignUpt}`)).body.upts).toEqual([]);
    },
    'GET /api/v1/pnbp/reconciliation/export': async (c) => {
      const res = await t.app.request('/api/v1/pnbp/reconciliation/export?from=2026-01&to=2026-12&format=xlsx', { headers: { cookie: c.cookie!, host: 'localhost' } });
      expect(res.status).toBe(200);
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const names: string[] = [];
      wb.worksheets[0]!.eachRow((row) => names.push(String((row.values as unknown[])[1] ?? '')));
      const own = (await t.db.query<{ name: string }>('SELECT name FROM upt WHERE kanwil_id = $1', [ids.ownKanwil])).map((u) => u.name);
      const foreign = (await t.db.query<{ name: string }>('SELECT name FROM upt WHERE kanwil_id <> $1', [ids.ownKanwil])).map((u) => u.name);
      expect(names.some((n) => own.includes(n))).toBe(true);
      expect(names.some((n) => foreign.includes(n))).toBe(false);
    },
    'GET /api/v1/pnbp/summary': async (c) => {
      const res = await c.get<{ rows: Array<{ kanwilId: number }> }>('/api/v1/pnbp/summary?year=2026');
      expect(res.body.rows.length).toBeGreaterThan(0);
      expect(res.body.rows.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/catalogue/requests': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }>; total: number }>('/api/v1/catalogue/requests?pageSize=200');
      expect(res.body.total).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/catalogue/requests/counts': async (c) => {
      const res = await c.get<{ items: Array<{ uptId: number }> }>('/api/v1/catalogue/requests/counts');
      expect(res.body.items.length).toBeGreaterThan(0);
      const own = new Set((await t.db.query<{ id: number }>('SELECT id FROM upt WHERE kanwil_id = $1', [ids.ownKanwil])).map((u) => u.id));
      expect(res.body.items.every((r) => own.has(r.uptId))).toBe(true);
    },
    'GET /api/v1/catalogue/listings': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/catalogue/listings');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/training/programmes': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/training/programmes');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/training/realisation': async (c) => {
      const res = await c.get<{ upts: Array<{ kanwilId: number }>; kanwils: Array<{ kanwilId: number }>; total: { certified: number } }>('/api/v1/training/realisation?from=2026-01-01&to=2026-12-31');
      expect(res.body.upts.length).toBeGreaterThan(0);
      expect(res.body.upts.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
      expect(res.body.kanwils.map((k) => k.kanwilId)).toEqual([ids.ownKanwil]);
      // Only the Kanwil's own certificates are counted (the foreign fixture and demo data are not).
      const own = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM competency_test WHERE kanwil_id = $1 AND result = 'kompeten' AND test_date BETWEEN '2026-01-01' AND '2026-12-31'`, [ids.ownKanwil]);
      expect(res.body.total.certified).toBe(own!.n);
      expect(own!.n).toBeGreaterThan(0);
    },
    'GET /api/v1/partners': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/partners');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/partners/agreements/expiring': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/partners/agreements/expiring');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/partners/pokmas': async (c) => {
      const res = await c.get<{ bapas: Array<{ kanwilId: number }> }>('/api/v1/partners/pokmas');
      expect(res.body.bapas.length).toBeGreaterThan(0);
      expect(res.body.bapas.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/cockpit/dashboard': async (c) => {
      const res = await c.get<{ unit: { level: string; kanwilId: number }; items: Array<{ children: Array<{ id: number }> }> }>('/api/v1/cockpit/dashboard?year=2026');
      expect([res.body.unit.level, res.body.unit.kanwilId]).toEqual(['kanwil', ids.ownKanwil]);
      const own = new Set((await t.db.query<{ id: number }>('SELECT id FROM upt WHERE kanwil_id = $1', [ids.ownKanwil])).map((u) => u.id));
      expect(res.body.items[0]!.children.length).toBeGreaterThan(0);
      expect(res.body.items.every((i) => i.children.every((ch) => own.has(ch.id)))).toBe(true);
      expect((await c.get('/api/v1/cockpit/dashboard?year=2026&kanwilId=' + ids.foreignKanwil)).status).toBe(403);
    },
    'GET /api/v1/cockpit/trend': async (c) => {
      const ind = (await t.db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'RP20-08'`))!.id;
      const res = await c.get<{ unit: { kanwilId: number } }>(`/api/v1/cockpit/trend?year=2026&indicatorId=${ind}`);
      expect(res.body.unit.kanwilId).toBe(ids.ownKanwil);
      expect((await c.get(`/api/v1/cockpit/trend?year=2026&indicatorId=${ind}&uptId=${ids.foreignUpt}`)).status).toBe(403);
    },
    'GET /api/v1/cockpit/map': async (c) => {
      const ind = (await t.db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'RP20-10'`))!.id;
      const res = await c.get<{ items: Array<{ kanwils: Array<{ id: number }> }> }>(`/api/v1/cockpit/map?year=2026&indicatorId=${ind}`);
      const shown = res.body.items.flatMap((p) => p.kanwils.map((k) => k.id));
      expect(shown).toEqual([ids.ownKanwil]);
    },
    'GET /api/v1/cockpit/records': async (c) => {
      const ind = (await t.db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'KPI-KERJA-HARI'`))!.id;
      const own = await c.get<{ items: unknown[] }>(`/api/v1/cockpit/records?indicatorId=${ind}&uptId=${ids.ownUpt}&from=2026-11-01&to=2026-11-01`);
      expect(own.body.items.length).toBeGreaterThan(0);
      const foreign = await c.get<{ error: { code: string } }>(`/api/v1/cockpit/records?indicatorId=${ind}&uptId=${ids.foreignUpt}&from=2026-11-01&to=2026-11-01`);
      expect(foreign.body.error.code).toBe('OUT_OF_SCOPE');
    },
    'GET /api/v1/cockpit/changes': async (c) => {
      const ind = (await t.db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'RP20-09'`))!.id;
      for (const upt of [ids.ownUpt, ids.foreignUpt]) {
        await t.db.query(
          `INSERT INTO indicator_rollup_change (indicator_id, upt_id, kanwil_id, month, value_before, value_after, reason)
           SELECT $1, u.id, u.kanwil_id, '2026-03-01', 1, 2, 'permission test' FROM upt u WHERE u.id = $2`,
          [ind, upt],
        );
      }
      const res = await c.get<{ items: Array<{ uptId: number }> }>('/api/v1/cockpit/changes?year=2026');
      expect(res.body.items.map((i) => i.uptId)).toContain(ids.ownUpt);
      expect(res.body.items.map((i) => i.uptId)).not.toContain(ids.foreignUpt);
    },
    'GET /api/v1/targets': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number | null }> }>('/api/v1/targets?year=2026');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === null || r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/targets/history': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number | null }> }>('/api/v1/targets/history?year=2026');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === null || r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/occupancy': async (c) => {
      const res = await c.get<{ rows: Array<{ kanwilId: number }> }>('/api/v1/occupancy');
      expect(res.body.rows.length).toBeGreaterThan(0);
      expect(res.body.rows.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/reports': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/reports?month=2026-11-01');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/reports/late': async (c) => {
      const res = await c.get<{ items: Array<{ kanwilId: number }> }>('/api/v1/reports/late?month=2026-10-01');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
    },
    'GET /api/v1/reports/consolidated': async (c) => {
      const res = await c.get<{ kanwilId: number; reports: Array<{ kanwilId: number }> }>('/api/v1/reports/consolidated?month=2026-10-01');
      expect(res.body.kanwilId).toBe(ids.ownKanwil);
      expect(res.body.reports.every((r) => r.kanwilId === ids.ownKanwil)).toBe(true);
      expect((await c.get(`/api/v1/reports/consolidated?month=2026-10-01&kanwilId=${ids.foreignKanwil}`)).status).toBe(403);
    },
    'GET /api/v1/audit': async (c) => {
      const res = await c.get<{ items: Array<{ scopeKanwilId: number | null }> }>('/api/v1/audit?pageSize=200');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((e) => e.scopeKanwilId === ids.ownKanwil)).toBe(true);
    },
  };

  it('narrows every filtered list to the caller’s Kanwil', async () => {
    const filtered = [...ACCESS_REGISTRY].filter(([, a]) => a.kind === 'action' && a.scope === 'filtered').map(([k]) => k);
    expect(filtered.sort()).toEqual(Object.keys(FILTERED_CHECKS).sort());
    const kanwilAuditor = await t.as('auditor.jateng', 'SandiAuditor2027');
    for (const key of filtered) await FILTERED_CHECKS[key]!(kanwilAuditor);
  });
});

describe('own-scope writes', () => {
  /** Routes creating records inside the caller's scope: one check each. */
  const OWN_CHECKS: Record<string, (c: Client) => Promise<void>> = {
    'POST /api/v1/work/activities': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/work/activities', { uptId: ids.foreignUpt, name: 'Uji Lintas', category: 'jasa', placeKind: 'other', capacity: 1, weekdays: [1], sessions: ['pagi'] });
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/food/plots': async (c) => {
      const res = await c.post<{ upt_id: number }>('/api/v1/food/plots', { uptId: ids.foreignUpt, kind: 'pond', name: 'Kolam Lintas', areaM2: 100 });
      expect(res.body.upt_id).toBe(ids.ownUpt);
    },
    'POST /api/v1/food/harvests': async (c) => {
      const res = await c.post<{ upt_id: number }>('/api/v1/food/harvests', { uptId: ids.foreignUpt, sector: 'fisheries', commodity: 'Lele', harvestedOn: '2026-11-01', qtyGrams: 1000 });
      expect(res.body.upt_id).toBe(ids.ownUpt);
    },
    'POST /api/v1/food/plantings': async (c) => {
      const foreignPlot = await t.db.one<{ id: number }>('INSERT INTO land_plot (upt_id, kanwil_id, kind, name, area_m2) VALUES ($1, $2, \'land\', \'Lahan Asing\', 1000) RETURNING id', [ids.foreignUpt, ids.foreignKanwil]);
      const res = await c.post<{ error: { code: string } }>('/api/v1/food/plantings', { plotId: foreignPlot!.id, crop: 'Padi', sector: 'farming', areaM2: 10, plantedOn: '2026-11-01' });
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    },
    'POST /api/v1/imports/sdp/preview': async (c) => {
      const fd = new FormData();
      fd.append('file', new File(['No Register;Nama\nX-9;Uji'], 'x.csv'));
      fd.append('uptId', String(ids.foreignUpt));
      const res = await t.app.request('/api/v1/imports/sdp/preview', { method: 'POST', body: fd, headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, host: 'localhost' } });
      const body = (await res.json()) as { uploadId: number };
      const stored = await t.db.one<{ upt_id: number }>('SELECT upt_id FROM upload WHERE id = $1', [body.uploadId]);
      expect(stored!.upt_id).toBe(ids.ownUpt);
    },
    'POST /api/v1/remission-runs': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/remission-runs', { uptId: ids.foreignUpt, kind: 'khusus', occasionDate: '2026-03-20' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/production/products': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/production/products', { uptId: ids.foreignUpt, name: 'Produk Lintas', category: 'kerajinan', unit: 'pcs' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/stock/items': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/stock/items', { uptId: ids.foreignUpt, name: 'Bahan Lintas', unit: 'pcs' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/stock/locations': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/stock/locations', { uptId: ids.foreignUpt, name: 'Gudang Lintas' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/stock/moves': async (c) => {
      // The item decides the UPT: another UPT's item is refused.
      const loc = (await t.db.one<{ id: number }>('SELECT id FROM stock_location WHERE upt_id = $1 LIMIT 1', [ids.foreignUpt]))!.id;
      const res = await c.post<{ error: { code: string } }>('/api/v1/stock/moves', { kind: 'receipt', date: '2026-11-20', itemId: ids.foreignItem, locationId: loc, qty: 1, totalCostRupiah: 0, idempotencyKey: 'perm-cross-receipt' });
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    },
    'POST /api/v1/production/batches': async (c) => {
      // The product decides the UPT: another UPT's product is refused.
      const loc = (await t.db.one<{ id: number }>('SELECT id FROM stock_location WHERE upt_id = $1 LIMIT 1', [ids.foreignUpt]))!.id;
      const res = await c.post<{ error: { code: string } }>('/api/v1/production/batches', { productId: ids.foreignProduct, date: '2026-11-24', locationId: loc, consumed: [{ itemId: ids.foreignItem, qty: 1 }], outputQty: 1, idempotencyKey: 'perm-cross-batch' });
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    },
    'POST /api/v1/sales': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/sales', {
        uptId: ids.foreignUpt, channel: 'counter', date: '2026-11-24', locationId: ids.ownLocation, lines: [{ productId: ids.ownProduct, qty: 1, unitPriceRupiah: 5000 }], payment: { method: 'cash' }, idempotencyKey: 'perm-cross-sale',
      });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/sales/consignment/shops': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/sales/consignment/shops', { uptId: ids.foreignUpt, name: 'Toko Lintas', partnerName: 'Mitra Lintas' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/sales/consignment/placements': async (c) => {
      // The store decides the UPT: another UPT's store is refused and nothing moves.
      const shop = (await t.db.one<{ id: number }>(`SELECT id FROM stock_location WHERE upt_id = $1 AND kind = 'consignment' LIMIT 1`, [ids.ownUpt]))!.id;
      const before = (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM stock_move'))!.n;
      const res = await c.post<{ error: { code: string } }>('/api/v1/sales/consignment/placements', { fromLocationId: ids.foreignLocation, toLocationId: shop, date: '2026-11-24', lines: [{ productId: ids.foreignProduct, qty: 1 }], idempotencyKey: 'perm-cross-place' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect((await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM stock_move'))!.n).toBe(before);
    },
    'POST /api/v1/sales/proceeds-rules': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/sales/proceeds-rules', { uptId: ids.foreignUpt, validFrom: '2026-12-01', base: 'profit', premiBp: 5000, pnbpBp: 1500, workingCapitalBp: 3500, programmeBp: 0, premiWeight: 'attendance', legalBasis: 'Aturan uji lintas' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/sales/splits': async (c) => {
      const before = (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM proceeds_split WHERE upt_id = $1', [ids.foreignUpt]))!.n;
      await c.post('/api/v1/sales/splits', { uptId: ids.foreignUpt, month: '2026-11', idempotencyKey: 'perm-cross-split' });
      expect((await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM proceeds_split WHERE upt_id = $1', [ids.foreignUpt]))!.n).toBe(before);
      const ownSplit = await t.db.one<{ upt_id: number }>(`SELECT upt_id FROM proceeds_split WHERE idempotency_key = 'perm-cross-split'`);
      if (ownSplit) expect(ownSplit.upt_id).toBe(ids.ownUpt);
    },
    'POST /api/v1/pnbp/billings': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/pnbp/billings', {
        uptId: ids.foreignUpt, kodeBilling: '820261125999001', accountCode: '425999', amountRupiah: 1000, periodMonth: '2026-11', description: 'Uji lintas', createdOn: '2026-11-25', idempotencyKey: 'perm-cross-billing',
      });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/training/programmes': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/training/programmes', { uptId: ids.foreignUpt, name: 'Pelatihan Lintas', skill: 'Las', providerKind: 'blk', providerName: 'BLK', lessonHours: 10, startDate: '2026-11-01', endDate: '2026-11-02', capacity: 2, fundedBy: 'dipa' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/partners': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/partners', { uptId: ids.foreignUpt, kanwilId: ids.foreignKanwil, name: 'Mitra Lintas', kind: 'firm' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/partners/pokmas-groups': async (c) => {
      // The operator's own UPT is used whatever uptId says; it is a Lapas, so no group is formed anywhere.
      const bapas = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE kanwil_id = $1 AND type = 'bapas' LIMIT 1`, [ids.foreignKanwil]))!.id;
      const before = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM pokmas_group');
      const res = await c.post<{ error: { fields: Record<string, string> } }>('/api/v1/partners/pokmas-groups', { uptId: bapas, name: 'Pokmas Lintas', field: 'hukum_kemasyarakatan', formedOn: '2026-01-01' });
      expect(res.body.error.fields.uptId).toBeTruthy();
      expect((await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM pokmas_group'))!.n).toBe(before!.n);
    },
    'POST /api/v1/targets': async (c) => {
      const ind = (await t.db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'RP20-08'`))!.id;
      const res = await c.post<{ error: { code: string } }>('/api/v1/targets', { indicatorId: ind, year: 2026, level: 'upt', uptId: ids.foreignUpt, value: 5, reason: 'Lintas wilayah' });
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    },
    'POST /api/v1/targets/allocate': async (c) => {
      const ind = (await t.db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'RP20-08'`))!.id;
      const res = await c.post<{ error: { code: string } }>('/api/v1/targets/allocate', { indicatorId: ind, year: 2026, kanwilId: ids.foreignKanwil, method: 'equal', reason: 'Lintas wilayah' });
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    },
    'POST /api/v1/indicators/manual': async (c) => {
      const ind = (await t.db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'RP20-04'`))!.id;
      const res = await c.post<{ uptId: number }>('/api/v1/indicators/manual', { indicatorId: ind, uptId: ids.foreignUpt, month: '2026-11-01', value: 3, note: 'Uji lintas wilayah' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/reports': async (c) => {
      const res = await c.post<{ uptId: number }>('/api/v1/reports', { uptId: ids.foreignUpt, month: '2026-09-01' });
      expect(res.status).toBe(201);
      expect(res.body.uptId).toBe(ids.ownUpt);
    },
    'POST /api/v1/wbp': async (c) => {
      const res = await c.post<{ error?: { code: string } }>('/api/v1/wbp', {
        uptId: ids.foreignUpt, noRegister: 'X-1', name: 'Uji Lintas', sex: 'L', religion: 'islam', status: 'tahanan',
      });
      // A UPT user always writes into their own UPT, whatever uptId says.
      expect(res.status).toBe(201);
      expect((res.body as unknown as { uptId: number }).uptId).toBe(ids.ownUpt);
    },
  };
  it('keep every created record inside the caller’s scope', async () => {
    const own = [...ACCESS_REGISTRY].filter(([, a]) => a.kind === 'action' && a.scope === 'own').map(([k]) => k);
    expect(own.sort()).toEqual(Object.keys(OWN_CHECKS).sort());
    for (const key of own) {
      const role: Role = key.includes('/targets') ? 'kanwil_officer' : /remission|proceeds|splits|pnbp|\/reports|\/manual/.test(key) ? 'upt_head' : 'upt_operator';
      await OWN_CHECKS[key]!(clients.get(role)!);
    }
  });
});

export type { Access };
