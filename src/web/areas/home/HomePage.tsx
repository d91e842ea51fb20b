import { Anchor, Card, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ROLE_LABELS } from '../../../shared/access/roles.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { PageHeader } from '../../components/Page.tsx';
import { useScopeText } from '../../components/ScopeText.tsx';
import { EmptyState } from '../../components/States.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { OverstayHomeCard } from '../overstay/HomeCard.tsx';
import { useRequestCounts } from '../catalogue/api.ts';

interface QuickLink {
  to: string;
  title: string;
  description: string;
}

function greetingKey(hour: number) {
  if (hour < 11) return 'home.morning' as const;
  if (hour < 15) return 'home.afternoon' as const;
  if (hour < 18) return 'home.evening' as const;
  return 'home.night' as const;
}

export default function HomePage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const scopeText = useScopeText();
  const requestCounts = useRequestCounts(hasPermission(me, 'sales.read'));
  if (!me) return null;
  const newRequests = requestCounts.data?.items.reduce((n, r) => n + r.new, 0) ?? 0;

  const links: QuickLink[] = [];
  if (me.scope.level === 'upt' && me.scope.uptId && hasPermission(me, 'org.read')) {
    links.push({ to: `/organisasi/upt/${me.scope.uptId}`, title: t('home.myUpt'), description: t('home.myUptDesc', { name: me.scope.uptName ?? '' }) });
  }
  if (me.scope.level === 'kanwil' && me.scope.kanwilId && hasPermission(me, 'org.read')) {
    links.push({
      to: `/organisasi/kanwil/${me.scope.kanwilId}`,
      title: t('home.myKanwil'),
      description: t('home.myKanwilDesc', { name: me.scope.kanwilName ?? '' }),
    });
  }
  if (hasPermission(me, 'indicator.read')) {
    links.push({ to: '/capaian', title: t('nav.cockpit'), description: t('home.cockpitDesc') });
    links.push({ to: '/laporan', title: t('nav.reports'), description: t('home.reportsDesc') });
  }
  if (hasPermission(me, 'wbp.read')) {
    links.push({ to: '/wbp', title: t('nav.wbp'), description: t('home.wbpDesc') });
    links.push({ to: '/overstay', title: t('nav.overstay'), description: t('home.overstayDesc') });
    links.push({ to: '/overstay/akan-bebas', title: t('nav.releases'), description: t('home.releasesDesc') });
    links.push({ to: '/remisi', title: t('nav.remission'), description: t('home.remissionDesc') });
  }
  if (hasPermission(me, 'work.read')) {
    links.push({ to: '/kerja', title: t('nav.workDashboard'), description: t('home.workDesc') });
    links.push({ to: '/kerja/kegiatan', title: t('nav.activities'), description: t('home.activitiesDesc') });
    links.push({ to: '/pangan', title: t('nav.food'), description: t('home.foodDesc') });
    links.push({ to: '/produksi', title: t('nav.production'), description: t('home.productionDesc') });
  }
  if (hasPermission(me, 'pnbp.read')) links.push({ to: me.scope.level === 'upt' ? '/pnbp' : '/pnbp/rekap', title: t('nav.groupSales'), description: t('home.pnbpDesc') });
  if (hasPermission(me, 'sales.read')) {
    links.push({ to: '/permintaan?status=new', title: t('nav.orderRequests'), description: newRequests ? t('home.newRequests', { count: newRequests }) : t('home.requestsDesc') });
  }
  if (hasPermission(me, 'wbp.import')) links.push({ to: '/impor', title: t('nav.imports'), description: t('home.importsDesc') });
  if (hasPermission(me, 'calculation.run')) {
    links.push({ to: '/kalkulator', title: t('nav.calculator'), description: t('home.calculatorDesc') });
    links.push({ to: '/hari-raya', title: t('nav.holidays'), description: t('home.holidaysDesc') });
  }
  if (hasPermission(me, 'org.read')) {
    links.push({ to: '/organisasi', title: t('nav.kanwil'), description: t('home.kanwilDesc') });
    links.push({ to: '/organisasi/upt', title: t('nav.upt'), description: t('home.uptDesc') });
  }
  if (hasPermission(me, 'user.read')) {
    links.push({
      to: '/pengguna',
      title: t('nav.users'),
      description: hasPermission(me, 'user.manage') ? t('home.usersDesc') : t('home.usersReadDesc'),
    });
  }
  if (hasPermission(me, 'audit.read')) links.push({ to: '/audit', title: t('nav.audit'), description: t('home.auditDesc') });
  links.push({ to: '/akun', title: t('nav.account'), description: t('home.accountDesc') });

  return (
    <div className="page">
      <PageHeader title={t(greetingKey(new Date().getHours()), { name: me.fullName })} />
      <Paper withBorder p="md" mb="lg">
        <Title order={2} size="h4" mb="xs">
          {t('home.scopeTitle')}
        </Title>
        <dl className="details">
          <dt>{t('home.role')}</dt>
          <dd>{ROLE_LABELS[me.role][lang]}</dd>
          <dt>{t('home.scope')}</dt>
          <dd>{scopeText(me.scope)}</dd>
          {meta && (
            <>
              <dt>{t('home.today')}</dt>
              <dd>{formatDate(meta.today, lang)}</dd>
            </>
          )}
        </dl>
      </Paper>
      {hasPermission(me, 'wbp.read') && <OverstayHomeCard />}
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('home.quickLinks')}
        </Title>
        {links.length === 0 ? (
          <EmptyState>{t('home.noLinks')}</EmptyState>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {links.map((l) => (
              <li key={l.to}>
                <Card withBorder padding="md" h="100%">
                  <Anchor component={Link} to={l.to} fw={650} size="lg">
                    {l.title}
                  </Anchor>
                  <Text size="sm" c="dimmed" mt={4}>
                    {l.description}
                  </Text>
                </Card>
              </li>
            ))}
          </SimpleGrid>
        )}
        <Text size="sm" c="dimmed" mt="sm">
          {t('home.comingSoon')}
        </Text>
      </Stack>
    </div>
  );
}
