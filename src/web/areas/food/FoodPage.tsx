import { Badge, Button, Group, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { DateField } from '../../forms/fields.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { basisPoints, formatBasisPoints, formatScaled } from '../work/units.ts';
import { OFFTAKE_TARGET_BP, totalsOf, useFoodSummary, usePlots, type FoodRow, type Plot } from './api.ts';
import { FoodActions } from './FoodForms.tsx';

const kg = (grams: number) => formatScaled(grams, 3);
const ha = (m2: number) => formatScaled(m2, 4);

function OfftakeBadge({ bp }: { bp: number | null }) {
  const { t } = useT();
  if (bp === null) return null;
  const met = bp >= OFFTAKE_TARGET_BP;
  return (
    <Badge color={met ? 'green' : 'orange'} style={{ textTransform: 'none' }} data-testid="offtake-status">
      {met ? t('food.met') : t('food.notMet')}
    </Badge>
  );
}

/** Food security: plots and ponds, planting and harvest by sector, and the meal-supplier offtake. */
export default function FoodPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const today = meta?.today ?? '';
  const [params, setParams] = useSearchParams();
  const from = params.get('dari') || (today ? `${today.slice(0, 4)}-01-01` : '');
  const to = params.get('sampai') || today;
  const [period, setPeriod] = useState({ from, to });
  useEffect(() => setPeriod({ from, to }), [from, to]);
  const summary = useFoodSummary({ from, to });
  const plots = usePlots({});
  const multiUpt = me?.scope.level !== 'upt';
  const canWrite = hasPermission(me, 'work.write');

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setParams({ dari: period.from, sampai: period.to }, { replace: true });
  };

  const rowColumns: Column<FoodRow>[] = [
    { key: 'upt', header: t('food.cols.upt'), primary: true, render: (r) => r.uptName },
    { key: 'planted', header: t('food.cols.planted'), numeric: true, render: (r) => ha(r.plantedM2) },
    { key: 'farming', header: t('food.cols.farming'), numeric: true, render: (r) => kg(r.farmingGrams) },
    { key: 'fisheries', header: t('food.cols.fisheries'), numeric: true, render: (r) => kg(r.fisheriesGrams) },
    { key: 'livestock', header: t('food.cols.livestock'), numeric: true, render: (r) => kg(r.livestockGrams) },
    {
      key: 'offtake',
      header: t('food.cols.offtake'),
      numeric: true,
      render: (r) => formatBasisPoints(basisPoints(r.offtakeGrams, r.farmingGrams + r.fisheriesGrams + r.livestockGrams)),
    },
  ];
  const plotColumns: Column<Plot>[] = [
    { key: 'name', header: t('food.fields.name'), primary: true, render: (p) => p.name },
    { key: 'kind', header: t('food.fields.kind'), render: (p) => t(`food.plotKinds.${p.kind}`) },
    { key: 'area', header: t('food.fields.area'), numeric: true, render: (p) => `${ha(p.areaM2)} ha (${formatNumber(p.areaM2)} m²)` },
    ...(multiUpt ? [{ key: 'upt', header: t('food.cols.upt'), render: (p: Plot) => p.uptName }] : []),
  ];

  return (
    <div className="page">
      <PageHeader title={t('food.title')} intro={t('food.intro')} crumbs={[{ to: '/kerja', label: t('nav.groupWork') }]} />
      {canWrite && today && (
        <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
          <FoodActions plots={plots.data ?? []} today={today} />
        </div>
      )}
      <form onSubmit={apply} aria-label={t('food.apply')}>
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <DateField label={t('food.from')} value={period.from} max={period.to || undefined} onChange={(v) => setPeriod((p) => ({ ...p, from: v }))} />
          <DateField label={t('food.to')} value={period.to} min={period.from || undefined} onChange={(v) => setPeriod((p) => ({ ...p, to: v }))} />
          <Button type="submit" variant="default">
            {t('food.apply')}
          </Button>
        </Group>
      </form>
      {!from || summary.isPending ? (
        <Loading />
      ) : summary.error ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        (() => {
          const tot = totalsOf(summary.data.rows);
          const bp = basisPoints(tot.offtakeGrams, tot.harvestGrams);
          return (
            <div aria-busy={summary.isFetching} data-testid="food-summary">
              <Text fw={650} mb="xs">
                {t('food.summaryTitle', { from: formatDate(from, lang), to: formatDate(to, lang) })}
              </Text>
              <StatTiles
                stats={[
                  { label: t('food.stats.haPlanted'), value: ha(tot.plantedM2), testId: 'food-ha' },
                  { label: t('food.stats.farming'), value: kg(tot.farmingGrams), testId: 'food-farming' },
                  { label: t('food.stats.fisheries'), value: kg(tot.fisheriesGrams), testId: 'food-fisheries' },
                  { label: t('food.stats.livestock'), value: kg(tot.livestockGrams), testId: 'food-livestock' },
                  {
                    label: t('food.stats.offtake'),
                    value: formatBasisPoints(bp),
                    note: (
                      <>
                        {t('food.offtakeTarget')} <OfftakeBadge bp={bp} />
                      </>
                    ),
                    testId: 'food-offtake',
                  },
                ]}
              />
              {summary.data.rows.length === 0 ? (
                <Text c="dimmed" mt="sm">
                  {t('food.empty')}
                </Text>
              ) : (
                multiUpt && (
                  <Section title={t('food.perUpt')} id="food-per-upt">
                    <DataTable caption={t('food.perUpt')} columns={rowColumns} rows={summary.data.rows} rowKey={(r) => r.uptId} />
                  </Section>
                )
              )}
            </div>
          );
        })()
      )}
      <Section title={t('food.plotsTitle')} id="food-plots">
        {plots.isPending ? (
          <Loading />
        ) : plots.error ? (
          <ErrorState error={plots.error} onRetry={() => void plots.refetch()} />
        ) : plots.data.length === 0 ? (
          <EmptyState>{t('food.noPlots')}</EmptyState>
        ) : (
          <DataTable caption={t('food.plotsTitle')} columns={plotColumns} rows={plots.data} rowKey={(p) => p.id} />
        )}
      </Section>
    </div>
  );
}
