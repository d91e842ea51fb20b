import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementAlertJob } from '../../src/server/jobs/daily.ts';
import { runDailyJob } from '../../src/server/jobs/runner.ts';
import { createLogger } from '../../src/server/log.ts';
import { pokmasLipasCount } from '../../src/server/modules/partners/pokmas.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }
interface Agreement { id: number; number: string; endDate: string; alertDays: number; daysLeft: number; alert: boolean; expired: boolean; files: Array<{ id: number }> }
interface Partner { id: number; uptId: number | null; kanwilId: number | null; name: string; kind: string; provinceName: string | null; version: number; agreementList: Agreement[]; contributions: Array<{ wbpId: number | null; wbpName: string | null; valueRupiah: number | null }>; contributionsRupiah: number }
interface Pokmas { bapas: Array<{ uptId: number; ok: boolean; formedGroups: number; shortfalls: Array<{ id: string }> }>; kanwils: Array<{ kanwilId: number; formedGroups: number; bapas: number }>; total: { bapas: number; formedGroups: number; bapasMeetingRule: number } }

let t: TestApp;
let kanwil: Client;
let op: Client;
let mitra: Client;
let bapasId = 0;
let jatengId = 0;
let firm: Partner;
const count = async (table: string) => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))!.n;

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  kanwil = await t.as('kanwil.jateng');
  op = await t.as('operator.lapas.semarang');
  mitra = await t.as('mitra.demo');
  bapasId = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'BAPAS KELAS I SEMARANG'`))!.id;
  jatengId = (await t.db.one<{ id: number }>(`SELECT id FROM kanwil WHERE raw_name = 'Jawa Tengah'`))!.id;
});
afterAll(() => t.close());

describe('Pokmas Lipas', () => {
  it('counts groups that meet the formation rule per Bapas, Kanwil and nation', async () => {
    const lapas = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`))!.id;
    const notBapas = await kanwil.post<ErrorBody>('/api/v1/partners/pokmas-groups', { uptId: lapas, name: 'Pokmas Salah', field: 'hukum_kemasyarakatan', formedOn: '2026-01-10' });
    expect(notBapas.body.error.fields.uptId).toMatch(/Bapas/);
    const law = await kanwil.post<{ id: number; uptId: number }>('/api/v1/partners/pokmas-groups', { uptId: bapasId, name: 'Pokmas Lipas Hukum Semarang', field: 'hukum_kemasyarakatan', formedOn: '2026-01-10', decreeNumber: 'W13.PAS.01/2026' });
    const self = await kanwil.post<{ id: number }>('/api/v1/partners/pokmas-groups', { uptId: bapasId, name: 'Pokmas Lipas Kemandirian Semarang', field: 'kemandirian_kepribadian', formedOn: '2026-01-10' });
    expect([law.status, law.body.uptId]).toEqual([201, bapasId]);
    for (let i = 1; i <= 5; i++) await kanwil.post('/api/v1/partners', { uptId: bapasId, name: `Anggota Hukum ${i}`, kind: 'pokmas_lipas', pokmasGroupId: law.body.id });
    for (let i = 1; i <= 4; i++) await kanwil.post('/api/v1/partners', { uptId: bapasId, name: `Anggota Mandiri ${i}`, kind: 'pokmas_lipas', pokmasGroupId: self.body.id });
    // A firm cannot be a Pokmas Lipas member.
    const wrongKind = await kanwil.post<ErrorBody>('/api/v1/partners', { uptId: bapasId, name: 'PT Salah Kelompok', kind: 'firm', pokmasGroupId: self.body.id });
    expect(wrongKind.body.error.fields.pokmasGroupId).toBeTruthy();

    let s = (await kanwil.get<Pokmas>('/api/v1/partners/pokmas')).body;
    let b = s.bapas.find((x) => x.uptId === bapasId)!;
    expect([b.ok, b.formedGroups]).toEqual([false, 1]);
    expect(b.shortfalls.map((x) => x.id)).toEqual(['Kelompok bidang kemandirian dan kepribadian baru 4 dari 5 mitra.']);
    expect(s.total.bapas).toBe(7); // every Bapas of Jawa Tengah is listed, formed or not
    expect(s.kanwils).toHaveLength(1);

    await kanwil.post('/api/v1/partners', { uptId: bapasId, name: 'Anggota Mandiri 5', kind: 'pokmas_lipas', pokmasGroupId: self.body.id });
    s = (await kanwil.get<Pokmas>('/api/v1/partners/pokmas')).body;
    b = s.bapas.find((x) => x.uptId === bapasId)!;
    expect([b.ok, b.formedGroups, s.total.formedGroups, s.total.bapasMeetingRule]).toEqual([true, 2, 2, 1]);
    const national = await pokmasLipasCount(t.db, { scope: { level: 'national' } });
    expect(national.total.bapas).toBe(80);
    expect(national.total.formedGroups).toBe(2);
    const banten = await t.as('kanwil.banten');
    expect((await banten.get<Pokmas>('/api/v1/partners/pokmas')).body.total.formedGroups).toBe(0);
  });
});

