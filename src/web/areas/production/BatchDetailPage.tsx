import { Anchor, Badge, Button, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import type { Batch } from '../../../shared/schemas/production.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate, formatNumber, formatRupiah } from '../../format.ts';
import { tDynamic, useT } from '../../i18n/index.ts';
import { formatBasisPoints } from '../work/units.ts';
import { qtyText, useBatch, useLocations } from './api.ts';

type Move = Batch['moves'][number];
type Variance = Batch['variance'][number];
type Worker = Batch['workers'][number];

const VARIANCE_COLORS: Record<string, string> = { as_planned: 'green', over: 'orange', under: 'blue', unplanned: 'red', not_used: 'gray' };

/** A batch: cost from what was actually consumed (per lot), output and scrap, the BoM variance, the workers. */
export default function BatchDetailPage() {
  const { t, lang } = useT();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const batch = useBatch(id);
  const locations = useLocations();
  const crumbs = [{ to: '/produksi', label: t('nav.production') }];
  if (!(id > 0)) {
    return (
      <div className="page">
        <PageHeader title={t('errors.notFoundTitle')} crumbs={crumbs} />
        <EmptyState>{t('production.batch.notFound')}</EmptyState>
      </div>
    );
  }
  if (batch.isPending) return <Loading />;
  if (batch.error) {
    return (
      <div className="page">
        <PageHeader title={t('nav.production')} crumbs={crumbs} />
        <ErrorState error={batch.error} onRetry={() => void batch.refetch()} />
      </div>
    );
  }
  const b = batch.data;
  const location = locations.data?.find((l) => l.id === b.locationId)?.name ?? `#${b.locationId}`;

  const moveColumns: Column<Move>[] = [
    { key: 'kind', header: t('production.stock.cols.move'), render: (m) => tDynamic(`production.stock.moveKinds.${m.kind}`, m.kind) },
    { key: 'item', header: t('production.stock.cols.item'), primary: true, render: (m) => m.itemName },
    { key: 'lot', header: t('production.stock.cols.lot'), render: (m) => m.lotCode ?? t('production.stock.noLot') },
    { key: 'expiry', header: t('production.stock.cols.expiry'), render: (m) => formatDate(m.lotExpiry, lang) },
    { key: 'qty', header: t('production.stock.cols.qty'), numeric: true, render: (m) => qtyText(m.qty, m.unit) },
    { key: 'value', header: t('production.stock.cols.value'), numeric: true, render: (m) => formatRupiah(m.totalCostRupiah === null ? null : Math.abs(m.totalCostRupiah)) },
  ];
  const varianceColumns: Column<Variance>[] = [
    { key: 'item', header: t('production.batch.varianceCols.item'), primary: true, render: (v) => v.itemName },
    { key: 'planned', header: t('production.batch.varianceCols.planned'), numeric: true, render: (v) => formatNumber(v.plannedQty) },
    { key: 'actual', header: t('production.batch.varianceCols.actual'), numeric: true, render: (v) => formatNumber(v.actualQty) },
    { key: 'variance', header: t('production.batch.varianceCols.variance'), numeric: true, render: (v) => `${v.varianceQty > 0 ? '+' : ''}${formatNumber(v.varianceQty)}` },
    { key: 'pct', header: t('production.batch.varianceCols.pct'), numeric: true, render: (v) => formatBasisPoints(v.varianceBasisPoints) },
    {
      key: 'status',
      header: t('production.batch.varianceCols.status'),
      render: (v) => (
        <Badge color={VARIANCE_COLORS[v.status] ?? 'gray'} style={{ textTransform: 'none' }}>
          {tDynamic(`production.batch.varianceStatuses.${v.status}`, v.status)}
        </Badge>
      ),
    },
  ];
  const workerColumns: Column<Worker>[] = [
    {
      key: 'name',
      header: t('work.cols.name'),
      primary: true,
      render: (w) => (
        <Anchor component={Link} to={`/wbp/${w.wbpId}`}>
          {w.name}
        </Anchor>
      ),
    },
    { key: 'noRegister', header: t('work.cols.noRegister'), render: (w) => w.noRegister },
    { key: 'hours', header: t('production.batch.hours'), numeric: true, render: (w) => formatNumber(w.hours) },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('production.batch.detailTitle', { number: b.number })}
        intro={`${b.productName} · ${formatDate(b.date, lang)} · ${b.uptName}`}
        crumbs={crumbs}
        actions={
          hasPermission(me, 'work.write') ? (
            <Button component={Link} to={`/produksi/batch/baru?produk=${b.productId}`} variant="default">
              {t('production.batch.another')}
            </Button>
          ) : undefined
        }
      />
      <StatTiles
        label={t('production.batch.summary')}
        stats={[
          { label: t('production.cols.output'), value: formatNumber(b.outputQty), testId: 'batch-output' },
          { label: t('production.cols.scrap'), value: formatNumber(b.scrapQty) },
          { label: t('production.batch.totalCost'), value: formatRupiah(b.totalCostRupiah), testId: 'batch-cost' },
          { label: t('production.batch.unitCost'), value: formatRupiah(b.unitCostRupiah), testId: 'batch-unit-cost' },
          { label: t('production.batch.scrapCost'), value: formatRupiah(b.scrapCostRupiah) },
          { label: t('production.batch.inmates'), value: `${formatNumber(b.inmates)} · ${formatNumber(b.hours)} ${t('production.batch.hours').toLowerCase()}` },
        ]}
      />
      <Text size="sm" c="dimmed" mt="sm">
        {t('production.batch.costNote')} {t('production.batch.outputCost')}: {formatRupiah(b.outputCostRupiah)} · {t('production.stock.cols.location')}: {location}
      </Text>
      {b.note && <Text mt="xs">{b.note}</Text>}
      <Section title={t('production.batch.movesTitle')} id="batch-moves">
        <DataTable caption={t('production.batch.movesTitle')} columns={moveColumns} rows={b.moves} rowKey={(m) => m.id} />
      </Section>
      <Section title={t('production.batch.varianceTitle')} id="batch-variance">
        {b.variance.length === 0 ? (
          <Text c="dimmed">{t('production.batch.noVariance')}</Text>
        ) : (
          <DataTable caption={t('production.batch.varianceTitle')} columns={varianceColumns} rows={b.variance} rowKey={(v) => v.itemId} />
        )}
      </Section>
      <Section title={t('production.batch.workersTitle')} id="batch-workers">
        {b.workers.length === 0 ? (
          <Text c="dimmed">{t('production.batch.noWorkers')}</Text>
        ) : (
          <DataTable caption={t('production.batch.workersTitle')} columns={workerColumns} rows={b.workers} rowKey={(w) => w.wbpId} />
        )}
      </Section>
    </div>
  );
}
