import { Alert, Button, Group, Modal, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../../shared/access/roles.ts';
import type { Lang } from '../../../shared/i18n/lang.ts';
import { ApiError } from '../../api/client.ts';
import { useMe, useSignOut } from '../../auth/session.ts';
import { PageHeader } from '../../components/Page.tsx';
import { useScopeText } from '../../components/ScopeText.tsx';
import { Section, useErrorText } from '../../components/States.tsx';
import { setLang, useT } from '../../i18n/index.ts';

export default function AccountPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const scopeText = useScopeText();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [confirmAll, setConfirmAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!me) return null;

  const leave = async (everywhere: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await signOut(everywhere);
      navigate('/masuk', { replace: true, state: everywhere ? { notice: t('account.signedOutAll') } : null });
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err) : t('errors.network'));
      setBusy(false);
      setConfirmAll(false);
    }
  };

  return (
    <div className="page">
      <PageHeader title={t('account.title')} />
      {error && (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      )}
      <Section title={t('account.profile')} id="acc-profile">
        <Paper withBorder p="md">
          <dl className="details">
            <dt>{t('users.fields.fullName')}</dt>
            <dd>{me.fullName}</dd>
            <dt>{t('users.fields.username')}</dt>
            <dd>{me.username}</dd>
            <dt>{t('users.fields.role')}</dt>
            <dd>{ROLE_LABELS[me.role][lang]}</dd>
            <dt>{t('users.fields.scope')}</dt>
            <dd>{scopeText(me.scope)}</dd>
          </dl>
        </Paper>
      </Section>
      <Section title={t('account.language')} id="acc-language">
        <Paper withBorder p="md">
          <Stack gap="xs" align="flex-start">
            <SegmentedControl
              aria-label={t('lang.label')}
              value={lang}
              onChange={(v) => void setLang(v as Lang)}
              data={[
                { value: 'id', label: <span lang="id">{t('lang.id')}</span> },
                { value: 'en', label: <span lang="en">{t('lang.en')}</span> },
              ]}
            />
            <Text size="sm" c="dimmed">
              {t('lang.help')}
            </Text>
          </Stack>
        </Paper>
      </Section>
      <Section title={t('account.security')} id="acc-security">
        <Paper withBorder p="md">
          <Stack gap="md">
            <div>
              <Button component={Link} to="/ganti-sandi" variant="default">
                {t('account.changePassword')}
              </Button>
            </div>
            <div>
              <Button variant="default" onClick={() => void leave(false)} loading={busy && !confirmAll}>
                {t('account.signOut')}
              </Button>
              <Text size="sm" c="dimmed" mt={4}>
                {t('account.signOutHelp')}
              </Text>
            </div>
            <div>
              <Button color="red" variant="outline" onClick={() => setConfirmAll(true)}>
                {t('account.signOutAll')}
              </Button>
              <Text size="sm" c="dimmed" mt={4}>
                {t('account.signOutAllHelp')}
              </Text>
            </div>
          </Stack>
        </Paper>
      </Section>
      <Modal opened={confirmAll} onClose={() => setConfirmAll(false)} title={t('account.signOutAll')} centered>
        <Stack gap="md">
          <Text size="sm">{t('account.signOutAllConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setConfirmAll(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void leave(true)}>
              {t('account.signOutAll')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
