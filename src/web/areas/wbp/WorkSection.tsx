import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatDate, formatNumber, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { AllocationStatus } from '../work/AllocationStatus.tsx';
import { useWbpWork, type WbpWork } from '../work/api.ts';
import { useWorkLabels } from '../work/labels.ts';

type Placement = WbpWork['allocations'][number];
type Month = WbpWork['months'][number];

const monthFmt = new Map<string, Intl.DateTimeFormat>();
function formatMonth(iso: string, lang: 'id' | 'en'): string {
  let f = monthFmt.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric' });
    monthFmt.set(lang, f);
  }
  return f.format(new Date(`${iso.slice(0, 10)}T12:00:00`));
}

/** "Kerja & premi" on the inmate page: placements, attendance by month, premi balance and the ledger link. */
export function WorkSection({ wbpId }: { wbpId: number }) {
  const { t, lang } = useT();
  const label = useWorkLabels();
  const work = useWbpWork(wbpId);

  const placementColumns: Column<Placement>[] = [
    { key: 'activity', header: t('work.wbpSection.activity'), primary: true, render: (a) => a.activity },
    { key: 'category', header: t('work.fields.category'), render: (a) => label.category(a.category) },
    { key: 'status', header: t('work.allocations.status'), render: (a) => <AllocationStatus status={a.status} /> },
    { key: 'start', header: t('work.allocations.startDate'), render: (a) => formatDate(a.startDate, lang) },
    { key: 'end', header: t('work.allocations.endDate'), render: (a) => (a.endDate ? `${formatDate(a.endDate, lang)}${a.endReason ? ` — ${a.endReason}` : ''}` : t('common.none')) },
  ];
  const monthColumns: Column<Month>[] = [
    { key: 'month', header: t('work.wbpSection.month'), primary: true, render: (m) => formatMonth(m.month, lang) },
    { key: 'days', header: t('work.wbpSection.days'), numeric: true, render: (m) => formatNumber(m.days) },
    { key: 'present', header: t('work.wbpSection.present'), numeric: true, render: (m) => formatNumber(m.present) },
    { key: 'paid', header: t('work.wbpSection.paid'), numeric: true, render: (m) => formatNumber(m.paid) },
  ];

  return (
    <Section title={t('work.wbpSection.title')} id="wbp-work">
      {work.isPending ? (
        <Loading />
      ) : work.error ? (
        <ErrorState error={work.error} onRetry={() => void work.refetch()} />
      ) : (
        <Stack gap="md" data-testid="wbp-work">
          <Paper withBorder p="md">
            <Group justify="space-between" align="center" wrap="wrap">
              <div>
                <Text size="sm">{t('work.wbpSection.balance')}</Text>
                <Text fz={24} fw={750} data-testid="wbp-premi-balance">
                  {formatRupiah(work.data.premiBalanceRupiah)}
                </Text>
              </div>
              <Anchor component={Link} to={`/premi/${wbpId}`} fw={600}>
                {t('work.wbpSection.ledger')}
              </Anchor>
            </Group>
          </Paper>
          {work.data.allocations.length === 0 && work.data.months.length === 0 ? (
            <EmptyState>{t('work.wbpSection.none')}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <div>
                <Title order={3} size="h5" mb="xs">
                  {t('work.wbpSection.allocations')}
                </Title>
                <DataTable caption={t('work.wbpSection.allocations')} columns={placementColumns} rows={work.data.allocations} rowKey={(a) => a.id} />
              </div>
              <div>
                <Title order={3} size="h5" mb="xs">
                  {t('work.wbpSection.months')}
                </Title>
                <DataTable caption={t('work.wbpSection.months')} columns={monthColumns} rows={work.data.months} rowKey={(m) => m.month} />
              </div>
            </SimpleGrid>
          )}
        </Stack>
      )}
    </Section>
  );
}
