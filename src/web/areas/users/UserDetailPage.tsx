import { Alert, Anchor, Button, Checkbox, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ROLE_LABELS } from '../../../shared/access/roles.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import { passwordProblem } from '../../../shared/schemas/password-rules.ts';
import { ResetPasswordInput, UserUpdateInput, type User } from '../../../shared/schemas/users.ts';
import { ApiError, patch, post } from '../../api/client.ts';
import { keys, useUser } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { AssignmentFields, assignmentPayload, randomPassword, type Assignment } from './AssignmentFields.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { ErrorState, Loading, Section, useErrorText } from '../../components/States.tsx';
import { isLocked, UserStatus, useUserScopeText } from './UserStatus.tsx';
import { formatDateTime } from '../../format.ts';
import { nullIfBlank, useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';

function UserEditForm({ user, onSaved, onReload }: { user: User; onSaved: (u: User) => void; onReload: () => void }) {
  const { t } = useT();
  const form = useForm({
    fullName: user.fullName,
    email: user.email ?? '',
    active: user.active,
    assignment: {
      role: user.role,
      scopeLevel: user.scopeLevel,
      kanwilId: user.kanwilId ? String(user.kanwilId) : '',
      uptId: user.uptId ? String(user.uptId) : '',
    } as Assignment,
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const payload: Record<string, unknown> = { version: user.version };
    if (v.fullName.trim() !== user.fullName) payload.fullName = v.fullName;
    if (nullIfBlank(v.email) !== user.email) payload.email = nullIfBlank(v.email);
    if (v.active !== user.active) payload.active = v.active;
    const a = assignmentPayload(v.assignment);
    if (a.role !== user.role || a.scopeLevel !== user.scopeLevel || a.kanwilId !== user.kanwilId || a.uptId !== user.uptId) Object.assign(payload, a);
    const input = form.validate(UserUpdateInput, payload);
    if (!input) return;
    const saved = await form.run(() => patch<User>(`/users/${user.id}`, input));
    if (saved) onSaved(saved);
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('users.editTitle')}>
        <Stack gap="sm">
          <FormAlert problem={form.problem} onReload={onReload} />
          <TextInput
            label={t('users.fields.fullName')}
            required
            value={form.values.fullName}
            onChange={(e) => form.set('fullName', e.currentTarget.value)}
            error={form.errors.fullName}
          />
          <TextInput
            label={`${t('users.fields.email')} ${t('common.optional')}`}
            type="email"
            value={form.values.email}
            onChange={(e) => form.set('email', e.currentTarget.value)}
            error={form.errors.email}
          />
          <AssignmentFields value={form.values.assignment} onChange={(a) => form.set('assignment', a)} errors={form.errors} />
          <Checkbox
            label={t('users.fields.active')}
            checked={form.values.active}
            onChange={(e) => form.set('active', e.currentTarget.checked)}
            error={form.errors.active}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ResetPasswordForm({ user, onDone, onCancel }: { user: User; onDone: (u: User) => void; onCancel: () => void }) {
  const { t, lang } = useT();
  const form = useForm({ password: randomPassword() });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ResetPasswordInput, form.values);
    if (!input) return;
    const problem = passwordProblem(input.password, user.username);
    if (problem) {
      form.setErrors({ password: fieldMessage(problem, lang) });
      form.setProblem({ kind: 'client' });
      return;
    }
    const updated = await form.run(() => post<User>(`/users/${user.id}/reset-password`, input));
    if (updated) onDone(updated);
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('users.resetIntro')}</Text>
        <FormAlert problem={form.problem} />
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('users.tempPassword')}
            description={t('users.tempPasswordHelp')}
            required
            autoComplete="off"
            spellCheck={false}
            value={form.values.password}
            onChange={(e) => form.set('password', e.currentTarget.value)}
            error={form.errors.password}
            style={{ flex: '1 1 14rem' }}
          />
          <Button variant="default" onClick={() => form.set('password', randomPassword())}>
            {t('users.generate')}
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function UserDetailPage() {
  const { t, lang } = useT();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const qc = useQueryClient();
  const user = useUser(id);
  const scopeText = useUserScopeText();
  const errorText = useErrorText();
  const [formKey, setFormKey] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [dialog, setDialog] = useState<'reset' | 'revoke' | null>(null);
  const [busy, setBusy] = useState(false);
  const canManage = hasPermission(me, 'user.manage') && me?.scope.level === 'national';
  const crumbs = [{ to: '/pengguna', label: t('nav.users') }];

  if (user.isPending) return <Loading />;
  if (user.error) {
    return (
      <div className="page">
        <PageHeader title={t('users.title')} crumbs={crumbs} />
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
      </div>
    );
  }
  const u = user.data;

  const store = (next: User) => {
    qc.setQueryData(keys.user(id), next);
    void qc.invalidateQueries({ queryKey: ['users'] });
  };
  const act = async (request: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ ok: true, text: await request() });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? errorText(err) : t('errors.network') });
    } finally {
      setBusy(false);
      setDialog(null);
    }
  };

  return (
    <div className="page">
      <PageHeader title={u.fullName} crumbs={crumbs} intro={<UserStatus user={u} />} />
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'} mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
      <Paper withBorder p="md">
        <dl className="details">
          <dt>{t('users.fields.username')}</dt>
          <dd>{u.username}</dd>
          <dt>{t('users.fields.fullName')}</dt>
          <dd>{u.fullName}</dd>
          <dt>{t('users.fields.email')}</dt>
          <dd>{u.email ?? t('common.none')}</dd>
          <dt>{t('users.fields.role')}</dt>
          <dd>{ROLE_LABELS[u.role][lang]}</dd>
          <dt>{t('users.fields.scope')}</dt>
          <dd>{scopeText(u)}</dd>
          <dt>{t('users.fields.createdAt')}</dt>
          <dd>{formatDateTime(u.createdAt, lang)}</dd>
          {isLocked(u) && (
            <>
              <dt>{t('users.fields.lockedUntil')}</dt>
              <dd>{formatDateTime(u.lockedUntil, lang)}</dd>
            </>
          )}
        </dl>
        {me?.id === u.id && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('users.self')}
          </Text>
        )}
        {hasPermission(me, 'audit.read') && (
          <Anchor component={Link} to={`/audit?entity=app_user&entityId=${u.id}`} size="sm" mt="sm" display="inline-block">
            {t('users.viewAudit')}
          </Anchor>
        )}
      </Paper>

      {canManage && (
        <>
          <Section title={t('users.actionsTitle')} id="user-actions">
            <Group gap="sm">
              <Button variant="default" onClick={() => setDialog('reset')}>
                {t('users.resetPassword')}
              </Button>
              <Button
                variant="default"
                disabled={!isLocked(u)}
                title={isLocked(u) ? undefined : t('users.notLocked')}
                loading={busy && dialog === null}
                onClick={() =>
                  void act(async () => {
                    store(await post<User>(`/users/${u.id}/unlock`));
                    return t('users.unlockDone');
                  })
                }
              >
                {t('users.unlock')}
              </Button>
              <Button variant="default" onClick={() => setDialog('revoke')}>
                {t('users.revoke')}
              </Button>
            </Group>
          </Section>
          <Section title={t('users.editTitle')} id="user-edit">
            <UserEditForm
              key={`${u.id}:${formKey}`}
              user={u}
              onSaved={(next) => {
                store(next);
                setMessage({ ok: true, text: t('common.saved') });
                setFormKey((k) => k + 1);
              }}
              onReload={() => {
                void user.refetch().then(() => setFormKey((k) => k + 1));
              }}
            />
          </Section>
        </>
      )}

      <Modal opened={dialog === 'reset'} onClose={() => setDialog(null)} title={t('users.resetPassword')} centered>
        {dialog === 'reset' && (
          <ResetPasswordForm
            user={u}
            onCancel={() => setDialog(null)}
            onDone={(next) => {
              store(next);
              setDialog(null);
              setMessage({ ok: true, text: t('users.resetDone') });
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog === 'revoke'} onClose={() => setDialog(null)} title={t('users.revoke')} centered>
        <Stack gap="md">
          <Text size="sm">{t('users.revokeConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={busy}
              onClick={() =>
                void act(async () => {
                  const r = await post<{ sessionsEnded: number }>(`/users/${u.id}/revoke-sessions`);
                  return t('users.revokeDone', { count: r.sessionsEnded });
                })
              }
            >
              {t('users.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
