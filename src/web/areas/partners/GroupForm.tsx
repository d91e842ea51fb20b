import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { POKMAS_FIELD_VALUES, PokmasGroupInput } from '../../../shared/schemas/partners.ts';
import { post } from '../../api/client.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { DateField } from '../../forms/fields.tsx';
import { nullIfBlank, useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';
import { partnerKeys, type PokmasSummary } from './api.ts';

/** Forms a Pokmas Lipas group at one of the Bapas in the user's scope. */
export function GroupForm({ bapas, today }: { bapas: PokmasSummary['bapas']; today: string }) {
  const { t } = useT();
  const qc = useQueryClient();
  const empty = { uptId: String(bapas[0]?.uptId ?? ''), name: '', field: 'hukum_kemasyarakatan', formedOn: today, decreeNumber: '' };
  const form = useForm(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const input = form.validate(PokmasGroupInput, { uptId: Number(v.uptId), name: v.name, field: v.field, formedOn: v.formedOn, decreeNumber: nullIfBlank(v.decreeNumber) });
    if (!input) return;
    const done = await form.run(() => post<{ id: number }>('/partners/pokmas-groups', input));
    if (!done) return;
    setNotice(t('partners.groupSaved', { name: input.name }));
    form.reset({ ...empty, uptId: v.uptId });
    void qc.invalidateQueries({ queryKey: partnerKeys.pokmas });
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('partners.groupForm')}>
        <Stack gap="sm">
          <Title order={3} size="h5">{t('partners.groupForm')}</Title>
          <FormAlert problem={form.problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('partners.group.bapas')} value={v.uptId} onChange={(e) => form.set('uptId', e.currentTarget.value)} error={form.errors.uptId} data={bapas.map((b) => ({ value: String(b.uptId), label: b.uptName }))} />
            <TextInput label={t('partners.group.name')} value={v.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} required />
            <NativeSelect label={t('partners.group.field')} value={v.field} onChange={(e) => form.set('field', e.currentTarget.value)} data={POKMAS_FIELD_VALUES.map((f) => ({ value: f, label: t(`partners.groupFields.${f}`) }))} />
            <DateField label={t('partners.group.formedOn')} value={v.formedOn} onChange={(x) => form.set('formedOn', x)} error={form.errors.formedOn} required />
            <TextInput label={t('partners.group.decreeNumber')} value={v.decreeNumber} onChange={(e) => form.set('decreeNumber', e.currentTarget.value)} error={form.errors.decreeNumber} />
          </SimpleGrid>
          <Group><Button type="submit" loading={form.submitting}>{t('partners.groupForm')}</Button></Group>
          {notice && <Alert color="green" role="status">{notice}</Alert>}
        </Stack>
      </form>
    </Paper>
  );
}
