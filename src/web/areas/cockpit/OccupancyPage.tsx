import { Anchor, Badge, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { ErrorState, Loading, Section } from '../../components/States.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { RefreshedAt, TrendChart } from './parts.tsx';
import { displayValue, monthLabel } from './units.ts';

interface OccRow {
  uptId: number;
  uptName: string;
  kanwilName: string;
  occupants: number;
  capacity: number;
  capacitySource: string | null;
  ratioBasisPoints: number | null;
  overcrowdingBasisPoints: number | null;
}
interface Occupancy {
  month: string | null;
  rows: OccRow[];
  totals: { occupants: number; capacity: number; ratioBasisPoints: number | null; overcrowdingBasisPoints: number | null; generatedCapacity: boolean };
  trend: Array<{ month: string; occupants: number; capacity: number; ratioBasisPoints: number | null }>;
  refreshedAt: string | null;
  published: Published[];
}
interface Published {
  date: string;
  name: string;
  occupants: number;
  capacity: number;
  publishedPct: number | null;
  ratioBasisPoints: number | null;
  overcrowdingBasisPoints: number | null;
  sourceUrl: string;
  note: string;
}

const PCT = { scale: 1, ratio: true, unit: '%' };

/** Occupancy per UPT in the viewer's scope, both published conventions side by side, and the monthly trend. */
export default function OccupancyPage() {
  const { t, lang } = useT();
  const q = useQuery({ queryKey: ['cockpit', 'occupancy'], queryFn: ({ signal }) => get<Occupancy>('/occupancy', undefined, signal) });
  const d = q.data;
  const columns: Column<OccRow>[] = [
    { key: 'upt', header: t('cockpit.cols.unit'), primary: true, render: (r) => r.uptName },
    { key: 'kanwil', header: t('cockpit.kanwil'), render: (r) => r.kanwilName },
    { key: 'occ', header: t('cockpit.occupants'), numeric: true, render: (r) => formatNumber(r.occupants) },
    {
      key: 'cap', header: t('cockpit.capacity'), numeric: true,
      render: (r) => (
        <>
          {formatNumber(r.capacity)}
          {r.capacitySource === 'generated' && <Badge component="span" color="orange" size="xs" ml={4} style={{ textTransform: 'none' }}>{t('cockpit.generatedCapacity')}</Badge>}
        </>
      ),
    },
    { key: 'ratio', header: t('cockpit.ratio'), numeric: true, render: (r) => displayValue(r.ratioBasisPoints, PCT) },
    { key: 'over', header: t('cockpit.overcrowding'), numeric: true, render: (r) => displayValue(r.overcrowdingBasisPoints, PCT) },
  ];
  const pubColumns: Column<Published>[] = [
    { key: 'date', header: t('cockpit.date'), render: (p) => p.date },
    { key: 'name', header: t('cockpit.cols.unit'), primary: true, render: (p) => p.name },
    { key: 'occ', header: t('cockpit.occupants'), numeric: true, render: (p) => formatNumber(p.occupants) },
    { key: 'cap', header: t('cockpit.capacity'), numeric: true, render: (p) => formatNumber(p.capacity) },
    { key: 'pub', header: t('cockpit.publishedPct'), numeric: true, render: (p) => (p.publishedPct === null ? '–' : `${formatNumber(p.publishedPct)}%`) },
    { key: 'ratio', header: t('cockpit.ratio'), numeric: true, render: (p) => displayValue(p.ratioBasisPoints, PCT) },
    { key: 'over', header: t('cockpit.overcrowding'), numeric: true, render: (p) => displayValue(p.overcrowdingBasisPoints, PCT) },
    { key: 'src', header: t('cockpit.source'), render: (p) => <Anchor href={p.sourceUrl} target="_blank" rel="noreferrer" size="sm" title={p.note}>{(() => { try { return new URL(p.sourceUrl).hostname; } catch { return p.sourceUrl; } })()}</Anchor> },
  ];
  return (
    <div className="page">
      <PageHeader title={t('cockpit.occupancyTitle')} intro={t('cockpit.occupancyIntro')} />
      {q.isPending ? <Loading /> : q.error ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <>
          <RefreshedAt at={d!.refreshedAt} />
          <Section title={t('cockpit.occupancyTotal', { month: d!.month ? monthLabel(d!.month, lang) : '–' })} id="occ-total">
            <StatTiles
              stats={[
                { label: t('cockpit.occupants'), value: formatNumber(d!.totals.occupants) },
                { label: t('cockpit.capacity'), value: formatNumber(d!.totals.capacity), note: d!.totals.generatedCapacity ? t('cockpit.sampleCapacity') : undefined },
                { label: t('cockpit.ratio'), value: displayValue(d!.totals.ratioBasisPoints, PCT), testId: 'occ-ratio' },
                { label: t('cockpit.overcrowding'), value: displayValue(d!.totals.overcrowdingBasisPoints, PCT), testId: 'occ-over' },
              ]}
            />
          </Section>
          <Section title={t('cockpit.occupancyTrend')} id="occ-trend">
            <TrendChart months={d!.trend.map((m) => ({ month: m.month, value: m.ratioBasisPoints, cumulative: null, expected: 10_000 }))} ind={PCT} cumulative={false} />
            <Text size="xs" c="dimmed">{t('cockpit.ratio')} · 100% = {t('cockpit.capacity')}</Text>
          </Section>
          <Section title={t('cockpit.occupancyTitle')} id="occ-rows">
            <DataTable caption={t('cockpit.occupancyTitle')} columns={columns} rows={d!.rows} rowKey={(r) => r.uptId} />
          </Section>
          {d!.published.length > 0 && (
            <Section title={t('cockpit.publishedTitle')} id="occ-published">
              <Text size="sm" mb="xs">{t('cockpit.publishedIntro')}</Text>
              <DataTable caption={t('cockpit.publishedTitle')} columns={pubColumns} rows={d!.published} rowKey={(p) => `${p.date}-${p.name}`} />
            </Section>
          )}
        </>
      )}
    </div>
  );
}
