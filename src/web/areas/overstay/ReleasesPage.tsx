import { Alert, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth/session.ts';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { UptPicker } from '../../components/UptPicker.tsx';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useDue } from './api.ts';
import { DueTable } from './DueTable.tsx';

const MONTHS = ['1', '2', '3'] as const;
const PAGE_SIZE = 100;

/** "Daftar akan bebas": sentences ending in the next 1–3 months, with missing verdict copies flagged. */
export default function ReleasesPage() {
  const { t } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const months = (MONTHS as readonly string[]).includes(params.get('bulan') ?? '') ? params.get('bulan')! : '1';
  const uptId = params.get('upt') ?? '';
  const kanwilId = params.get('kanwil') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const due = useDue({ kind: 'expiry', withinDays: Number(months) * 30, uptId, page, pageSize: PAGE_SIZE });
  const update = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  const items = due.data?.items ?? [];
  const missing = items.filter((i) => !i.verdictDocument).length;
  const past = items.filter((i) => i.daysLeft < 0);
  const coming = items.filter((i) => i.daysLeft >= 0);
  const wide = me?.scope.level !== 'upt';

  return (
    <div className="page">
      <PageHeader title={t('overstay.releasesTitle')} intro={t('overstay.releasesIntro')} crumbs={[{ to: '/overstay', label: t('nav.overstay') }]} />
      <Stack gap="sm" mb="md">
        <Group gap="sm" align="center">
          <Text fw={600} id="releases-range">
            {t('overstay.releasesRange')}
          </Text>
          <SegmentedControl
            aria-labelledby="releases-range"
            value={months}
            onChange={(v) => update({ bulan: v === '1' ? '' : v, page: '' })}
            data={MONTHS.map((m) => ({ value: m, label: t(`overstay.months.m${m}`) }))}
          />
        </Group>
        {wide && (
          <div style={{ maxWidth: 640 }}>
            <UptPicker value={{ kanwilId, uptId }} allLabel={t('common.all')} onChange={(v) => update({ kanwil: v.kanwilId, upt: v.uptId, page: '' })} />
          </div>
        )}
      </Stack>
      {due.isPending ? (
        <Loading />
      ) : due.error ? (
        <ErrorState error={due.error} onRetry={() => void due.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('overstay.releasesEmpty')}</EmptyState>
      ) : (
        <Stack gap="md" aria-busy={due.isFetching}>
          {missing > 0 && (
            <Alert color="orange" role="status">
              {t('overstay.missingDocs', { n: formatNumber(missing) })}
            </Alert>
          )}
          {past.length > 0 && (
            <section aria-labelledby="releases-past">
              <Text fw={700} c="red" id="releases-past" mb="xs">
                {t('overstay.pastExpiry')} ({formatNumber(past.length)})
              </Text>
              <DueTable items={past} caption={t('overstay.pastExpiry')} showUpt={wide} showDocument />
            </section>
          )}
          <DueTable items={coming} caption={t('overstay.releasesTitle')} showUpt={wide} showDocument />
          <Pager page={page} pageSize={PAGE_SIZE} total={due.data.total} onChange={(p) => update({ page: String(p) })} />
        </Stack>
      )}
    </div>
  );
}
