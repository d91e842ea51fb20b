import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { ReportReturnInput, ReportUpdateInput } from '../../../shared/schemas/indicators.ts';
import { patch, post } from '../../api/client.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { ErrorState, Loading, Section } from '../../components/States.tsx';
import { useForm } from '../../forms/form.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { cockpitKeys } from '../cockpit/api.ts';
import { LightBadge, ManualBadge, RefreshedAt } from '../cockpit/parts.tsx';
import { displayValue, formatAttainment, monthLabel } from '../cockpit/units.ts';
import { reportFileUrl, reportKeys, useReport, type Report, type ReportLine } from './api.ts';
import { StatusBadge } from './ReportsPage.tsx';

function CommentaryForm({ report, onSaved }: { report: Report; onSaved: () => void }) {
  const { t } = useT();
  const form = useForm({ ...report.commentary });
  const [saved, setSaved] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ReportUpdateInput, { version: report.version, commentary: form.values });
    if (!input) return;
    if (await form.run(() => patch(`/reports/${report.id}`, input))) {
      setSaved(true);
      onSaved();
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('reports.commentary')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} onReload={onSaved} />
        <Textarea label={t('reports.summary')} value={form.values.summary} onChange={(e) => form.set('summary', e.currentTarget.value)} error={form.errors['commentary.summary']} autosize minRows={2} />
        <Textarea label={t('reports.obstacles')} value={form.values.obstacles} onChange={(e) => form.set('obstacles', e.currentTarget.value)} error={form.errors['commentary.obstacles']} autosize minRows={2} />
        <Textarea label={t('reports.plans')} value={form.values.plans} onChange={(e) => form.set('plans', e.currentTarget.value)} error={form.errors['commentary.plans']} autosize minRows={2} />
        <Group>
          <Button type="submit" variant="default" loading={form.submitting}>{t('reports.saveCommentary')}</Button>
          {saved && <Text role="status" size="sm" c="green">{t('reports.saved')}</Text>}
        </Group>
      </Stack>
    </form>
  );
}

