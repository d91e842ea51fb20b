import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { passwordProblem } from '../../../shared/schemas/password-rules.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import { UserCreateInput, type User } from '../../../shared/schemas/users.ts';
import { post } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { AssignmentFields, assignmentPayload, randomPassword, type Assignment } from './AssignmentFields.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { nullIfBlank, useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';

export default function UserCreatePage() {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    username: '',
    fullName: '',
    email: '',
    password: '',
    assignment: { role: 'upt_operator', scopeLevel: 'upt', kanwilId: '', uptId: '' } as Assignment,
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const input = form.validate(UserCreateInput, {
      username: v.username,
      fullName: v.fullName,
      email: nullIfBlank(v.email),
      password: v.password,
      ...assignmentPayload(v.assignment),
    });
    if (!input) return;
    const problem = passwordProblem(input.password, input.username);
    if (problem) {
      form.setErrors({ password: fieldMessage(problem, lang) });
      form.setProblem({ kind: 'client' });
      return;
    }
    const created = await form.run(() => post<User>('/users', input));
    if (!created) return;
    qc.setQueryData(keys.user(created.id), created);
    void qc.invalidateQueries({ queryKey: ['users'] });
    navigate(`/pengguna/${created.id}`, { state: { notice: t('users.created', { username: created.username }) } });
  }

  return (
    <div className="page">
      <PageHeader title={t('users.createTitle')} intro={t('users.createIntro')} crumbs={[{ to: '/pengguna', label: t('nav.users') }]} />
      <Paper withBorder p="md" maw={760}>
        <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate>
          <Stack gap="sm">
            <FormAlert problem={form.problem} />
            <TextInput
              label={t('users.fields.username')}
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={form.values.username}
              onChange={(e) => form.set('username', e.currentTarget.value)}
              error={form.errors.username}
            />
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
                style={{ flex: '1 1 16rem' }}
                ff="monospace"
              />
              <Button variant="default" onClick={() => form.set('password', randomPassword())}>
                {t('users.generate')}
              </Button>
            </Group>
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t('users.createTitle')}
              </Button>
              <Button variant="subtle" onClick={() => navigate('/pengguna')}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