describe('partners, agreements and contributions', () => {
  it('keeps an operator’s partner in their own UPT and lets the partner role only read', async () => {
    const res = await op.post<Partner>('/api/v1/partners', { name: 'PT Maju Bersama', kind: 'firm', contactName: 'Budi', contactPhone: '+62 24 123', contactEmail: 'budi@contoh.id' });
    expect(res.status).toBe(201);
    firm = res.body;
    expect(firm.uptId).toBe((await t.db.one<{ upt_id: number }>(`SELECT upt_id FROM app_user WHERE username = 'operator.lapas.semarang'`))!.upt_id);
    expect(firm.provinceName).toBeTruthy();
    expect((await mitra.post<ErrorBody>('/api/v1/partners', { name: 'Mitra Baru', kind: 'firm' })).body.error.code).toBe('FORBIDDEN');
    const list = (await mitra.get<{ items: Partner[] }>('/api/v1/partners')).body.items;
    expect(list.some((p) => p.id === firm.id)).toBe(true);
    expect(list.every((p) => p.kanwilId === jatengId)).toBe(true);
    const foreign = await t.as('operator.lapas.tangerang');
    expect((await foreign.get<ErrorBody>(`/api/v1/partners/${firm.id}`)).body.error.code).toBe('OUT_OF_SCOPE');
    // A member that becomes another kind of partner leaves its Pokmas Lipas group (no server error).
    const member = (await kanwil.get<{ items: Partner[] }>('/api/v1/partners?kind=pokmas_lipas')).body.items[0]!;
    const changed = await kanwil.patch<Partner & { pokmasGroupId: number | null }>(`/api/v1/partners/${member.id}`, { version: member.version, kind: 'community' });
    expect([changed.status, changed.body.kind, changed.body.pokmasGroupId]).toEqual([200, 'community', null]);
    const bad = await op.post<ErrorBody>('/api/v1/partners', { name: 'X', kind: 'perusahaan', contactEmail: 'bukan-email' });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['contactEmail', 'kind', 'name']);
  });

  it('refuses agreements longer than 25 years and lists those nearing their end', async () => {
    const base = { kind: 'pks', number: 'PKS-01/2026', parties: 'Lapas Semarang; PT Maju Bersama', scope: 'Produksi mebel (bangun-guna-serah)', startDate: '2026-01-01' };
    const long = await op.post<ErrorBody>(`/api/v1/partners/${firm.id}/agreements`, { ...base, endDate: '2051-01-02' });
    expect(long.body.error.fields.endDate).toMatch(/25 tahun/);
    expect((await op.post(`/api/v1/partners/${firm.id}/agreements`, { ...base, endDate: '2051-01-01' })).status).toBe(201);
    const soon = await op.post<Partner>(`/api/v1/partners/${firm.id}/agreements`, { ...base, kind: 'mou', number: 'MOU-07/2024', startDate: '2024-02-01', endDate: '2027-01-31' });
    const a = soon.body.agreementList.find((x) => x.number === 'MOU-07/2024')!;
    expect([a.daysLeft, a.alert, a.alertDays]).toEqual([67, true, 90]);
    const ex = (await op.get<{ items: Agreement[] }>('/api/v1/partners/agreements/expiring')).body.items;
    expect(ex.map((x) => x.number)).toEqual(['MOU-07/2024']);
    // A shorter window of its own keeps it out until later.
    await op.post(`/api/v1/partners/${firm.id}/agreements`, { ...base, number: 'PKS-02/2026', endDate: '2027-01-20', alertDays: 30 });
    expect((await op.get<{ items: Agreement[] }>('/api/v1/partners/agreements/expiring')).body.items.map((x) => x.number)).toEqual(['MOU-07/2024']);
    expect((await op.get<{ items: Agreement[] }>('/api/v1/partners/agreements/expiring?withinDays=365')).body.items.map((x) => x.number)).toEqual(['PKS-02/2026', 'MOU-07/2024']);
    // The daily job records each alert once.
    const log = createLogger('silent');
    await runDailyJob(t.db, agreementAlertJob, '2026-11-25', log);
    await runDailyJob(t.db, agreementAlertJob, '2026-11-26', log);
    expect((await t.db.query<{ days_left: number }>('SELECT days_left FROM agreement_alert')).map((r) => r.days_left)).toEqual([67]);
    await runDailyJob(t.db, agreementAlertJob, '2026-12-22', log);
    expect(await count('agreement_alert')).toBe(2);
    const listed = (await op.get<{ items: Array<Agreement & { alertRaisedOn: string | null }> }>('/api/v1/partners/agreements/expiring?withinDays=365')).body.items;
    expect(listed.map((x) => [x.number, x.alertRaisedOn])).toEqual([['PKS-02/2026', '2026-12-22'], ['MOU-07/2024', '2026-11-25']]);
  });

  it('stores the agreement document for readers of the agreement only', async () => {
    const a = (await op.get<Partner>(`/api/v1/partners/${firm.id}`)).body.agreementList[0]!;
    const fd = new FormData();
    fd.append('file', new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'scan pks.jpeg'));
    const res = await t.app.request(`/api/v1/partners/agreements/${a.id}/files`, { method: 'POST', body: fd, headers: { cookie: op.cookie!, 'x-csrf-token': op.csrf!, host: 'localhost' } });
    expect(res.status).toBe(201);
    const f = (await res.json()) as { id: number; fileName: string };
    expect(f.fileName).toBe('scan pks.jpg');
    const got = await mitra.get<string>(`/api/v1/partners/files/${f.id}`);
    expect([got.status, got.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(got.headers.get('content-disposition')).toMatch(/^inline/);
    const banten = await t.as('kanwil.banten');
    expect((await banten.get<ErrorBody>(`/api/v1/partners/files/${f.id}`)).body.error.code).toBe('OUT_OF_SCOPE');
    // A training document id is not a partner file.
    expect((await op.get<ErrorBody>(`/api/v1/partners/files/999999`)).status).toBe(404);
  });

  it('records contributions linked to what they served, and hides the inmate from the partner role', async () => {
    await op.post('/api/v1/wbp', { noRegister: 'K-1', name: 'Klien Kerja', sex: 'L', religion: 'islam', status: 'narapidana' });
    const bad = await op.post<ErrorBody>(`/api/v1/partners/${firm.id}/contributions`, { kind: 'post_release_job', date: '2026-11-01', description: 'Kerja', noRegister: 'TIDAK-ADA' });
    expect(bad.body.error.fields.noRegister).toBeTruthy();
    const ok = await op.post<Partner>(`/api/v1/partners/${firm.id}/contributions`, { kind: 'post_release_job', date: '2026-11-01', description: 'Pekerjaan tukang kayu setelah bebas', valueRupiah: 3_000_000, noRegister: 'k-1' });
    expect(ok.status).toBe(201);
    await op.post(`/api/v1/partners/${firm.id}/contributions`, { kind: 'equipment', date: '2026-11-02', description: 'Mesin serut kayu', valueRupiah: 12_500_000 });
    await op.post(`/api/v1/partners/${firm.id}/contributions`, { kind: 'publication', date: '2026-11-03', description: 'Liputan pameran' });
    const own = (await op.get<Partner>(`/api/v1/partners/${firm.id}`)).body;
    expect(own.contributionsRupiah).toBe(15_500_000);
    expect(own.contributions.find((x) => x.valueRupiah === 3_000_000)!.wbpName).toBe('Klien Kerja');
    const seen = (await mitra.get<Partner>(`/api/v1/partners/${firm.id}`)).body;
    expect(seen.contributions.every((x) => x.wbpName === null && x.wbpId === null)).toBe(true);
  });
});
