import { Anchor, Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ROLE_LABELS, ROLES } from '../../../shared/access/roles.ts';
import type { User } from '../../../shared/schemas/users.ts';
import { useUsers } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { UserStatus, useUserScopeText } from './UserStatus.tsx';
import { useT } from '../../i18n/index.ts';

const PAGE_SIZE = 25;

export default function UsersPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = params.get('role') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const users = useUsers({ q, role, page, pageSize: PAGE_SIZE });
  const scopeText = useUserScopeText();
  const canManage = hasPermission(me, 'user.manage') && me?.scope.level === 'national';

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

  const columns: Column<User>[] = [
    {
      key: 'username',
      header: t('users.fields.username'),
      primary: true,
      render: (u) => (
        <Anchor component={Link} to={`/pengguna/${u.id}`}>
          {u.username}
        </Anchor>
      ),
    },
    { key: 'fullName', header: t('users.fields.fullName'), render: (u) => u.fullName },
    { key: 'role', header: t('users.fields.role'), render: (u) => ROLE_LABELS[u.role][lang] },
    { key: 'scope', header: t('users.fields.scope'), render: (u) => scopeText(u) },
    { key: 'status', header: t('users.fields.status'), render: (u) => <UserStatus user={u} /> },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('users.title')}
        intro={canManage ? t('users.intro') : t('users.introRead')}
        actions={
          canManage ? (
            <Button component={Link} to="/pengguna/baru">
              {t('users.add')}
            </Button>
          ) : undefined
        }
      />
      <form onSubmit={search} role="search" aria-label={t('users.searchLabel')}>
        <Group align="flex-end" gap="sm" mb="md">
          <TextInput
            label={t('users.searchLabel')}
            placeholder={t('users.searchPlaceholder')}
            type="search"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={{ base: '100%', sm: 280 }}
          />
          <NativeSelect
            label={t('users.roleFilter')}
            value={role}
            onChange={(e) => update({ role: e.currentTarget.value, page: '' })}
            data={[{ value: '', label: t('common.all') }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))]}
            w={{ base: '100%', sm: 260 }}
          />
          <Button type="submit">{t('common.search')}</Button>
          {(q || role) && (
            <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
              {t('common.resetFilters')}
            </Button>
          )}
        </Group>
      </form>
      {users.isPending ? (
        <Loading />
      ) : users.error ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState>
          <Text span>{t('users.empty')}</Text>
        </EmptyState>
      ) : (
        <>
          <DataTable caption={t('users.title')} columns={columns} rows={users.data.items} rowKey={(u) => u.id} />
          <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onChange={(p) => update({ page: String(p) })} />
        </>
      )}
    </div>
  );
}
