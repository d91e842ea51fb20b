import { Alert, Button, Stack, Text } from '@mantine/core';
import type { FormProblem } from '../forms/form.ts';
import { useT } from '../i18n/index.ts';
import { useErrorText } from './States.tsx';

/**
 * The general message of a failed submit. A version conflict (someone else saved first) offers
 * to reload the record; other errors show the server's message in the user's language.
 */
export function FormAlert({ problem, onReload }: { problem: FormProblem; onReload?: () => void }) {
  const { t } = useT();
  const text = useErrorText();
  if (!problem) return null;
  if (problem.kind === 'client') {
    return (
      <Alert color="red" role="alert" data-form-problem="" tabIndex={-1}>
        {t('errors.clientInvalid')}
      </Alert>
    );
  }
  const conflict = problem.error.code === 'CONFLICT_VERSION';
  return (
    <Alert color={conflict ? 'orange' : 'red'} role="alert" data-form-problem="" tabIndex={-1}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text(problem.error)}</Text>
        {conflict && onReload && (
          <>
            <Text size="sm">{t('errors.conflictHint')}</Text>
            <Button size="xs" variant="filled" onClick={onReload}>
              {t('common.reload')}
            </Button>
          </>
        )}
      </Stack>
    </Alert>
  );
}
