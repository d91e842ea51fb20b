import { Group, NativeSelect, Text } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { ErrorState, Loading, Section } from '../../components/States.tsx';
import { useT } from '../../i18n/index.ts';
import { useIndicators, useProvinceMap, type Light, type ProvinceItem } from './api.ts';
import { YearSelect, useUnitParams } from './CockpitPage.tsx';
import { LightBadge, RefreshedAt } from './parts.tsx';
import { GRID_COLS, GRID_ROWS, PROVINCE_TILES } from './tile-grid.ts';
import { displayValue, formatAttainment } from './units.ts';

const LIGHT_FILL: Record<Light, string> = { green: '#2f9e44', amber: '#f59f00', red: '#e03131', none: '#ced4da', na: '#f1f3f5' };
const SCALE = ['#d0ebff', '#74c0fc', '#339af0', '#1971c2', '#0b3d75'];

/** The colour of a tile: its traffic light when there is a target, else its value on a 5-step scale. */
function fillOf(p: ProvinceItem, max: number, byLight: boolean): string {
  if (p.kanwils.length === 0 || p.realised === null) return '#f1f3f5';
  if (byLight) return LIGHT_FILL[p.light];
  if (max <= 0) return SCALE[0]!;
  return SCALE[Math.min(SCALE.length - 1, Math.floor((Math.max(0, p.realised) / max) * SCALE.length))]!;
}

/** Indonesia as a tile grid (one square per province), coloured by one indicator, with a table alternative. */
export default function MapPage() {
  const { t, lang } = useT();
  const { year, thisYear } = useUnitParams();
  const [params, setParams] = useSearchParams();
  const inds = useIndicators();
  const first = inds.data?.items.find((i) => i.code === 'RP20-10') ?? inds.data?.items[0];
  const indicatorId = Number(params.get('indikator') ?? first?.id ?? 0);
  const map = useProvinceMap(year, indicatorId);
  const items = map.data?.items ?? [];
  const ind = map.data?.indicator;
  const byLight = items.some((p) => p.light !== 'none');
  const max = Math.max(0, ...items.map((p) => p.realised ?? 0));
  const size = 52;
  const columns: Column<ProvinceItem>[] = [
    { key: 'name', header: t('cockpit.province'), primary: true, render: (p) => p.name },
    { key: 'kanwil', header: t('cockpit.kanwil'), render: (p) => (p.kanwils.length ? p.kanwils.map((k) => k.name).join(', ') : t('cockpit.mapNoKanwil')) },
    { key: 'realised', header: t('cockpit.cols.realised'), numeric: true, render: (p) => (ind ? displayValue(p.realised, ind) : '') },
    { key: 'target', header: t('cockpit.cols.target'), numeric: true, render: (p) => (ind ? displayValue(p.target, ind) : '') },
    { key: 'att', header: t('cockpit.cols.attainment'), numeric: true, render: (p) => formatAttainment(p.attainmentBp) },
    { key: 'light', header: t('cockpit.cols.light'), render: (p) => <LightBadge light={p.light} /> },
  ];
  const set = (k: string, v: string) => setParams((p) => { p.set(k, v); return p; }, { replace: true });
  return (
    <div className="page">
      <PageHeader title={t('cockpit.mapTitle')} intro={t('cockpit.mapIntro')} />
      <Group align="flex-end" mb="md">
        <YearSelect year={year} thisYear={thisYear} onChange={(y) => set('tahun', String(y))} />
        <NativeSelect
          label={t('cockpit.mapIndicator')}
          value={String(indicatorId)}
          onChange={(e) => set('indikator', e.currentTarget.value)}
          data={(inds.data?.items ?? []).map((i) => ({ value: String(i.id), label: `${i.code} · ${i.name[lang]}` }))}
          miw={320}
        />
        <RefreshedAt at={map.data?.refreshedAt} />
      </Group>
      {map.isPending ? <Loading /> : map.error ? <ErrorState error={map.error} onRetry={() => void map.refetch()} /> : (
        <>
          <svg viewBox={`0 0 ${GRID_COLS * size} ${GRID_ROWS * size}`} width="100%" style={{ maxWidth: 900, display: 'block' }} aria-hidden="true" data-testid="tile-map">
            {items.map((p) => {
              const pos = PROVINCE_TILES[p.code];
              if (!pos) return null;
              const [c, r] = pos;
              return (
                <g key={p.code} data-province={p.code}>
                  <title>{`${p.name}: ${ind ? displayValue(p.realised, ind) : ''}`}</title>
                  <rect x={c * size + 2} y={r * size + 2} width={size - 4} height={size - 4} rx={4} fill={fillOf(p, max, byLight)} stroke="#495057" strokeWidth={0.5} />
                  <text x={c * size + size / 2} y={r * size + size / 2 + 4} fontSize={10} textAnchor="middle" fill={byLight || (p.realised ?? 0) < max / 2 ? '#212529' : '#fff'}>
                    {p.code}
                  </text>
                </g>
              );
            })}
          </svg>
          <Section title={t('cockpit.mapLegend')} id="legend">
            <Group gap="md">
              {byLight
                ? (['green', 'amber', 'red', 'none'] as const).map((l) => <LightBadge key={l} light={l} />)
                : (
                  <Group gap={4}>
                    <Text size="sm">{t('cockpit.scaleLow')}</Text>
                    {SCALE.map((c) => <span key={c} style={{ display: 'inline-block', width: 24, height: 14, background: c }} />)}
                    <Text size="sm">{t('cockpit.scaleHigh')}</Text>
                  </Group>
                )}
              <Group gap={4}><span style={{ display: 'inline-block', width: 24, height: 14, background: '#f1f3f5', border: '1px solid #adb5bd' }} /><Text size="sm">{t('cockpit.mapNoKanwil')}</Text></Group>
            </Group>
          </Section>
          <Section title={t('cockpit.mapTable')} id="map-table">
            <DataTable caption={t('cockpit.mapTable')} columns={columns} rows={items} rowKey={(p) => p.code} />
          </Section>
        </>
      )}
    </div>
  );
}
