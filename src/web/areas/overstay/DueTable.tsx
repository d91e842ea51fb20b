import { Anchor, Badge, Stack, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { DueItem } from '../../../shared/schemas/overstay.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DaysLeftBadge } from '../../components/sentence/DaysLeftBadge.tsx';
import { humanizeDates, formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

export type DueGroup = 'overstay' | 'today' | 'd3' | 'd10' | 'later';

export function groupOf(daysLeft: number): DueGroup {
  if (daysLeft < 0) return 'overstay';
  if (daysLeft === 0) return 'today';
  if (daysLeft <= 3) return 'd3';
  if (daysLeft <= 10) return 'd10';
  return 'later';
}

/** The due rows: register, name (to the inmate page), kind, end date, days left, next legal step. */
export function DueTable({ items, caption, showUpt, showDocument = false }: { items: DueItem[]; caption: string; showUpt: boolean; showDocument?: boolean }) {
  const { t, lang } = useT();
  const columns: Column<DueItem>[] = [
    { key: 'noRegister', header: t('overstay.cols.noRegister'), render: (d) => <span style={{ whiteSpace: 'nowrap' }}>{d.noRegister}</span> },
    {
      key: 'name',
      header: t('overstay.cols.name'),
      primary: true,
      render: (d) => (
        <Anchor component={Link} to={`/wbp/${d.wbpId}`}>
          {d.name}
        </Anchor>
      ),
    },
    ...(showUpt ? [{ key: 'upt', header: t('overstay.cols.upt'), render: (d: DueItem) => d.uptName }] : []),
    { key: 'kind', header: t('overstay.cols.kind'), render: (d) => t(`overstay.kinds.${d.kind}`) },
    { key: 'dueDate', header: t('overstay.cols.dueDate'), render: (d) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d.dueDate, lang)}</span> },
    { key: 'daysLeft', header: t('overstay.cols.daysLeft'), render: (d) => <DaysLeftBadge daysLeft={d.daysLeft} /> },
    ...(showDocument
      ? [
          {
            key: 'doc',
            header: t('overstay.cols.verdictDocument'),
            render: (d: DueItem) =>
              d.verdictDocument ? (
                t('overstay.docPresent')
              ) : (
                <Badge color="orange" variant="filled" autoContrast={false} style={{ textTransform: 'none' }}>
                  {t('overstay.missingDoc')}
                </Badge>
              ),
          },
        ]
      : [{ key: 'nextStep', header: t('overstay.cols.nextStep'), render: (d: DueItem) => (d.nextStep ? humanizeDates(d.nextStep, lang) : t('common.none')) }]),
  ];
  return <DataTable caption={caption} columns={columns} rows={items} rowKey={(d) => `${d.wbpId}:${d.kind}`} />;
}

/** Overstays first, then ending today, within 3 days, within 10 days: each group under its own heading. */
export function GroupedDue({ items, showUpt }: { items: DueItem[]; showUpt: boolean }) {
  const { t } = useT();
  const groups: DueGroup[] = ['overstay', 'today', 'd3', 'd10', 'later'];
  return (
    <Stack gap="lg">
      {groups.map((g) => {
        const rows = items.filter((i) => groupOf(i.daysLeft) === g);
        if (rows.length === 0) return null;
        return (
          <section key={g} aria-labelledby={`due-${g}`} data-group={g}>
            <Title order={3} size="h4" id={`due-${g}`} mb="xs" c={g === 'overstay' || g === 'today' ? 'red' : undefined}>
              {t(`overstay.groups.${g}`)} ({rows.length})
            </Title>
            <DueTable items={rows} caption={t(`overstay.groups.${g}`)} showUpt={showUpt} />
          </section>
        );
      })}
    </Stack>
  );
}
