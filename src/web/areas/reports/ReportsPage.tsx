import { Anchor, Badge, Button, Group, NativeSelect, Text } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { monthLabel } from '../cockpit/units.ts';
import { consolidatedFileUrl, useConsolidated, useLateReports, useReports, type LateItem, type ReportListItem, type ReportStatus } from './api.ts';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useErrorText } from '../../components/States.tsx';

const STATUS_COLOR: Record<ReportStatus, string> = { draft: 'gray', submitted: 'blue', verified: 'teal', returned: 'orange', received: 'green' };

export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useT();
  return <Badge component="span" color={STATUS_COLOR[status]} variant="light" style={{ textTransform: 'none' }} data-status={status}>{t(`reports.status.${status}`)}</Badge>;
}

/** Last twelve months, newest first, as 'YYYY-MM-01'. */
function recentMonths(today: string): string[] {
  const out: string[] = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < 12; i += 1) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
    m -= 1;
    if (m === 0) { m = 12; y -= 1; }
  }
  return out;
}

/** Monthly reports of a month in the viewer's scope, the late/missing list and the consolidated report. */
export default function ReportsPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const today = meta?.today ?? new Date().toISOString().slice(0, 10);
  const months = recentMonths(today);
  const [params, setParams] = useSearchParams();
  const month = params.get('bulan') ?? months[1]!;
  const list = useReports(month);
  const late = useLateReports(month);
  const cons = useConsolidated(month);
  const [createError, setCreateError] = useState('');
  const canSubmit = hasPermission(me, 'report.submit') && me?.scope.level === 'upt';
  const mine = list.data?.find((r) => r.uptId === me?.scope.uptId);
  async function create() {
    setCreateError('');
    try {
      const r = await post<{ id: number }>('/reports', { month });
      navigate(`/laporan/${r.id}`);
    } catch (err) {
      setCreateError(err instanceof ApiError ? errorText(err) : String(err));
    }
  }
  const columns: Column<ReportListItem>[] = [
    { key: 'upt', header: t('reports.cols.upt'), primary: true, render: (r) => <Anchor component={Link} to={`/laporan/${r.id}`}>{r.uptName}</Anchor> },
    { key: 'kanwil', header: t('reports.cols.kanwil'), render: (r) => r.kanwilName },
    { key: 'status', header: t('reports.cols.status'), render: (r) => <StatusBadge status={r.status} /> },
    { key: 'at', header: t('reports.cols.submittedAt'), render: (r) => formatDate(r.submittedAt, lang) },
  ];
  const lateColumns: Column<LateItem>[] = [
    { key: 'upt', header: t('reports.cols.upt'), primary: true, render: (r) => (r.reportId ? <Anchor component={Link} to={`/laporan/${r.reportId}`}>{r.uptName}</Anchor> : r.uptName) },
    { key: 'kanwil', header: t('reports.cols.kanwil'), render: (r) => r.kanwilName },
    { key: 'status', header: t('reports.cols.status'), render: (r) => (r.status ? <StatusBadge status={r.status} /> : '–') },
    { key: 'note', header: t('reports.cols.late'), render: (r) => (r.missing ? t('reports.missing') : t('reports.late')) },
  ];
  return (
    <div className="page">
      <PageHeader
        title={t('reports.title')}
        intro={t('reports.intro', { day: 5 })}
        actions={canSubmit && !mine ? <Button onClick={() => void create()}>{t('reports.create')}</Button> : canSubmit && mine ? <Button component={Link} to={`/laporan/${mine.id}`}>{mine.uptName}</Button> : undefined}
      />
      {createError && <Text c="red" role="alert">{createError}</Text>}
      <Group align="flex-end" mb="md">
        <NativeSelect label={t('reports.month')} value={month} onChange={(e) => setParams({ bulan: e.currentTarget.value }, { replace: true })} data={months.map((m) => ({ value: m, label: monthLabel(m, lang) }))} />
      </Group>
      {cons.data && me?.scope.level !== 'upt' && (
        <Section title={`${t('reports.consolidated')} — ${cons.data.unit.name}`} id="consolidated">
          <Group>
            <Text size="sm">{t('reports.counts', { submitted: cons.data.counts.submitted, upts: cons.data.counts.upts })}</Text>
            <Anchor href={consolidatedFileUrl(month, 'xlsx')} download>{t('reports.download', { format: 'XLSX' })}</Anchor>
            <Anchor href={consolidatedFileUrl(month, 'pdf')} download>{t('reports.download', { format: 'PDF' })}</Anchor>
          </Group>
        </Section>
      )}
      <Section title={monthLabel(month, lang)} id="reports">
        {list.isPending ? <Loading /> : list.error ? <ErrorState error={list.error} /> : list.data.length === 0 ? <EmptyState>{t('reports.none')}</EmptyState> : (
          <DataTable caption={t('reports.title')} columns={columns} rows={list.data} rowKey={(r) => r.id} />
        )}
      </Section>
      <Section title={t('reports.lateTitle')} id="late">
        {late.data && (
          <>
            <Text size="sm" mb="xs">{t('reports.lateIntro', { deadline: formatDate(late.data.deadline, lang) })}</Text>
            {late.data.items.length === 0 ? <EmptyState>{t('reports.noLate')}</EmptyState> : (
              <DataTable caption={t('reports.lateTitle')} columns={lateColumns} rows={late.data.items.slice(0, 300)} rowKey={(r) => r.uptId} />
            )}
          </>
        )}
      </Section>
    </div>
  );
}
