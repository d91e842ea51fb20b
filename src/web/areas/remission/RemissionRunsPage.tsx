import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { RemissionRunCreateInput, RUN_KINDS, RUN_STATUSES, type RemissionRun } from '../../../shared/schemas/remission.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { UptPicker, type UptChoice } from '../../components/UptPicker.tsx';
import { useForm } from '../../forms/form.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { rkOccasions, useHolidays } from '../holidays/api.ts';
import { remissionKeys, useRuns, type RunWithItems } from './api.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';

/** Compute a run: the kind, then the occasion (17 August, or a religious holiday of the chosen year). */
function CreateRun({ today }: { today: string }) {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const thisYear = Number(today.slice(0, 4));
  const form = useForm({ kind: 'umum', year: String(thisYear), occasionDate: '' });
  const [upt, setUpt] = useState<UptChoice>({ kanwilId: '', uptId: '' });
  const v = form.values;
  const holidays = useHolidays(Number(v.year));
  const occasions = rkOccasions(holidays.data ?? []);
  const khusus = v.kind === 'khusus';
  const occasionDate = khusus ? v.occasionDate || occasions[0]?.date || '' : `${v.year}-08-17`;
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map(String);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(RemissionRunCreateInput, {
      kind: v.kind,
      occasionDate,
      ...(me?.scope.level !== 'upt' ? { uptId: upt.uptId ? Number(upt.uptId) : undefined } : {}),
    });
    if (!input) return;
    const run = await form.run(() => post<RunWithItems>('/remission-runs', input));
    if (!run) return;
    qc.setQueryData(remissionKeys.one(run.id), run);
    void qc.invalidateQueries({ queryKey: ['remission-runs'] });
    navigate(`/remisi/${run.id}`, { state: { notice: t('remission.created', { eligible: formatNumber(run.counts.eligible), total: formatNumber(run.counts.total) }) } });
  }

  return (
    <Paper withBorder p="md" maw={860}>
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('remission.createTitle')}>
        <Stack gap="sm">
          <FormAlert problem={form.problem} />
          <UptPicker value={upt} onChange={setUpt} error={form.errors.uptId} required />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t('remission.kind')}
              value={v.kind}
              onChange={(e) => {
                form.set('kind', e.currentTarget.value);
                form.set('occasionDate', '');
              }}
              error={form.errors.kind}
              data={RUN_KINDS.map((k) => ({ value: k, label: t(`remission.kinds.${k}`) }))}
            />
            <NativeSelect
              label={t('remission.year')}
              value={v.year}
              onChange={(e) => {
                form.set('year', e.currentTarget.value);
                form.set('occasionDate', '');
              }}
              data={years}
            />
            {khusus ? (
              <NativeSelect
                label={t('remission.occasion')}
                value={occasionDate}
                onChange={(e) => form.set('occasionDate', e.currentTarget.value)}
                error={form.errors.occasionDate ?? (holidays.data && occasions.length === 0 ? t('remission.noOccasions') : undefined)}
                data={occasions.map((o) => ({ value: o.date, label: `${formatDate(o.date, lang)} — ${o.name} (${t(`holidays.rk.${o.holiday}`)})` }))}
              />
            ) : (
              <TextInput label={t('remission.occasion')} value={formatDate(occasionDate, lang)} readOnly error={form.errors.occasionDate} />
            )}
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t(`remission.kindHelp.${v.kind as (typeof RUN_KINDS)[number]}`)}
          </Text>
          <Group>
            <Button type="submit" loading={form.submitting} disabled={khusus && !occasionDate}>
              {t('remission.compute')}
            </Button>
            {form.submitting && (
              <Text size="sm" role="status">
                {t('remission.computing')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function RemissionRunsPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const runs = useRuns({ status });
  const today = meta?.today ?? new Date().toISOString().slice(0, 10);
  const wide = me?.scope.level !== 'upt';
  const columns: Column<RemissionRun>[] = [
    {
      key: 'occasion',
      header: t('remission.cols.occasion'),
      primary: true,
      render: (r) => (
        <Anchor component={Link} to={`/remisi/${r.id}`}>
          {formatDate(r.occasionDate, lang)} — {r.occasionName}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('remission.cols.kind'), render: (r) => t(`remission.kinds.${r.kind}`) },
    ...(wide ? [{ key: 'upt', header: t('remission.cols.upt'), render: (r: RemissionRun) => r.uptName }] : []),
    { key: 'status', header: t('remission.cols.status'), render: (r) => <RunStatusBadge status={r.status} /> },
    { key: 'eligible', header: t('remission.cols.eligible'), numeric: true, render: (r) => `${formatNumber(r.counts.eligible)} / ${formatNumber(r.counts.total)}` },
    { key: 'released', header: t('remission.cols.releasedOnDay'), numeric: true, render: (r) => formatNumber(r.counts.releasedOnDay) },
    { key: 'decree', header: t('remission.cols.decree'), render: (r) => r.decreeNumber ?? t('common.none') },
  ];
  return (
    <div className="page">
      <PageHeader title={t('remission.title')} intro={t('remission.intro')} />
      {hasPermission(me, 'remission.propose') && (
        <Section title={t('remission.createTitle')} id="remission-create">
          <CreateRun today={today} />
        </Section>
      )}
      <Section title={t('remission.listTitle')} id="remission-list">
        <Group mb="sm">
          <NativeSelect
            label={t('remission.statusFilter')}
            value={status}
            onChange={(e) => setParams(e.currentTarget.value ? { status: e.currentTarget.value } : {}, { replace: true })}
            data={[{ value: '', label: t('common.all') }, ...RUN_STATUSES.map((s) => ({ value: s, label: t(`remission.statuses.${s}`) }))]}
            w={{ base: '100%', sm: 240 }}
          />
        </Group>
        {runs.isPending ? (
          <Loading />
        ) : runs.error ? (
          <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
        ) : runs.data.length === 0 ? (
          <EmptyState>{t('remission.empty')}</EmptyState>
        ) : (
          <DataTable caption={t('remission.listTitle')} columns={columns} rows={runs.data} rowKey={(r) => r.id} />
        )}
      </Section>
    </div>
  );
}
