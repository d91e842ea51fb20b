import { Alert, Anchor, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { CompetencyTestInput, CompleteAllInput, EnrolInput, PARTICIPANT_STATUSES, ParticipantUpdateInput, PROGRAMME_STATUSES, ProgrammeUpdateInput, TEST_RESULTS } from '../../../shared/schemas/training.ts';
import { buildUrl, patch, post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { DateField, IntField } from '../../forms/fields.tsx';
import { numberOrNull, useForm } from '../../forms/form.ts';
import { formatDate, formatNumber, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { trainingKeys, useProgramme, type EnrolReport, type ProgrammeDetail } from './api.ts';
import { FileSection } from './FileUpload.tsx';
import { ParticipantStatus, ProgrammeStatus, ResultBadge } from './StatusBadge.tsx';

type Participant = ProgrammeDetail['participants'][number];

export default function ProgrammeDetailPage() {
  const { t, lang } = useT();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const prog = useProgramme(id);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const crumbs = [{ to: '/pelatihan', label: t('training.title') }];
  if (prog.isPending || !meta) return <Loading />;
  if (prog.error) {
    return (
      <div className="page">
        <PageHeader title={t('training.title')} crumbs={crumbs} />
        <ErrorState error={prog.error} onRetry={() => void prog.refetch()} />
      </div>
    );
  }
  const p = prog.data;
  const canWrite = hasPermission(me, 'training.write');
  const store = (next: ProgrammeDetail, message?: string) => {
    qc.setQueryData(trainingKeys.programme(id), next);
    void qc.invalidateQueries({ queryKey: ['training-programmes'] });
    void qc.invalidateQueries({ queryKey: ['training-realisation'] });
    if (message) setNotice(message);
  };
  const open = p.status !== 'completed' && p.status !== 'cancelled';
  const columns: Column<Participant>[] = [
    { key: 'name', header: t('work.cols.name'), primary: true, render: (x) => x.name ?? `#${x.wbpId}` },
    { key: 'reg', header: t('work.cols.noRegister'), render: (x) => x.noRegister ?? '—' },
    { key: 'status', header: t('training.fields.status'), render: (x) => <ParticipantStatus status={x.status} /> },
    { key: 'hours', header: t('training.fields.lessonHours'), numeric: true, render: (x) => formatNumber(x.attendedHours) },
    {
      key: 'test', header: t('training.result'),
      render: (x) =>
        x.test ? (
          <Group gap={6}>
            <ResultBadge result={x.test.result} />
            {x.test.certificateNumber && (
              <>
                <Text span size="sm">{x.test.certificateNumber}</Text>
                <Anchor href={buildUrl(`/training/certificates/${x.test.id}/pdf`)} target="_blank" rel="noreferrer" size="sm">
                  {t('training.certificatePdf')}
                </Anchor>
              </>
            )}
          </Group>
        ) : '—',
    },
    ...(canWrite
      ? [{
          key: 'edit', header: t('work.cols.actions'),
          render: (x: Participant) => (
            <Button size="xs" variant="default" aria-expanded={editing === x.id} aria-label={`${t('training.edit')} ${x.name ?? `#${x.wbpId}`}`} onClick={() => setEditing(editing === x.id ? null : x.id)}>
              {t('training.edit')}
            </Button>
          ),
        }]
      : []),
  ];
  const edited = p.participants.find((x) => x.id === editing);

  return (
    <div className="page">
      <PageHeader
        title={p.name}
        crumbs={crumbs}
        intro={
          <Group gap={6} component="span">
            <ProgrammeStatus status={p.status} />
            <span>{t('training.detailIntro', { upt: p.uptName, from: formatDate(p.startDate, lang), to: formatDate(p.endDate, lang) })}</span>
            <SourceBadge source={p.source} />
          </Group>
        }
      />
      {notice && (
        <Alert color="green" role="status" mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" style={{ margin: 0 }}>
          {[
            [t('training.fields.skill'), p.skill],
            [t('training.fields.scheme'), p.scheme ?? '—'],
            [t('training.fields.providerKind'), `${t(`training.providerKinds.${p.providerKind}`)} · ${p.providerName}`],
            [t('training.fields.lessonHours'), formatNumber(p.lessonHours)],
            [t('training.fields.participants'), `${formatNumber(p.enrolled)} / ${formatNumber(p.capacity)}`],
            [t('training.fields.costRupiah'), `${formatRupiah(p.costRupiah)} · ${t(`training.fundedByOptions.${p.fundedBy}`)}`],
          ].map(([k, v]) => (
            <div key={k}>
              <Text component="dt" size="sm" c="dimmed">{k}</Text>
              <Text component="dd" m={0} fw={600}>{v}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      {canWrite && <StatusForm key={p.version} programme={p} onSaved={(next) => store(next, t('training.statusSaved'))} />}
      <Stack gap="lg">
        {canWrite && open && <EnrolForm programmeId={id} onDone={() => void prog.refetch().then((r) => r.data && store(r.data))} />}
        <Section title={t('training.participantsTitle')} id="training-participants">
          {p.participants.length === 0 ? (
            <EmptyState>{t('training.noParticipants')}</EmptyState>
          ) : (
            <DataTable caption={t('training.participantsTitle')} columns={columns} rows={p.participants} rowKey={(x) => x.id} />
          )}
          {edited && (
            <ParticipantForm
              key={`${edited.id}:${edited.version}`}
              participant={edited}
              today={meta.today}
              onSaved={(next) => {
                setEditing(null);
                store(next, t('training.participantSaved'));
              }}
            />
          )}
        </Section>
        {canWrite && p.participants.some((x) => x.status === 'enrolled') && (
          <CompleteForm programme={p} today={meta.today} onSaved={(next) => store(next, t('training.completedNotice'))} />
        )}
        {canWrite && p.participants.some((x) => x.status === 'completed') && <TestForm programme={p} today={meta.today} onSaved={(next) => store(next, t('training.testSaved'))} />}
        <Section title={t('training.filesTitle')} id="training-files">
          <FileSection
            files={p.files}
            uploadPath={`/training/programmes/${id}/files`}
            downloadPath={(f) => `/training/files/${f}`}
            canWrite={canWrite}
            label={t('training.filesTitle')}
            onUploaded={() => void prog.refetch()}
          />
        </Section>
      </Stack>
    </div>
  );
}

function StatusForm({ programme, onSaved }: { programme: ProgrammeDetail; onSaved: (p: ProgrammeDetail) => void }) {
  const { t } = useT();
  const form = useForm({ status: programme.status as string });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ProgrammeUpdateInput, { version: programme.version, status: form.values.status });
    if (!input) return;
    const next = await form.run(() => patch<ProgrammeDetail>(`/training/programmes/${programme.id}`, input));
    if (next) onSaved(next);
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('training.changeStatus')}>
      <Group align="flex-end" gap="sm" mb="md">
        <NativeSelect
          label={t('training.fields.status')} value={form.values.status} onChange={(e) => form.set('status', e.currentTarget.value)} error={form.errors.status}
          data={PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(`training.statuses.${s}`) }))} w={200}
        />
        <Button type="submit" variant="default" loading={form.submitting} disabled={form.values.status === programme.status}>{t('training.changeStatus')}</Button>
      </Group>
      <FormAlert problem={form.problem} />
    </form>
  );
}

function ParticipantForm({ participant, today, onSaved }: { participant: Participant; today: string; onSaved: (p: ProgrammeDetail) => void }) {
  const { t } = useT();
  const form = useForm({
    attendedHours: participant.attendedHours as number | string, status: participant.status as string,
    completedOn: participant.completedOn ?? today, dropReason: participant.dropReason ?? '',
  });
  const v = form.values;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ParticipantUpdateInput, {
      version: participant.version, attendedHours: numberOrNull(v.attendedHours) ?? 0, status: v.status,
      ...(v.status === 'completed' ? { completedOn: v.completedOn } : {}), ...(v.status === 'dropped' ? { dropReason: v.dropReason } : {}),
    });
    if (!input) return;
    const next = await form.run(() => patch<ProgrammeDetail>(`/training/participants/${participant.id}`, input));
    if (next) onSaved(next);
  }
  const title = t('training.editParticipant', { name: participant.name ?? `#${participant.wbpId}` });
  return (
    <Paper withBorder p="md" mt="sm">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={title}>
        <Stack gap="sm">
          <Text fw={600}>{title}</Text>
          <FormAlert problem={form.problem} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <IntField label={t('training.attendedHours')} value={v.attendedHours} onChange={(x) => form.set('attendedHours', x)} error={form.errors.attendedHours} />
            <NativeSelect
              label={t('training.fields.status')} value={v.status} onChange={(e) => form.set('status', e.currentTarget.value)} error={form.errors.status}
              data={PARTICIPANT_STATUSES.map((s) => ({ value: s, label: t(`training.participantStatuses.${s}`) }))}
            />
            {v.status === 'completed' && <DateField label={t('training.completedOn')} value={v.completedOn} onChange={(x) => form.set('completedOn', x)} error={form.errors.completedOn} required />}
            {v.status === 'dropped' && <TextInput label={t('training.dropReason')} value={v.dropReason} onChange={(e) => form.set('dropReason', e.currentTarget.value)} error={form.errors.dropReason} required />}
          </SimpleGrid>
          <Group><Button type="submit" loading={form.submitting}>{t('common.save')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EnrolForm({ programmeId, onDone }: { programmeId: number; onDone: () => void }) {
  const { t } = useT();
  const form = useForm({ noRegisters: '' });
  const [report, setReport] = useState<EnrolReport | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(EnrolInput, form.values);
    if (!input) return;
    const r = await form.run(() => post<EnrolReport>(`/training/programmes/${programmeId}/participants`, input));
    if (!r) return;
    setReport(r);
    if (r.enrolled.length) form.reset({ noRegisters: '' });
    onDone();
  }
  return (
    <Section title={t('training.enrolTitle')} id="training-enrol">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('training.enrolTitle')}>
        <Stack gap="sm" maw={640}>
          <FormAlert problem={form.problem} />
          <Textarea
            label={t('training.enrolList')} description={t('training.enrolHelp')} autosize minRows={3} maxRows={10}
            value={form.values.noRegisters} onChange={(e) => form.set('noRegisters', e.currentTarget.value)} error={form.errors.noRegisters}
          />
          <Group><Button type="submit" loading={form.submitting}>{t('training.enrolSubmit')}</Button></Group>
          {report && (
            <Stack gap={4} role="status" data-testid="enrol-report">
              <Text fw={600}>{t('training.enrolled', { count: report.enrolled.length })}</Text>
              {report.notFound.length > 0 && <Text c="red">{t('training.notFound', { list: report.notFound.join(', ') })}</Text>}
              {report.notEligible.length > 0 && (
                <>
                  <Text fw={600}>{t('training.notEligible')}</Text>
                  <List size="sm">
                    {report.notEligible.map((x) => (
                      <List.Item key={x.noRegister}>{x.noRegister} — {x.name}: {x.reasons.join(' ')}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          )}
        </Stack>
      </form>
    </Section>
  );
}

function CompleteForm({ programme, today, onSaved }: { programme: ProgrammeDetail; today: string; onSaved: (p: ProgrammeDetail) => void }) {
  const { t } = useT();
  const form = useForm({ completedOn: programme.endDate < today ? programme.endDate : today });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(CompleteAllInput, form.values);
    if (!input) return;
    const next = await form.run(() => post<ProgrammeDetail>(`/training/programmes/${programme.id}/complete`, input));
    if (next) onSaved(next);
  }
  return (
    <Section title={t('training.completeTitle')} id="training-complete">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('training.completeTitle')}>
        <Stack gap="sm" maw={640}>
          <Text size="sm">{t('training.completeHelp')}</Text>
          <FormAlert problem={form.problem} />
          <DateField label={t('training.completedOn')} value={form.values.completedOn} onChange={(v) => form.set('completedOn', v)} error={form.errors.completedOn} required />
          <Group><Button type="submit" loading={form.submitting}>{t('training.completeSubmit')}</Button></Group>
        </Stack>
      </form>
    </Section>
  );
}

function TestForm({ programme, today, onSaved }: { programme: ProgrammeDetail; today: string; onSaved: (p: ProgrammeDetail) => void }) {
  const { t } = useT();
  const waiting = programme.participants.filter((x) => x.status === 'completed' && x.test?.result !== 'kompeten');
  const form = useForm({ participantId: String(waiting[0]?.id ?? ''), testDate: today, result: 'kompeten', scheme: programme.scheme ?? '', lspName: '', certificateNumber: '' });
  const v = form.values;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(CompetencyTestInput, {
      testDate: v.testDate, result: v.result, scheme: v.scheme, lspName: v.lspName, ...(v.result === 'kompeten' ? { certificateNumber: v.certificateNumber } : {}),
    });
    if (!input) return;
    const next = await form.run(() => post<ProgrammeDetail>(`/training/participants/${v.participantId}/tests`, input));
    if (!next) return;
    const left = next.participants.filter((x) => x.status === 'completed' && x.test?.result !== 'kompeten');
    form.reset({ ...v, participantId: String(left[0]?.id ?? ''), certificateNumber: '' });
    onSaved(next);
  }
  return (
    <Section title={t('training.testTitle')} id="training-test">
      {waiting.length === 0 ? (
        <EmptyState>{t('training.noOneToTest')}</EmptyState>
      ) : (
        <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('training.testTitle')}>
          <Stack gap="sm" maw={760}>
            <Text size="sm">{t('training.testHelp')}</Text>
            <FormAlert problem={form.problem} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('training.testParticipant')} value={v.participantId} onChange={(e) => form.set('participantId', e.currentTarget.value)}
                data={waiting.map((x) => ({ value: String(x.id), label: `${x.noRegister ?? `#${x.wbpId}`} — ${x.name ?? ''}` }))}
              />
              <DateField label={t('training.testDate')} value={v.testDate} onChange={(x) => form.set('testDate', x)} error={form.errors.testDate} required />
              <NativeSelect
                label={t('training.result')} value={v.result} onChange={(e) => form.set('result', e.currentTarget.value)} error={form.errors.result}
                data={TEST_RESULTS.map((r) => ({ value: r, label: t(`training.results.${r}`) }))}
              />
              <TextInput label={t('training.fields.scheme')} value={v.scheme} onChange={(e) => form.set('scheme', e.currentTarget.value)} error={form.errors.scheme} required />
              <TextInput label={t('training.lspName')} value={v.lspName} onChange={(e) => form.set('lspName', e.currentTarget.value)} error={form.errors.lspName} required />
              {v.result === 'kompeten' && (
                <TextInput label={t('training.certificateNumber')} value={v.certificateNumber} onChange={(e) => form.set('certificateNumber', e.currentTarget.value)} error={form.errors.certificateNumber} required />
              )}
            </SimpleGrid>
            <Group><Button type="submit" loading={form.submitting}>{t('training.testSubmit')}</Button></Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
