import { Alert, Anchor, Button, Group, NativeSelect, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader, type Crumb } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { cockpitKeys, useDashboard, type Dashboard, type DashboardItem } from './api.ts';
import { LightBadge, ManualBadge, RefreshedAt } from './parts.tsx';
import { displayValue, formatAttainment } from './units.ts';

/** Year, Kanwil and UPT from the address, so every drill-down is a link that can be shared. */
export function useUnitParams() {
  const [params, setParams] = useSearchParams();
  const { data: meta } = useMeta();
  const thisYear = Number((meta?.today ?? new Date().toISOString()).slice(0, 4));
  const year = Number(params.get('tahun') ?? thisYear) || thisYear;
  return { year, thisYear, kanwilId: params.get('kanwil') ?? '', uptId: params.get('upt') ?? '', params, setParams };
}

export function unitSearch(u: { year: number; kanwilId?: string | number; uptId?: string | number }): string {
  const p = new URLSearchParams({ tahun: String(u.year) });
  if (u.kanwilId) p.set('kanwil', String(u.kanwilId));
  if (u.uptId) p.set('upt', String(u.uptId));
  return `?${p.toString()}`;
}

/** National › Kanwil › UPT, each a link to its dashboard (only levels the viewer may open). */
export function useUnitCrumbs(d: Dashboard | undefined, year: number, base = '/capaian'): Crumb[] {
  const { t } = useT();
  const { data: me } = useMe();
  if (!d) return [];
  const out: Crumb[] = [];
  if (me?.scope.level === 'national') out.push({ label: t('cockpit.national'), to: `${base}${unitSearch({ year })}` });
  if (d.unit.level !== 'national' && me?.scope.level !== 'upt') out.push({ label: d.unit.level === 'kanwil' ? d.unit.name : (me?.scope.kanwilName ?? t('cockpit.levels.kanwil')), to: `${base}${unitSearch({ year, kanwilId: d.unit.kanwilId })}` });
  if (d.unit.level === 'upt') out.push({ label: d.unit.name, to: `${base}${unitSearch({ year, kanwilId: d.unit.kanwilId, uptId: d.unit.uptId })}` });
  return out.length > 1 ? out : [];
}

function YearSelect({ year, thisYear, onChange }: { year: number; thisYear: number; onChange: (y: number) => void }) {
  const { t } = useT();
  return (
    <NativeSelect
      label={t('cockpit.year')}
      value={String(year)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={[thisYear - 1, thisYear].map((y) => String(y))}
      w={120}
    />
  );
}
export { YearSelect };

function RefreshButton() {
  const { t } = useT();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => post<{ rows: number; indicators: number }>('/cockpit/refresh', {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cockpitKeys.all }),
  });
  return (
    <>
      <Button variant="default" onClick={() => m.mutate()} loading={m.isPending}>
        {t('cockpit.refreshNow')}
      </Button>
      {m.data && (
        <Text size="sm" role="status">
          {t('cockpit.refreshed', { rows: formatNumber(m.data.rows), indicators: m.data.indicators })}
        </Text>
      )}
    </>
  );
}

/**
 * The national cockpit: realisation against targets for the viewer's unit (nation, Kanwil or
 * UPT), a traffic light per indicator, and the units one level down to drill into.
 */
