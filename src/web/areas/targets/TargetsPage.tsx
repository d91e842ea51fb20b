import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AllocateInput, TargetInput } from '../../../shared/schemas/indicators.ts';
import { get, post } from '../../api/client.ts';
import { useKanwils } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { UptPicker } from '../../components/UptPicker.tsx';
import { useForm } from '../../forms/form.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { cockpitKeys, useIndicators, type Indicator } from '../cockpit/api.ts';
import { YearSelect, useUnitParams } from '../cockpit/CockpitPage.tsx';
import { displayValue, parseDisplay, unitLabel } from '../cockpit/units.ts';

interface TargetRow {
  id: number;
  indicatorId: number;
  level: 'national' | 'kanwil' | 'upt';
  kanwilId: number | null;
  uptId: number | null;
  unitName: string;
  value: number;
  method: string;
  basis: string | null;
  revision: number;
  current: boolean;
  reason: string | null;
  createdBy: string | null;
  createdAt: string;
}

const targetKeys = (history: boolean, year: number, indicatorId: number) => ['targets', history, year, indicatorId] as const;

function useTargets(history: boolean, year: number, indicatorId: number) {
  return useQuery({
    queryKey: targetKeys(history, year, indicatorId),
    queryFn: ({ signal }) => get<{ items: TargetRow[] }>(history ? '/targets/history' : '/targets', { year, indicatorId }, signal).then((r) => r.items),
    enabled: indicatorId > 0,
  });
}

