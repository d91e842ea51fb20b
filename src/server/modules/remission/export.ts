import type { Queryable } from '../../db/pool.ts';
import { writePdf } from '../../exports/pdf.ts';
import { dmy, type ExportTable } from '../../exports/table.ts';
import { writeXlsx } from '../../exports/xlsx.ts';
import { findRun, runItems } from './service.ts';

const KIND_LABEL = { umum: 'Remisi Umum', khusus: 'Remisi Khusus', dasawarsa: 'Remisi Dasawarsa' } as const;
const STATUS_LABEL = { draft: 'Draf', proposed: 'Diusulkan UPT', verified: 'Diverifikasi Kanwil', approved: 'Disetujui', rejected: 'Ditolak' } as const;

/** The run's lists as officers file them: I (reduced), II (released on the day), not eligible with reasons. */
export async function exportRun(db: Queryable, id: number, format: 'xlsx' | 'pdf') {
  const run = await findRun(db, id);
  if (!run) return undefined;
  const items = await runItems(db, id);
  const kanwil = await db.one<{ name: string }>('SELECT name FROM kanwil WHERE id = $1', [run.kanwilId]);
  const table: ExportTable = {
    title: `${KIND_LABEL[run.kind]} — ${run.occasionName} (${dmy(run.occasionDate)})`,
    letterhead: undefined,
    subtitle: [
      `${run.uptName} · ${kanwil?.name ?? ''}`,
      `Status: ${STATUS_LABEL[run.status]}${run.decreeNumber ? ` · SK ${run.decreeNumber}` : ''} · Memenuhi syarat: ${run.counts.eligible} dari ${run.counts.total} · Bebas pada hari itu: ${run.counts.releasedOnDay}`,
    ],
    sheetName: 'Remisi',
    columns: [
      { header: 'No', key: 'no', kind: 'integer', width: 5 },
      { header: 'No Register', key: 'noRegister', width: 16 },
      { header: 'Nama', key: 'name', width: 24 },
      { header: 'Daftar', key: 'list', width: 10 },
      { header: 'Remisi ke-', key: 'ordinal', kind: 'integer', width: 8 },
      { header: 'Besaran (hari)', key: 'days', kind: 'integer', width: 9 },
      { header: 'Ekspirasi sebelum', key: 'expiryBefore', kind: 'date', width: 12 },
      { header: 'Ekspirasi sesudah', key: 'expiryAfter', kind: 'date', width: 12 },
      { header: 'Keterangan', key: 'reason', width: 40 },
    ],
    rows: items.map((i, n) => ({
      no: n + 1,
      noRegister: i.noRegister,
      name: i.name,
      list: i.eligible ? (i.releasedOnDay ? 'II (bebas)' : 'I') : 'Tidak MS',
      ordinal: i.ordinal,
      days: i.days,
      expiryBefore: i.expiryBefore,
      expiryAfter: i.eligible ? i.expiryAfter : i.expiryBefore,
      reason: i.reasons.map((r) => r.id).join('; '),
    })),
    footnote: 'I = remisi mengurangi masa pidana; II = remisi menghabiskan sisa pidana, bebas pada hari remisi; Tidak MS = tidak memenuhi syarat.',
  };
  const base = `remisi-${run.kind}-${run.occasionDate}-${run.uptName.replace(/[^A-Za-z0-9]+/g, '-')}`;
  return format === 'xlsx'
    ? { body: await writeXlsx(table), name: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
    : { body: await writePdf(table, { landscape: true }), name: `${base}.pdf`, contentType: 'application/pdf' };
}
