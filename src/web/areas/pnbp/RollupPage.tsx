import { Anchor, Button, Group, NativeSelect, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import type { Summary } from '../../../shared/schemas/pnbp.ts';
import { useMeta } from '../../api/queries.ts';
import { useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { monthLabel, useSummary } from './api.ts';

type Row = Summary['rows'][number];
type MonthRow = Summary['months'][number];

/**
 * Kanwil and national PNBP: due vs billed vs paid over a year from the monthly rollup — per Kanwil
 * for head office (open one to see its UPTs), per UPT for a Kanwil.
 */
export default function RollupPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const [params, setParams] = useSearchParams();
  const thisYear = Number((meta?.today ?? '2026').slice(0, 4));
  const year = Number(params.get('tahun')) || thisYear;
  const kanwilId = me?.scope.level === 'national' ? Number(params.get('kanwil')) || undefined : undefined;
  const summary = useSummary({ year, kanwilId });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  if (!me || !meta) return <Loading />;

  const level = summary.data?.level;
  const cols: Column<Row>[] = [
    { key: 'name', header: level === 'kanwil' ? t('pnbp.cols.kanwil') : t('pnbp.cols.upt'), primary: true, render: (r) => r.name },
    { key: 'due', header: t('pnbp.cols.due'), numeric: true, render: (r) => formatRupiah(r.dueRupiah) },
    { key: 'billed', header: t('pnbp.cols.billed'), numeric: true, render: (r) => formatRupiah(r.billedRupiah) },
    { key: 'paid', header: t('pnbp.cols.paid'), numeric: true, render: (r) => <span data-paid={r.paidRupiah}>{formatRupiah(r.paidRupiah)}</span> },
    { key: 'gap', header: t('pnbp.cols.gap'), numeric: true, render: (r) => formatRupiah(r.dueRupiah - r.paidRupiah) },
    { key: 'target', header: t('pnbp.cols.target'), numeric: true, render: (r) => (r.targetRupiah === null ? '—' : formatRupiah(r.targetRupiah)) },
    { key: 'realisation', header: t('pnbp.cols.realisation'), numeric: true, render: (r) => percentOf(r.paidRupiah, r.targetRupiah, lang) },
    {
      key: 'open',
      header: t('pnbp.cols.actions'),
      render: (r) =>
        level === 'kanwil' ? (
          <Button size="xs" variant="default" onClick={() => set('kanwil', String(r.id))} aria-label={`${t('pnbp.rollup.openKanwil')}: ${r.name}`}>
            {t('pnbp.rollup.openKanwil')}
          </Button>
        ) : (
          <Anchor component={Link} to={`/pnbp?upt=${r.id}&kanwil=${r.kanwilId}&tahun=${year}`} size="sm" aria-label={`${t('pnbp.rollup.openUpt')}: ${r.name}`}>
            {t('pnbp.rollup.openUpt')}
          </Anchor>
        ),
    },
  ];
  const monthCols: Column<MonthRow>[] = [
    { key: 'month', header: t('pnbp.cols.month'), primary: true, render: (m) => monthLabel(m.month, lang) },
    { key: 'due', header: t('pnbp.cols.due'), numeric: true, render: (m) => formatRupiah(m.dueRupiah) },
    { key: 'billed', header: t('pnbp.cols.billed'), numeric: true, render: (m) => formatRupiah(m.billedRupiah) },
    { key: 'paid', header: t('pnbp.cols.paid'), numeric: true, render: (m) => formatRupiah(m.paidRupiah) },
  ];

  return (
    <div className="page">
      <PageHeader title={t('pnbp.rollup.title')} intro={level === 'kanwil' ? t('pnbp.rollup.introNational') : t('pnbp.rollup.introKanwil')} />
      <Group align="flex-end" gap="md" mb="md">
        <NativeSelect label={t('pnbp.year')} value={String(year)} data={[0, 1, 2, 3].map((d) => String(thisYear - d))} onChange={(e) => set('tahun', e.currentTarget.value)} />
        {kanwilId && (
          <Button variant="subtle" onClick={() => set('kanwil', undefined)}>
            {t('pnbp.rollup.backNational')}
          </Button>
        )}
      </Group>
      {summary.isPending ? (
        <Loading />
      ) : summary.error ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <StatTiles
            label={t('pnbp.rollup.title')}
            stats={[
              { label: t('pnbp.tiles.due'), value: formatRupiah(summary.data.totals.dueRupiah), testId: 'rollup-due' },
              { label: t('pnbp.tiles.billed'), value: formatRupiah(summary.data.totals.billedRupiah), testId: 'rollup-billed' },
              { label: t('pnbp.tiles.paid'), value: formatRupiah(summary.data.totals.paidRupiah), testId: 'rollup-paid', note: t('pnbp.rollup.realisation') },
              {
                label: t('pnbp.cols.realisation'), value: percentOf(summary.data.totals.paidRupiah, summary.data.totals.targetRupiah, lang), testId: 'rollup-target',
                note: summary.data.totals.targetRupiah === null ? t('pnbp.rollup.noTarget') : `${t('pnbp.cols.target')}: ${formatRupiah(summary.data.totals.targetRupiah)}`,
              },
            ]}
          />
          {summary.data.rows.length === 0 ? (
            <EmptyState>{t('pnbp.rollup.empty')}</EmptyState>
          ) : (
            <>
              <Section title={t('pnbp.rollup.rowsTitle')} id="rollup-rows">
                <DataTable caption={t('pnbp.rollup.rowsTitle')} columns={cols} rows={summary.data.rows} rowKey={(r) => r.id} />
              </Section>
              <Section title={t('pnbp.rollup.monthsTitle')} id="rollup-months">
                <DataTable caption={t('pnbp.rollup.monthsTitle')} columns={monthCols} rows={summary.data.months} rowKey={(m) => m.month} />
              </Section>
            </>
          )}
          <Text size="xs" c="dimmed" mt="md">
            {t('pnbp.rollup.realisation')}
          </Text>
        </>
      )}
    </div>
  );
}

/** Paid against the target, to two decimals (cut, as published figures are); '—' without a target. */
function percentOf(paid: number, target: number | null, lang: 'id' | 'en'): string {
  if (!target) return '—';
  const hundredths = Math.floor((paid * 10_000) / target);
  return `${(hundredths / 100).toLocaleString(lang === 'en' ? 'en-US' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
}
