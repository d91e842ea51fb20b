import { Alert, Anchor, Button, Group, List, Paper, Radio, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import { RemissionRunAction } from '../../../shared/schemas/remission.ts';
import { buildUrl, post } from '../../api/client.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { useSentenceText } from '../../components/sentence/text.ts';
import { Tiles } from '../../components/Tiles.tsx';
import { useForm } from '../../forms/form.ts';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { remissionKeys, useRun, type RunItem, type RunWithItems } from './api.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';

const PAGE_SIZE = 50;
type Step = 'propose' | 'verify' | 'approve';

/** One of the run's lists, paged on the client (a Lapas may list a thousand inmates). */
function ItemList({ items, eligible }: { items: RunItem[]; eligible: boolean }) {
  const s = useSentenceText();
  const { t } = s;
  const [page, setPage] = useState(1);
  if (items.length === 0) return <EmptyState>{t('remission.tabEmpty')}</EmptyState>;
  const rows = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((item, i) => ({ ...item, n: (page - 1) * PAGE_SIZE + i + 1 }));
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { key: 'no', header: t('remission.cols.no'), numeric: true, render: (r) => r.n },
    { key: 'noRegister', header: t('remission.cols.noRegister'), render: (r) => <span style={{ whiteSpace: 'nowrap' }}>{r.noRegister}</span> },
    {
      key: 'name',
      header: t('remission.cols.name'),
      primary: true,
      render: (r) => (
        <Anchor component={Link} to={`/wbp/${r.wbpId}`}>
          {r.name}
        </Anchor>
      ),
    },
    ...(eligible
      ? [
          { key: 'ordinal', header: t('remission.cols.ordinal'), numeric: true, render: (r: Row) => r.ordinal ?? t('common.none') },
          { key: 'days', header: t('remission.cols.days'), numeric: true, render: (r: Row) => s.days(r.days) },
          { key: 'before', header: t('remission.cols.expiryBefore'), render: (r: Row) => s.date(r.expiryBefore) },
          { key: 'after', header: t('remission.cols.expiryAfter'), render: (r: Row) => s.date(r.expiryAfter) },
        ]
      : [
          { key: 'before', header: t('remission.cols.expiryBefore'), render: (r: Row) => s.date(r.expiryBefore) },
          { key: 'reasons', header: t('remission.cols.reasons'), render: (r: Row) => r.reasons.map((x) => s.bi(x)).join(' · ') || t('common.none') },
        ]),
  ];
  return (
    <>
      <DataTable caption={t('remission.title')} columns={columns} rows={rows} rowKey={(r) => r.wbpId} />
      <Pager page={page} pageSize={PAGE_SIZE} total={items.length} onChange={setPage} />
    </>
  );
}

