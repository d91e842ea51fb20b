import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

function Fallback() {
  const { t } = useT();
  return (
    <Alert color="red" role="alert" title={t('errors.pageFailedTitle')} className="page">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('errors.pageFailed')}</Text>
        <Button variant="default" size="xs" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

/**
 * A page that cannot load (a chunk lost on a flaky link, or replaced by a new deployment)
 * shows a message with a reload button instead of a blank screen.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
