import { Button, Group, Text } from '@mantine/core';
import { formatNumber } from '../format.ts';
import { useT } from '../i18n/index.ts';

/** Previous/next paging with the position in words; light on slow links and on phones. */
export function Pager({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const { t } = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" gap="xs" component="nav" aria-label={t('a11y.pagination')}>
      <Text size="sm" aria-live="polite">
        {t('common.showing', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
      </Text>
      {pages > 1 && (
        <Group gap="xs">
          <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onChange(page - 1)}>
            {t('common.previous')}
          </Button>
          <Text size="sm">{t('common.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}</Text>
          <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onChange(page + 1)}>
            {t('common.next')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
