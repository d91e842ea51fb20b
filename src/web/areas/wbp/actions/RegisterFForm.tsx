import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { RegisterFInput } from '../../../../shared/schemas/wbp.ts';
import { post } from '../../../api/client.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { DateField } from '../../../forms/fields.tsx';
import { nullIfBlank, useForm } from '../../../forms/form.ts';
import { useT } from '../../../i18n/index.ts';
import type { Wbp } from '../api.ts';
import type { ActionProps } from './common.ts';

/** A disciplinary punishment (register F): it blocks remission and integration rights for 6 months. */
export function RegisterFForm({ wbp, today, onSaved, onReload }: ActionProps) {
  const { t } = useT();
  const form = useForm({ date: today, until: '', offence: '', punishment: '' });
  const v = form.values;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(RegisterFInput, { date: v.date, until: v.until || null, offence: v.offence, punishment: nullIfBlank(v.punishment) });
    if (!input) return;
    const saved = await form.run(() => post<Wbp>(`/wbp/${wbp.id}/register-f`, input));
    if (saved) onSaved(saved, t('wbp.registerFForm.saved'));
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('wbp.actions.registerF')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('wbp.registerFForm.help')}
        </Text>
        <FormAlert problem={form.problem} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField label={t('wbp.registerFForm.date')} required value={v.date} onChange={(x) => form.set('date', x)} error={form.errors.date} max={today} />
          <DateField label={t('wbp.registerFForm.until')} value={v.until} onChange={(x) => form.set('until', x)} error={form.errors.until} />
        </SimpleGrid>
        <TextInput label={t('wbp.registerFForm.offence')} required value={v.offence} onChange={(e) => form.set('offence', e.currentTarget.value)} error={form.errors.offence} />
        <TextInput label={t('wbp.registerFForm.punishment')} value={v.punishment} onChange={(e) => form.set('punishment', e.currentTarget.value)} error={form.errors.punishment} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('wbp.registerFForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