function SetTargetForm({ ind, year, onDone }: { ind: Indicator; year: number; onDone: () => void }) {
  const { t } = useT();
  const { data: me } = useMe();
  const national = me?.scope.level === 'national';
  const form = useForm({ level: national ? 'national' : 'upt', kanwilId: '', uptId: '', value: '', reason: '' });
  const [note, setNote] = useState('');
  const kanwils = useKanwils();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setNote('');
    const v = form.values;
    const value = parseDisplay(v.value, ind);
    const input = form.validate(TargetInput, {
      indicatorId: ind.id, year, level: v.level, value: value ?? (v.value ? v.value : undefined), reason: v.reason,
      ...(v.level !== 'national' && (v.kanwilId || me?.scope.kanwilId) ? { kanwilId: Number(v.kanwilId || me?.scope.kanwilId) } : {}),
      ...(v.level === 'upt' && v.uptId ? { uptId: Number(v.uptId) } : {}),
    });
    if (!input) return;
    const res = await form.run(() => post<{ changed: boolean }>('/targets', input));
    if (res) {
      setNote(res.changed ? t('targets.saved') : t('targets.unchanged'));
      onDone();
    }
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('targets.setTitle')}>
        <Stack gap="sm">
          <FormAlert problem={form.problem} />
          {note && <Text role="status" c="green">{note}</Text>}
          <NativeSelect
            label={t('targets.level')}
            value={form.values.level}
            onChange={(e) => form.set('level', e.currentTarget.value)}
            data={(national ? (['national', 'kanwil', 'upt'] as const) : (['upt'] as const)).map((l) => ({ value: l, label: t(`targets.levels.${l}`) }))}
          />
          {form.values.level === 'kanwil' && (
            <NativeSelect label={t('targets.levels.kanwil')} value={form.values.kanwilId} onChange={(e) => form.set('kanwilId', e.currentTarget.value)} error={form.errors.kanwilId}
              data={[{ value: '', label: '—' }, ...(kanwils.data ?? []).map((k) => ({ value: String(k.id), label: k.name }))]} />
          )}
          {form.values.level === 'upt' && (
            <UptPicker value={{ kanwilId: form.values.kanwilId, uptId: form.values.uptId }} error={form.errors.uptId} onChange={(c) => { form.set('kanwilId', c.kanwilId); form.set('uptId', c.uptId); }} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('targets.value', { unit: unitLabel(ind) })} required inputMode="decimal" value={form.values.value} onChange={(e) => form.set('value', e.currentTarget.value)} error={form.errors.value} />
            <TextInput label={t('targets.reason')} required value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} />
          </SimpleGrid>
          <Group><Button type="submit" loading={form.submitting}>{t('targets.save')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AllocateForm({ ind, year, onDone }: { ind: Indicator; year: number; onDone: () => void }) {
  const { t } = useT();
  const { data: me } = useMe();
  const national = me?.scope.level === 'national';
  const kanwils = useKanwils();
  const form = useForm({ kanwilId: national ? '' : String(me?.scope.kanwilId ?? ''), method: ind.ratio || ind.timeAggregate === 'last' ? 'same' : 'proportional', basis: 'capacity', reason: '' });
  const [note, setNote] = useState('');
  const methods = ind.ratio ? (['same'] as const) : (['proportional', 'equal', 'same'] as const);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setNote('');
    const v = form.values;
    const input = form.validate(AllocateInput, {
      indicatorId: ind.id, year, method: v.method, reason: v.reason,
      ...(v.kanwilId ? { kanwilId: Number(v.kanwilId) } : {}),
      ...(v.method === 'proportional' ? { basis: v.basis } : {}),
    });
    if (!input) return;
    const res = await form.run(() => post<{ children: number; sum: number; parentValue: number }>('/targets/allocate', input));
    if (res) {
      setNote(t('targets.allocated', { n: formatNumber(res.children), sum: displayValue(res.sum, ind), parent: displayValue(res.parentValue, ind) }));
      onDone();
    }
  }
  const parent = form.values.kanwilId ? (kanwils.data ?? []).find((k) => String(k.id) === form.values.kanwilId)?.name ?? t('targets.levels.kanwil') : t('targets.levels.national');
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('targets.allocateTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('targets.allocateIntro', { parent, children: form.values.kanwilId ? t('targets.levels.upt') : t('targets.levels.kanwil') })}</Text>
          <FormAlert problem={form.problem} />
          {note && <Text role="status" c="green" data-testid="allocated">{note}</Text>}
          {national && (
            <NativeSelect label={t('targets.parentOf')} value={form.values.kanwilId} onChange={(e) => form.set('kanwilId', e.currentTarget.value)}
              data={[{ value: '', label: t('targets.levels.national') }, ...(kanwils.data ?? []).map((k) => ({ value: String(k.id), label: k.name }))]} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect label={t('targets.method')} value={form.values.method} onChange={(e) => form.set('method', e.currentTarget.value)} data={methods.map((m) => ({ value: m, label: t(`targets.methods.${m}`) }))} error={form.errors.method} />
            {form.values.method === 'proportional' && (
              <NativeSelect label={t('targets.basis')} value={form.values.basis} onChange={(e) => form.set('basis', e.currentTarget.value)} data={(['capacity', 'population'] as const).map((b) => ({ value: b, label: t(`targets.bases.${b}`) }))} />
            )}
            <TextInput label={t('targets.reason')} required value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} />
          </SimpleGrid>
          {form.errors.year && <Text c="red" size="sm">{form.errors.year}</Text>}
          <Group><Button type="submit" loading={form.submitting}>{t('targets.allocate')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Targets of a year for one indicator: current values down the hierarchy, setting, allocating, every revision. */
export default function TargetsPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const { year, thisYear } = useUnitParams();
  const [params, setParams] = useSearchParams();
  const inds = useIndicators();
  const indicatorId = Number(params.get('indikator') ?? inds.data?.items[0]?.id ?? 0);
  const ind = inds.data?.items.find((i) => i.id === indicatorId);
  const current = useTargets(false, year, indicatorId);
  const history = useTargets(true, year, indicatorId);
  const canWrite = hasPermission(me, 'target.write');
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['targets'] });
    void qc.invalidateQueries({ queryKey: cockpitKeys.all });
  };
  const set = (k: string, v: string) => setParams((p) => { p.set(k, v); return p; }, { replace: true });
  const cols = (withCurrent: boolean): Column<TargetRow>[] => [
    { key: 'unit', header: t('cockpit.cols.unit'), primary: true, render: (r) => `${r.unitName} (${t(`targets.levels.${r.level}`)})` },
    { key: 'value', header: t('cockpit.cols.target'), numeric: true, render: (r) => (ind ? displayValue(r.value, ind) : r.value) },
    { key: 'rev', header: t('targets.revision'), numeric: true, render: (r) => `${r.revision}${withCurrent && r.current ? ' ✓' : ''}` },
    { key: 'method', header: t('targets.methodCol'), render: (r) => `${r.method}${r.basis ? ` (${r.basis})` : ''}` },
    { key: 'reason', header: t('targets.reason'), render: (r) => r.reason ?? '' },
    { key: 'by', header: t('targets.by'), render: (r) => r.createdBy ?? 'sistem' },
    { key: 'when', header: t('targets.when'), render: (r) => formatDateTime(r.createdAt, lang) },
  ];
  return (
    <div className="page">
      <PageHeader title={t('targets.title')} intro={t('targets.intro')} />
      <Group align="flex-end" mb="md">
        <YearSelect year={year} thisYear={thisYear} onChange={(y) => set('tahun', String(y))} />
        <NativeSelect label={t('targets.indicator')} value={String(indicatorId)} onChange={(e) => set('indikator', e.currentTarget.value)} miw={320}
          data={(inds.data?.items ?? []).map((i) => ({ value: String(i.id), label: `${i.code} · ${i.name[lang]}` }))} />
      </Group>
      {!ind ? <Loading /> : (
        <>
          {canWrite && (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="md">
              <Section title={t('targets.setTitle')} id="set-target"><SetTargetForm ind={ind} year={year} onDone={refresh} /></Section>
              <Section title={t('targets.allocateTitle')} id="allocate"><AllocateForm ind={ind} year={year} onDone={refresh} /></Section>
            </SimpleGrid>
          )}
          <Section title={t('targets.current')} id="current">
            {current.isPending ? <Loading /> : current.error ? <ErrorState error={current.error} /> : current.data.length === 0 ? <EmptyState>{t('targets.noTargets')}</EmptyState> : (
              <DataTable caption={t('targets.current')} columns={cols(false)} rows={me?.scope.level === 'national' ? current.data.filter((r) => r.level !== 'upt') : current.data} rowKey={(r) => r.id} />
            )}
          </Section>
          <Section title={t('targets.history')} id="history">
            {history.data && history.data.length > 0 && <DataTable caption={t('targets.history')} columns={cols(true)} rows={history.data.filter((r) => r.revision > 1 || !r.current)} rowKey={(r) => r.id} />}
          </Section>
        </>
      )}
    </div>
  );
}
