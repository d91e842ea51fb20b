import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ActivityInput, PayRuleInput, type Activity } from '../../../shared/schemas/work.ts';
import { ApiError, post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { useMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { UptPicker, type UptChoice } from '../../components/UptPicker.tsx';
import { useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';
import { ActivityFields, emptyActivity, inputOf, type ActivityValues } from './ActivityFields.tsx';
import { workKeys } from './api.ts';
import { PayRuleFields, payRuleInputOf, type PayRuleValues } from './PayRuleFields.tsx';

/** The activity and its first pay rule, checked together before anything is sent. */
const CreateInput = ActivityInput.extend({ rule: PayRuleInput });

export default function ActivityCreatePage() {
  const { data: meta } = useMeta();
  // The first rate starts on the server's today (GIATJA_TODAY in demos), not the browser's.
  return meta ? <CreateForm today={meta.today} /> : <Loading />;
}

function CreateForm({ today }: { today: string }) {
  const { t } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [upt, setUpt] = useState<UptChoice>({ kanwilId: '', uptId: '' });
  const form = useForm<ActivityValues & PayRuleValues>({ ...emptyActivity, effectiveFrom: today, kind: 'daily', rateRupiah: '', hoursPerSession: '' });
  const ruleErrors = Object.fromEntries(Object.entries(form.errors).flatMap(([k, v]) => (k.startsWith('rule.') ? [[k.slice(5), v]] : [])));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const input = form.validate(CreateInput, {
      ...inputOf(v),
      ...(me?.scope.level !== 'upt' && upt.uptId ? { uptId: Number(upt.uptId) } : {}),
      rule: payRuleInputOf(v),
    });
    if (!input) return;
    const { rule, ...activityInput } = input;
    const created = await form.run(() => post<Activity>('/work/activities', activityInput));
    if (!created) return;
    let problem = '';
    let saved: Activity = created;
    try {
      saved = await post<Activity>(`/work/activities/${created.id}/pay-rules`, rule);
    } catch (err) {
      problem = err instanceof ApiError ? Object.values(err.fields)[0] ?? err.message : t('errors.network');
    }
    qc.setQueryData(workKeys.activity(saved.id), saved);
    void qc.invalidateQueries({ queryKey: ['work-activities'] });
    void qc.invalidateQueries({ queryKey: ['work-dashboard'] });
    navigate(`/kerja/kegiatan/${saved.id}`, {
      state: problem ? { payRuleProblem: t('work.createdNoRule', { name: saved.name, message: problem }) } : { notice: t('work.created', { name: saved.name }) },
    });
  }

  return (
    <div className="page">
      <PageHeader
        title={t('work.createTitle')}
        intro={t('work.createIntro')}
        crumbs={[
          { to: '/kerja', label: t('nav.groupWork') },
          { to: '/kerja/kegiatan', label: t('nav.activities') },
        ]}
      />
      <Paper withBorder p="md" maw={860}>
        <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('work.createTitle')}>
          <Stack gap="md">
            <FormAlert problem={form.problem} />
            {me && me.scope.level !== 'upt' && <UptPicker label={t('work.fields.upt')} allLabel={t('users.chooseUpt')} value={upt} onChange={setUpt} required error={form.errors.uptId} />}
            <ActivityFields values={form.values} set={form.set} errors={form.errors} />
            <fieldset className="plain-fieldset">
              <legend>
                <Title order={2} size="h4">
                  {t('work.firstRule')}
                </Title>
              </legend>
              <Text size="sm" c="dimmed" mb="xs">
                {t('work.firstRuleHelp')}
              </Text>
              <PayRuleFields values={form.values} set={form.set} errors={ruleErrors} />
            </fieldset>
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t('work.createTitle')}
              </Button>
              <Button variant="subtle" onClick={() => navigate('/kerja/kegiatan')}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
