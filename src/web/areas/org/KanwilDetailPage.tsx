import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { KanwilUpdateInput, UPT_TYPES, type Kanwil } from '../../../shared/schemas/org.ts';
import { patch } from '../../api/client.ts';
import { keys, useKanwils, useProvinces, useUpts } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { UptTable } from './UptTable.tsx';
import { formatNumber } from '../../format.ts';
import { useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';

const PAGE_SIZE = 25;

function KanwilEditForm({ kanwil, onSaved, onReload }: { kanwil: Kanwil; onSaved: () => void; onReload: () => void }) {
  const { t } = useT();
  const qc = useQueryClient();
  const { data: provinces } = useProvinces();
  const form = useForm({ name: kanwil.name, provinceCode: kanwil.provinceCode ?? '' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const payload: Record<string, unknown> = { version: kanwil.version };
    if (form.values.name !== kanwil.name) payload.name = form.values.name;
    if ((form.values.provinceCode || null) !== kanwil.provinceCode) payload.provinceCode = form.values.provinceCode || null;
    const input = form.validate(KanwilUpdateInput, payload);
    if (!input) return;
    const ok = await form.run(() => patch(`/org/kanwils/${kanwil.id}`, input));
    if (ok === undefined) return;
    await qc.invalidateQueries({ queryKey: keys.kanwils });
    onSaved();
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate>
        <Stack gap="sm" maw={560}>
          <FormAlert
            problem={form.problem}
            onReload={() => {
              void qc.invalidateQueries({ queryKey: keys.kanwils }).then(onReload);
            }}
          />
          <TextInput
            label={t('org.fields.kanwilName')}
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.errors.name}
            required
          />
          <NativeSelect
            label={t('org.fields.province')}
            value={form.values.provinceCode}
            onChange={(e) => form.set('provinceCode', e.currentTarget.value)}
            error={form.errors.provinceCode}
            data={[{ value: '', label: t('org.noProvince') }, ...(provinces ?? []).map((p) => ({ value: p.code, label: p.name }))]}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function KanwilDetailPage() {
  const { t } = useT();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const type = params.get('type') ?? '';
  const kanwils = useKanwils();
  const upts = useUpts({ kanwilId: id, type, page, pageSize: PAGE_SIZE }, id > 0);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);

  if (kanwils.isPending) return <Loading />;
  if (kanwils.error) return <ErrorState error={kanwils.error} onRetry={() => void kanwils.refetch()} />;
  const kanwil = kanwils.data.find((k) => k.id === id);
  if (!kanwil) {
    return (
      <div className="page">
        <PageHeader title={t('errors.notFoundTitle')} crumbs={[{ to: '/organisasi', label: t('nav.kanwil') }]} />
        <EmptyState>{t('org.kanwilNotFound')}</EmptyState>
      </div>
    );
  }

  const update = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };

  return (
    <div className="page">
      <PageHeader
        title={kanwil.name}
        crumbs={[{ to: '/organisasi', label: t('nav.kanwil') }]}
        intro={
          <>
            {kanwil.provinceName ?? t('org.noProvince')} · {t('org.fields.uptCount')}: {formatNumber(kanwil.uptCount)} ·{' '}
            {t('org.fields.capacity')}: {formatNumber(kanwil.capacity)}
          </>
        }
      />
      <Section title={t('org.uptOf', { name: kanwil.name })} id="kanwil-upts">
        <NativeSelect
          label={t('org.fields.type')}
          value={type}
          onChange={(e) => update({ type: e.currentTarget.value, page: '' })}
          data={[{ value: '', label: t('common.all') }, ...UPT_TYPES.map((v) => ({ value: v, label: t(`org.types.${v}`) }))]}
          w={{ base: '100%', sm: 280 }}
          mb="sm"
        />
        {upts.isPending ? (
          <Loading />
        ) : upts.error ? (
          <ErrorState error={upts.error} onRetry={() => void upts.refetch()} />
        ) : upts.data.items.length === 0 ? (
          <EmptyState>{type ? t('org.uptEmpty') : t('org.uptNone')}</EmptyState>
        ) : (
          <>
            <UptTable items={upts.data.items} caption={t('org.uptOf', { name: kanwil.name })} showKanwil={false} />
            <Pager page={page} pageSize={PAGE_SIZE} total={upts.data.total} onChange={(p) => update({ page: String(p) })} />
          </>
        )}
      </Section>
      {hasPermission(me, 'org.write') && me?.scope.level === 'national' && (
        <Section title={t('org.editKanwil')} id="kanwil-edit">
          {saved && (
            <Text role="status" c="green.9" mb="xs">
              {t('common.saved')}
            </Text>
          )}
          <KanwilEditForm
            key={`${kanwil.id}:${kanwil.version}:${formKey}`}
            kanwil={kanwil}
            onSaved={() => {
              setSaved(true);
              setFormKey((k) => k + 1);
            }}
            onReload={() => {
              setSaved(false);
              setFormKey((k) => k + 1);
            }}
          />
        </Section>
      )}
    </div>
  );
}
