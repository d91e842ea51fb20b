import { Anchor, Button } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate, formatNumber, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { monthStart } from '../work/units.ts';
import { useBatches, useOnHand, type BatchRow } from './api.ts';

/** Production overview: this month's batches and cost, the stock value, every batch. */
export default function ProductionPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const today = meta?.today ?? '';
  const batches = useBatches();
  const onHand = useOnHand();
  const multiUpt = me?.scope.level !== 'upt';
  const canWrite = hasPermission(me, 'work.write');
  const month = today ? monthStart(today) : '';
  const thisMonth = (batches.data ?? []).filter((b) => month && b.date >= month);

  const columns: Column<BatchRow>[] = [
    {
      key: 'number',
      header: t('production.cols.number'),
      primary: true,
      render: (b) => (
        <Anchor component={Link} to={`/produksi/batch/${b.id}`}>
          {b.number}
        </Anchor>
      ),
    },
    { key: 'date', header: t('production.cols.date'), render: (b) => formatDate(b.date, lang) },
    { key: 'product', header: t('production.cols.product'), render: (b) => b.productName },
    ...(multiUpt ? [{ key: 'upt', header: t('work.fields.upt'), render: (b: BatchRow) => b.uptName }] : []),
    { key: 'output', header: t('production.cols.output'), numeric: true, render: (b) => formatNumber(b.outputQty) },
    { key: 'scrap', header: t('production.cols.scrap'), numeric: true, render: (b) => formatNumber(b.scrapQty) },
    { key: 'workers', header: t('production.cols.workers'), numeric: true, render: (b) => formatNumber(b.inmates) },
    { key: 'cost', header: t('production.cols.cost'), numeric: true, render: (b) => formatRupiah(b.totalCostRupiah) },
    { key: 'unitCost', header: t('production.cols.unitCost'), numeric: true, render: (b) => formatRupiah(b.unitCostRupiah) },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('production.title')}
        intro={t('production.intro')}
        crumbs={[{ to: '/kerja', label: t('nav.groupWork') }]}
        actions={
          <>
            {canWrite && (
              <Button component={Link} to="/produksi/batch/baru">
                {t('production.recordBatch')}
              </Button>
            )}
            <Button component={Link} to="/produksi/stok" variant="default">
              {t('nav.stock')}
            </Button>
            <Button component={Link} to="/produksi/produk" variant="default">
              {t('nav.products')}
            </Button>
          </>
        }
      />
      <StatTiles
        stats={[
          { label: t('production.stats.batches'), value: formatNumber(thisMonth.length) },
          { label: t('production.stats.cost'), value: formatRupiah(thisMonth.reduce((s, b) => s + b.totalCostRupiah, 0)) },
          { label: t('production.stats.stockValue'), value: onHand.data ? formatRupiah(onHand.data.totalValueRupiah) : '…' },
        ]}
      />
      <Section title={t('production.batchesTitle')} id="batches">
        {batches.isPending ? (
          <Loading />
        ) : batches.error ? (
          <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />
        ) : batches.data.length === 0 ? (
          <EmptyState
            action={
              canWrite ? (
                <Button component={Link} to="/produksi/batch/baru">
                  {t('production.recordBatch')}
                </Button>
              ) : undefined
            }
          >
            {t('production.noBatches')}
          </EmptyState>
        ) : (
          <DataTable caption={t('production.batchesTitle')} columns={columns} rows={batches.data} rowKey={(b) => b.id} />
        )}
      </Section>
    </div>
  );
}
