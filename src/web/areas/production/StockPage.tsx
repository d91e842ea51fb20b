import { Anchor, Badge, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate, formatRupiah } from '../../format.ts';
import { tDynamic, useT } from '../../i18n/index.ts';
import { qtyText, useLocations, useMoves, useOnHand, useStockItems, type OnHand, type StockItemRow, type StockMove } from './api.ts';
import { StockActions } from './StockForms.tsx';

const MOVES_PAGE = 20;

/** Stock on hand by item, location and lot (with expiry and value), the items, and the latest moves. */
export default function StockPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const today = meta?.today ?? '';
  const onHand = useOnHand();
  const items = useStockItems();
  const locations = useLocations();
  const [page, setPage] = useState(1);
  const moves = useMoves({ page, pageSize: MOVES_PAGE });
  const canWrite = hasPermission(me, 'work.write');
  const moveKind = (k: string) => tDynamic(`production.stock.moveKinds.${k}`, k);

  const onHandColumns: Column<OnHand>[] = [
    { key: 'item', header: t('production.stock.cols.item'), primary: true, render: (r) => r.itemName },
    { key: 'location', header: t('production.stock.cols.location'), render: (r) => r.locationName },
    { key: 'lot', header: t('production.stock.cols.lot'), render: (r) => r.lotCode ?? t('production.stock.noLot') },
    {
      key: 'expiry',
      header: t('production.stock.cols.expiry'),
      render: (r) => (
        <>
          {formatDate(r.expiry, lang)}
          {r.expired && (
            <Badge color="red" ml={6} style={{ textTransform: 'none' }}>
              {t('production.stock.expired')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'qty', header: t('production.stock.cols.qty'), numeric: true, render: (r) => <span data-qty={r.qty}>{qtyText(r.qty, r.unit)}</span> },
    { key: 'value', header: t('production.stock.cols.value'), numeric: true, render: (r) => formatRupiah(r.valueRupiah) },
  ];
  const itemColumns: Column<StockItemRow>[] = [
    { key: 'name', header: t('production.stock.cols.item'), primary: true, render: (i) => i.name },
    { key: 'kind', header: t('production.stock.cols.kind'), render: (i) => tDynamic(`production.stock.itemKinds.${i.kind}`, i.kind) },
    { key: 'unit', header: t('production.stock.cols.unit'), render: (i) => i.unit },
    { key: 'perishable', header: t('production.stock.cols.perishable'), render: (i) => (i.perishable ? t('work.yesNo.yes') : t('work.yesNo.no')) },
  ];
  const moveColumns: Column<StockMove>[] = [
    { key: 'date', header: t('production.stock.cols.date'), render: (m) => formatDate(m.date, lang) },
    { key: 'item', header: t('production.stock.cols.item'), primary: true, render: (m) => m.itemName },
    { key: 'move', header: t('production.stock.cols.move'), render: (m) => moveKind(m.kind) },
    { key: 'location', header: t('production.stock.cols.location'), render: (m) => m.locationName },
    { key: 'lot', header: t('production.stock.cols.lot'), render: (m) => m.lotCode ?? t('production.stock.noLot') },
    { key: 'qty', header: t('production.stock.cols.qty'), numeric: true, render: (m) => qtyText(m.qty, m.unit) },
    { key: 'value', header: t('production.stock.cols.value'), numeric: true, render: (m) => formatRupiah(m.totalCostRupiah) },
    {
      key: 'reference',
      header: t('production.stock.cols.reference'),
      render: (m) =>
        m.batchId ? (
          <Anchor component={Link} to={`/produksi/batch/${m.batchId}`} size="sm">
            {m.reference}
          </Anchor>
        ) : (
          (m.reference ?? t('common.none'))
        ),
    },
  ];

  return (
    <div className="page">
      <PageHeader title={t('production.stock.title')} intro={t('production.stock.intro')} crumbs={[{ to: '/produksi', label: t('nav.production') }]} />
      {canWrite && today && <StockActions items={(items.data ?? []).filter((i) => i.kind === 'material')} locations={locations.data ?? []} today={today} />}
      <Section title={t('production.stock.onHand')} id="on-hand">
        {onHand.isPending ? (
          <Loading />
        ) : onHand.error ? (
          <ErrorState error={onHand.error} onRetry={() => void onHand.refetch()} />
        ) : onHand.data.items.length === 0 ? (
          <EmptyState>{t('production.stock.empty')}</EmptyState>
        ) : (
          <div aria-busy={onHand.isFetching} data-testid="on-hand">
            <Text fw={650} mb="xs">
              {t('production.stock.totalValue', { value: formatRupiah(onHand.data.totalValueRupiah) })}
            </Text>
            <DataTable
              caption={t('production.stock.onHand')}
              columns={onHandColumns}
              rows={onHand.data.items}
              rowKey={(r) => `${r.itemId}:${r.locationId}:${r.lotCode ?? ''}`}
            />
          </div>
        )}
      </Section>
      <Section title={t('production.stock.movesTitle')} id="moves">
        {moves.isPending ? (
          <Loading />
        ) : moves.error ? (
          <ErrorState error={moves.error} onRetry={() => void moves.refetch()} />
        ) : moves.data.items.length === 0 ? (
          <EmptyState>{t('production.stock.empty')}</EmptyState>
        ) : (
          <div aria-busy={moves.isFetching}>
            <DataTable caption={t('production.stock.movesTitle')} columns={moveColumns} rows={moves.data.items} rowKey={(m) => m.id} />
            <Pager page={page} pageSize={MOVES_PAGE} total={moves.data.total} onChange={setPage} />
          </div>
        )}
      </Section>
      <Section title={t('production.stock.itemsTitle')} id="items">
        {items.isPending ? (
          <Loading />
        ) : items.error ? (
          <ErrorState error={items.error} onRetry={() => void items.refetch()} />
        ) : items.data.length === 0 ? (
          <EmptyState>{t('production.stock.noItems')}</EmptyState>
        ) : (
          <DataTable caption={t('production.stock.itemsTitle')} columns={itemColumns} rows={items.data} rowKey={(i) => i.id} />
        )}
      </Section>
      <Section title={t('production.stock.locationsTitle')} id="locations">
        {locations.isPending ? (
          <Loading />
        ) : locations.data && locations.data.length > 0 ? (
          <Text>{locations.data.map((l) => l.name).join(' · ')}</Text>
        ) : (
          <EmptyState>{t('production.stock.noLocations')}</EmptyState>
        )}
      </Section>
    </div>
  );
}
