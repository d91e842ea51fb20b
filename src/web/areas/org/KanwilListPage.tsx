import { Anchor, Badge, Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Kanwil } from '../../../shared/schemas/org.ts';
import { useKanwils } from '../../api/queries.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

const norm = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

export default function KanwilListPage() {
  const { t } = useT();
  const { data, isPending, error, refetch } = useKanwils();
  const [q, setQ] = useState('');

  const columns: Column<Kanwil>[] = [
    {
      key: 'name',
      header: t('org.fields.kanwil'),
      primary: true,
      render: (k) => (
        <Anchor component={Link} to={`/organisasi/kanwil/${k.id}`}>
          {k.name}
        </Anchor>
      ),
    },
    { key: 'province', header: t('org.fields.province'), render: (k) => k.provinceName ?? t('org.noProvince') },
    { key: 'upts', header: t('org.fields.uptCount'), numeric: true, render: (k) => formatNumber(k.uptCount) },
    { key: 'capacity', header: t('org.fields.capacity'), numeric: true, render: (k) => formatNumber(k.capacity) },
  ];

  let body;
  if (isPending) body = <Loading />;
  else if (error) body = <ErrorState error={error} onRetry={() => void refetch()} />;
  else if (data.length === 0) body = <EmptyState>{t('org.kanwilNone')}</EmptyState>;
  else {
    const rows = q ? data.filter((k) => norm(`${k.name} ${k.provinceName ?? ''}`).includes(norm(q.trim()))) : data;
    const totals = rows.reduce((a, k) => ({ upts: a.upts + k.uptCount, capacity: a.capacity + k.capacity }), { upts: 0, capacity: 0 });
    body = (
      <>
        <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
          <TextInput
            label={t('org.kanwilFilter')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={{ base: '100%', sm: 360 }}
          />
          <Text size="sm" aria-live="polite">
            {t('org.kanwilCount', { count: rows.length })}
          </Text>
        </Group>
        {rows.length === 0 ? (
          <EmptyState>{t('org.kanwilEmpty', { q })}</EmptyState>
        ) : (
          <DataTable
            caption={t('org.kanwilTitle')}
            columns={columns}
            rows={rows}
            rowKey={(k) => k.id}
            footer={
              <Table.Tr>
                <Table.Td colSpan={2}>{t('org.total')}</Table.Td>
                <Table.Td className="num" data-label={t('org.fields.uptCount')}>
                  {formatNumber(totals.upts)}
                </Table.Td>
                <Table.Td className="num" data-label={t('org.fields.capacity')}>
                  {formatNumber(totals.capacity)}
                </Table.Td>
              </Table.Tr>
            }
          />
        )}
        <Text size="sm" c="dimmed" mt="sm">
          <Badge color="orange" size="sm" mr={6} style={{ textTransform: 'none' }}>
            {t('common.generated')}
          </Badge>
          {t('org.capacityNote')}
        </Text>
      </>
    );
  }

  return (
    <div className="page">
      <PageHeader title={t('org.kanwilTitle')} intro={t('org.kanwilIntro')} />
      {body}
    </div>
  );
}
