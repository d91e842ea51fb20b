import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { DateField } from '../../forms/fields.tsx';
import { useForm } from '../../forms/form.ts';
import { formatDate, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useActivities } from '../work/api.ts';
import { signedRupiah } from '../work/units.ts';
import { attendanceRef, PayoutInput, premiKeys, ReverseInput, statementUrl, usePremiLedger, type PremiEntry, type PremiLedger } from './api.ts';

function ReverseForm({ entry, wbpId, onDone }: { entry: PremiEntry; wbpId: number; onDone: (l: PremiLedger) => void }) {
  const { t } = useT();
  const form = useForm({ reason: '' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ReverseInput, { reason: form.values.reason });
    if (!input) return;
    const ledger = await form.run(() => post<PremiLedger>(`/premi/entries/${entry.id}/reverse`, input));
    if (ledger && ledger.wbpId === wbpId) onDone(ledger);
  }
  return (
    <Paper withBorder p="md" mt="sm" id="reverse-form">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('premi.reverseLabel', { id: entry.id })}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('premi.reverseTitle', { id: entry.id, amount: signedRupiah(entry.amountRupiah) })}
          </Title>
          <FormAlert problem={form.problem} />
          <TextInput label={t('premi.reverseReason')} required value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason ?? form.errors.entry} />
          <Group>
            <Button type="submit" color="red" loading={form.submitting}>
              {t('premi.reverseSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Pay out the whole balance: the officer fills in, checks the answers, then confirms. */
function Payout({ ledger, today, onDone }: { ledger: PremiLedger; today: string; onDone: (l: PremiLedger, notice: string) => void }) {
  const { t, lang } = useT();
  const form = useForm({ date: today, reference: '' });
  const [checked, setChecked] = useState<{ date: string; reference: string } | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (checked) confirmRef.current?.focus();
  }, [checked]);

  function check(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(PayoutInput, form.values);
    if (input) setChecked(input);
  }
  async function pay() {
    if (!checked) return;
    const amount = ledger.balanceRupiah;
    const next = await form.run(() => post<PremiLedger>(`/premi/wbp/${ledger.wbpId}/payout`, checked));
    if (!next) {
      setChecked(null);
      return;
    }
    onDone(next, amount > 0 ? t('premi.paidNotice', { amount: formatRupiah(amount) }) : t('premi.nothingToPay'));
  }

  return (
    <Section title={t('premi.payoutTitle')} id="payout">
      <Text size="sm" c="dimmed" mb="sm">
        {t('premi.payoutIntro')}
      </Text>
      {checked ? (
        <Paper withBorder p="md" data-testid="confirm-payout">
          <Title order={3} size="h4" mb="sm" tabIndex={-1} ref={confirmRef}>
            {t('premi.confirmTitle')}
          </Title>
          <FormAlert problem={form.problem} />
          <dl className="details">
            <dt>{t('premi.confirmWbp')}</dt>
            <dd>
              {ledger.name} · {ledger.noRegister}
            </dd>
            <dt>{t('premi.confirmAmount')}</dt>
            <dd>
              <Text span fw={750}>
                {formatRupiah(ledger.balanceRupiah)}
              </Text>
            </dd>
            <dt>{t('premi.payoutDate')}</dt>
            <dd>{formatDate(checked.date, lang)}</dd>
            <dt>{t('premi.payoutReference')}</dt>
            <dd>{checked.reference}</dd>
          </dl>
          <Group mt="md">
            <Button color="red" loading={form.submitting} onClick={() => void pay()}>
              {t('premi.confirmYes', { amount: formatRupiah(ledger.balanceRupiah) })}
            </Button>
            <Button variant="default" onClick={() => setChecked(null)}>
              {t('premi.change')}
            </Button>
          </Group>
        </Paper>
      ) : (
        <Paper withBorder p="md" maw={640}>
          <form onSubmit={check} ref={form.formRef} noValidate aria-label={t('premi.payoutTitle')}>
            <Stack gap="sm">
              <FormAlert problem={form.problem} />
              <DateField label={t('premi.payoutDate')} required value={form.values.date} max={today} onChange={(v) => form.set('date', v)} error={form.errors.date} />
              <TextInput
                label={t('premi.payoutReference')}
                required
                value={form.values.reference}
                onChange={(e) => form.set('reference', e.currentTarget.value)}
                error={form.errors.reference ?? form.errors.entry}
              />
              <Group>
                <Button type="submit">{t('premi.payoutCheck')}</Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Section>
  );
}

/** An inmate's premi ledger: every entry with its running balance, reversals, payout and the PDF statement. */
export default function PremiPage() {
  const { t, lang } = useT();
  const wbpId = Number(useParams().wbpId);
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const ledger = usePremiLedger(wbpId);
  // Earnings point at an attendance sheet by activity id; the list gives its name.
  const activities = useActivities({ active: 'all' });
  const activityName = new Map((activities.data ?? []).map((a) => [a.id, a.name]));
  const [reversing, setReversing] = useState<PremiEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canPay = hasPermission(me, 'premi.pay');

  if (!(wbpId > 0)) {
    return (
      <div className="page">
        <PageHeader title={t('errors.notFoundTitle')} />
        <EmptyState>{t('errors.notFoundBody')}</EmptyState>
      </div>
    );
  }
  if (ledger.isPending || !meta) return <Loading />;
  if (ledger.error) {
    return (
      <div className="page">
        <PageHeader title={t('premi.balance')} />
        <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} />
      </div>
    );
  }
  const l = ledger.data;
  const store = (next: PremiLedger, text: string) => {
    qc.setQueryData(premiKeys.ledger(wbpId), next);
    void qc.invalidateQueries({ queryKey: ['wbp-work', wbpId] });
    void qc.invalidateQueries({ queryKey: ['work-dashboard'] });
    setReversing(null);
    setNotice(text);
  };

  const columns: Column<PremiEntry>[] = [
    { key: 'no', header: t('premi.cols.no'), render: (e) => `#${e.id}` },
    { key: 'date', header: t('premi.cols.date'), primary: true, render: (e) => formatDate(e.date, lang) },
    { key: 'kind', header: t('premi.cols.kind'), render: (e) => e.label },
    {
      key: 'reference',
      header: t('premi.cols.reference'),
      render: (e) => {
        const ref = attendanceRef(e.reference);
        return ref ? (
          <Anchor component={Link} to={`/kerja/kegiatan/${ref.activityId}/absensi?tanggal=${ref.date}`} size="sm">
            {t('premi.attendanceRef', { activity: activityName.get(ref.activityId) ?? `#${ref.activityId}`, date: formatDate(ref.date, lang) })}
          </Anchor>
        ) : (
          (e.reference ?? t('common.none'))
        );
      },
    },
    { key: 'amount', header: t('premi.cols.amount'), numeric: true, render: (e) => <span data-amount={e.amountRupiah}>{signedRupiah(e.amountRupiah)}</span> },
    { key: 'running', header: t('premi.cols.running'), numeric: true, render: (e) => formatRupiah(e.runningBalance) },
    {
      key: 'state',
      header: t('premi.cols.state'),
      render: (e) =>
        e.reversed ? (
          <Badge color="gray" style={{ textTransform: 'none' }}>
            {t('premi.reversed')}
          </Badge>
        ) : e.reverses ? (
          <Text size="sm">{t('premi.reverses', { id: e.reverses })}</Text>
        ) : canPay && (e.kind === 'earning' || e.kind === 'adjustment' || e.kind === 'proceeds_share') ? (
          <Button
            size="xs"
            variant="default"
            aria-label={t('premi.reverseLabel', { id: e.id })}
            aria-expanded={reversing?.id === e.id}
            aria-controls="reverse-form"
            onClick={() => {
              setNotice(null);
              setReversing(reversing?.id === e.id ? null : e);
            }}
          >
            {t('premi.reverse')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('premi.title', { name: l.name })}
        intro={t('premi.intro')}
        crumbs={[{ to: `/wbp/${l.wbpId}`, label: `${l.name} · ${l.noRegister}` }]}
        actions={
          <>
            <Button component="a" href={statementUrl(l.wbpId)} target="_blank" rel="noopener" variant="default">
              {t('premi.statement')}
            </Button>
            <Button component={Link} to={`/wbp/${l.wbpId}`} variant="subtle">
              {t('premi.toWbp')}
            </Button>
          </>
        }
      />
      <StatTiles stats={[{ label: t('premi.balance'), value: formatRupiah(l.balanceRupiah), testId: 'premi-balance' }]} />
      {notice && (
        <Alert color="green" role="status" mt="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Section title={t('premi.entries')} id="premi-entries">
        {l.entries.length === 0 ? (
          <EmptyState>{t('premi.empty')}</EmptyState>
        ) : (
          <DataTable caption={t('premi.entries')} columns={columns} rows={[...l.entries].reverse()} rowKey={(e) => e.id} />
        )}
        {reversing && <ReverseForm key={reversing.id} entry={reversing} wbpId={wbpId} onDone={(next) => store(next, t('premi.reversedNotice', { id: reversing.id }))} />}
      </Section>
      {canPay ? (
        l.balanceRupiah > 0 && <Payout key={l.entries.length} ledger={l} today={meta.today} onDone={store} />
      ) : (
        <Text size="sm" c="dimmed" mt="lg">
          {t('premi.readOnly')}
        </Text>
      )}
    </div>
  );
}
