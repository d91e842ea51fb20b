import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import type { OverstaySummary } from '../../../shared/schemas/overstay.ts';
import { useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { due0Of, due3Of, useDigest, useDue, useOverstaySummary } from './api.ts';
import { GroupedDue } from './DueTable.tsx';
import { Tiles } from '../../components/Tiles.tsx';

type Row = OverstaySummary['rows'][number];
const WITHINS = ['0', '3', '10', '30'] as const;
const KINDS = ['all', 'detention', 'expiry'] as const;
const PAGE_SIZE = 100;

/** Kanwil and national users: every UPT with something due; a click narrows the due list to it. */
function PerUpt({ summary, selected, onSelect }: { summary: OverstaySummary; selected: string; onSelect: (uptId: string) => void }) {
  const { t } = useT();
  if (summary.rows.length === 0) return <EmptyState>{t('overstay.noRows')}</EmptyState>;
  const sum = (f: (r: Row) => number) => formatNumber(summary.rows.reduce((n, r) => n + f(r), 0));
  const columns: Column<Row>[] = [
    { key: 'kanwil', header: t('overstay.kanwil'), render: (r) => r.kanwilName },
    {
      key: 'upt',
      header: t('overstay.upt'),
      primary: true,
      render: (r) => (
        <Anchor
          component="button"
          type="button"
          onClick={() => onSelect(String(r.uptId))}
          fw={String(r.uptId) === selected ? 700 : undefined}
          aria-pressed={String(r.uptId) === selected}
          style={{ textAlign: 'left' }}
        >
          {r.uptName}
        </Anchor>
      ),
    },
    { key: 'od', header: t('overstay.totals.overstayDetention'), numeric: true, render: (r) => <Text span c={r.overstayDetention ? 'red' : undefined} fw={r.overstayDetention ? 700 : undefined}>{formatNumber(r.overstayDetention)}</Text> },
    { key: 'oe', header: t('overstay.totals.overstayExpiry'), numeric: true, render: (r) => <Text span c={r.overstayExpiry ? 'red' : undefined} fw={r.overstayExpiry ? 700 : undefined}>{formatNumber(r.overstayExpiry)}</Text> },
    { key: 'd0', header: t('overstay.totals.due0'), numeric: true, render: (r) => formatNumber(r.due0) },
    { key: 'd3', header: t('overstay.totals.due3'), numeric: true, render: (r) => formatNumber(r.due3) },
    { key: 'd10', header: t('overstay.totals.due10'), numeric: true, render: (r) => formatNumber(r.due10) },
  ];
  return (
    <DataTable
      caption={t('overstay.perUpt')}
      columns={columns}
      rows={summary.rows}
      rowKey={(r) => r.uptId}
      footer={
        <Table.Tr>
          <Table.Td colSpan={2}>{t('overstay.total')}</Table.Td>
          <Table.Td className="num" data-label={t('overstay.totals.overstayDetention')}>{sum((r) => r.overstayDetention)}</Table.Td>
          <Table.Td className="num" data-label={t('overstay.totals.overstayExpiry')}>{sum((r) => r.overstayExpiry)}</Table.Td>
          <Table.Td className="num" data-label={t('overstay.totals.due0')}>{sum((r) => r.due0)}</Table.Td>
          <Table.Td className="num" data-label={t('overstay.totals.due3')}>{sum((r) => r.due3)}</Table.Td>
          <Table.Td className="num" data-label={t('overstay.totals.due10')}>{sum((r) => r.due10)}</Table.Td>
        </Table.Tr>
      }
    />
  );
}

export default function OverstayPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const uptId = params.get('upt') ?? '';
  const within = (WITHINS as readonly string[]).includes(params.get('dalam') ?? '') ? params.get('dalam')! : '10';
  const kind = (KINDS as readonly string[]).includes(params.get('jenis') ?? '') ? params.get('jenis')! : 'all';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const wide = me?.scope.level !== 'upt';
  const summary = useOverstaySummary();
  const digest = useDigest();
  const due = useDue({ withinDays: within, kind, uptId, page, pageSize: PAGE_SIZE });

  const update = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  const selectedName = summary.data?.rows.find((r) => String(r.uptId) === uptId)?.uptName;

  return (
    <div className="page">
      <PageHeader title={t('overstay.title')} intro={wide ? t('overstay.introWide') : t('overstay.introUpt')} />
      {summary.isPending ? (
        <Loading />
      ) : summary.error ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Stack gap="md">
          <Tiles
            tiles={[
              { label: t('overstay.totals.overstay'), value: summary.data.totals.overstay, color: 'red' },
              { label: t('overstay.totals.due0'), value: due0Of(summary.data), color: 'red' },
              { label: t('overstay.totals.due3'), value: due3Of(summary.data), color: 'orange' },
              { label: t('overstay.totals.due10'), value: summary.data.totals.dueSoon, color: 'yellow' },
            ]}
          />
          {digest.data?.date && (
            <Text size="sm" c="dimmed">
              {t('overstay.digest', { date: formatDate(digest.data.date, lang), count: formatNumber(digest.data.items.length) })}
            </Text>
          )}
          {wide && (
            <Section title={t('overstay.perUpt')} id="overstay-per-upt">
              <PerUpt summary={summary.data} selected={uptId} onSelect={(id) => update({ upt: id === uptId ? '' : id, page: '' })} />
            </Section>
          )}
        </Stack>
      )}

      <Section title={selectedName ? t('overstay.dueOf', { name: selectedName }) : t('overstay.dueTitle')} id="overstay-due">
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <NativeSelect
            label={t('overstay.within')}
            value={within}
            onChange={(e) => update({ dalam: e.currentTarget.value === '10' ? '' : e.currentTarget.value, page: '' })}
            data={WITHINS.map((w) => ({ value: w, label: t(`overstay.withins.w${w}`) }))}
            w={{ base: '100%', sm: 220 }}
          />
          <NativeSelect
            label={t('overstay.kind')}
            value={kind}
            onChange={(e) => update({ jenis: e.currentTarget.value === 'all' ? '' : e.currentTarget.value, page: '' })}
            data={KINDS.map((k) => ({ value: k, label: t(`overstay.kinds.${k}`) }))}
            w={{ base: '100%', sm: 220 }}
          />
          {uptId && (
            <Button variant="subtle" onClick={() => update({ upt: '', page: '' })}>
              {t('overstay.allUpts')}
            </Button>
          )}
          <Button component={Link} to="/overstay/akan-bebas" variant="default">
            {t('nav.releases')}
          </Button>
        </Group>
        {due.isPending ? (
          <Loading />
        ) : due.error ? (
          <ErrorState error={due.error} onRetry={() => void due.refetch()} />
        ) : due.data.items.length === 0 ? (
          <EmptyState>{t('overstay.empty')}</EmptyState>
        ) : (
          <div aria-busy={due.isFetching} data-testid="due-list">
            <GroupedDue items={due.data.items} showUpt={wide && !uptId} />
            <Pager page={page} pageSize={PAGE_SIZE} total={due.data.total} onChange={(p) => update({ page: String(p) })} />
          </div>
        )}
      </Section>
    </div>
  );
}
