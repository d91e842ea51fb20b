import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { SentenceCreateInput } from '../../../../shared/schemas/wbp.ts';
import { post } from '../../../api/client.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { DateField, IntField } from '../../../forms/fields.tsx';
import { nullIfBlank, numberOrNull, useForm } from '../../../forms/form.ts';
import { formatDate } from '../../../format.ts';
import { useT } from '../../../i18n/index.ts';
import type { Wbp } from '../api.ts';
import type { ActionProps } from './common.ts';

const STAGES = ['pn', 'pt', 'ma', 'pk'] as const;
const zeroIfBlank = (v: number | string) => (v === '' ? 0 : numberOrNull(v));

/** A verdict; an appeal or review (PK) names the verdict it replaces. */
export function VerdictForm({ wbp, today, onSaved, onReload }: ActionProps) {
  const { t, lang } = useT();
  const form = useForm({
    verdictDate: today,
    stage: 'pn',
    caseNumber: '',
    court: '',
    years: '' as number | string,
    months: '' as number | string,
    days: '' as number | string,
    life: false,
    death: false,
    fineRupiah: '' as number | string,
    finePaid: false,
    subsidiaryDays: '' as number | string,
    restitutionRupiah: '' as number | string,
    final: true,
    supersedes: '',
  });
  const v = form.values;
  const current = wbp.sentences.filter((s) => !s.superseded_by);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(SentenceCreateInput, {
      verdictDate: v.verdictDate,
      stage: v.stage,
      caseNumber: nullIfBlank(v.caseNumber),
      court: nullIfBlank(v.court),
      years: zeroIfBlank(v.years),
      months: zeroIfBlank(v.months),
      days: zeroIfBlank(v.days),
      life: v.life,
      death: v.death,
      fineRupiah: zeroIfBlank(v.fineRupiah),
      finePaid: v.finePaid,
      subsidiaryDays: zeroIfBlank(v.subsidiaryDays),
      restitutionRupiah: zeroIfBlank(v.restitutionRupiah),
      final: v.final,
      ...(v.supersedes ? { supersedes: Number(v.supersedes) } : {}),
    });
    if (!input) return;
    const saved = await form.run(() => post<Wbp>(`/wbp/${wbp.id}/sentences`, input));
    if (saved) onSaved(saved, t('wbp.verdictForm.saved'));
  }

  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('wbp.actions.verdict')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} onReload={onReload} />
        {current.length > 0 && (
          <NativeSelect
            label={t('wbp.verdictForm.supersedes')}
            value={v.supersedes}
            onChange={(e) => {
              form.set('supersedes', e.currentTarget.value);
              if (e.currentTarget.value && v.stage === 'pn') form.set('stage', 'pt');
            }}
            error={form.errors.supersedes}
            data={[
              { value: '', label: t('wbp.verdictForm.notSuperseding') },
              ...current.map((s) => ({
                value: String(s.id),
                label: `${formatDate(s.verdict_date, lang)} — ${t(`wbp.verdictStages.${s.stage}`)}: ${s.life ? t('wbp.life') : s.death ? t('wbp.death') : t('wbp.term', { years: s.years, months: s.months, days: s.days })}`,
              })),
            ]}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField label={t('wbp.verdictForm.verdictDate')} required value={v.verdictDate} onChange={(x) => form.set('verdictDate', x)} error={form.errors.verdictDate} max={today} />
          <NativeSelect
            label={t('wbp.verdictForm.stage')}
            value={v.stage}
            onChange={(e) => form.set('stage', e.currentTarget.value)}
            error={form.errors.stage}
            data={STAGES.map((s) => ({ value: s, label: t(`wbp.verdictStages.${s}`) }))}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 3 }} spacing="sm">
          <IntField label={t('wbp.verdictForm.years')} value={v.years} onChange={(x) => form.set('years', x)} error={form.errors.years} />
          <IntField label={t('wbp.verdictForm.months')} value={v.months} onChange={(x) => form.set('months', x)} error={form.errors.months} />
          <IntField label={t('wbp.verdictForm.days')} value={v.days} onChange={(x) => form.set('days', x)} error={form.errors.days} />
        </SimpleGrid>
        <Group gap="lg">
          <Checkbox label={t('wbp.verdictForm.final')} checked={v.final} onChange={(e) => form.set('final', e.currentTarget.checked)} />
          <Checkbox label={t('wbp.verdictForm.life')} checked={v.life} onChange={(e) => form.set('life', e.currentTarget.checked)} />
          <Checkbox label={t('wbp.verdictForm.death')} checked={v.death} onChange={(e) => form.set('death', e.currentTarget.checked)} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <IntField label={t('wbp.verdictForm.fine')} value={v.fineRupiah} onChange={(x) => form.set('fineRupiah', x)} error={form.errors.fineRupiah} />
          <IntField label={t('wbp.verdictForm.subsidiaryDays')} value={v.subsidiaryDays} onChange={(x) => form.set('subsidiaryDays', x)} error={form.errors.subsidiaryDays} />
          <IntField label={t('wbp.verdictForm.restitution')} value={v.restitutionRupiah} onChange={(x) => form.set('restitutionRupiah', x)} error={form.errors.restitutionRupiah} />
        </SimpleGrid>
        <Checkbox label={t('wbp.verdictForm.finePaid')} checked={v.finePaid} onChange={(e) => form.set('finePaid', e.currentTarget.checked)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('wbp.verdictForm.caseNumber')} value={v.caseNumber} onChange={(e) => form.set('caseNumber', e.currentTarget.value)} error={form.errors.caseNumber} />
          <TextInput label={t('wbp.verdictForm.court')} value={v.court} onChange={(e) => form.set('court', e.currentTarget.value)} error={form.errors.court} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('wbp.verdictForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
