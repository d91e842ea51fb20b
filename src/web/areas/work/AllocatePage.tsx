import { Anchor, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { BulkAllocationInput, type BulkAllocationReport } from '../../../shared/schemas/work.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { Tiles } from '../../components/Tiles.tsx';
import { DateField } from '../../forms/fields.tsx';
import { useForm } from '../../forms/form.ts';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useActivity, workKeys } from './api.ts';
import { registerList } from './units.ts';

type Placed = BulkAllocationReport['allocated'][number];
type Refused = BulkAllocationReport['notEligible'][number];

function Group4({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  const { t } = useT();
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id} style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
      <Title order={2} size="h4" id={`${id}-title`} mb="xs">
        {title} ({formatNumber(count)})
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('work.allocate.noneInGroup')}
        </Text>
      ) : (
        children
      )}
    </section>
  );
}

function Result({ report, checked, activityId, activityName, today, onAgain }: { report: BulkAllocationReport; checked: number; activityId: number; activityName: string; today: string; onAgain: () => void }) {
  const { t } = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const placedColumns: Column<Placed>[] = [
    {
      key: 'name',
      header: t('work.cols.name'),
      primary: true,
      render: (p) => (
        <Anchor component={Link} to={`/wbp/${p.wbpId}`}>
          {p.name}
        </Anchor>
      ),
    },
    { key: 'noRegister', header: t('work.cols.noRegister'), render: (p) => p.noRegister },
  ];
  const refusedColumns: Column<Refused>[] = [
    { key: 'name', header: t('work.cols.name'), primary: true, render: (p) => p.name },
    { key: 'noRegister', header: t('work.cols.noRegister'), render: (p) => p.noRegister },
    {
      key: 'reasons',
      header: t('work.allocate.reasons'),
      render: (p) => (
        <List size="sm" spacing={0}>
          {p.reasons.map((r, i) => (
            <List.Item key={i}>{r}</List.Item>
          ))}
        </List>
      ),
    },
  ];
  return (
    <div data-testid="allocation-result">
      <Title order={2} size="h3" mb="xs" tabIndex={-1} ref={headingRef}>
        {t('work.allocate.resultTitle')}
      </Title>
      <Text mb="md">{t('work.allocate.resultIntro', { n: formatNumber(checked), name: activityName })}</Text>
      <Tiles
        tiles={[
          { label: t('work.allocate.allocated'), value: report.allocated.length, color: 'green' },
          { label: t('work.allocate.waitlisted'), value: report.waitlisted.length, color: 'yellow' },
          { label: t('work.allocate.notFound'), value: report.notFound.length, color: 'red' },
          { label: t('work.allocate.notEligible'), value: report.notEligible.length, color: 'orange' },
        ]}
      />
      <Group4 id="alloc-allocated" title={t('work.allocate.allocated')} count={report.allocated.length}>
        <DataTable caption={t('work.allocate.allocated')} columns={placedColumns} rows={report.allocated} rowKey={(p) => p.wbpId} />
      </Group4>
      <Group4 id="alloc-waitlisted" title={t('work.allocate.waitlisted')} count={report.waitlisted.length}>
        <DataTable caption={t('work.allocate.waitlisted')} columns={placedColumns} rows={report.waitlisted} rowKey={(p) => p.wbpId} />
      </Group4>
      <Group4 id="alloc-not-found" title={t('work.allocate.notFound')} count={report.notFound.length}>
        <Text size="sm" c="dimmed" mb={4}>
          {t('work.allocate.notFoundHelp')}
        </Text>
        <List size="sm">
          {report.notFound.map((n) => (
            <List.Item key={n}>
              <code>{n}</code>
            </List.Item>
          ))}
        </List>
      </Group4>
      <Group4 id="alloc-not-eligible" title={t('work.allocate.notEligible')} count={report.notEligible.length}>
        <DataTable caption={t('work.allocate.notEligible')} columns={refusedColumns} rows={report.notEligible} rowKey={(p) => p.noRegister} />
      </Group4>
      <Group mt="lg">
        {report.allocated.length > 0 && (
          <Button component={Link} to={`/kerja/kegiatan/${activityId}/absensi?tanggal=${today}`}>
            {t('work.allocate.toAttendance')}
          </Button>
        )}
        <Button component={Link} to={`/kerja/kegiatan/${activityId}`} variant="default">
          {t('work.allocate.toActivity')}
        </Button>
        <Button variant="subtle" onClick={onAgain}>
          {t('work.allocate.again')}
        </Button>
      </Group>
    </div>
  );
}

/** "Tempatkan dari daftar": register numbers pasted from Excel, checked and placed together. */
export default function AllocatePage() {
  const { data: meta } = useMeta();
  return meta ? <AllocateForm today={meta.today} /> : <Loading />;
}

function AllocateForm({ today }: { today: string }) {
  const { t } = useT();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const activity = useActivity(id);
  const form = useForm({ noRegisters: '', startDate: today });
  const [result, setResult] = useState<{ report: BulkAllocationReport; checked: number } | null>(null);
  const numbers = registerList(form.values.noRegisters);
  const crumbs = [
    { to: '/kerja/kegiatan', label: t('nav.activities') },
    ...(activity.data ? [{ to: `/kerja/kegiatan/${id}`, label: activity.data.name }] : []),
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(BulkAllocationInput, { noRegisters: form.values.noRegisters, startDate: form.values.startDate });
    if (!input) return;
    const report = await form.run(() => post<BulkAllocationReport>(`/work/activities/${id}/allocations`, input));
    if (!report) return;
    setResult({ report, checked: numbers.length });
    void qc.invalidateQueries({ queryKey: ['work-allocations', id] });
    void qc.invalidateQueries({ queryKey: workKeys.activity(id) });
    void qc.invalidateQueries({ queryKey: ['work-dashboard'] });
  }

  if (activity.isPending) return <Loading />;
  if (activity.error) {
    return (
      <div className="page">
        <PageHeader title={t('work.allocate.title')} crumbs={crumbs} />
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
      </div>
    );
  }
  return (
    <div className="page">
      <PageHeader title={`${t('work.allocate.title')} — ${activity.data.name}`} intro={result ? undefined : t('work.allocate.intro')} crumbs={crumbs} />
      {result ? (
        <Result
          report={result.report}
          checked={result.checked}
          activityId={id}
          activityName={activity.data.name}
          today={today}
          onAgain={() => {
            setResult(null);
            form.reset({ noRegisters: '', startDate: today });
          }}
        />
      ) : (
        <Paper withBorder p="md" maw={760}>
          <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('work.allocate.title')}>
            <Stack gap="sm">
              <FormAlert problem={form.problem} />
              <Textarea
                label={t('work.allocate.numbers')}
                required
                autosize
                minRows={10}
                maxRows={24}
                spellCheck={false}
                autoCapitalize="characters"
                styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } }}
                description={t('work.allocate.numbersHelp', { n: formatNumber(numbers.length) })}
                value={form.values.noRegisters}
                onChange={(e) => form.set('noRegisters', e.currentTarget.value)}
                error={form.errors.noRegisters}
              />
              <DateField label={t('work.allocate.startDate')} required value={form.values.startDate} onChange={(v) => form.set('startDate', v)} error={form.errors.startDate} />
              <Group>
                <Button type="submit" loading={form.submitting}>
                  {t('work.allocate.submit')}
                </Button>
                <Button component={Link} to={`/kerja/kegiatan/${id}`} variant="subtle">
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </div>
  );
}
