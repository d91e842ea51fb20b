import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PayRuleInput, type Activity } from '../../../shared/schemas/work.ts';
import { post } from '../../api/client.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Section } from '../../components/States.tsx';
import { useForm } from '../../forms/form.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useWorkLabels } from './labels.ts';
import { emptyPayRule, PayRuleFields, payRuleInputOf, useRuleText } from './PayRuleFields.tsx';
import { ruleOn } from './units.ts';

type Rule = Activity['payRules'][number];

/** Pay rules: the one in force, the readable history, and a new rate from a date. */
export function PayRulesSection({
  activity,
  today,
  canWrite,
  openInitially,
  onSaved,
}: {
  activity: Activity;
  today: string;
  canWrite: boolean;
  openInitially: boolean;
  onSaved: (a: Activity) => void;
}) {
  const { t, lang } = useT();
  const label = useWorkLabels();
  const ruleText = useRuleText();
  const [open, setOpen] = useState(openInitially);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm(emptyPayRule(today));
  const current = ruleOn(activity.payRules, today);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const input = form.validate(PayRuleInput, payRuleInputOf(form.values));
    if (!input) return;
    const saved = await form.run(() => post<Activity>(`/work/activities/${activity.id}/pay-rules`, input));
    if (!saved) return;
    onSaved(saved);
    form.reset(emptyPayRule(today));
    setOpen(false);
    setNotice(t('work.payRules.saved'));
  }

  const columns: Column<Rule>[] = [
    { key: 'from', header: t('work.payRules.fields.effectiveFrom'), primary: true, render: (r) => formatDate(r.effectiveFrom, lang) },
    { key: 'kind', header: t('work.payRules.fields.kind'), render: (r) => label.payKind(r.kind) },
    { key: 'rate', header: t('work.payRules.fields.rateRupiah'), numeric: true, render: (r) => ruleText(r) },
  ];

  return (
    <Section title={t('work.payRules.title')} id="pay-rules">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('work.payRules.intro')}
        </Text>
        {notice && (
          <Alert color="green" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        <Paper withBorder p="md" data-testid="pay-rule-current">
          {current ? (
            <Text>
              <Text span fw={650}>
                {ruleText(current)}
              </Text>{' '}
              <Text span c="dimmed" size="sm">
                — {t('work.payRules.current', { date: formatDate(today, lang) })}
              </Text>
            </Text>
          ) : (
            <Text>{t('work.payRules.none')}</Text>
          )}
        </Paper>
        {activity.payHistory.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('work.payRules.history')}
            </Title>
            <List size="sm" data-testid="pay-history">
              {activity.payHistory.map((h, i) => (
                <List.Item key={i}>{lang === 'en' ? h.en : h.id}</List.Item>
              ))}
            </List>
          </div>
        )}
        {activity.payRules.length > 0 && (
          <DataTable caption={t('work.payRules.title')} columns={columns} rows={[...activity.payRules].reverse()} rowKey={(r) => r.effectiveFrom} />
        )}
        {canWrite && (
          <div>
            <Button variant={open ? 'filled' : 'default'} aria-expanded={open} aria-controls="pay-rule-form" onClick={() => setOpen((o) => !o)}>
              {t('work.payRules.add')}
            </Button>
            {open && (
              <Paper withBorder p="md" mt="sm" id="pay-rule-form">
                <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('work.payRules.add')}>
                  <Stack gap="sm">
                    <FormAlert problem={form.problem} />
                    <PayRuleFields values={form.values} set={form.set} errors={form.errors} />
                    <Group>
                      <Button type="submit" loading={form.submitting}>
                        {t('work.payRules.submit')}
                      </Button>
                    </Group>
                  </Stack>
                </form>
              </Paper>
            )}
          </div>
        )}
      </Stack>
    </Section>
  );
}
