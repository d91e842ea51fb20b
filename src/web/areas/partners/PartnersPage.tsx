import { Anchor, Badge, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { PARTNER_KINDS } from '../../../shared/schemas/partners.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { formatNumber, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useMeta } from '../../api/queries.ts';
import { usePartners, usePokmas, type Partner, type PokmasSummary } from './api.ts';
import { GroupForm } from './GroupForm.tsx';

type Bapas = PokmasSummary['bapas'][number];

/** Partner directory grouped by province, and Pokmas Lipas per Bapas against the formation rule. */
export default function PartnersPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const kind = params.get('jenis') ?? '';
  const list = usePartners({ kind: kind || undefined });
  const pokmas = usePokmas();
  const { data: meta } = useMeta();

  const columns: Column<Partner>[] = [
    {
      key: 'name', header: t('partners.fields.name'), primary: true,
      render: (p) => (
        <>
          <Anchor component={Link} to={`/mitra/${p.id}`}>{p.name}</Anchor>
          <SourceBadge source={p.source} />
        </>
      ),
    },
    { key: 'kind', header: t('partners.fields.kind'), render: (p) => t(`partners.kinds.${p.kind}`) + (p.pokmasGroupName ? ` · ${p.pokmasGroupName}` : '') },
    { key: 'scope', header: t('partners.fields.scope'), render: (p) => p.uptName ?? p.kanwilName ?? t('partners.scopeNational') },
    { key: 'contact', header: t('partners.fields.contact'), render: (p) => [p.contactName, p.contactPhone, p.contactEmail].filter(Boolean).join(' · ') || '—' },
    { key: 'agreements', header: t('partners.fields.agreements'), numeric: true, render: (p) => formatNumber(p.agreements) },
    { key: 'value', header: t('partners.fields.contributions'), numeric: true, render: (p) => formatRupiah(p.contributionsRupiah) },
  ];
  const bapasCols: Column<Bapas>[] = [
    { key: 'bapas', header: t('partners.pokmasCols.bapas'), primary: true, render: (b) => b.uptName },
    { key: 'groups', header: t('partners.pokmasCols.groups'), numeric: true, render: (b) => `${formatNumber(b.formedGroups)} / ${formatNumber(b.totalGroups)}` },
    {
      key: 'rule', header: t('partners.pokmasCols.rule'),
      render: (b) => (
        <Stack gap={2}>
          <Badge color={b.ok ? 'green' : 'orange'} style={{ textTransform: 'none' }}>{b.ok ? t('partners.ruleOk') : t('partners.ruleShort')}</Badge>
          {b.shortfalls.map((s) => <Text key={s.code} size="xs">{s[lang]}</Text>)}
        </Stack>
      ),
    },
  ];
  const byProvince = new Map<string, Partner[]>();
  for (const p of list.data ?? []) {
    const key = p.provinceName ?? t('partners.noProvince');
    byProvince.set(key, [...(byProvince.get(key) ?? []), p]);
  }

  return (
    <div className="page">
      <PageHeader
        title={t('partners.title')}
        intro={t('partners.intro')}
        actions={
          <>
            <Button component={Link} to="/mitra/perjanjian" variant="default">{t('partners.expiringLink')}</Button>
            {hasPermission(me, 'partner.write') && <Button component={Link} to="/mitra/baru">{t('partners.add')}</Button>}
          </>
        }
      />
      <Stack gap="lg">
        <Section title={t('partners.pokmasTitle')} id="pokmas">
          <Text size="sm" mb="sm">{t('partners.pokmasIntro')}</Text>
          {pokmas.isPending ? (
            <Loading />
          ) : pokmas.error ? (
            <ErrorState error={pokmas.error} onRetry={() => void pokmas.refetch()} />
          ) : (
            <Stack gap="sm">
              <Text fw={600} data-testid="pokmas-totals">
                {t('partners.pokmasTotals', { formed: formatNumber(pokmas.data.total.formedGroups), bapas: formatNumber(pokmas.data.total.bapas), ok: formatNumber(pokmas.data.total.bapasMeetingRule) })}
              </Text>
              {pokmas.data.bapas.some((b) => b.totalGroups > 0) && (
                <DataTable caption={t('partners.pokmasTitle')} columns={bapasCols} rows={pokmas.data.bapas.filter((b) => b.totalGroups > 0)} rowKey={(b) => b.uptId} />
              )}
              {hasPermission(me, 'partner.write') && meta && pokmas.data.bapas.length > 0 && <GroupForm bapas={pokmas.data.bapas} today={meta.today} />}
            </Stack>
          )}
        </Section>
        <Section title={t('partners.directory')} id="directory">
          <Group mb="sm">
            <NativeSelect
              label={t('partners.kindFilter')}
              value={kind}
              onChange={(e) => setParams(e.currentTarget.value ? { jenis: e.currentTarget.value } : {}, { replace: true })}
              data={[{ value: '', label: t('common.all') }, ...PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))]}
              w={{ base: '100%', sm: 260 }}
            />
          </Group>
          {list.isPending ? (
            <Loading />
          ) : list.error ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : byProvince.size === 0 ? (
            <EmptyState>{t('partners.none')}</EmptyState>
          ) : (
            <Stack gap="md" aria-busy={list.isFetching}>
              {[...byProvince.entries()].map(([province, rows]) => (
                <div key={province}>
                  <Title order={3} size="h5" mb="xs">{province} ({formatNumber(rows.length)})</Title>
                  <DataTable caption={`${t('partners.directory')}: ${province}`} columns={columns} rows={rows} rowKey={(p) => p.id} />
                </div>
              ))}
            </Stack>
          )}
        </Section>
      </Stack>
    </div>
  );
}