function Actions({ report, onDone }: { report: Report; onDone: () => void }) {
  const { t } = useT();
  const { data: me } = useMe();
  const form = useForm({ reason: '' });
  const step = async (name: 'submit' | 'verify' | 'receive') => {
    if (await form.run(() => post(`/reports/${report.id}/${name}`, { version: report.version }))) onDone();
  };
  async function giveBack(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ReportReturnInput, { version: report.version, reason: form.values.reason });
    if (!input) return;
    if (await form.run(() => post(`/reports/${report.id}/return`, input))) onDone();
  }
  const canSubmit = hasPermission(me, 'report.submit') && (report.status === 'draft' || report.status === 'returned');
  const canVerify = hasPermission(me, 'report.verify') && (report.status === 'submitted' || report.status === 'verified');
  const canReceive = hasPermission(me, 'report.receive') && report.status === 'verified';
  if (!canSubmit && !canVerify && !canReceive) return null;
  return (
    <Paper withBorder p="md" mb="md">
      <Stack gap="sm">
        <FormAlert problem={form.problem} onReload={onDone} />
        <Group>
          {canSubmit && <Button onClick={() => void step('submit')} loading={form.submitting}>{t('reports.submit')}</Button>}
          {canVerify && report.status === 'submitted' && <Button onClick={() => void step('verify')} loading={form.submitting}>{t('reports.verify')}</Button>}
          {canReceive && <Button onClick={() => void step('receive')} loading={form.submitting}>{t('reports.receive')}</Button>}
        </Group>
        {canVerify && (
          <form onSubmit={(e) => void giveBack(e)} ref={form.formRef} noValidate aria-label={t('reports.return')}>
            <Group align="flex-end">
              <TextInput label={t('reports.returnReason')} value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} miw={320} />
              <Button type="submit" variant="default" color="orange">{t('reports.return')}</Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/** One UPT's monthly report: figures (live or frozen), commentary, workflow steps and downloads. */
export default function ReportPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const r = useReport(id);
  const reload = () => {
    void qc.invalidateQueries({ queryKey: reportKeys.all });
    void qc.invalidateQueries({ queryKey: cockpitKeys.all });
  };
  if (r.isPending) return <Loading />;
  if (r.error) return <ErrorState error={r.error} onRetry={() => void r.refetch()} />;
  const rep = r.data;
  const columns: Column<ReportLine>[] = [
    { key: 'name', header: t('cockpit.cols.indicator'), primary: true, render: (l) => <>{l.code} · {l.name[lang]}<ManualBadge manual={l.manual} /></> },
    { key: 'month', header: t('reports.monthValue'), numeric: true, render: (l) => <span data-testid={`month-${l.code}`}>{displayValue(l.month, l)}</span> },
    { key: 'toDate', header: t('reports.toDate'), numeric: true, render: (l) => displayValue(l.toDate, l) },
    { key: 'target', header: t('cockpit.cols.target'), numeric: true, render: (l) => displayValue(l.target, l) },
    { key: 'att', header: t('cockpit.cols.attainment'), numeric: true, render: (l) => formatAttainment(l.attainmentBp) },
    { key: 'light', header: t('cockpit.cols.light'), render: (l) => <LightBadge light={l.light} /> },
  ];
  const editable = hasPermission(me, 'report.submit') && (rep.status === 'draft' || rep.status === 'returned');
  return (
    <div className="page">
      <PageHeader
        title={`${t('reports.title')} ${rep.uptName} — ${monthLabel(rep.month, lang)}`}
        crumbs={[{ label: t('reports.title'), to: `/laporan?bulan=${rep.month}` }, { label: rep.uptName, to: `/laporan/${rep.id}` }]}
        intro={<><StatusBadge status={rep.status} /> {t('reports.deadline', { date: formatDate(rep.deadline, lang) })} {rep.late && <Text span c="red" fw={600}>{t('reports.lateBadge')}</Text>}</>}
        actions={
          <>
            <Anchor href={reportFileUrl(rep.id, 'xlsx')} download data-testid="download-xlsx">{t('reports.download', { format: 'XLSX' })}</Anchor>
            <Anchor href={reportFileUrl(rep.id, 'pdf')} download data-testid="download-pdf">{t('reports.download', { format: 'PDF' })}</Anchor>
          </>
        }
      />
      {rep.status === 'returned' && rep.returnReason && <Alert color="orange" mb="md">{t('reports.returnedBecause', { reason: rep.returnReason })}</Alert>}
      <Actions report={rep} onDone={reload} />
      <Section title={t('reports.figures')} id="figures">
        <Text size="sm" mb="xs">{rep.figuresFrozen ? t('reports.frozen') : t('reports.live')}</Text>
        <RefreshedAt at={rep.figures.refreshedAt} />
        {rep.freshness.writesAfterRefresh > 0 && (
          <Alert color="yellow" mb="xs" data-testid="report-stale">
            {t(rep.figuresFrozen ? 'reports.writesBeforeSubmit' : 'reports.writesAfterRefresh', { n: rep.freshness.writesAfterRefresh })}
          </Alert>
        )}
        {rep.freshness.changedSinceSubmission.length > 0 && (
          <Alert color="orange" mb="xs" data-testid="report-changed">
            {t('reports.changedSince', { lines: rep.freshness.changedSinceSubmission.map((l) => `${l.code} ${lang === 'en' ? l.name.en : l.name.id}`).join('; ') })}
          </Alert>
        )}
        <DataTable caption={t('reports.figures')} columns={columns} rows={rep.figures.lines} rowKey={(l) => l.code} />
      </Section>
      <Section title={t('reports.commentary')} id="commentary">
        {editable ? <CommentaryForm report={rep} onSaved={reload} /> : (
          <Stack gap="xs">
            <Text size="sm"><b>{t('reports.summary')}:</b> {rep.commentary.summary || '–'}</Text>
            <Text size="sm"><b>{t('reports.obstacles')}:</b> {rep.commentary.obstacles || '–'}</Text>
            <Text size="sm"><b>{t('reports.plans')}:</b> {rep.commentary.plans || '–'}</Text>
          </Stack>
        )}
      </Section>
      <Section title={t('reports.history')} id="history">
        <Stack gap={4} component="ol">
          {rep.history.map((h) => <Text key={h.step + h.at} component="li" size="sm">{t(`reports.steps.${h.step as 'draft'}`)} — {h.by ?? 'sistem'} — {formatDateTime(h.at, lang)}</Text>)}
        </Stack>
      </Section>
    </div>
  );
}
