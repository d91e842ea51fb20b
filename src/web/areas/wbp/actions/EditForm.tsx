import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { WbpUpdateInput } from '../../../../shared/schemas/wbp.ts';
import { patch } from '../../../api/client.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { nullIfBlank, useForm } from '../../../forms/form.ts';
import { useT } from '../../../i18n/index.ts';
import type { Wbp } from '../api.ts';
import { WbpFields, type WbpValues } from '../WbpFields.tsx';
import type { ActionProps } from './common.ts';

const valuesOf = (w: Wbp): WbpValues => ({
  noRegister: w.noRegister,
  name: w.name,
  sex: w.sex ?? '',
  birthDate: w.birthDate ?? '',
  religion: w.religion ?? '',
  status: w.status,
  crimeCategory: w.crimeCategory ?? '',
  crimeRaw: w.crimeRaw ?? '',
  specialCrimes: w.specialCrimes,
  detentionStart: w.detentionStart ?? '',
  admittedOn: w.admittedOn ?? '',
  verdictDocument: w.verdictDocument,
});

/** Only what changed is sent, with the version the form was opened at. */
function changesOf(w: Wbp, v: WbpValues): Record<string, unknown> {
  const next: Record<string, unknown> = {
    name: v.name.trim(),
    sex: v.sex || undefined,
    birthDate: v.birthDate || null,
    status: v.status,
    crimeCategory: v.crimeCategory || null,
    crimeRaw: nullIfBlank(v.crimeRaw),
    specialCrimes: v.specialCrimes,
    detentionStart: v.detentionStart || null,
    verdictDocument: v.verdictDocument,
  };
  const current: Record<string, unknown> = {
    name: w.name,
    sex: w.sex ?? undefined,
    birthDate: w.birthDate,
    status: w.status,
    crimeCategory: w.crimeCategory,
    crimeRaw: w.crimeRaw,
    specialCrimes: w.specialCrimes,
    detentionStart: w.detentionStart,
    verdictDocument: w.verdictDocument,
  };
  return Object.fromEntries(Object.entries(next).filter(([k, val]) => JSON.stringify(val) !== JSON.stringify(current[k])));
}

export function EditForm({ wbp, today, onSaved, onReload }: ActionProps) {
  const { t } = useT();
  const form = useForm<WbpValues>(valuesOf(wbp));
  const [nothing, setNothing] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const changes = changesOf(wbp, form.values);
    setNothing(Object.keys(changes).length === 0);
    if (Object.keys(changes).length === 0) return;
    const input = form.validate(WbpUpdateInput, { version: wbp.version, ...changes });
    if (!input) return;
    const saved = await form.run(() => patch<Wbp>(`/wbp/${wbp.id}`, input));
    if (saved) onSaved(saved, t('wbp.editForm.saved'));
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('wbp.actions.edit')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('wbp.editForm.help')}
        </Text>
        <FormAlert problem={form.problem} onReload={onReload} />
        {nothing && (
          <Alert color="gray" role="status">
            {t('common.noChanges')}
          </Alert>
        )}
        <WbpFields values={form.values} set={form.set} errors={form.errors} creating={false} today={today} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('wbp.editForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
