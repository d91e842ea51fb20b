import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { FUNDED_BY, PROVIDER_KINDS, ProgrammeInput, type ProgrammeDetail } from '../../../shared/schemas/training.ts';
import { post } from '../../api/client.ts';
import { useMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { UptPicker, type UptChoice } from '../../components/UptPicker.tsx';
import { DateField, IntField } from '../../forms/fields.tsx';
import { nullIfBlank, numberOrNull, useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';
import { trainingKeys } from './api.ts';


export default function ProgrammeCreatePage() {
  const { t } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [upt, setUpt] = useState<UptChoice>({ kanwilId: '', uptId: '' });
  const form = useForm({
    name: '', skill: '', scheme: '', providerKind: 'blk', providerName: '', lessonHours: '' as number | string, startDate: '', endDate: '',
    capacity: '' as number | string, costRupiah: '' as number | string, fundedBy: 'dipa',
  });
  const v = form.values;
  const e = form.errors;

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const input = form.validate(ProgrammeInput, {
      ...(me?.scope.level !== 'upt' && upt.uptId ? { uptId: Number(upt.uptId) } : {}),
      name: v.name, skill: v.skill, scheme: nullIfBlank(v.scheme), providerKind: v.providerKind, providerName: v.providerName,
      lessonHours: numberOrNull(v.lessonHours), startDate: v.startDate, endDate: v.endDate, capacity: numberOrNull(v.capacity),
      costRupiah: numberOrNull(v.costRupiah) ?? 0, fundedBy: v.fundedBy,
    });
    if (!input) return;
    const created = await form.run(() => post<ProgrammeDetail>('/training/programmes', input));
    if (!created) return;
    qc.setQueryData(trainingKeys.programme(created.id), created);
    void qc.invalidateQueries({ queryKey: ['training-programmes'] });
    navigate(`/pelatihan/${created.id}`, { state: { notice: t('training.created', { name: created.name }) } });
  }

  return (
    <div className="page">
      <PageHeader title={t('training.createTitle')} intro={t('training.createIntro')} crumbs={[{ to: '/pelatihan', label: t('training.title') }]} />
      <Paper withBorder p="md" maw={860}>
        <form onSubmit={(ev) => void submit(ev)} ref={form.formRef} noValidate aria-label={t('training.createTitle')}>
          <Stack gap="md">
            <FormAlert problem={form.problem} />
            {me && me.scope.level !== 'upt' && <UptPicker label={t('training.fields.upt')} allLabel={t('users.chooseUpt')} value={upt} onChange={setUpt} required error={e.uptId} />}
            <TextInput label={t('training.fields.name')} value={v.name} onChange={(x) => form.set('name', x.currentTarget.value)} error={e.name} required />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('training.fields.skill')} value={v.skill} onChange={(x) => form.set('skill', x.currentTarget.value)} error={e.skill} required />
              <TextInput label={t('training.fields.scheme')} value={v.scheme} onChange={(x) => form.set('scheme', x.currentTarget.value)} error={e.scheme} />
              <NativeSelect
                label={t('training.fields.providerKind')} value={v.providerKind} onChange={(x) => form.set('providerKind', x.currentTarget.value)} error={e.providerKind}
                data={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`training.providerKinds.${k}`) }))}
              />
              <TextInput label={t('training.fields.providerName')} value={v.providerName} onChange={(x) => form.set('providerName', x.currentTarget.value)} error={e.providerName} required />
              <IntField label={t('training.fields.lessonHours')} value={v.lessonHours} onChange={(x) => form.set('lessonHours', x)} error={e.lessonHours} required />
              <IntField label={t('training.fields.capacity')} value={v.capacity} onChange={(x) => form.set('capacity', x)} error={e.capacity} required />
              <DateField label={t('training.fields.startDate')} value={v.startDate} onChange={(x) => form.set('startDate', x)} error={e.startDate} required />
              <DateField label={t('training.fields.endDate')} value={v.endDate} onChange={(x) => form.set('endDate', x)} error={e.endDate} required />
              <IntField label={t('training.fields.costRupiah')} prefix="Rp " value={v.costRupiah} onChange={(x) => form.set('costRupiah', x)} error={e.costRupiah} />
              <NativeSelect
                label={t('training.fields.fundedBy')} value={v.fundedBy} onChange={(x) => form.set('fundedBy', x.currentTarget.value)} error={e.fundedBy}
                data={FUNDED_BY.map((k) => ({ value: k, label: t(`training.fundedByOptions.${k}`) }))}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={form.submitting}>{t('training.createTitle')}</Button>
              <Button variant="subtle" onClick={() => navigate('/pelatihan')}>{t('common.cancel')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