/** The step this user may take now: propose (UPT head), verify (Kanwil), approve with the decree (Pusat). */
function Decision({ run, step, onDone }: { run: RunWithItems; step: Step; onDone: (next: RunWithItems) => void }) {
  const { t, lang } = useT();
  const form = useForm({ decision: 'accept', decreeNumber: '', note: '' });
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const v = form.values;
  const canReject = step !== 'propose';

  function check(): ReturnType<typeof RemissionRunAction.parse> | undefined {
    const input = form.validate(RemissionRunAction, {
      version: run.version,
      decision: v.decision,
      ...(v.decreeNumber.trim() ? { decreeNumber: v.decreeNumber.trim() } : {}),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    });
    if (!input) return undefined;
    const missing: Record<string, string> = {};
    if (input.decision === 'reject' && !input.note) missing.note = t('remission.noteRequired');
    if (step === 'approve' && input.decision === 'accept' && !input.decreeNumber) missing.decreeNumber = fieldMessage('required', lang);
    if (Object.keys(missing).length) {
      form.setErrors(missing);
      form.setProblem({ kind: 'client' });
      return undefined;
    }
    return input;
  }

  async function send() {
    const input = check();
    if (!input) return;
    const next = await form.run(() => post<RunWithItems>(`/remission-runs/${run.id}/${step}`, input));
    setConfirming(false);
    if (next) onDone(next);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    // Approval writes grants and changes release dates: the officer checks the answers first.
    if (step === 'approve' && v.decision === 'accept') {
      if (check()) setConfirming(true);
      return;
    }
    void send();
  }

  if (confirming) {
    return (
      <Paper withBorder p="md" data-testid="confirm-approve">
        <Title order={3} size="h4" mb="sm" tabIndex={-1} ref={confirmRef}>
          {t('remission.confirmTitle')}
        </Title>
        <dl className="details">
          <dt>{t('remission.cols.occasion')}</dt>
          <dd>
            {t(`remission.kinds.${run.kind}`)} — {run.occasionName}
          </dd>
          <dt>{t('remission.cols.upt')}</dt>
          <dd>{run.uptName}</dd>
          <dt>{t('remission.counts.eligible')}</dt>
          <dd>
            {formatNumber(run.counts.eligible)} / {formatNumber(run.counts.total)}
          </dd>
          <dt>{t('remission.counts.releasedOnDay')}</dt>
          <dd>{formatNumber(run.counts.releasedOnDay)}</dd>
          <dt>{t('remission.decreeNumber')}</dt>
          <dd>
            <Text span fw={700}>
              {v.decreeNumber.trim()}
            </Text>
          </dd>
        </dl>
        <Alert color="orange" my="md">
          {t('remission.confirmBody', {
            eligible: formatNumber(run.counts.eligible),
            days: formatNumber(run.counts.days),
            released: formatNumber(run.counts.releasedOnDay),
          })}
        </Alert>
        <FormAlert problem={form.problem} />
        <Group>
          <Button color="green" loading={form.submitting} onClick={() => void send()}>
            {t('remission.confirmApprove')}
          </Button>
          <Button variant="default" onClick={() => setConfirming(false)} disabled={form.submitting}>
            {t('remission.back')}
          </Button>
        </Group>
      </Paper>
    );
  }

  const label = v.decision === 'reject' ? t('remission.reject') : step === 'approve' ? t('remission.checkAnswers') : t(`remission.${step}`);
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} ref={form.formRef} noValidate aria-label={t(`remission.${step}`)}>
        <Stack gap="sm">
          <FormAlert problem={form.problem} />
          {canReject && (
            <Radio.Group label={t('remission.decision')} value={v.decision} onChange={(x) => form.set('decision', x)}>
              <Group gap="lg" mt={4}>
                <Radio value="accept" label={t(`remission.${step}`)} />
                <Radio value="reject" label={t('remission.reject')} />
              </Group>
            </Radio.Group>
          )}
          {step === 'approve' && v.decision === 'accept' && (
            <TextInput
              label={t('remission.decreeNumber')}
              description={t('remission.decreeHelp')}
              required
              value={v.decreeNumber}
              onChange={(e) => form.set('decreeNumber', e.currentTarget.value)}
              error={form.errors.decreeNumber}
            />
          )}
          <Textarea
            label={t('remission.note')}
            description={canReject ? t('remission.noteHelp') : undefined}
            required={v.decision === 'reject'}
            value={v.note}
            onChange={(e) => form.set('note', e.currentTarget.value)}
            error={form.errors.note}
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" color={v.decision === 'reject' ? 'red' : undefined} loading={form.submitting}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function RemissionRunPage() {
  const { t, lang } = useT();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const { data: me } = useMe();
  const run = useRun(id);
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('list1');
  const crumbs = [{ to: '/remisi', label: t('nav.remission') }];
  if (run.isPending) return <Loading />;
  if (run.error || !(id > 0)) {
    return (
      <div className="page">
        <PageHeader title={t('remission.title')} crumbs={crumbs} />
        {run.error ? <ErrorState error={run.error} onRetry={() => void run.refetch()} /> : <EmptyState>{t('remission.notFound')}</EmptyState>}
      </div>
    );
  }
  const r = run.data;
  const list1 = r.items.filter((i) => i.eligible && !i.releasedOnDay);
  const list2 = r.items.filter((i) => i.eligible && i.releasedOnDay);
  const notEligible = r.items.filter((i) => !i.eligible);
  const step: Step | null =
    r.status === 'draft' && hasPermission(me, 'remission.propose')
      ? 'propose'
      : r.status === 'proposed' && hasPermission(me, 'remission.verify')
        ? 'verify'
        : r.status === 'verified' && hasPermission(me, 'remission.approve')
          ? 'approve'
          : null;
  const rejectedAt = r.status === 'rejected' ? r.history.reduce((last, h, i) => (h.at ? i : last), -1) : -1;
  const waiting = r.status === 'draft' || r.status === 'proposed' || r.status === 'verified' ? t(`remission.waiting.${r.status}`) : null;

  return (
    <div className="page">
      <PageHeader
        title={`${t(`remission.kinds.${r.kind}`)} — ${r.occasionName}`}
        crumbs={crumbs}
        intro={
          <Group gap={8} component="span">
            <span>{formatDate(r.occasionDate, lang)}</span>
            <span>· {r.uptName}</span>
            <RunStatusBadge status={r.status} />
          </Group>
        }
        actions={
          <>
            <Button component="a" href={buildUrl(`/remission-runs/${r.id}/export`, { format: 'xlsx' })} download variant="default">
              {t('remission.downloadXlsx')}
            </Button>
            <Button component="a" href={buildUrl(`/remission-runs/${r.id}/export`, { format: 'pdf' })} download variant="default">
              {t('remission.downloadPdf')}
            </Button>
          </>
        }
      />
      {notice && (
        <Alert color="green" role="status" mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Tiles
        tiles={[
          { label: t('remission.counts.total'), value: r.counts.total, color: 'pas' },
          { label: t('remission.counts.eligible'), value: r.counts.eligible, color: 'green' },
          { label: t('remission.counts.releasedOnDay'), value: r.counts.releasedOnDay, color: 'pas' },
          { label: t('remission.counts.days'), value: r.counts.days, color: 'pas' },
        ]}
      />
      {(r.decreeNumber || r.note) && (
        <dl className="details" style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          {r.decreeNumber && (
            <>
              <dt>{t('remission.cols.decree')}</dt>
              <dd>{r.decreeNumber}</dd>
            </>
          )}
          {r.note && (
            <>
              <dt>{t('remission.note')}</dt>
              <dd>{r.note}</dd>
            </>
          )}
        </dl>
      )}

      <Section title={t('remission.historyTitle')} id="run-steps">
        <List type="ordered" spacing={4}>
          {r.history.map((h, i) => (
            <List.Item key={h.step}>
              <Text span fw={600} c={i === rejectedAt ? 'red' : undefined}>
                {/* A rejection is stored on the step it happened at (verify or approve). */}
                {i === rejectedAt ? t('remission.statuses.rejected') : t(`remission.steps.${h.step as 'draft' | 'proposed' | 'verified' | 'approved'}`)}
              </Text>
              {': '}
              {h.at ? t('remission.stepDone', { by: h.by ?? t('audit.system'), at: formatDateTime(h.at, lang) }) : t('remission.stepPending')}
            </List.Item>
          ))}
        </List>
        <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          {step ? (
            <Decision
              key={`${r.status}:${r.version}`}
              run={r}
              step={step}
              onDone={(next) => {
                qc.setQueryData(remissionKeys.one(id), next);
                void qc.invalidateQueries({ queryKey: ['remission-runs'] });
                if (next.status === 'approved') {
                  void qc.invalidateQueries({ queryKey: ['wbp'] });
                  void qc.invalidateQueries({ queryKey: ['wbp-list'] });
                  void qc.invalidateQueries({ queryKey: ['overstay'] });
                }
                setNotice(next.status === 'draft' ? null : t(`remission.done.${next.status as 'proposed' | 'verified' | 'approved' | 'rejected'}`));
              }}
            />
          ) : (
            waiting && (
              <Text size="sm" c="dimmed">
                {waiting}
              </Text>
            )
          )}
        </div>
      </Section>

      <Section title={t('remission.title')} id="run-lists">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="list1">
              {t('remission.tabs.list1')} ({formatNumber(list1.length)})
            </Tabs.Tab>
            <Tabs.Tab value="list2">
              {t('remission.tabs.list2')} ({formatNumber(list2.length)})
            </Tabs.Tab>
            <Tabs.Tab value="notEligible">
              {t('remission.tabs.notEligible')} ({formatNumber(notEligible.length)})
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="list1" pt="sm">
            <ItemList items={list1} eligible />
          </Tabs.Panel>
          <Tabs.Panel value="list2" pt="sm">
            <ItemList items={list2} eligible />
          </Tabs.Panel>
          <Tabs.Panel value="notEligible" pt="sm">
            <ItemList items={notEligible} eligible={false} />
          </Tabs.Panel>
        </Tabs>
      </Section>
    </div>
  );
}
