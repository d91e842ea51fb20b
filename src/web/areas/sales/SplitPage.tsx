import { Alert, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ProceedsRuleInput } from '../../../shared/schemas/sales.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { DateField } from '../../forms/fields.tsx';
import { numberOrNull, useForm } from '../../forms/form.ts';
import { formatNumber, formatRupiah } from '../../format.ts';
import { tDynamic, useT } from '../../i18n/index.ts';
import { newClientKey } from '../work/attendanceDraft.ts';
import { ReverseButton } from './ReverseButton.tsx';
import { percentOfBp, usePreview, useRules, useSplits, type Rule, type Split } from './api.ts';

/** Proceeds split: the dated rules, a month's preview and its application, the history with reversals. */
export default function SplitPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const rules = useRules();
  const splits = useSplits();
  const canWrite = hasPermission(me, 'pnbp.write');
  if (!meta) return <Loading />;
  const ruleCols: Column<Rule>[] = [
    { key: 'from', header: t('sales.validFrom'), primary: true, render: (r) => r.validFrom },
    { key: 'scope', header: t('sales.ruleFor'), render: (r) => r.activityName ?? t('sales.wholeUpt') },
    { key: 'base', header: t('sales.base'), render: (r) => tDynamic(`sales.bases.${r.base}`, r.base) },
    { key: 'shares', header: t('sales.shares'), render: (r) => `${t('sales.parts.premi')} ${percentOfBp(r.premiBp, lang)} · PNBP ${percentOfBp(r.pnbpBp, lang)} · ${t('sales.parts.working_capital')} ${percentOfBp(r.workingCapitalBp, lang)} · ${t('sales.parts.programme')} ${percentOfBp(r.programmeBp, lang)}` },
    { key: 'weight', header: t('sales.premiWeight'), render: (r) => tDynamic(`sales.weights.${r.premiWeight}`, r.premiWeight) },
    { key: 'basis', header: t('sales.legalBasis'), render: (r) => r.legalBasis },
  ];
  const splitCols: Column<Split>[] = [
    { key: 'month', header: t('sales.month'), primary: true, render: (s) => s.month },
    { key: 'for', header: t('sales.ruleFor'), render: (s) => s.activityName ?? t('sales.wholeUpt') },
    { key: 'base', header: t('sales.baseAmount'), numeric: true, render: (s) => formatRupiah(s.baseRupiah) },
    { key: 'premi', header: t('sales.parts.premi'), numeric: true, render: (s) => formatRupiah(s.premiRupiah) },
    { key: 'pnbp', header: 'PNBP', numeric: true, render: (s) => formatRupiah(s.pnbpRupiah) },
    { key: 'wc', header: t('sales.parts.working_capital'), numeric: true, render: (s) => formatRupiah(s.workingCapitalRupiah) },
    { key: 'prog', header: t('sales.parts.programme'), numeric: true, render: (s) => formatRupiah(s.programmeRupiah) },
    { key: 'workers', header: t('sales.workers'), numeric: true, render: (s) => formatNumber(s.workers) },
    { key: 'state', header: t('sales.status'), render: (s) => (s.reverses ? <Badge color="gray">{t('sales.reversal')}</Badge> : s.reversedBy ? <Badge color="red" variant="light">{t('sales.reversed')}</Badge> : canWrite ? <ReverseSplit id={s.id} /> : null) },
  ];
  return (
    <div className="page">
      <PageHeader title={t('sales.splitTitle')} intro={t('sales.splitIntro')} crumbs={[{ to: '/penjualan', label: t('nav.sales') }]} />
      <Section title={t('sales.rules')}>
        {rules.isPending ? <Loading /> : rules.error ? <ErrorState error={rules.error} /> : rules.data.length === 0 ? <EmptyState>{t('sales.noRules')}</EmptyState> : (
          <DataTable caption={t('sales.rules')} columns={ruleCols} rows={rules.data} rowKey={(r) => r.id} />
        )}
        {canWrite && <RuleForm />}
      </Section>
      {canWrite && <ApplySplit today={meta.today} />}
      <Section title={t('sales.splitHistory')}>
        {splits.isPending ? <Loading /> : splits.error ? <ErrorState error={splits.error} /> : splits.data.length === 0 ? <EmptyState>{t('sales.noSplits')}</EmptyState> : (
          <DataTable caption={t('sales.splitHistory')} columns={splitCols} rows={splits.data} rowKey={(s) => s.id} />
        )}
      </Section>
    </div>
  );
}

function invalidate(qc: ReturnType<typeof useQueryClient>) {
  for (const k of ['proceeds-rules', 'splits', 'split-preview', 'sales-summary', 'sales']) void qc.invalidateQueries({ queryKey: [k] });
}

