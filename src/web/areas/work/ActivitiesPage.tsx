import { Anchor, Badge, Button, Group, NativeSelect, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { WORK_CATEGORIES, type Activity } from '../../../shared/schemas/work.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { UptPicker } from '../../components/UptPicker.tsx';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useActivities } from './api.ts';
import { useWorkLabels } from './labels.ts';

const ACTIVE = ['true', 'false', 'all'] as const;

export default function ActivitiesPage() {
  const { t } = useT();
  const label = useWorkLabels();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const category = params.get('kategori') ?? '';
  const active = params.get('status') ?? 'true';
  const uptId = params.get('upt') ?? '';
  const kanwilId = params.get('kanwil') ?? '';
  const multiUpt = me?.scope.level !== 'upt';
  const list = useActivities({ category, active, uptId });
  const filtered = !!(category || uptId || active !== 'true');

  const update = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };

  const columns: Column<Activity>[] = [
    {
      key: 'name',
      header: t('work.fields.name'),
      primary: true,
      render: (a) => (
        <>
          <Anchor component={Link} to={`/kerja/kegiatan/${a.id}`}>
            {a.name}
          </Anchor>
          <SourceBadge source={a.source} />
        </>
      ),
    },
    { key: 'category', header: t('work.fields.category'), render: (a) => label.category(a.category) },
    ...(multiUpt ? [{ key: 'upt', header: t('work.fields.upt'), render: (a: Activity) => a.uptName }] : []),
    {
      key: 'place',
      header: t('work.fields.place'),
      render: (a) => (
        <>
          {label.placeKind(a.placeKind)}
          {a.placeName ? ` · ${a.placeName}` : ''}
          {a.outside && (
            <Badge ml={6} size="sm" color="grape" style={{ textTransform: 'none' }}>
              {t('work.fields.outside')}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'schedule',
      header: t('work.fields.schedule'),
      render: (a) => (
        <Text size="sm" span>
          {label.weekdays(a.weekdays)} · {label.sessions(a.sessions)}
        </Text>
      ),
    },
    { key: 'allocated', header: t('work.fields.allocated'), numeric: true, render: (a) => `${formatNumber(a.allocated)} / ${formatNumber(a.capacity)}` },
    { key: 'waitlisted', header: t('work.fields.waitlisted'), numeric: true, render: (a) => formatNumber(a.waitlisted) },
    {
      key: 'active',
      header: t('work.fields.active'),
      render: (a) => (
        <Badge color={a.active ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
          {a.active ? t('common.active') : t('common.inactive')}
        </Badge>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('work.listTitle')}
        intro={t('work.listIntro')}
        crumbs={[{ to: '/kerja', label: t('nav.groupWork') }]}
        actions={
          hasPermission(me, 'work.write') ? (
            <Button component={Link} to="/kerja/kegiatan/baru">
              {t('work.add')}
            </Button>
          ) : undefined
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap" role="group" aria-label={t('common.search')}>
        <NativeSelect
          label={t('work.fields.category')}
          value={category}
          onChange={(e) => update({ kategori: e.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...WORK_CATEGORIES.map((c) => ({ value: c, label: t(`work.categories.${c}`) }))]}
          w={{ base: '100%', sm: 220 }}
        />
        <NativeSelect
          label={t('work.activeFilter')}
          value={active}
          onChange={(e) => update({ status: e.currentTarget.value === 'true' ? '' : e.currentTarget.value })}
          data={ACTIVE.map((s) => ({ value: s, label: t(`work.activeStates.${s}`) }))}
          w={{ base: '100%', sm: 180 }}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('common.resetFilters')}
          </Button>
        )}
      </Group>
      {multiUpt && (
        <div style={{ maxWidth: 640, marginBottom: 'var(--mantine-spacing-md)' }}>
          <UptPicker label={t('work.fields.upt')} value={{ kanwilId, uptId }} allLabel={t('common.all')} onChange={(v) => update({ kanwil: v.kanwilId, upt: v.uptId })} />
        </div>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState
          action={
            !filtered && hasPermission(me, 'work.write') ? (
              <Button component={Link} to="/kerja/kegiatan/baru">
                {t('work.add')}
              </Button>
            ) : undefined
          }
        >
          {filtered ? t('work.empty') : t('work.none')}
        </EmptyState>
      ) : (
        <div aria-busy={list.isFetching}>
          <DataTable caption={t('work.listTitle')} columns={columns} rows={list.data} rowKey={(a) => a.id} />
        </div>
      )}
    </div>
  );
}
