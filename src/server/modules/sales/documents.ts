import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { PositiveId } from '../../../shared/schemas/common.ts';
import type { Sale } from '../../../shared/schemas/sales.ts';
import { writePdf } from '../../exports/pdf.ts';
import { dmy } from '../../exports/table.ts';
import { targetRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField } from '../../http/errors.ts';
import { errorResponses } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { describeSale } from './queries.ts';
import { saleTarget, salesTags as tags } from './sales.ts';

const DOCS = ['quotation', 'invoice', 'receipt'] as const;
type Doc = (typeof DOCS)[number];

const docRoute = defineRoute({
  method: 'get', path: '/sales/{saleId}/documents/{doc}', tags, summary: 'Cetak penawaran, faktur atau kuitansi (PDF) / print a quotation, invoice or receipt',
  description: '`receipt` prints the latest receipt of the sale, or the one given by `paymentId`.',
  access: targetRoute('sales.read', saleTarget),
  request: { params: z.object({ saleId: PositiveId, doc: z.enum(DOCS) }), query: z.object({ paymentId: PositiveId.optional() }) },
  responses: { 200: { description: 'PDF' }, ...errorResponses },
});

const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

function heading(s: Sale, doc: Doc, paymentId: number | undefined): { title: string; number: string; lines: string[] } {
  const buyer = [s.buyerName, s.buyerInstitution].filter(Boolean).join(' — ') || 'Pembeli umum';
  if (doc === 'quotation') {
    if (!s.quotationNumber) throw invalidField('doc', 'invalid');
    return { title: 'SURAT PENAWARAN HARGA', number: s.quotationNumber, lines: [`Kepada: ${buyer}`, `Tanggal: ${dmy(s.date)}`] };
  }
  if (doc === 'invoice') {
    if (!s.invoiceNumber) throw invalidField('doc', 'invalid');
    return { title: 'FAKTUR / TAGIHAN', number: s.invoiceNumber, lines: [`Kepada: ${buyer}`, `Tanggal: ${dmy(s.invoicedOn)} · jatuh tempo ${dmy(s.dueOn)}`, ...(s.externalReference ? [`Referensi: ${s.externalReference}`] : [])] };
  }
  const receipts = s.payments.filter((p) => p.receiptNumber !== null && (paymentId === undefined || p.id === paymentId));
  const p = receipts[receipts.length - 1];
  if (!p) throw invalidField('paymentId', 'invalid');
  return {
    title: 'KUITANSI', number: p.receiptNumber!,
    lines: [`Telah diterima dari: ${buyer}`, `Uang sejumlah ${rp(p.amountRupiah)} (${p.method}) pada ${dmy(p.date)}`, ...(p.reversedBy ? ['DIBATALKAN'] : [])],
  };
}

async function render(c: Context<AppEnv>, s: Sale, doc: Doc, paymentId: number | undefined): Promise<Buffer> {
  const h = heading(s, doc, paymentId);
  return writePdf({
    title: h.title,
    subtitle: [`Nomor: ${h.number}`, s.uptName, ...h.lines],
    columns: [
      { header: 'Barang', key: 'product', width: 30 },
      { header: 'Jumlah', key: 'qty', kind: 'integer', width: 10 },
      { header: 'Satuan', key: 'unit', width: 8 },
      { header: 'Harga satuan', key: 'price', kind: 'rupiah', width: 14 },
      { header: 'Nilai', key: 'amount', kind: 'rupiah', width: 14 },
    ],
    rows: s.lines.map((l) => ({ product: l.productName, qty: l.qty, unit: l.unit, price: l.unitPriceRupiah, amount: l.amountRupiah })),
    footnote: `Total ${rp(s.totalRupiah)} · dibayar ${rp(s.paidRupiah)} · sisa ${rp(s.totalRupiah - s.paidRupiah)}. Hasil karya Warga Binaan Pemasyarakatan. Dicetak ${dmy(c.get('services').clock.today())}.`,
  });
}

export function documentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(docRoute, async (c) => {
    const { saleId, doc } = c.req.valid('param');
    const { paymentId } = c.req.valid('query');
    const sale = await describeSale(c.get('services').db, saleId, { personal: false });
    const pdf = await render(c, sale, doc, paymentId);
    const name = `${doc}-${sale.id}.pdf`;
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"` }) as never;
  });
}
