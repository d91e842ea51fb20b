import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { PARTNER_KINDS, PartnerInput, type PartnerDetail } from '../../../shared/schemas/partners.ts';
import { post } from '../../api/client.ts';
import { useMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { UptPicker, type UptChoice } from '../../components/UptPicker.tsx';
import { nullIfBlank, useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';
import { partnerKeys, usePokmas } from './api.ts';

export default function PartnerCreatePage() {
  const { t } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [upt, setUpt] = useState<UptChoice>({ kanwilId: '', uptId: '' });
  const pokmas = usePokmas();
  const groups = (pokmas.data?.bapas ?? []).flatMap((b) => b.groups.map((g) => ({ ...g, uptId: b.uptId, uptName: b.uptName })));
  const form = useForm({ pokmasGroupId: '', name: '', kind: 'firm', contactName: '', contactPhone: '', contactEmail: '', address: '' });
  const v = form.values;
  const e = form.errors;

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const group = v.kind === 'pokmas_lipas' ? groups.find((g) => String(g.id) === v.pokmasGroupId) : undefined;
    const input = form.validate(PartnerInput, {
      ...(group ? { uptId: group.uptId, pokmasGroupId: group.id } : me?.scope.level !== 'upt' && upt.uptId ? { uptId: Number(upt.uptId) } : {}),
      ...(me?.scope.level === 'national' && !upt.uptId && upt.kanwilId ? { kanwilId: Number(upt.kanwilId) } : {}),
      name: v.name, kind: v.kind, contactName: nullIfBlank(v.contactName), contactPhone: nullIfBlank(v.contactPhone), contactEmail: nullIfBlank(v.contactEmail), address: nullIfBlank(v.address),
    });
    if (!input) return;
    const created = await form.run(() => post<PartnerDetail>('/partners', input));
    if (!created) return;
    qc.setQueryData(partnerKeys.partner(created.id), created);
    void qc.invalidateQueries({ queryKey: ['partners'] });
    navigate(`/mitra/${created.id}`, { state: { notice: t('partners.created', { name: created.name }) } });
  }

  return (
    <div className="page">
      <PageHeader title={t('partners.createTitle')} intro={t('partners.createIntro')} crumbs={[{ to: '/mitra', label: t('partners.title') }]} />
      <Paper withBorder p="md" maw={860}>
        <form onSubmit={(ev) => void submit(ev)} ref={form.formRef} noValidate aria-label={t('partners.createTitle')}>
          <Stack gap="md">
            <FormAlert problem={form.problem} />
            {me && me.scope.level !== 'upt' && <UptPicker label={t('partners.fields.upt')} allLabel={t('partners.chooseScope')} value={upt} onChange={setUpt} error={e.uptId} />}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('partners.fields.name')} value={v.name} onChange={(x) => form.set('name', x.currentTarget.value)} error={e.name} required />
              <NativeSelect
                label={t('partners.fields.kind')} value={v.kind} onChange={(x) => form.set('kind', x.currentTarget.value)} error={e.kind}
                data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
              />
              {v.kind === 'pokmas_lipas' && (
                <NativeSelect
                  label={t('partners.group.member')} value={v.pokmasGroupId} onChange={(x) => form.set('pokmasGroupId', x.currentTarget.value)} error={e.pokmasGroupId}
                  description={groups.length === 0 ? t('partners.group.noGroups') : undefined}
                  data={[{ value: '', label: '—' }, ...groups.map((g) => ({ value: String(g.id), label: `${g.name} · ${g.uptName}` }))]}
                />
              )}
              <TextInput label={t('partners.fields.contactName')} value={v.contactName} onChange={(x) => form.set('contactName', x.currentTarget.value)} error={e.contactName} />
              <TextInput label={t('partners.fields.contactPhone')} value={v.contactPhone} onChange={(x) => form.set('contactPhone', x.currentTarget.value)} error={e.contactPhone} inputMode="tel" />
              <TextInput label={t('partners.fields.contactEmail')} value={v.contactEmail} onChange={(x) => form.set('contactEmail', x.currentTarget.value)} error={e.contactEmail} type="email" />
              <TextInput label={t('partners.fields.address')} value={v.address} onChange={(x) => form.set('address', x.currentTarget.value)} error={e.address} />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={form.submitting}>{t('partners.createTitle')}</Button>
              <Button variant="subtle" onClick={() => navigate('/mitra')}>{t('common.cancel')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
