import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/index.ts';

export interface Crumb {
  label: string;
  to: string;
}

/**
 * The page title (the only h1), an optional intro, actions and a breadcrumb. The document title
 * follows the page title.
 */
export function PageHeader({ title, intro, actions, crumbs }: { title: string; intro?: ReactNode; actions?: ReactNode; crumbs?: Crumb[] }) {
  const { t } = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Stack gap="xs" mb="lg">
      {crumbs && crumbs.length > 0 && (
        <nav aria-label={t('a11y.breadcrumb')}>
          <Group gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {crumbs.map((c, i) => (
              <li key={c.to}>
                <Anchor component={Link} to={c.to} size="sm">
                  {c.label}
                </Anchor>
                {i < crumbs.length - 1 && <span aria-hidden="true"> ›</span>}
              </li>
            ))}
          </Group>
        </nav>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {intro && (
        <Text c="dimmed" maw={760}>
          {intro}
        </Text>
      )}
    </Stack>
  );
}
