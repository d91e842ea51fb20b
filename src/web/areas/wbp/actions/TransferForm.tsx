import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { TransferInput } from '../../../../shared/schemas/wbp.ts';
import { post } from '../../../api/client.ts';
import { useKanwils, useUpts } from '../../../api/queries.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { DateField } from '../../../forms/fields.tsx';
import { nullIfBlank, useForm } from '../../../forms/form.ts';
import { useT } from '../../../i18n/index.ts';
import type { Wbp } from '../api.ts';

/** Moves the inmate to another unit; afterwards the record is out of the sender's scope. */
export function TransferForm({ wbp, today, onDone, onReload }: { wbp: Wbp; today: string; onDone: () => void; onReload: () => void }) {
  const { t } = useT();
  const form = useForm({ kanwilId: String(wbp.kanwilId), toUptId: '', date: today, reason: '' });
  const v = form.values;
  const kanwils = useKanwils();
  const upts = useUpts({ kanwilId: v.kanwilId, pageSize: 200 }, !!v.kanwilId);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(TransferInput, {
      version: wbp.version,
      toUptId: v.toUptId ? Number(v.toUptId) : undefined,
      date: v.date,
      reason: nullIfBlank(v.reason),
    });
    if (!input) return;
    const done = await form.run(() => post<{ ok: true; toUptId: number }>(`/wbp/${wbp.id}/transfer`, input));
    if (done) onDone();
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('wbp.actions.transfer')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('wbp.transferForm.help')}
        </Text>
        <FormAlert problem={form.problem} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('wbp.transferForm.kanwil')}
            value={v.kanwilId}
            onChange={(e) => {
              form.set('kanwilId', e.currentTarget.value);
              form.set('toUptId', '');
            }}
            data={[{ value: '', label: t('users.chooseKanwil') }, ...(kanwils.data ?? []).map((k) => ({ value: String(k.id), label: k.name }))]}
          />
          <NativeSelect
            label={t('wbp.transferForm.upt')}
            required
            disabled={!v.kanwilId}
            value={v.toUptId}
            onChange={(e) => form.set('toUptId', e.currentTarget.value)}
            error={form.errors.toUptId}
            data={[
              { value: '', label: v.kanwilId ? t('wbp.chooseUpt') : t('users.chooseKanwilFirst') },
              ...(upts.data?.items ?? []).filter((u) => u.id !== wbp.uptId).map((u) => ({ value: String(u.id), label: u.name })),
            ]}
          />
          <DateField label={t('wbp.transferForm.date')} required value={v.date} onChange={(x) => form.set('date', x)} error={form.errors.date} max={today} />
          <TextInput label={t('wbp.transferForm.reason')} value={v.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('wbp.transferForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
