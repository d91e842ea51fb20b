import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/auth.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { rememberMe, useMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';

// The shared schema (and zod with it) loads alongside the page instead of before it, so the
// sign-in form shows sooner on a slow link; it is awaited only when the form is submitted.
const schemas = import('../../../shared/schemas/auth.ts');

export default function LoginPage() {
  const { t } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const form = useForm({ username: '', password: '' });

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  if (me) return <Navigate to={me.mustChangePassword ? '/ganti-sandi' : (from ?? '/')} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { LoginInput } = await schemas;
    const input = form.validate(LoginInput, form.values);
    if (!input) return;
    const signedIn = await form.run(() => post<Me>('/auth/login', input));
    if (!signedIn) {
      form.set('password', '');
      return;
    }
    rememberMe(qc, signedIn);
    navigate(signedIn.mustChangePassword ? '/ganti-sandi' : from && from !== '/masuk' ? from : '/', { replace: true });
  }

  return (
    <Stack maw={420} mx="auto" mt="xl" gap="md">
      <Paper withBorder p="lg" radius="md" shadow="xs">
        <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate>
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {t('login.title')}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('login.intro')}
              </Text>
            </div>
            <FormAlert problem={form.problem} />
            <TextInput
              label={t('login.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={form.values.username}
              onChange={(e) => form.set('username', e.currentTarget.value)}
              error={form.errors.username}
            />
            <PasswordInput
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              required
              value={form.values.password}
              onChange={(e) => form.set('password', e.currentTarget.value)}
              error={form.errors.password}
              visibilityToggleButtonProps={{ 'aria-label': t('a11y.togglePassword') }}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('login.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('login.forgot')}
            </Text>
          </Stack>
        </form>
      </Paper>
      {meta?.demo && (
        <Alert color="pas" title={t('login.demoTitle')}>
          {t('login.demoBody')}
        </Alert>
      )}
    </Stack>
  );
}
