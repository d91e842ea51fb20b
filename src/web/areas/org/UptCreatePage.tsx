import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { SECURITY_LEVELS, UPT_CLASSES, UPT_TYPES, UptCreateInput, type Upt } from '../../../shared/schemas/org.ts';
import { post } from '../../api/client.ts';
import { keys, useKanwils } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { nullIfBlank, numberOrNull, useForm } from '../../forms/form.ts';
import { tDynamic, useT } from '../../i18n/index.ts';

export default function UptCreatePage() {
  const { t } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const kanwils = useKanwils();
  const form = useForm({
    kanwilId: '',
    name: '',
    type: 'lapas',
    class: '',
    securityLevel: '',
    capacity: '' as number | string,
    address: '',
    regencyCode: '',
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const input = form.validate(UptCreateInput, {
      kanwilId: v.kanwilId ? Number(v.kanwilId) : undefined,
      name: v.name,
      type: v.type,
      class: v.class || null,
      securityLevel: v.securityLevel || null,
      capacity: numberOrNull(v.capacity),
      address: nullIfBlank(v.address),
      regencyCode: nullIfBlank(v.regencyCode),
      active: true,
    });
    if (!input) return;
    const created = await form.run(() => post<Upt>('/org/upts', input));
    if (!created) return;
    qc.setQueryData(keys.upt(created.id), created);
    void qc.invalidateQueries({ queryKey: ['upts'] });
    void qc.invalidateQueries({ queryKey: keys.kanwils });
    navigate(`/organisasi/upt/${created.id}`, { state: { notice: t('org.created') } });
  }

  const opt = (values: readonly string[], prefix: string, empty?: string) => [
    ...(empty ? [{ value: '', label: empty }] : []),
    ...values.map((v) => ({ value: v, label: tDynamic(`${prefix}.${v}`, v) })),
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('org.createTitle')}
        intro={t('org.createIntro')}
        crumbs={[
          { to: '/organisasi', label: t('nav.groupOrg') },
          { to: '/organisasi/upt', label: t('nav.upt') },
        ]}
      />
      <Paper withBorder p="md" maw={760}>
        <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate>
          <Stack gap="sm">
            <FormAlert problem={form.problem} />
            <NativeSelect
              label={t('org.fields.kanwil')}
              required
              value={form.values.kanwilId}
              onChange={(e) => form.set('kanwilId', e.currentTarget.value)}
              error={form.errors.kanwilId}
              data={[{ value: '', label: t('users.chooseKanwil') }, ...(kanwils.data ?? []).map((k) => ({ value: String(k.id), label: k.name }))]}
            />
            <TextInput
              label={t('org.fields.name')}
              required
              value={form.values.name}
              onChange={(e) => form.set('name', e.currentTarget.value)}
              error={form.errors.name}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={t('org.fields.type')}
                value={form.values.type}
                onChange={(e) => form.set('type', e.currentTarget.value)}
                error={form.errors.type}
                data={opt(UPT_TYPES, 'org.types')}
              />
              <NativeSelect
                label={t('org.fields.class')}
                value={form.values.class}
                onChange={(e) => form.set('class', e.currentTarget.value)}
                error={form.errors.class}
                data={opt(UPT_CLASSES, 'org.classes', t('org.noClass'))}
              />
              <NativeSelect
                label={t('org.fields.securityLevel')}
                value={form.values.securityLevel}
                onChange={(e) => form.set('securityLevel', e.currentTarget.value)}
                error={form.errors.securityLevel}
                data={opt(SECURITY_LEVELS, 'org.securityLevels', t('org.noSecurityLevel'))}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NumberInput
                label={t('org.fields.capacity')}
                description={t('org.fields.capacityHelp')}
                value={form.values.capacity}
                onChange={(v) => form.set('capacity', v)}
                error={form.errors.capacity}
                thousandSeparator="."
                decimalSeparator=","
                allowDecimal={false}
                hideControls
                inputMode="numeric"
              />
              <TextInput
                label={t('org.fields.regencyCode')}
                description={t('org.fields.regencyHelp')}
                value={form.values.regencyCode}
                onChange={(e) => form.set('regencyCode', e.currentTarget.value)}
                error={form.errors.regencyCode}
              />
            </SimpleGrid>
            <TextInput
              label={t('org.fields.address')}
              value={form.values.address}
              onChange={(e) => form.set('address', e.currentTarget.value)}
              error={form.errors.address}
            />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t('org.createTitle')}
              </Button>
              <Button variant="subtle" onClick={() => navigate('/organisasi/upt')}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