export default function CockpitPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { year, thisYear, kanwilId, uptId, setParams } = useUnitParams();
  const dash = useDashboard({ year, kanwilId, uptId });
  const d = dash.data;
  const crumbs = useUnitCrumbs(d, year);
  const childLevel = d?.unit.level === 'national' ? 'kanwil' : d?.unit.level === 'kanwil' ? 'upt' : null;
  const detailLink = (i: DashboardItem) => `/capaian/indikator/${i.indicator.id}${unitSearch({ year, kanwilId, uptId })}`;
  const columns: Column<DashboardItem>[] = [
    {
      key: 'name', header: t('cockpit.cols.indicator'), primary: true,
      render: (i) => (
        <>
          <Anchor component={Link} to={detailLink(i)} data-code={i.indicator.code}>
            {i.indicator.code} · {i.indicator.name[lang]}
          </Anchor>
          <ManualBadge manual={i.manual} />
        </>
      ),
    },
    { key: 'realised', header: t('cockpit.cols.realised'), numeric: true, render: (i) => <Anchor component={Link} to={detailLink(i)} data-testid={`realised-${i.indicator.code}`} aria-label={`${i.indicator.code}: ${displayValue(i.realised, i.indicator)}`}>{displayValue(i.realised, i.indicator)}</Anchor> },
    { key: 'target', header: t('cockpit.cols.target'), numeric: true, render: (i) => displayValue(i.target, i.indicator) },
    { key: 'expected', header: t('cockpit.cols.expected'), numeric: true, render: (i) => displayValue(i.expected, i.indicator) },
    { key: 'attainment', header: t('cockpit.cols.attainment'), numeric: true, render: (i) => formatAttainment(i.attainmentBp) },
    { key: 'light', header: t('cockpit.cols.light'), render: (i) => <LightBadge light={i.light} /> },
  ];
  type ChildRow = { id: number; name: string; green: number; amber: number; red: number };
  const children: ChildRow[] = (d?.items[0]?.children ?? []).map((c) => {
    const lights = d!.items.map((i) => i.children.find((x) => x.id === c.id)?.light ?? 'none');
    return { id: c.id, name: c.name, green: lights.filter((l) => l === 'green').length, amber: lights.filter((l) => l === 'amber').length, red: lights.filter((l) => l === 'red').length };
  });
  const childColumns: Column<ChildRow>[] = [
    {
      key: 'name', header: t('cockpit.cols.unit'), primary: true,
      render: (c) => (
        <Anchor component={Link} to={`/capaian${unitSearch(childLevel === 'kanwil' ? { year, kanwilId: c.id } : { year, kanwilId: d?.unit.level === 'kanwil' ? d.unit.kanwilId : '', uptId: c.id })}`}>
          {c.name}
        </Anchor>
      ),
    },
    { key: 'green', header: t('cockpit.lights.green'), numeric: true, render: (c) => formatNumber(c.green) },
    { key: 'amber', header: t('cockpit.lights.amber'), numeric: true, render: (c) => formatNumber(c.amber) },
    { key: 'red', header: t('cockpit.lights.red'), numeric: true, render: (c) => formatNumber(c.red) },
  ];
  return (
    <div className="page">
      <PageHeader
        title={d ? `${t('cockpit.title')} — ${d.unit.level === 'national' ? t('cockpit.national') : d.unit.name}` : t('cockpit.title')}
        intro={t('cockpit.intro', { year })}
        crumbs={crumbs}
        actions={
          <>
            <Button component={Link} to={`/capaian/peta?tahun=${year}`} variant="default">
              {t('nav.cockpitMap')}
            </Button>
            {me?.scope.level === 'national' && hasPermission(me, 'target.write') && <RefreshButton />}
          </>
        }
      />
      <Group align="flex-end" mb="md" gap="md">
        <YearSelect year={year} thisYear={thisYear} onChange={(y) => setParams((p) => { p.set('tahun', String(y)); return p; }, { replace: true })} />
        <RefreshedAt at={d?.refreshedAt} />
      </Group>
      {dash.isPending ? (
        <Loading />
      ) : dash.error ? (
        <ErrorState error={dash.error} onRetry={() => void dash.refetch()} />
      ) : (
        <div aria-busy={dash.isFetching}>
          <Section title={t('cockpit.title')} id="cockpit-indicators">
            <DataTable caption={t('cockpit.title')} columns={columns} rows={d!.items} rowKey={(i) => i.indicator.id} />
            <Text size="xs" c="dimmed" mt="xs">
              {t('cockpit.sampleCapacity')}
            </Text>
          </Section>
          {childLevel && (
            <Section title={t('cockpit.drill', { level: t(`cockpit.levels.${childLevel}`) })} id="cockpit-children">
              {children.length === 0 ? <EmptyState>{t('common.none')}</EmptyState> : <DataTable caption={t('cockpit.drill', { level: t(`cockpit.levels.${childLevel}`) })} columns={childColumns} rows={children} rowKey={(c) => c.id} />}
            </Section>
          )}
          {d!.items.every((i) => i.target === null) && <Alert color="gray">{t('targets.noTargets')}</Alert>}
        </div>
      )}
    </div>
  );
}
