import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateLine, certificatesOf } from '../../src/server/modules/training/certificates.ts';
import { trainingRealisation, trainingRealisationByScan } from '../../src/server/modules/training/realisation.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }
interface Participant { id: number; wbpId: number; name: string | null; noRegister: string | null; status: string; version: number; test: { id: number; result: string; certificateNumber: string | null } | null }
interface Programme { id: number; uptId: number; version: number; status: string; endDate: string; enrolled: number; completed: number; certified: number; participants: Participant[]; files: Array<{ id: number; fileName: string }> }
interface Figures { trained: number; tested: number; certified: number; certifiedPct: string | null; passPct: string | null }
interface Realisation { upts: Array<Figures & { uptId: number }>; kanwils: Array<Figures & { kanwilId: number }>; months: Array<Figures & { month: string }>; total: Figures }

let t: TestApp;
let op: Client;
let foreign: Client;
let kanwil: Client;
let programme: Programme;
const regs = { a: 'T-1', b: 'T-2', c: 'T-3', detainee: 'T-4', released: 'T-5' };
const wbpIds: Record<string, number> = {};

const PROGRAMME = {
  name: 'Pelatihan Las Listrik Angkatan I', skill: 'Pengelasan', scheme: 'Juru Las SMAW 3G', providerKind: 'blk', providerName: 'BLK Semarang',
  lessonHours: 160, startDate: '2026-10-01', endDate: '2026-10-28', capacity: 3, costRupiah: 45_000_000, fundedBy: 'dipa',
};
const count = async (table: string) => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))!.n;
const realisation = (c: Client, q = 'from=2026-01-01&to=2026-12-31') => c.get<Realisation>(`/api/v1/training/realisation?${q}`);

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  op = await t.as('operator.lapas.semarang');
  foreign = await t.as('operator.lapas.tangerang');
  kanwil = await t.as('kanwil.jateng');
  for (const [k, reg] of Object.entries(regs)) {
    const status = k === 'detainee' ? 'tahanan' : 'narapidana';
    wbpIds[k] = (await op.post<{ id: number }>('/api/v1/wbp', { noRegister: reg, name: `Peserta ${reg}`, sex: 'L', religion: 'islam', status })).body.id;
  }
  await t.db.query(`UPDATE wbp SET released_on = '2026-09-01', release_reason = 'bebas' WHERE id = $1`, [wbpIds.released]);
});
afterAll(() => t.close());

