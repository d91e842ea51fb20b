import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ReasonInput } from '../../../shared/schemas/sales.ts';
import { post } from '../../api/client.ts';
import { useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';

/**
 * "Batalkan" on an append-only entry (a payment, a split): asks for the reason, posts it to
 * `path`, hands the answer to `onDone`. Field errors of the entry (`errorField`) show under the reason.
 */
export function ReverseButton<T>({ path, label, errorField, onDone }: { path: string; label: string; errorField: string; onDone: (out: T) => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const form = useForm<{ reason: string }>({ reason: '' });
  if (!open) return <Button size="xs" variant="subtle" color="red" onClick={() => setOpen(true)}>{label}</Button>;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ReasonInput, { reason: form.values.reason });
    if (!input) return;
    const out = await form.run(() => post<T>(path, input));
    if (out === undefined) return;
    setOpen(false);
    onDone(out);
  }
  return (
    <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <Group gap="xs" align="flex-end">
        <TextInput size="xs" label={t('sales.reason')} value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason ?? form.errors[errorField]} />
        <Button size="xs" color="red" type="submit" loading={form.submitting}>{t('sales.confirmReverse')}</Button>
      </Group>
    </form>
  );
}
