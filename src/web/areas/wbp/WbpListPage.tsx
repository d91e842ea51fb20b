import { Anchor, Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { WBP_STATUSES, type WbpSummary } from '../../../shared/schemas/wbp.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { UptPicker } from '../../components/UptPicker.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useWbpList } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';

const PAGE_SIZE = 50;
const STATES = ['active', 'released', 'all'] as const;

export default function WbpListPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const state = params.get('state') ?? 'active';
  const uptId = params.get('upt') ?? '';
  const kanwilId = params.get('kanwil') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = useWbpList({ q, status, state, uptId, page, pageSize: PAGE_SIZE });
  const multiUpt = me?.scope.level !== 'upt';

  const update = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim(), page: '' });
  };
  const filtered = !!(q || status || uptId || state !== 'active');

  const columns: Column<WbpSummary>[] = [
    {
      key: 'noRegister',
      header: t('wbp.fields.noRegister'),
      render: (w) => <span style={{ whiteSpace: 'nowrap' }}>{w.noRegister}</span>,
    },
    {
      key: 'name',
      header: t('wbp.fields.name'),
      primary: true,
      render: (w) => (
        <Anchor component={Link} to={`/wbp/${w.id}`}>
          {w.name}
        </Anchor>
      ),
    },
    ...(multiUpt ? [{ key: 'upt', header: t('wbp.fields.upt'), render: (w: WbpSummary) => w.uptName }] : []),
    { key: 'status', header: t('wbp.fields.status'), render: (w) => <StatusBadge status={w.status} /> },
    { key: 'expiry', header: t('wbp.fields.expiry'), render: (w) => formatDate(w.expiry, lang) },
    { key: 'twoThirds', header: t('wbp.fields.twoThirds'), render: (w) => formatDate(w.twoThirds, lang) },
    { key: 'detentionEnd', header: t('wbp.fields.detentionEnd'), render: (w) => formatDate(w.detentionEnd, lang) },
    ...(state !== 'active' ? [{ key: 'released', header: t('wbp.fields.releasedOn'), render: (w: WbpSummary) => formatDate(w.releasedOn, lang) }] : []),
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('wbp.listTitle')}
        intro={t('wbp.listIntro')}
        actions={
          hasPermission(me, 'wbp.write') ? (
            <Button component={Link} to="/wbp/baru">
              {t('wbp.add')}
            </Button>
          ) : undefined
        }
      />
      <form onSubmit={search} role="search" aria-label={t('wbp.searchLabel')}>
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <TextInput
            label={t('wbp.searchLabel')}
            placeholder={t('wbp.searchPlaceholder')}
            type="search"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={{ base: '100%', sm: 300 }}
          />
          <NativeSelect
            label={t('wbp.fields.status')}
            value={status}
            onChange={(e) => update({ status: e.currentTarget.value, page: '' })}
            data={[{ value: '', label: t('common.all') }, ...WBP_STATUSES.map((s) => ({ value: s, label: t(`wbp.statuses.${s}`) }))]}
            w={{ base: '100%', sm: 180 }}
          />
          <NativeSelect
            label={t('wbp.state')}
            value={state}
            onChange={(e) => update({ state: e.currentTarget.value === 'active' ? '' : e.currentTarget.value, page: '' })}
            data={STATES.map((s) => ({ value: s, label: t(`wbp.states.${s}`) }))}
            w={{ base: '100%', sm: 200 }}
          />
          <Button type="submit">{t('common.search')}</Button>
          {filtered && (
            <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
              {t('common.resetFilters')}
            </Button>
          )}
        </Group>
        {multiUpt && (
          <div style={{ maxWidth: 640, marginBottom: 'var(--mantine-spacing-md)' }}>
            <UptPicker
              value={{ kanwilId, uptId }}
              allLabel={t('common.all')}
              onChange={(v) => update({ kanwil: v.kanwilId, upt: v.uptId, page: '' })}
            />
          </div>
        )}
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          action={
            filtered ? (
              <Button variant="default" onClick={() => setParams(new URLSearchParams())}>
                {t('common.resetFilters')}
              </Button>
            ) : undefined
          }
        >
          {filtered ? t('wbp.empty') : t('wbp.none')}
        </EmptyState>
      ) : (
        <div aria-busy={list.isFetching}>
          <DataTable caption={t('wbp.listTitle')} columns={columns} rows={list.data.items} rowKey={(w) => w.id} />
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => update({ page: String(p) })} />
        </div>
      )}
    </div>
  );
}
