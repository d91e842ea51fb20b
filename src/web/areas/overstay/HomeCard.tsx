import { Anchor, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { due3Of, useOverstaySummary } from './api.ts';

/** Beranda: "Overstay: N · Berakhir ≤ 3 hari: M" for the user's scope, linking to the due list. */
export function OverstayHomeCard() {
  const { t } = useT();
  const summary = useOverstaySummary();
  if (!summary.data) return null;
  const overstay = summary.data.totals.overstay;
  return (
    <Paper withBorder p="md" mb="lg" data-testid="home-overstay" style={overstay > 0 ? { borderLeft: '4px solid var(--mantine-color-red-6)' } : undefined}>
      <Title order={2} size="h4" mb={4}>
        {t('home.overstayTitle')}
      </Title>
      <Text fw={650} c={overstay > 0 ? 'red' : undefined}>
        {t('home.overstayLine', { overstay: formatNumber(overstay), due3: formatNumber(due3Of(summary.data)) })}
      </Text>
      <Anchor component={Link} to="/overstay" size="sm">
        {t('home.overstayOpen')}
      </Anchor>
    </Paper>
  );
}
