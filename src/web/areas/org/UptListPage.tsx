import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { UPT_TYPES } from '../../../shared/schemas/org.ts';
import { useKanwils, useUpts } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { UptTable } from './UptTable.tsx';
import { useT } from '../../i18n/index.ts';

const PAGE_SIZE = 25;

export default function UptListPage() {
  const { t } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kanwilId = params.get('kanwil') ?? '';
  const type = params.get('type') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const kanwils = useKanwils();
  const upts = useUpts({ q, kanwilId, type, page, pageSize: PAGE_SIZE });

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
  const filtered = !!(q || kanwilId || type);

  return (
    <div className="page">
      <PageHeader
        title={t('org.uptTitle')}
        intro={t('org.uptIntro')}
        crumbs={[{ to: '/organisasi', label: t('nav.groupOrg') }]}
        actions={
          hasPermission(me, 'org.write') && me?.scope.level === 'national' ? (
            <Button component={Link} to="/organisasi/upt/baru">
              {t('org.addUpt')}
            </Button>
          ) : undefined
        }
      />
      <form onSubmit={search} role="search" aria-label={t('org.searchLabel')}>
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <TextInput
            label={t('org.searchLabel')}
            placeholder={t('org.searchPlaceholder')}
            type="search"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={{ base: '100%', sm: 280 }}
          />
          <NativeSelect
            label={t('org.fields.kanwil')}
            value={kanwilId}
            onChange={(e) => update({ kanwil: e.currentTarget.value, page: '' })}
            data={[{ value: '', label: t('common.all') }, ...(kanwils.data ?? []).map((k) => ({ value: String(k.id), label: k.name }))]}
            w={{ base: '100%', sm: 240 }}
          />
          <NativeSelect
            label={t('org.fields.type')}
            value={type}
            onChange={(e) => update({ type: e.currentTarget.value, page: '' })}
            data={[{ value: '', label: t('common.all') }, ...UPT_TYPES.map((v) => ({ value: v, label: t(`org.types.${v}`) }))]}
            w={{ base: '100%', sm: 220 }}
          />
          <Button type="submit">{t('common.search')}</Button>
          {filtered && (
            <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
              {t('common.resetFilters')}
            </Button>
          )}
        </Group>
      </form>
      {upts.isPending ? (
        <Loading />
      ) : upts.error ? (
        <ErrorState error={upts.error} onRetry={() => void upts.refetch()} />
      ) : upts.data.items.length === 0 ? (
        <EmptyState
          action={
            filtered ? (
              <Button variant="default" onClick={() => setParams(new URLSearchParams())}>
                {t('common.resetFilters')}
              </Button>
            ) : undefined
          }
        >
          {t('org.uptEmpty')}
        </EmptyState>
      ) : (
        <div aria-busy={upts.isFetching}>
          <UptTable items={upts.data.items} caption={t('org.uptTitle')} />
          <Pager page={page} pageSize={PAGE_SIZE} total={upts.data.total} onChange={(p) => update({ page: String(p) })} />
        </div>
      )}
    </div>
  );
}
