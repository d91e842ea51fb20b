import type { Reconciliation } from '../../../shared/schemas/pnbp.ts';
import { writePdf } from '../../exports/pdf.ts';
import { dmy, type ExportTable } from '../../exports/table.ts';
import { writeXlsx } from '../../exports/xlsx.ts';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** '2026-11-01' → 'November 2026'. */
export const monthName = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(0, 4)}`;

/**
 * The reconciliation as the finance officer files it: one row per UPT × month with due, billed,
 * paid, open, expired unpaid, not billed, over and the gaps in words; totals in the footnote.
 */
export async function exportReconciliation(r: Reconciliation, format: 'xlsx' | 'pdf') {
  const single = r.upts.length === 1 ? r.upts[0] : undefined;
  const table: ExportTable = {
    title: 'Rekonsiliasi PNBP — terutang, ditagih (kode billing) dan disetor (NTPN)',
    subtitle: [
      single ? `${single.uptName} · ${single.kanwilName} · satker ${single.satkerCode ?? '—'}${single.satkerCodeSource === 'generated' ? ' (data contoh)' : ''}` : `${r.upts.length} UPT`,
      `Periode ${monthName(r.from)} – ${monthName(r.to)} · keadaan per ${dmy(r.today)}`,
    ],
    sheetName: 'Rekonsiliasi PNBP',
    columns: [
      { header: 'UPT', key: 'upt', width: 28 },
      { header: 'Bulan', key: 'month', width: 14 },
      { header: 'Terutang', key: 'due', kind: 'rupiah', width: 15 },
      { header: 'Ditagih', key: 'billed', kind: 'rupiah', width: 15 },
      { header: 'Disetor', key: 'paid', kind: 'rupiah', width: 15 },
      { header: 'Belum dibayar', key: 'open', kind: 'rupiah', width: 15 },
      { header: 'Kedaluwarsa', key: 'expired', kind: 'rupiah', width: 15 },
      { header: 'Belum ditagih', key: 'unbilled', kind: 'rupiah', width: 15 },
      { header: 'Lebih', key: 'over', kind: 'rupiah', width: 13 },
      { header: 'Selisih (terutang − disetor)', key: 'gap', kind: 'rupiah', width: 16 },
      { header: 'Keterangan selisih', key: 'gaps', width: 50 },
    ],
    rows: r.lines.map((l) => ({
      upt: l.uptName, month: monthName(l.month), due: l.dueRupiah, billed: l.billedRupiah, paid: l.paidRupiah, open: l.openRupiah, expired: l.expiredUnpaidRupiah,
      unbilled: l.unbilledRupiah, over: l.overpaidRupiah, gap: l.gapRupiah,
      gaps: l.gaps.map((g) => `${g.label}${g.kodeBilling ? ` (${g.kodeBilling})` : ''}: Rp ${g.amountRupiah.toLocaleString('id-ID')}`).join('; '),
    })),
    footnote: `Jumlah: terutang Rp ${r.totals.dueRupiah.toLocaleString('id-ID')}, ditagih Rp ${r.totals.billedRupiah.toLocaleString('id-ID')}, disetor Rp ${r.totals.paidRupiah.toLocaleString('id-ID')}, selisih Rp ${r.totals.gapRupiah.toLocaleString('id-ID')}. Terutang = bagian PNBP dari pembagian hasil penjualan; ditagih = kode billing yang masih berlaku atau sudah dibayar; kedaluwarsa tanpa pembayaran dicatat terpisah.`,
  };
  const base = `rekonsiliasi-pnbp-${r.from.slice(0, 7)}-${r.to.slice(0, 7)}${single ? `-${single.uptName.replace(/[^A-Za-z0-9]+/g, '-')}` : ''}`;
  return format === 'xlsx'
    ? { body: await writeXlsx(table), name: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
    : { body: await writePdf(table, { landscape: true }), name: `${base}.pdf`, contentType: 'application/pdf' };
}
