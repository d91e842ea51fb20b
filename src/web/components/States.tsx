import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ROLE_LABELS } from '../../shared/access/roles.ts';
import { ApiError } from '../api/client.ts';
import { useMe } from '../auth/session.ts';
import { useT } from '../i18n/index.ts';
import { PageHeader } from './Page.tsx';

/** A polite loading indicator; `data-loading` lets tests wait until a page has settled. */
export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <Center py="xl" data-loading="" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden="true" />
        <Text>{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

/** The text to show for any error: the API's message (already translated) or a network hint. */
export function useErrorText() {
  const { t } = useT();
  return (err: unknown): string => {
    if (err instanceof ApiError) return err.isNetwork || !err.message ? t('errors.network') : err.message;
    return t('errors.loadFailed');
  };
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  const text = useErrorText();
  if (error instanceof ApiError && error.status === 403 && (error.code === 'FORBIDDEN' || error.code === 'OUT_OF_SCOPE')) {
    return <NotAllowedState message={error.message} />;
  }
  return (
    <Alert color="red" title={t('errors.loadFailed')} role="alert" my="md">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{text(error)}</Text>
        {onRetry && (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** An empty list says what to do next. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="sm" py="xl" px="md" bg="white" style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 4 }}>
      <Text ta="center" maw={520}>
        {children}
      </Text>
      {action}
    </Stack>
  );
}

/** The page exists but this user's role may not use it. */
export function NotAllowedState({ message }: { message?: string }) {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const role = me ? ROLE_LABELS[me.role][lang] : '';
  return (
    <div className="page">
      <PageHeader title={t('errors.notAllowedTitle')} />
      <Alert color="orange" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{message && !me ? message : t('errors.notAllowedBody', { role })}</Text>
          <Button component={Link} to="/" variant="default" size="xs">
            {t('errors.backHome')}
          </Button>
        </Stack>
      </Alert>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useT();
  return (
    <div className="page">
      <PageHeader title={t('errors.notFoundTitle')} />
      <Stack align="flex-start">
        <Text>{t('errors.notFoundBody')}</Text>
        <Button component={Link} to="/">
          {t('errors.backHome')}
        </Button>
      </Stack>
    </div>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id} style={{ marginTop: 'var(--mantine-spacing-xl)' }}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}
