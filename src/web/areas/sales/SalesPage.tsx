import { Anchor, Badge, Button, Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CHANNELS, SALE_STATUSES } from '../../../domain/sales/order-flow.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate, formatNumber, formatRupiah } from '../../format.ts';
import { tDynamic, useT } from '../../i18n/index.ts';
import { useSales, useSalesSummary, type SaleRow, type Summary } from './api.ts';

export const statusColor: Record<string, string> = { quotation: 'gray', ordered: 'blue', delivered: 'cyan', invoiced: 'orange', paid: 'green', cancelled: 'red' };

/** Sales and PNBP at a glance for the viewer's scope (UPT, Kanwil with its UPTs, nation with its Kanwils), then every sale. */
export default function SalesPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const year = Number((meta?.today ?? '2026').slice(0, 4));
  const summary = useSalesSummary({ year });
  const [filters, setFilters] = useState({ status: '', channel: '', page: 1 });
  const list = useSales({ status: filters.status || undefined, channel: filters.channel || undefined, page: filters.page, pageSize: 25 });
  const canWrite = hasPermission(me, 'sales.write');
  const canSplit = hasPermission(me, 'pnbp.write');
  const s = summary.data;

  const unitCols: Column<Summary['units'][number]>[] = [
    { key: 'name', header: s?.level === 'national' ? t('sales.kanwil') : t('sales.upt'), primary: true, render: (u) => u.name },
    { key: 'revenue', header: t('sales.revenue'), numeric: true, render: (u) => formatRupiah(u.revenueRupiah) },
    { key: 'due', header: t('sales.pnbpDue'), numeric: true, render: (u) => formatRupiah(u.pnbpDueRupiah) },
    { key: 'paid', header: t('sales.pnbpPaid'), numeric: true, render: (u) => formatRupiah(u.pnbpPaidRupiah) },
    { key: 'premi', header: t('sales.premiShared'), numeric: true, render: (u) => formatRupiah(u.premiSharedRupiah) },
  ];
  const monthCols: Column<Summary['months'][number]>[] = [
    { key: 'month', header: t('sales.month'), primary: true, render: (m) => m.month },
    { key: 'revenue', header: t('sales.revenue'), numeric: true, render: (m) => formatRupiah(m.revenueRupiah) },
    { key: 'receipts', header: t('sales.receipts'), numeric: true, render: (m) => formatNumber(m.receipts) },
    { key: 'due', header: t('sales.pnbpDue'), numeric: true, render: (m) => formatRupiah(m.pnbpDueRupiah) },
    { key: 'billed', header: t('sales.pnbpBilled'), numeric: true, render: (m) => formatRupiah(m.pnbpBilledRupiah) },
    { key: 'paid', header: t('sales.pnbpPaid'), numeric: true, render: (m) => formatRupiah(m.pnbpPaidRupiah) },
    { key: 'premi', header: t('sales.premiShared'), numeric: true, render: (m) => formatRupiah(m.premiSharedRupiah) },
  ];
  const saleCols: Column<SaleRow>[] = [
    { key: 'date', header: t('sales.date'), render: (r) => formatDate(r.date, lang) },
    {
      key: 'doc', header: t('sales.document'), primary: true,
      render: (r) => <Anchor component={Link} to={`/penjualan/${r.id}`}>{r.invoiceNumber ?? r.quotationNumber ?? `#${r.id}`}</Anchor>,
    },
    { key: 'channel', header: t('sales.channel'), render: (r) => tDynamic(`sales.channels.${r.channel}`, r.channel) },
    { key: 'buyer', header: t('sales.buyer'), render: (r) => r.buyerInstitution ?? r.buyerName ?? '—' },
    ...(me?.scope.level !== 'upt' ? [{ key: 'upt', header: t('sales.upt'), render: (r: SaleRow) => r.uptName }] : []),
    { key: 'status', header: t('sales.status'), render: (r) => <Badge color={statusColor[r.status]} variant="light">{tDynamic(`sales.statuses.${r.status}`, r.status)}</Badge> },
    { key: 'total', header: t('sales.total'), numeric: true, render: (r) => formatRupiah(r.totalRupiah) },
    { key: 'paid', header: t('sales.paid'), numeric: true, render: (r) => formatRupiah(r.paidRupiah) },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('sales.title')}
        intro={t('sales.intro', { year })}
        actions={
          <>
            {canWrite && <Button component={Link} to="/penjualan/baru">{t('sales.record')}</Button>}
            {canSplit && <Button component={Link} to="/penjualan/bagi-hasil" variant="default">{t('sales.splitTitle')}</Button>}
          </>
        }
      />
      {summary.isPending ? <Loading /> : summary.error ? <ErrorState error={summary.error} onRetry={() => void summary.refetch()} /> : s && (
        <>
          <StatTiles
            label={t('sales.title')}
            stats={[
              { label: t('sales.revenue'), value: formatRupiah(s.totals.revenueRupiah), note: t('sales.receiptsNote', { n: formatNumber(s.totals.receipts) }), testId: 'sales-revenue' },
              { label: t('sales.pnbpDue'), value: formatRupiah(s.totals.pnbpDueRupiah), testId: 'sales-pnbp-due' },
              { label: t('sales.pnbpPaid'), value: formatRupiah(s.totals.pnbpPaidRupiah), testId: 'sales-pnbp-paid' },
              { label: t('sales.premiShared'), value: formatRupiah(s.totals.premiSharedRupiah), testId: 'sales-premi' },
              { label: t('sales.openOrders'), value: formatNumber(s.openOrders) },
            ]}
          />
          {s.units.length > 0 && (
            <Section title={s.level === 'national' ? t('sales.byKanwil') : t('sales.byUpt')}>
              <DataTable caption={s.level === 'national' ? t('sales.byKanwil') : t('sales.byUpt')} columns={unitCols} rows={s.units} rowKey={(u) => u.id} />
            </Section>
          )}
          <Section title={t('sales.byMonth')}>
            {s.months.length === 0 ? <EmptyState>{t('sales.noFigures')}</EmptyState> : <DataTable caption={t('sales.byMonth')} columns={monthCols} rows={s.months} rowKey={(m) => m.month} />}
          </Section>
        </>
      )}
      <Section title={t('sales.listTitle')} id="sales">
        <Group gap="sm" mb="sm">
          <NativeSelect label={t('sales.status')} value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.currentTarget.value, page: 1 })}
            data={[{ value: '', label: t('sales.all') }, ...SALE_STATUSES.map((x) => ({ value: x, label: tDynamic(`sales.statuses.${x}`, x) }))]} />
          <NativeSelect label={t('sales.channel')} value={filters.channel} onChange={(e) => setFilters({ ...filters, channel: e.currentTarget.value, page: 1 })}
            data={[{ value: '', label: t('sales.all') }, ...CHANNELS.map((x) => ({ value: x, label: tDynamic(`sales.channels.${x}`, x) }))]} />
        </Group>
        {list.isPending ? <Loading /> : list.error ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
          <EmptyState>{t('sales.noSales')}</EmptyState>
        ) : (
          <>
            <DataTable caption={t('sales.listTitle')} columns={saleCols} rows={list.data.items} rowKey={(r) => r.id} />
            <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(page) => setFilters({ ...filters, page })} />
          </>
        )}
      </Section>
    </div>
  );
}
