import { Alert, Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import type { Me } from '../../../shared/schemas/auth.ts';
import { ChangePasswordInput } from '../../../shared/schemas/auth.ts';
import { passwordProblem } from '../../../shared/schemas/password-rules.ts';
import { post } from '../../api/client.ts';
import { rememberMe, useMe, useSignOut } from '../../auth/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';

export default function ChangePasswordPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const form = useForm({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const forced = !!me?.mustChangePassword;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ChangePasswordInput, form.values);
    if (!input) return;
    // The same strength rule as the server, so most mistakes show before the round trip.
    const problem = passwordProblem(input.newPassword, me?.username);
    if (problem) {
      form.setErrors({ newPassword: fieldMessage(problem, lang) });
      form.setProblem({ kind: 'client' });
      return;
    }
    const updated = await form.run(() => post<Me>('/auth/password', input));
    if (!updated) return;
    rememberMe(qc, updated);
    navigate('/', { replace: true, state: { notice: t('password.done') } });
  }

  const pw = (key: 'currentPassword' | 'newPassword' | 'confirmPassword', label: string, autoComplete: string, description?: string) => (
    <PasswordInput
      label={label}
      name={key}
      autoComplete={autoComplete}
      required
      description={description}
      value={form.values[key]}
      onChange={(e) => form.set(key, e.currentTarget.value)}
      error={form.errors[key]}
      visibilityToggleButtonProps={{ 'aria-label': t('a11y.togglePassword') }}
    />
  );

  return (
    <div className="page">
      <Stack maw={520}>
        <PageHeader title={t('password.title')} intro={t('password.intro')} />
        {forced && (
          <Alert color="orange" role="status">
            {t('password.forced')}
          </Alert>
        )}
        <Paper withBorder p="lg">
          <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate>
            <Stack gap="md">
              <FormAlert problem={form.problem} />
              {pw('currentPassword', t('password.current'), 'current-password')}
              {pw('newPassword', t('password.new'), 'new-password', t('password.rule'))}
              {pw('confirmPassword', t('password.confirm'), 'new-password')}
              <Group>
                <Button type="submit" loading={form.submitting}>
                  {t('password.submit')}
                </Button>
                {forced && (
                  <Button variant="subtle" onClick={() => void signOut().then(() => navigate('/masuk', { replace: true }))}>
                    {t('password.signOutInstead')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </div>
  );
}
