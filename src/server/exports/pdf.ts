import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { DEFAULT_LETTERHEAD, dmy, type ExportTable } from './table.ts';

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

function cellText(v: string | number | null | undefined, kind: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (kind === 'date' && typeof v === 'string') return dmy(v);
  if (typeof v === 'number') return kind === 'rupiah' ? `Rp ${v.toLocaleString('id-ID')}` : v.toLocaleString('id-ID');
  return v;
}

/** A tabular PDF on A4 with the ministry's letterhead, repeated table header and page numbers. */
export async function writePdf(t: ExportTable, opts: { landscape?: boolean } = {}): Promise<Buffer> {
  ensureFonts();
  const letterhead = t.letterhead ?? DEFAULT_LETTERHEAD;
  const totalWidth = t.columns.reduce((s, c) => s + (c.width ?? 16), 0);
  const doc = {
    pageSize: 'A4',
    pageOrientation: opts.landscape ? 'landscape' : 'portrait',
    pageMargins: [36, 40, 36, 40],
    info: { title: t.title, creator: 'Giatja' },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
    content: [
      ...letterhead.map((line, i) => ({ text: line, alignment: 'center', bold: true, fontSize: i === 0 ? 11 : 10 })),
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: opts.landscape ? 770 : 523, y2: 4, lineWidth: 1.5 }], margin: [0, 2, 0, 8] },
      { text: t.title, alignment: 'center', bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
      ...(t.subtitle ?? []).map((s) => ({ text: s, alignment: 'center', fontSize: 9 })),
      {
        margin: [0, 10, 0, 0],
        table: {
          headerRows: 1,
          widths: t.columns.map((c) => `${(((c.width ?? 16) / totalWidth) * 100).toFixed(2)}%`),
          body: [
            t.columns.map((c) => ({ text: c.header, bold: true, fillColor: '#E8EEF5' })),
            ...t.rows.map((r) =>
              t.columns.map((c) => ({ text: cellText(r[c.key], c.kind), alignment: c.kind === 'integer' || c.kind === 'rupiah' ? 'right' : 'left' })),
            ),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      ...(t.footnote ? [{ text: t.footnote, fontSize: 7, italics: true, margin: [0, 8, 0, 0] }] : []),
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
