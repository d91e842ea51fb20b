import { Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { usePrograms, useRealisation, type Programme, type Realisation } from './api.ts';
import { pct, ProgrammeStatus } from './StatusBadge.tsx';

type KanwilRow = Realisation['kanwils'][number];
type UptRow = Realisation['upts'][number];

/** Training hub: the year's realisation (trained, certified, percentages) and the training calendar. */
export default function TrainingPage() {
  const { data: meta } = useMeta();
  return meta ? <Hub today={meta.today} /> : <Loading />;
}

function Hub({ today }: { today: string }) {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(today.slice(0, 4));
  const year = Number(params.get('tahun') ?? thisYear);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const real = useRealisation({ from, to });
  const programmes = usePrograms({ from, to });
  const national = me?.scope.level === 'national';

  const kanwilCols: Column<KanwilRow>[] = [
    { key: 'kanwil', header: t('training.cols.kanwil'), primary: true, render: (r) => r.kanwilName },
    { key: 'trained', header: t('training.cols.trained'), numeric: true, render: (r) => formatNumber(r.trained) },
    { key: 'tested', header: t('training.cols.tested'), numeric: true, render: (r) => formatNumber(r.tested) },
    { key: 'certified', header: t('training.cols.certified'), numeric: true, render: (r) => formatNumber(r.certified) },
    { key: 'pct', header: t('training.cols.pct'), numeric: true, render: (r) => pct(r.certifiedPct, lang) },
  ];
  const uptCols: Column<UptRow>[] = [
    { key: 'upt', header: t('training.cols.upt'), primary: true, render: (r) => r.uptName },
    ...(kanwilCols.slice(1) as unknown as Column<UptRow>[]),
  ];
  const progCols: Column<Programme>[] = [
    {
      key: 'name', header: t('training.fields.name'), primary: true,
      render: (p) => (
        <>
          <Anchor component={Link} to={`/pelatihan/${p.id}`}>{p.name}</Anchor>
          <SourceBadge source={p.source} />
        </>
      ),
    },
    ...(me?.scope.level !== 'upt' ? [{ key: 'upt', header: t('training.fields.upt'), render: (p: Programme) => p.uptName }] : []),
    { key: 'period', header: t('training.fields.period'), render: (p) => `${formatDate(p.startDate, lang)} – ${formatDate(p.endDate, lang)}` },
    { key: 'skill', header: t('training.fields.skill'), render: (p) => p.skill },
    { key: 'hours', header: t('training.fields.lessonHours'), numeric: true, render: (p) => formatNumber(p.lessonHours) },
    { key: 'participants', header: t('training.fields.participants'), numeric: true, render: (p) => `${formatNumber(p.enrolled)} / ${formatNumber(p.capacity)}` },
    { key: 'certified', header: t('training.cols.certified'), numeric: true, render: (p) => formatNumber(p.certified) },
    { key: 'status', header: t('training.fields.status'), render: (p) => <ProgrammeStatus status={p.status} /> },
  ];
  // The calendar: programmes by the month they start in.
  const byMonth = new Map<string, Programme[]>();
  for (const p of [...(programmes.data ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    const m = p.startDate.slice(0, 7);
    byMonth.set(m, [...(byMonth.get(m) ?? []), p]);
  }
  const monthName = (m: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric' }).format(new Date(`${m}-15T12:00:00`));

  return (
    <div className="page">
      <PageHeader
        title={t('training.title')}
        intro={t('training.intro')}
        actions={hasPermission(me, 'training.write') ? <Button component={Link} to="/pelatihan/baru">{t('training.add')}</Button> : undefined}
      />
      <Group mb="md">
        <NativeSelect
          label={t('training.year')}
          value={String(year)}
          onChange={(e) => setParams(e.currentTarget.value === String(thisYear) ? {} : { tahun: e.currentTarget.value }, { replace: true })}
          data={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => String(y))}
          w={140}
        />
      </Group>
      <Stack gap="lg">
        <Section title={t('training.realisationTitle', { year })} id="training-realisation">
          {real.isPending ? (
            <Loading />
          ) : real.error ? (
            <ErrorState error={real.error} onRetry={() => void real.refetch()} />
          ) : (
            <Stack gap="md">
              <StatTiles
                label={t('training.realisationTitle', { year })}
                stats={[
                  { label: t('training.stats.trained'), value: formatNumber(real.data.total.trained), testId: 'stat-trained' },
                  { label: t('training.stats.tested'), value: formatNumber(real.data.total.tested), testId: 'stat-tested' },
                  { label: t('training.stats.certified'), value: formatNumber(real.data.total.certified), testId: 'stat-certified' },
                  { label: t('training.stats.certifiedPct'), value: pct(real.data.total.certifiedPct, lang), testId: 'stat-certified-pct' },
                  { label: t('training.stats.passPct'), value: pct(real.data.total.passPct, lang), testId: 'stat-pass-pct' },
                ]}
              />
              <Text size="sm" c="dimmed">{t('training.realisationNote')}</Text>
              {national ? (
                <DataTable caption={t('training.byKanwil')} columns={kanwilCols} rows={real.data.kanwils.filter((k) => k.trained + k.tested > 0)} rowKey={(r) => r.kanwilId} />
              ) : (
                <DataTable caption={t('training.byUpt')} columns={uptCols} rows={real.data.upts.filter((u) => u.trained + u.tested > 0)} rowKey={(r) => r.uptId} />
              )}
            </Stack>
          )}
        </Section>
        <Section title={t('training.calendar', { year })} id="training-calendar">
          {programmes.isPending ? (
            <Loading />
          ) : programmes.error ? (
            <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />
          ) : byMonth.size === 0 ? (
            <EmptyState>{t('training.none')}</EmptyState>
          ) : (
            <Stack gap="md" aria-busy={programmes.isFetching}>
              {[...byMonth.entries()].map(([m, list]) => (
                <div key={m}>
                  <Title order={3} size="h5" mb="xs">{monthName(m)}</Title>
                  <DataTable caption={monthName(m)} columns={progCols} rows={list} rowKey={(p) => p.id} />
                </div>
              ))}
            </Stack>
          )}
        </Section>
      </Stack>
    </div>
  );
}
