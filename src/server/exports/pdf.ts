import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { DEFAULT_LETTERHEAD, dmy, formatNumber, isNumberCell, type CellValue, type ExportTable, type Signatory } from './table.ts';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

let fontsSet = false;
function ensureFonts() {
  if (fontsSet) return;
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Only the bundled fonts may be read from disk while rendering.
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(FONT_DIR));
  fontsSet = true;
}

function cellText(v: CellValue | undefined, kind: string | undefined, lang: 'id' | 'en'): string {
  if (v === null || v === undefined) return '';
  if (isNumberCell(v)) return formatNumber(v.n, v.format, lang);
  if (kind === 'date' && typeof v === 'string') return dmy(v);
  if (typeof v === 'number') return formatNumber(v, kind === 'rupiah' ? 'rupiah' : 'integer', lang);
  return v;
}

/** Signature columns side by side: role, place and date, a space to sign, name, NIP, position. */
function approvalBlock(people: Signatory[]) {
  return {
    margin: [0, 14, 0, 0],
    columns: people.map((p) => ({
      width: '*',
      alignment: 'center',
      stack: [
        { text: [p.place, p.date].filter(Boolean).join(', ') || ' ' },
        { text: p.role, bold: true },
        { text: p.position ?? ' ' },
        { text: ' ', margin: [0, 22, 0, 0] },
        { text: p.name ?? '(belum ditandatangani)', bold: !!p.name, decoration: p.name ? 'underline' : undefined },
        { text: p.nip ? `NIP ${p.nip}` : ' ' },
      ],
    })),
  };
}

/** Rows that move to the next page with the closing block rather than leave it there alone. */
const ROWS_KEPT_WITH_CLOSING = 4;

/**
 * A tabular PDF on A4 with the ministry's letterhead, repeated table header, page numbers, and the
 * note and approval block kept on one page. If that block does not fit under the table, the last
 * rows are carried over with it (a second layout pass), so no page holds only a note or signatures.
 */
export async function writePdf(t: ExportTable, opts: { landscape?: boolean; lang?: 'id' | 'en' } = {}): Promise<Buffer> {
  ensureFonts();
  const lang = opts.lang ?? 'id';
  const letterhead = t.letterhead ?? DEFAULT_LETTERHEAD;
  const totalWidth = t.columns.reduce((s, c) => s + (c.width ?? 16), 0);
  const widths = t.columns.map((c) => `${(((c.width ?? 16) / totalWidth) * 100).toFixed(2)}%`);
  const header = t.columns.map((c) => ({ text: c.header, bold: true, fillColor: '#E8EEF5' }));
  const body = t.rows.map((r) =>
    t.columns.map((c) => ({ text: cellText(r[c.key], c.kind, lang), alignment: c.kind === 'integer' || c.kind === 'rupiah' || isNumberCell(r[c.key]) ? 'right' : 'left' })),
  );
  // A row never splits across pages.
  const table = (id: string, rows: unknown[][], extra: Record<string, unknown> = {}) => ({
    id, margin: [0, 10, 0, 0], table: { headerRows: 1, widths, body: [header, ...rows], dontBreakRows: true }, layout: 'lightHorizontalLines', ...extra,
  });
  const closing = {
    id: 'closing',
    unbreakable: true,
    stack: [
      ...(t.footnote ? [{ id: 'note', text: t.footnote, fontSize: 7, italics: true, margin: [0, 8, 0, 0] }] : []),
      ...(t.signatories?.length ? [{ id: 'approval', ...approvalBlock(t.signatories) }] : []),
    ],
  };
  const seen = { tableEnd: 0, closing: 0 };
  const doc = (carry: number) => ({
    pageSize: 'A4',
    pageOrientation: opts.landscape ? 'landscape' : 'portrait',
    pageMargins: [36, 40, 36, 40],
    info: { title: t.title, creator: 'Giatja' },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
    pageBreakBefore: (node: { id?: string; pageNumbers: number[] }) => {
      if (node.id === 'table' || node.id === 'tail') seen.tableEnd = Math.max(seen.tableEnd, ...node.pageNumbers);
      // An unbreakable block reports the page it was first tried on too: take the last one.
      if (node.id === 'closing' || node.id === 'note' || node.id === 'approval') seen.closing = Math.max(seen.closing, ...node.pageNumbers);
      return false;
    },
    content: [
      ...letterhead.map((line, i) => ({ text: line, alignment: 'center', bold: true, fontSize: i === 0 ? 11 : 10 })),
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: opts.landscape ? 770 : 523, y2: 4, lineWidth: 1.5 }], margin: [0, 2, 0, 8] },
      { text: t.title, alignment: 'center', bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
      ...(t.subtitle ?? []).map((s) => ({ text: s, alignment: 'center', fontSize: 9 })),
      ...(carry === 0 ? [table('table', body)] : [table('table', body.slice(0, -carry)), table('tail', body.slice(-carry), { pageBreak: 'before' })]),
      ...(closing.stack.length ? [closing] : []),
    ],
  });
  const first = await pdfmake.createPdf(doc(0)).getBuffer();
  const alone = closing.stack.length > 0 && seen.closing > seen.tableEnd && body.length > ROWS_KEPT_WITH_CLOSING;
  return alone ? pdfmake.createPdf(doc(ROWS_KEPT_WITH_CLOSING)).getBuffer() : first;
}
