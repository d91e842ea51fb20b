import { Anchor, Badge, Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { hasPermission, useMe } from '../../auth/session.ts';
import { PageHeader } from '../../components/Page.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { UptPicker } from '../../components/UptPicker.tsx';
import { formatDate, formatNumber, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useActivities, useWorkDashboard, type DashboardActivity } from './api.ts';
import { useWorkLabels } from './labels.ts';
import { formatBasisPoints } from './units.ts';

const kgFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 3 });

function ActivityCard({ a, today, canWrite, source }: { a: DashboardActivity; today: string; canWrite: boolean; source: string | undefined }) {
  const { t } = useT();
  const label = useWorkLabels();
  const share = a.allocated > 0 ? Math.round((a.presentToday * 100) / a.allocated) : 0;
  return (
    <Card withBorder padding="md" h="100%" component="li" data-activity={a.id}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <div>
          <Anchor component={Link} to={`/kerja/kegiatan/${a.id}`} fw={650} size="lg">
            {a.name}
          </Anchor>
          <SourceBadge source={source} />
        </div>
        <Badge style={{ textTransform: 'none', flexShrink: 0 }}>{label.category(a.category)}</Badge>
      </Group>
      <Text size="sm" mt="xs">
        {t('work.presentToday', { present: formatNumber(a.presentToday), allocated: formatNumber(a.allocated) })}
      </Text>
      <div className="meter" aria-hidden="true">
        <span style={{ width: `${Math.min(100, share)}%` }} />
      </div>
      <Text size="xs" c="dimmed" mt={4}>
        {t('work.capacityOf', { capacity: formatNumber(a.capacity) })}
      </Text>
      <Group mt="sm" gap="xs">
        {a.sheetToday ? (
          <Badge color="green" variant="light" style={{ textTransform: 'none' }}>
            {t('work.sheetDone')}
          </Badge>
        ) : canWrite ? (
          <Button size="xs" component={Link} to={`/kerja/kegiatan/${a.id}/absensi?tanggal=${today}`}>
            {t('work.fillToday')}
          </Button>
        ) : (
          <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
            {t('work.noSheet')}
          </Badge>
        )}
      </Group>
    </Card>
  );
}

/** The UPT's work today and this month: who works where, attendance rate, premi, harvest. */
export default function WorkDashboardPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const uptId = params.get('upt') ?? '';
  const kanwilId = params.get('kanwil') ?? '';
  const multiUpt = me?.scope.level !== 'upt';
  const dash = useWorkDashboard({ uptId });
  // The dashboard rows do not say where an activity's data come from; the list does.
  const list = useActivities({ uptId });
  const sources = new Map((list.data ?? []).map((a) => [a.id, a.source]));
  const groups: Array<{ upt: string; items: DashboardActivity[] }> = [];
  for (const a of dash.data?.activities ?? []) {
    const last = groups[groups.length - 1];
    if (multiUpt && last?.upt === a.uptName) last.items.push(a);
    else if (!multiUpt && last) last.items.push(a);
    else groups.push({ upt: a.uptName, items: [a] });
  }
  const canWrite = hasPermission(me, 'work.write');

  return (
    <div className="page">
      <PageHeader
        title={t('work.dashboardTitle')}
        intro={dash.data ? t('work.dashboardIntro', { date: formatDate(dash.data.today, lang) }) : undefined}
        actions={
          <Button component={Link} to="/kerja/kegiatan" variant="default">
            {t('nav.activities')}
          </Button>
        }
      />
      {multiUpt && (
        <div style={{ maxWidth: 640, marginBottom: 'var(--mantine-spacing-md)' }}>
          <UptPicker
            label={t('work.fields.upt')}
            value={{ kanwilId, uptId }}
            allLabel={t('common.all')}
            onChange={(v) => {
              const p = new URLSearchParams();
              if (v.kanwilId) p.set('kanwil', v.kanwilId);
              if (v.uptId) p.set('upt', v.uptId);
              setParams(p, { replace: true });
            }}
          />
        </div>
      )}
      {dash.isPending ? (
        <Loading />
      ) : dash.error ? (
        <ErrorState error={dash.error} onRetry={() => void dash.refetch()} />
      ) : (
        <div aria-busy={dash.isFetching}>
          <StatTiles
            label={t('work.dashboardTitle')}
            stats={[
              { label: t('work.stats.workingToday'), value: formatNumber(dash.data.totals.workingToday), testId: 'stat-working' },
              { label: t('work.stats.allocated'), value: formatNumber(dash.data.totals.allocated), testId: 'stat-allocated' },
              {
                label: t('work.stats.attendanceRate'),
                value: formatBasisPoints(dash.data.totals.attendanceRateBasisPoints),
                note: t('work.stats.attendanceRows', { rows: formatNumber(dash.data.totals.attendanceRows) }),
                testId: 'stat-rate',
              },
              { label: t('work.stats.premiEarned'), value: formatRupiah(dash.data.totals.premiEarnedRupiah), testId: 'stat-premi' },
              { label: t('work.stats.premiPaid'), value: formatRupiah(dash.data.totals.premiPaidOutRupiah), testId: 'stat-paid' },
              { label: t('work.stats.harvest'), value: kgFormat.format(dash.data.totals.harvestKg), testId: 'stat-harvest' },
            ]}
          />
          <Section title={t('work.activitiesToday')} id="work-today">
            {dash.data.activities.length === 0 ? (
              <EmptyState
                action={
                  canWrite ? (
                    <Button component={Link} to="/kerja/kegiatan/baru">
                      {t('work.add')}
                    </Button>
                  ) : undefined
                }
              >
                {t('work.noActivities')}
              </EmptyState>
            ) : (
              groups.map((g) => (
                <div key={g.upt} style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
                  {multiUpt && (
                    <Title order={3} size="h5" mb="xs">
                      {g.upt}
                    </Title>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {g.items.map((a) => (
                      <ActivityCard key={a.id} a={a} today={dash.data.today} canWrite={canWrite} source={sources.get(a.id)} />
                    ))}
                  </SimpleGrid>
                </div>
              ))
            )}
          </Section>
        </div>
      )}
    </div>
  );
}