describe('training programmes', () => {
  it('creates a programme in the operator’s own UPT and refuses bad input without a change', async () => {
    const before = await count('training_programme');
    const bad = await op.post<ErrorBody>('/api/v1/training/programmes', { ...PROGRAMME, lessonHours: 0, providerKind: 'kursus' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['lessonHours', 'providerKind']);
    const backwards = await op.post<ErrorBody>('/api/v1/training/programmes', { ...PROGRAMME, endDate: '2026-09-01' });
    expect(backwards.body.error.fields).toEqual({ endDate: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' });
    expect(await count('training_programme')).toBe(before);
    const res = await op.post<Programme>('/api/v1/training/programmes', PROGRAMME);
    expect(res.status).toBe(201);
    programme = res.body;
    expect(programme.status).toBe('planned');
    expect((await op.post<ErrorBody>('/api/v1/training/programmes', PROGRAMME)).body.error.code).toBe('DUPLICATE');
    // Another UPT's officer neither sees nor touches it.
    expect((await foreign.get<ErrorBody>(`/api/v1/training/programmes/${programme.id}`)).body.error.code).toBe('OUT_OF_SCOPE');
    expect((await foreign.get<{ items: unknown[] }>('/api/v1/training/programmes')).body.items).toEqual([]);
  });

  it('updates a programme with its version and refuses an end before the start', async () => {
    const running = await op.patch<Programme>(`/api/v1/training/programmes/${programme.id}`, { version: programme.version, status: 'running' });
    expect([running.status, running.body.status]).toEqual([200, 'running']);
    const stale = await op.patch<ErrorBody>(`/api/v1/training/programmes/${programme.id}`, { version: programme.version, capacity: 9 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT_VERSION']);
    const backwards = await op.patch<ErrorBody>(`/api/v1/training/programmes/${programme.id}`, { version: running.body.version, endDate: '2026-09-30' });
    expect(backwards.body.error.fields.endDate).toMatch(/sebelum tanggal mulai/);
    programme = (await op.get<Programme>(`/api/v1/training/programmes/${programme.id}`)).body;
    expect([programme.status, programme.endDate]).toEqual(['running', '2026-10-28']);
  });

  it('enrols from a pasted list and reports numbers not found or not eligible with reasons', async () => {
    const res = await op.post<{ enrolled: Array<{ noRegister: string }>; notFound: string[]; notEligible: Array<{ noRegister: string; reasons: string[] }> }>(
      `/api/v1/training/programmes/${programme.id}/participants`,
      { noRegisters: `${regs.a}\n${regs.b}; ${regs.detainee}, ${regs.released}\nX-404\n${regs.a}` },
    );
    expect(res.status).toBe(200);
    expect(res.body.enrolled.map((e) => e.noRegister)).toEqual([regs.a, regs.b]);
    expect(res.body.notFound).toEqual(['X-404']);
    expect(res.body.notEligible.map((e) => e.noRegister)).toEqual([regs.detainee, regs.released]);
    expect(res.body.notEligible[0]!.reasons.join(' ')).toMatch(/tahanan/);
    expect(res.body.notEligible[1]!.reasons.join(' ')).toMatch(/bebas/);
    const again = await op.post<{ enrolled: unknown[]; notEligible: Array<{ reasons: string[] }> }>(`/api/v1/training/programmes/${programme.id}/participants`, { noRegisters: `${regs.a}\n${regs.c}` });
    expect(again.body.enrolled).toHaveLength(1);
    expect(again.body.notEligible[0]!.reasons.join(' ')).toMatch(/Sudah terdaftar/);
    // Capacity 3: a fourth is refused as full.
    const extra = (await op.post<{ id: number }>('/api/v1/wbp', { noRegister: 'T-6', name: 'Peserta T-6', sex: 'L', religion: 'islam', status: 'narapidana' })).body.id;
    expect(extra).toBeGreaterThan(0);
    const full = await op.post<{ notEligible: Array<{ reasons: string[] }> }>(`/api/v1/training/programmes/${programme.id}/participants`, { noRegisters: 'T-6' });
    expect(full.body.notEligible[0]!.reasons.join(' ')).toMatch(/penuh/);
  });

  it('hides participant names from callers without the personal-data permission', async () => {
    const own = await op.get<Programme>(`/api/v1/training/programmes/${programme.id}`);
    expect(own.body.participants.map((p) => p.name)).toEqual(['Peserta T-1', 'Peserta T-2', 'Peserta T-3']);
    const partner = await t.as('mitra.demo');
    expect((await partner.get<ErrorBody>(`/api/v1/training/programmes/${programme.id}`)).body.error.code).toBe('FORBIDDEN');
  });

  it('moves the realisation in the same transaction as completion and tests, as the raw scan says', async () => {
    const p = (await op.get<Programme>(`/api/v1/training/programmes/${programme.id}`)).body;
    const c = p.participants.find((x) => x.wbpId === wbpIds.c)!;
    const dropped = await op.patch<Programme>(`/api/v1/training/participants/${c.id}`, { version: c.version, status: 'dropped', dropReason: 'Dipindahkan' });
    expect(dropped.status).toBe(200);
    const stale = await op.patch<ErrorBody>(`/api/v1/training/participants/${c.id}`, { version: c.version, attendedHours: 3 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT_VERSION']);
    const done = await op.post<Programme>(`/api/v1/training/programmes/${programme.id}/complete`, { completedOn: '2026-10-28' });
    expect(done.body.status).toBe('completed');
    expect(done.body.completed).toBe(2);
    const r = await realisation(kanwil);
    expect(r.body.total.trained).toBe(2);
    expect(r.body.upts.find((u) => u.uptId === programme.uptId)!.trained).toBe(2);
    expect(r.body.months.find((m) => m.month === '2026-10-01')!.trained).toBe(2);
    expect(r.body.total.certifiedPct).toBe('0.00');
    expect(r.body.total.passPct).toBeNull();

    const [a, b] = done.body.participants.filter((x) => x.status === 'completed');
    const test = { testDate: '2026-11-02', scheme: 'Juru Las SMAW 3G', lspName: 'LSP Logam Mesin', result: 'kompeten' };
    const noNumber = await op.post<ErrorBody>(`/api/v1/training/participants/${a!.id}/tests`, test);
    expect(noNumber.body.error.fields.certificateNumber).toMatch(/BNSP/);
    expect((await op.post(`/api/v1/training/participants/${a!.id}/tests`, { ...test, certificateNumber: 'LGM.123.00001.2026' })).status).toBe(201);
    const dup = await op.post<ErrorBody>(`/api/v1/training/participants/${b!.id}/tests`, { ...test, certificateNumber: 'LGM.123.00001.2026' });
    expect([dup.status, dup.body.error.fields.certificateNumber]).toEqual([409, expect.stringMatching(/sudah tercatat/)]);
    const twice = await op.post<ErrorBody>(`/api/v1/training/participants/${a!.id}/tests`, { ...test, certificateNumber: 'LGM.123.00009.2026' });
    expect(twice.body.error.fields.result).toMatch(/sudah dinyatakan Kompeten/);
    expect((await op.post(`/api/v1/training/participants/${b!.id}/tests`, { ...test, result: 'belum_kompeten' })).status).toBe(201);
    // Dropped participants cannot be tested.
    expect((await op.post<ErrorBody>(`/api/v1/training/participants/${c.id}/tests`, { ...test, certificateNumber: 'X-1' })).body.error.fields.result).toBeTruthy();

    const after = (await realisation(kanwil)).body;
    expect([after.total.trained, after.total.tested, after.total.certified]).toEqual([2, 2, 1]);
    expect([after.total.certifiedPct, after.total.passPct]).toEqual(['50.00', '50.00']);
    const scope = { level: 'national' as const };
    const fromRollup = await trainingRealisation(t.db, { from: '2026-01-01', to: '2026-12-31', scope });
    const fromScan = await trainingRealisationByScan(t.db, { from: '2026-01-01', to: '2026-12-31', scope });
    expect({ trained: fromRollup.total.trained, tested: fromRollup.total.tested, certified: fromRollup.total.certified }).toEqual(fromScan);
    // Another Kanwil sees none of it.
    const banten = await t.as('kanwil.banten');
    const theirs = (await realisation(banten)).body;
    expect(theirs.total.trained).toBe(0);
    expect(theirs.upts.every((u) => u.uptId !== programme.uptId)).toBe(true);
  });

  it('lists the inmate’s training and certificates and prints them as PDF', async () => {
    const h = await op.get<{ participations: unknown[]; tests: Array<{ id: number; certificateNumber: string | null; result: string }> }>(`/api/v1/wbp/${wbpIds.a}/training`);
    expect(h.body.participations).toHaveLength(1);
    expect(h.body.tests.map((x) => x.certificateNumber)).toEqual(['LGM.123.00001.2026']);
    const pdf = await op.get<string>(`/api/v1/training/certificates/${h.body.tests[0]!.id}/pdf`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    const list = await op.get<string>(`/api/v1/wbp/${wbpIds.a}/certificates/pdf`);
    expect(list.body.startsWith('%PDF-')).toBe(true);
    expect((await foreign.get<ErrorBody>(`/api/v1/wbp/${wbpIds.a}/certificates/pdf`)).body.error.code).toBe('OUT_OF_SCOPE');
    // The premi statement paid out on release names the certificates held.
    expect(certificateLine(await certificatesOf(t.db, wbpIds.a!))).toBe('Sertifikat kompetensi: Juru Las SMAW 3G (LSP Logam Mesin, No LGM.123.00001.2026, 02-11-2026).');
    expect(certificateLine(await certificatesOf(t.db, wbpIds.b!))).toBe('');
    const statement = await op.get<string>(`/api/v1/premi/wbp/${wbpIds.a}/statement`);
    expect([statement.status, statement.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  });

  it('undoes a completion in the realisation when it is withdrawn before any test', async () => {
    const p = (await op.post<Programme>('/api/v1/training/programmes', { ...PROGRAMME, name: 'Tata Boga Angkatan I', startDate: '2026-11-01', endDate: '2026-11-20' })).body;
    await op.post(`/api/v1/training/programmes/${p.id}/participants`, { noRegisters: 'T-6' });
    const x = (await op.get<Programme>(`/api/v1/training/programmes/${p.id}`)).body.participants[0]!;
    const done = await op.patch<Programme>(`/api/v1/training/participants/${x.id}`, { version: x.version, status: 'completed', completedOn: '2026-11-20' });
    expect((await realisation(op, 'from=2026-11-01&to=2026-11-30')).body.total.trained).toBe(1);
    const y = done.body.participants[0]!;
    await op.patch(`/api/v1/training/participants/${y.id}`, { version: y.version, status: 'enrolled' });
    expect((await realisation(op, 'from=2026-11-01&to=2026-11-30')).body.total.trained).toBe(0);
  });
});

describe('programme documents', () => {
  const upload = (c: Client, bytes: Uint8Array<ArrayBuffer>, name: string) => {
    const fd = new FormData();
    fd.append('file', new File([bytes], name));
    return t.app.request(`/api/v1/training/programmes/${programme.id}/files`, { method: 'POST', body: fd, headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, host: 'localhost' } });
  };
  const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% surat tugas\n%%EOF\n');

  it('stores a PDF under a sanitised name and serves it as an attachment that is never sniffed', async () => {
    const res = await upload(op, pdfBytes, '../../etc/Surat "Tugas".pdf.exe');
    expect(res.status).toBe(201);
    const f = (await res.json()) as { id: number; fileName: string };
    expect(f.fileName).toBe('Surat Tugas.pdf.pdf');
    const got = await op.get<string>(`/api/v1/training/files/${f.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="Surat Tugas.pdf.pdf"/);
    expect((await foreign.get<ErrorBody>(`/api/v1/training/files/${f.id}`)).body.error.code).toBe('OUT_OF_SCOPE');
    expect((await op.get<Programme>(`/api/v1/training/programmes/${programme.id}`)).body.files.map((x) => x.fileName)).toEqual(['Surat Tugas.pdf.pdf']);
  });

  it('refuses a wrong type or a file too large with a clear message and stores nothing', async () => {
    const before = await count('stored_file');
    const html = await upload(op, new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'foto.jpg');
    expect(html.status).toBe(415);
    expect(((await html.json()) as ErrorBody).error.fields.file).toMatch(/PDF, JPG, PNG atau WEBP/);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdfBytes);
    const tooBig = await upload(op, big, 'besar.pdf');
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as ErrorBody).error.fields.file).toBe('Berkas PDF terlalu besar (maksimal 10 MB).');
    const png = new Uint8Array(5 * 1024 * 1024 + 1);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const bigImage = await upload(op, png, 'foto.png');
    expect(((await bigImage.json()) as ErrorBody).error.fields.file).toBe('Gambar terlalu besar (maksimal 5 MB).');
    expect(await count('stored_file')).toBe(before);
  });
});