function RuleForm() {
  const { t } = useT();
  const qc = useQueryClient();
  const form = useForm<{ validFrom: string; base: string; premi: number | string; pnbp: number | string; wc: number | string; programme: number | string; weight: string; legalBasis: string }>({
    validFrom: '', base: 'revenue', premi: 35, pnbp: 50, wc: 0, programme: 15, weight: 'attendance', legalBasis: '',
  });
  const v = form.values;
  // Percent with up to two decimals in the form, basis points in the API: 35,5% = 3550 bp.
  const bp = (x: number | string) => { const n = numberOrNull(String(x).replace(',', '.')); return typeof n === 'number' ? Math.round(n * 100) : n; };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ProceedsRuleInput, { validFrom: v.validFrom, base: v.base, premiBp: bp(v.premi), pnbpBp: bp(v.pnbp), workingCapitalBp: bp(v.wc), programmeBp: bp(v.programme), premiWeight: v.weight, legalBasis: v.legalBasis });
    if (!input) return;
    const out = await form.run(() => post('/sales/proceeds-rules', input));
    if (out) invalidate(qc);
  }
  return (
    <Paper withBorder p="md" mt="md" maw={960}>
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={t('sales.newRule')}>
        <Stack gap="sm">
          <Title order={3} size="h5">{t('sales.newRule')}</Title>
          <FormAlert problem={form.problem} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DateField label={t('sales.validFrom')} value={v.validFrom} onChange={(x) => form.set('validFrom', x)} error={form.errors.validFrom} />
            <NativeSelect label={t('sales.base')} value={v.base} onChange={(e) => form.set('base', e.currentTarget.value)} data={['revenue', 'profit'].map((b) => ({ value: b, label: tDynamic(`sales.bases.${b}`, b) }))} />
            <NativeSelect label={t('sales.premiWeight')} value={v.weight} onChange={(e) => form.set('weight', e.currentTarget.value)} data={['attendance', 'output'].map((w) => ({ value: w, label: tDynamic(`sales.weights.${w}`, w) }))} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <TextInput label={`${t('sales.parts.premi')} (%)`} value={String(v.premi)} onChange={(e) => form.set('premi', e.currentTarget.value)} error={form.errors.premiBp} />
            <TextInput label="PNBP (%)" value={String(v.pnbp)} onChange={(e) => form.set('pnbp', e.currentTarget.value)} error={form.errors.pnbpBp} />
            <TextInput label={`${t('sales.parts.working_capital')} (%)`} value={String(v.wc)} onChange={(e) => form.set('wc', e.currentTarget.value)} error={form.errors.workingCapitalBp} />
            <TextInput label={`${t('sales.parts.programme')} (%)`} value={String(v.programme)} onChange={(e) => form.set('programme', e.currentTarget.value)} error={form.errors.programmeBp} />
          </SimpleGrid>
          <TextInput label={t('sales.legalBasis')} value={v.legalBasis} onChange={(e) => form.set('legalBasis', e.currentTarget.value)} error={form.errors.legalBasis} />
          <Group><Button type="submit" loading={form.submitting}>{t('sales.saveRule')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ApplySplit({ today }: { today: string }) {
  const { t } = useT();
  const qc = useQueryClient();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [key, setKey] = useState(newClientKey);
  const [done, setDone] = useState<Split[] | null>(null);
  const preview = usePreview({ month }, /^\d{4}-\d{2}$/.test(month));
  const form = useForm<Record<string, unknown>>({});
  async function apply() {
    const out = await form.run(() => post<{ items: Split[] }>('/sales/splits', { month, idempotencyKey: key }));
    if (!out) return;
    setDone(out.items);
    setKey(newClientKey());
    invalidate(qc);
  }
  const groups = preview.data?.groups ?? [];
  return (
    <Section title={t('sales.applyTitle')}>
      <Paper withBorder p="md" maw={960}>
        <form ref={form.formRef} onSubmit={(e) => { e.preventDefault(); void apply(); }} aria-label={t('sales.applyTitle')}>
          <Stack gap="sm">
            <FormAlert problem={form.problem} />
            {done && <Alert color="green" role="status">{t('sales.applied', { n: done.length })}</Alert>}
            <TextInput maw={200} label={t('sales.month')} description="YYYY-MM" value={month} onChange={(e) => { setMonth(e.currentTarget.value); setDone(null); }} error={form.errors.month} />
            {preview.isFetching ? <Loading /> : preview.error ? <ErrorState error={preview.error} /> : groups.length === 0 ? (
              <Text c="dimmed">{preview.data && preview.data.unruled > 0 ? t('sales.previewNoRule', { n: preview.data.unruled }) : t('sales.previewNothing')}</Text>
            ) : groups.map((g) => (
              <Paper key={g.ruleId} withBorder p="sm">
                <Text fw={600}>{g.activityName ?? t('sales.wholeUpt')} · {t('sales.lines', { n: g.lines })}</Text>
                <Text size="sm" data-testid="split-preview">
                  {t('sales.baseAmount')} {formatRupiah(g.baseRupiah)} → {t('sales.parts.premi')} {formatRupiah(g.premiRupiah)} · PNBP {formatRupiah(g.pnbpRupiah)} · {t('sales.parts.working_capital')} {formatRupiah(g.workingCapitalRupiah)} · {t('sales.parts.programme')} {formatRupiah(g.programmeRupiah)}
                </Text>
                <Text size="sm" c="dimmed">{t('sales.previewWorkers', { n: g.workers.filter((w) => w.amountRupiah > 0).length })}</Text>
                {g.loss && <Text size="sm" c="orange">{t('sales.loss')}</Text>}
              </Paper>
            ))}
            <Group><Button type="submit" loading={form.submitting} disabled={groups.length === 0}>{t('sales.apply')}</Button></Group>
          </Stack>
        </form>
      </Paper>
    </Section>
  );
}

function ReverseSplit({ id }: { id: number }) {
  const { t } = useT();
  const qc = useQueryClient();
  return <ReverseButton path={`/sales/splits/${id}/reverse`} label={t('sales.reverseSplit')} errorField="splitId" onDone={() => invalidate(qc)} />;
}
