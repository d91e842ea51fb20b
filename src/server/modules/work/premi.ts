import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { ENTRY_KIND_LABELS, payoutOnRelease, reverse, statement, type PremiEntry } from '../../../domain/premi/ledger.ts';
import { CalendarDate, PositiveId } from '../../../shared/schemas/common.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { writePdf } from '../../exports/pdf.ts';
import { certificateLine, certificatesOf } from '../training/certificates.ts';
import { targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { wbpTarget } from '../wbp/routes.ts';

const tags = ['Premi'];
const WbpParams = z.object({ wbpId: PositiveId });
const Entry = z.object({ id: z.number().int(), date: z.string(), kind: z.string(), label: z.string(), amountRupiah: z.number().int(), reverses: z.number().int().nullable(), reversed: z.boolean(), reference: z.string().nullable(), runningBalance: z.number().int() });
const Ledger = z.object({ wbpId: z.number().int(), noRegister: z.string(), name: z.string(), balanceRupiah: z.number().int(), entries: z.array(Entry) });

const entryTarget: TargetResolver = async (c) => {
  const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM premi_entry WHERE id = $1', [Number(c.req.param('entryId'))]);
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};

const ledgerRoute = defineRoute({
  method: 'get', path: '/premi/wbp/{wbpId}', tags, summary: 'Buku premi WBP / an inmate’s premi ledger',
  access: targetRoute('work.read', wbpTarget), request: { params: WbpParams },
  responses: { 200: jsonOk(Ledger, 'Entries with running balance; the balance is their sum'), ...errorResponses },
});
const reverseRoute = defineRoute({
  method: 'post', path: '/premi/entries/{entryId}/reverse', tags, summary: 'Batalkan entri (pembalikan) / reverse an entry',
  description: 'The ledger is append-only: a wrong entry is cancelled by an opposite one that points to it, once.',
  access: targetRoute('premi.pay', entryTarget), request: { params: z.object({ entryId: PositiveId }), body: jsonBody(z.strictObject({ reason: z.string().trim().min(5).max(300) })) },
  responses: { 200: jsonOk(Ledger, 'Ledger after the reversal'), ...errorResponses },
});
const payoutRoute = defineRoute({
  method: 'post', path: '/premi/wbp/{wbpId}/payout', tags, summary: 'Bayar saldo premi saat bebas / pay out the balance on release',
  access: targetRoute('premi.pay', wbpTarget), request: { params: WbpParams, body: jsonBody(z.strictObject({ date: CalendarDate, reference: z.string().trim().min(3).max(200) })) },
  responses: { 200: jsonOk(Ledger, 'Ledger after the payout (balance 0)'), ...errorResponses },
});
const statementRoute = defineRoute({
  method: 'get', path: '/premi/wbp/{wbpId}/statement', tags, summary: 'Cetak rekening premi (PDF) / printable statement',
  access: targetRoute('work.read', wbpTarget), request: { params: WbpParams },
  responses: { 200: { description: 'PDF' }, ...errorResponses },
});

interface EntryRow { id: number; wbp_id: number; date: string; kind: PremiEntry['kind']; amount_rupiah: number; reverses: number | null; reference: string | null; [k: string]: unknown }

async function entries(db: Queryable, wbpId: number): Promise<EntryRow[]> {
  return db.query<EntryRow>('SELECT id, wbp_id, date, kind, amount_rupiah, reverses, reference FROM premi_entry WHERE wbp_id = $1 ORDER BY date, id', [wbpId]);
}
const toDomain = (e: EntryRow): PremiEntry => ({ id: String(e.id), wbpId: String(e.wbp_id), date: e.date, kind: e.kind, amount: Number(e.amount_rupiah), ...(e.reverses ? { reverses: String(e.reverses) } : {}), reference: e.reference ?? '' });

async function ledger(c: Context<AppEnv>, wbpId: number) {
  const { db } = c.get('services');
  const w = await db.one<{ no_register: string; name: string }>('SELECT no_register, name FROM wbp WHERE id = $1', [wbpId]);
  if (!w) throw notFound();
  const rows = await entries(db, wbpId);
  const st = statement(rows.map(toDomain));
  const reversed = new Set(rows.filter((r) => r.reverses).map((r) => Number(r.reverses)));
  const lang = c.get('lang');
  return {
    wbpId, noRegister: w.no_register, name: w.name, balanceRupiah: st.closingBalance,
    entries: st.lines.map((l) => {
      const r = rows.find((x) => String(x.id) === l.entryId)!;
      return { id: r.id, date: l.date, kind: l.kind, label: ENTRY_KIND_LABELS[l.kind][lang], amountRupiah: l.amount, reverses: r.reverses, reversed: reversed.has(r.id), reference: r.reference, runningBalance: l.runningBalance };
    }),
  };
}

const refusal = (errors: Array<{ id: string; en: string }>) => new AppError(409, 'BAD_REQUEST', { entry: errors[0] ?? { id: 'Ditolak', en: 'Refused' } });

export function premiRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(ledgerRoute, async (c) => c.json(await ledger(c, c.req.valid('param').wbpId), 200));
  app.openapi(reverseRoute, async (c) => {
    const entryId = c.req.valid('param').entryId;
    const { reason } = c.req.valid('json');
    const { db, clock } = c.get('services');
    const wbpId = await db.tx(async (tx) => {
      const e = await tx.one<EntryRow & { upt_id: number; kanwil_id: number }>('SELECT * FROM premi_entry WHERE id = $1 FOR UPDATE', [entryId]);
      if (!e) throw notFound();
      const all = (await entries(tx, e.wbp_id)).map(toDomain);
      const r = reverse(all, toDomain(e), clock.today(), reason);
      if (!r.ok) throw refusal(r.errors);
      await tx.query(
        `INSERT INTO premi_entry (wbp_id, upt_id, kanwil_id, date, kind, amount_rupiah, reverses, reference, created_by) VALUES ($1,$2,$3,$4,'reversal',$5,$6,$7,$8)`,
        [e.wbp_id, e.upt_id, e.kanwil_id, r.value.date, r.value.amount, e.id, reason, currentUser(c).id],
      );
      await recordAudit(tx, actorOf(c), { entity: 'premi_entry', entityId: entryId, action: 'reverse', before: e, after: { reason }, scope: { kanwilId: e.kanwil_id, uptId: e.upt_id } });
      return Number(e.wbp_id);
    });
    return c.json(await ledger(c, wbpId), 200);
  });
  app.openapi(payoutRoute, async (c) => {
    const wbpId = c.req.valid('param').wbpId;
    const body = c.req.valid('json');
    await c.get('services').db.tx(async (tx) => {
      const w = await tx.one<{ upt_id: number; kanwil_id: number }>('SELECT upt_id, kanwil_id FROM wbp WHERE id = $1 FOR UPDATE', [wbpId]);
      if (!w) throw notFound();
      const r = payoutOnRelease((await entries(tx, wbpId)).map(toDomain), body.date, body.reference);
      if (!r.ok) throw refusal(r.errors);
      if (!r.value.payout) return;
      await tx.query(
        `INSERT INTO premi_entry (wbp_id, upt_id, kanwil_id, date, kind, amount_rupiah, source, reference, created_by) VALUES ($1,$2,$3,$4,'payout',$5,$6,$7,$8)`,
        [wbpId, w.upt_id, w.kanwil_id, body.date, r.value.payout.amount, `payout:${body.date}`, body.reference, currentUser(c).id],
      );
      await recordAudit(tx, actorOf(c), { entity: 'premi_entry', entityId: `payout:${wbpId}`, action: 'payout', after: { amount: r.value.payout.amount, ...body }, scope: { kanwilId: w.kanwil_id, uptId: w.upt_id } });
    });
    return c.json(await ledger(c, wbpId), 200);
  });
  app.openapi(statementRoute, async (c) => {
    const l = await ledger(c, c.req.valid('param').wbpId);
    const upt = await c.get('services').db.one<{ name: string; premi_account: string | null }>(
      'SELECT u.name, w.premi_account FROM wbp w JOIN upt u ON u.id = w.upt_id WHERE w.id = $1',
      [l.wbpId],
    );
    // The statement goes with the inmate on release: it names the competency certificates held too.
    const certificates = certificateLine(await certificatesOf(c.get('services').db, l.wbpId));
    const pdf = await writePdf({
      title: 'Rekening Premi WBP',
      subtitle: [
        `${l.name} · ${l.noRegister}`,
        `${upt?.name ?? ''} · rekening/e-money: ${upt?.premi_account ?? 'belum dicatat'} · dicetak ${c.get('services').clock.today()}`,
      ],
      columns: [
        { header: 'Tanggal', key: 'date', kind: 'date', width: 12 },
        { header: 'Jenis', key: 'label', width: 16 },
        { header: 'Keterangan', key: 'reference', width: 30 },
        { header: 'Jumlah', key: 'amountRupiah', kind: 'rupiah', width: 14 },
        { header: 'Saldo', key: 'runningBalance', kind: 'rupiah', width: 14 },
      ],
      rows: l.entries.map((e) => ({ date: e.date, label: e.label, reference: e.reference, amountRupiah: e.amountRupiah, runningBalance: e.runningBalance })),
      footnote: `Saldo akhir: Rp ${l.balanceRupiah.toLocaleString('id-ID')}. Premi disimpan dalam tabungan/uang elektronik, tidak tunai (PP 32/1999 ps. 29).${certificates ? ` ${certificates}` : ''}`,
    });
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="premi-${l.noRegister.replace(/[^A-Za-z0-9]+/g, '-')}.pdf"` }) as never;
  });
}
