import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { DETENTION_STAGES, DetentionOrderInput } from '../../../../shared/schemas/wbp.ts';
import { post } from '../../../api/client.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { DateField, IntField } from '../../../forms/fields.tsx';
import { nullIfBlank, numberOrNull, useForm } from '../../../forms/form.ts';
import { addDaysIso, formatDate } from '../../../format.ts';
import { useT } from '../../../i18n/index.ts';
import { orderEnd, type Wbp } from '../api.ts';
import type { ActionProps } from './common.ts';

/** A detention order, or the extension of one (the stage and start follow the extended order). */
export function DetentionOrderForm({ wbp, today, onSaved, onReload }: ActionProps) {
  const { t, lang } = useT();
  const form = useForm({ stage: 'penyidikan', authority: '', orderNumber: '', startDate: today, days: '' as number | string, extensionOf: '', art29: false });
  const v = form.values;
  const days = typeof v.days === 'number' ? v.days : Number(v.days);
  const endPreview = v.startDate && Number.isInteger(days) && days > 0 ? orderEnd(v.startDate, days) : null;

  function chooseExtension(id: string) {
    form.set('extensionOf', id);
    const o = wbp.detentionOrders.find((x) => String(x.id) === id);
    if (o) {
      form.set('stage', o.stage);
      form.set('startDate', addDaysIso(orderEnd(o.start_date, o.days), 1));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(DetentionOrderInput, {
      stage: v.stage,
      authority: nullIfBlank(v.authority),
      orderNumber: nullIfBlank(v.orderNumber),
      startDate: v.startDate,
      days: numberOrNull(v.days),
      ...(v.extensionOf ? { extensionOf: Number(v.extensionOf) } : {}),
      art29: v.art29,
    });
    if (!input) return;
    const saved = await form.run(() => post<Wbp>(`/wbp/${wbp.id}/detention-orders`, input));
    if (saved) onSaved(saved, t('wbp.detentionForm.saved'));
  }

  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('wbp.actions.detention')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} onReload={onReload} />
        {wbp.detentionOrders.length > 0 && (
          <NativeSelect
            label={t('wbp.detentionForm.extensionOf')}
            value={v.extensionOf}
            onChange={(e) => chooseExtension(e.currentTarget.value)}
            error={form.errors.extensionOf}
            data={[
              { value: '', label: t('wbp.detentionForm.notExtension') },
              ...wbp.detentionOrders.map((o) => ({
                value: String(o.id),
                label: `${t(`sentence.stages.${o.stage as (typeof DETENTION_STAGES)[number]}`)}: ${formatDate(o.start_date, lang)} – ${formatDate(orderEnd(o.start_date, o.days), lang)}`,
              })),
            ]}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('wbp.detentionForm.stage')}
            required
            value={v.stage}
            onChange={(e) => form.set('stage', e.currentTarget.value)}
            error={form.errors.stage}
            data={DETENTION_STAGES.map((s) => ({ value: s, label: t(`sentence.stages.${s}`) }))}
          />
          <DateField label={t('wbp.detentionForm.startDate')} required value={v.startDate} onChange={(x) => form.set('startDate', x)} error={form.errors.startDate} />
          <IntField
            label={t('wbp.detentionForm.days')}
            required
            value={v.days}
            onChange={(x) => form.set('days', x)}
            error={form.errors.days}
            description={t('wbp.detentionForm.daysHelp')}
          />
        </SimpleGrid>
        {endPreview && (
          <Text size="sm" role="status">
            {t('wbp.detentionForm.endsOn', { date: formatDate(endPreview, lang) })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('wbp.detentionForm.authority')}
            placeholder={t('wbp.detentionForm.authorityPlaceholder')}
            value={v.authority}
            onChange={(e) => form.set('authority', e.currentTarget.value)}
            error={form.errors.authority}
          />
          <TextInput
            label={t('wbp.detentionForm.orderNumber')}
            value={v.orderNumber}
            onChange={(e) => form.set('orderNumber', e.currentTarget.value)}
            error={form.errors.orderNumber}
          />
        </SimpleGrid>
        <Checkbox label={t('wbp.detentionForm.art29')} checked={v.art29} onChange={(e) => form.set('art29', e.currentTarget.checked)} error={form.errors.art29} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('wbp.detentionForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
