import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Upt } from '../../../shared/schemas/org.ts';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';

export function useUptLabels() {
  const { t } = useT();
  return {
    type: (u: Pick<Upt, 'type'>) => t(`org.types.${u.type}`),
    klass: (u: Pick<Upt, 'class'>) => (u.class ? t(`org.classes.${u.class}`) : t('org.noClass')),
    security: (u: Pick<Upt, 'securityLevel'>) => (u.securityLevel ? t(`org.securityLevels.${u.securityLevel}`) : t('org.noSecurityLevel')),
    modifier: (m: string) => {
      const known = ['narkotika', 'perempuan', 'pemuda', 'terbuka', 'khusus', 'industri'] as const;
      const k = known.find((x) => x === m);
      return k ? t(`org.modifiers.${k}`) : m;
    },
  };
}

/** UPT rows: name (link), type and class, Kanwil, capacity with its source badge, status. */
export function UptTable({ items, caption, showKanwil = true }: { items: Upt[]; caption: string; showKanwil?: boolean }) {
  const { t } = useT();
  const labels = useUptLabels();
  const columns: Column<Upt>[] = [
    {
      key: 'name',
      header: t('org.fields.name'),
      primary: true,
      render: (u) => (
        <Anchor component={Link} to={`/organisasi/upt/${u.id}`}>
          {u.name}
        </Anchor>
      ),
    },
    { key: 'type', header: t('org.fields.type'), render: (u) => labels.type(u) },
    { key: 'class', header: t('org.fields.class'), render: (u) => (u.class ? labels.klass(u) : t('common.none')) },
    ...(showKanwil ? [{ key: 'kanwil', header: t('org.fields.kanwil'), render: (u: Upt) => u.kanwilName }] : []),
    {
      key: 'capacity',
      header: t('org.fields.capacity'),
      numeric: true,
      render: (u) => (
        <>
          {formatNumber(u.capacity)}
          <SourceBadge source={u.capacity === null ? null : u.capacitySource} />
        </>
      ),
    },
    {
      key: 'status',
      header: t('org.fields.active'),
      render: (u) =>
        u.active ? (
          <Text span size="sm">
            {t('common.active')}
          </Text>
        ) : (
          <Badge color="gray">{t('common.inactive')}</Badge>
        ),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={items} rowKey={(u) => u.id} />;
}
