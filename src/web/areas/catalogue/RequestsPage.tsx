import { Anchor, Badge, NativeSelect } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { REQUEST_STATUSES } from '../../../shared/schemas/catalogue.ts';
import { useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { formatDateTime, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useRequests, type OrderRequestSummary } from './api.ts';

const PAGE_SIZE = 50;
export const STATUS_COLORS: Record<string, string> = { new: 'blue', in_progress: 'grape', answered: 'green', declined: 'gray', converted: 'green' };

export default function RequestsPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Number(params.get('page')) || 1;
  const list = useRequests({ status: status || undefined, page, pageSize: PAGE_SIZE });
  const multiUpt = me?.scope.level !== 'upt';

  const columns: Column<OrderRequestSummary>[] = [
    { key: 'number', header: t('catalogue.reqCols.number'), primary: true, render: (r) => <Anchor component={Link} to={`/permintaan/${r.id}`}>{r.number}</Anchor> },
    { key: 'date', header: t('catalogue.reqCols.date'), render: (r) => formatDateTime(r.createdAt, lang) },
    ...(multiUpt ? [{ key: 'upt', header: t('catalogue.reqCols.upt'), render: (r: OrderRequestSummary) => r.uptName }] : []),
    { key: 'buyer', header: t('catalogue.reqCols.buyer'), render: (r) => `${r.institution ?? r.buyerName} (${t(`catalogue.buyerKinds.${r.buyerKind}`)})` },
    { key: 'kind', header: t('catalogue.reqCols.kind'), render: (r) => t(`catalogue.kinds.${r.kind}`) },
    { key: 'total', header: t('catalogue.reqCols.total'), numeric: true, render: (r) => formatRupiah(r.totalRupiah) },
    { key: 'status', header: t('catalogue.reqCols.status'), render: (r) => <Badge color={STATUS_COLORS[r.status]} style={{ textTransform: 'none' }}>{t(`catalogue.statuses.${r.status}`)}</Badge> },
  ];

  return (
    <div className="page">
      <PageHeader title={t('catalogue.requestsTitle')} intro={t('catalogue.requestsIntro')} />
      <NativeSelect
        label={t('catalogue.statusFilter')}
        maw={260}
        mb="md"
        value={status}
        onChange={(e) => setParams(e.currentTarget.value ? { status: e.currentTarget.value } : {})}
        data={[{ value: '', label: t('catalogue.allStatuses') }, ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`catalogue.statuses.${s}`) }))]}
      />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t('catalogue.requestsEmpty')}</EmptyState>
      ) : (
        <div>
          <DataTable caption={t('catalogue.requestsTitle')} columns={columns} rows={list.data.items} rowKey={(r) => r.id} />
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => setParams({ ...(status ? { status } : {}), page: String(p) })} />
        </div>
      )}
    </div>
  );
}
