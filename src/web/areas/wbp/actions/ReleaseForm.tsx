import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { ReleaseInput } from '../../../../shared/schemas/wbp.ts';
import { post } from '../../../api/client.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { DateField } from '../../../forms/fields.tsx';
import { useForm } from '../../../forms/form.ts';
import { useT } from '../../../i18n/index.ts';
import type { Wbp } from '../api.ts';
import type { ActionProps } from './common.ts';

const REASONS = ['ekspirasi', 'pembebasan_bersyarat', 'cuti_bersyarat', 'cuti_menjelang_bebas', 'putusan_bebas', 'penangguhan', 'meninggal', 'lainnya'] as const;

/** The inmate leaves: sentence served, parole, leave, acquittal, suspension, death. */
export function ReleaseForm({ wbp, today, onSaved, onReload }: ActionProps) {
  const { t } = useT();
  const form = useForm({ date: today, reason: wbp.status === 'tahanan' ? 'penangguhan' : 'ekspirasi' });
  const v = form.values;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ReleaseInput, { version: wbp.version, date: v.date, reason: v.reason });
    if (!input) return;
    const saved = await form.run(() => post<Wbp>(`/wbp/${wbp.id}/release`, input));
    if (saved) onSaved(saved, t('wbp.releaseForm.saved'));
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('wbp.actions.release')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('wbp.releaseForm.help')}
        </Text>
        <FormAlert problem={form.problem} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField label={t('wbp.releaseForm.date')} required value={v.date} onChange={(x) => form.set('date', x)} error={form.errors.date} max={today} />
          <NativeSelect
            label={t('wbp.releaseForm.reason')}
            required
            value={v.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={form.errors.reason}
            data={REASONS.map((r) => ({ value: r, label: t(`wbp.releaseReasons.${r}`) }))}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" color="orange" loading={form.submitting}>
            {t('wbp.releaseForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
