import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Sale } from '../../../shared/schemas/sales.ts';
import { post } from '../../api/client.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';
import { useLocations } from '../production/api.ts';
import { newClientKey } from '../work/attendanceDraft.ts';

/** On a catalogue request: make it an institutional order (a quotation) from a chosen store. */
export function ConvertRequest({ requestId, uptId, version }: { requestId: number; uptId: number; version: number }) {
  const { t } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [key] = useState(newClientKey);
  const locations = useLocations({ uptId });
  const form = useForm<{ locationId: string }>({ locationId: '' });
  const stores = (locations.data ?? []).filter((l) => l.kind === 'store');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.values.locationId) {
      form.setErrors({ locationId: t('sales.chooseLocation') });
      return;
    }
    const sale = await form.run(() => post<Sale>(`/sales/from-request/${requestId}`, { version, locationId: Number(form.values.locationId), idempotencyKey: key }));
    if (!sale) return;
    void qc.invalidateQueries({ queryKey: ['sales'] });
    navigate(`/penjualan/${sale.id}`, { state: { notice: t('sales.converted', { number: sale.quotationNumber ?? '' }) } });
  }
  return (
    <Paper withBorder p="md" mt="md" maw={760}>
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={t('sales.convertTitle')}>
        <Stack gap="sm">
          <Title order={2} size="h5">{t('sales.convertTitle')}</Title>
          <Text size="sm" c="dimmed">{t('sales.convertIntro')}</Text>
          <FormAlert problem={form.problem} />
          <NativeSelect maw={360} label={t('sales.location')} value={form.values.locationId} onChange={(e) => form.set('locationId', e.currentTarget.value)} error={form.errors.locationId}
            data={[{ value: '', label: t('sales.chooseLocation') }, ...stores.map((l) => ({ value: String(l.id), label: l.name }))]} />
          <Group><Button type="submit" loading={form.submitting}>{t('sales.convert')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
