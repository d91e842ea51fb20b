import { Alert, Badge, Button, Group, NativeSelect, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ReconLine } from '../../../shared/schemas/pnbp.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { UptPicker } from '../../components/UptPicker.tsx';
import { formatDate, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { monthLabel, pnbpKeys, useBillings, useReconciliation, type Billing } from './api.ts';
import { BillingForm, PaymentDialog, ReverseDialog } from './BillingForms.tsx';

// Filled badges with the theme's automatic text contrast, as elsewhere in the app.
const STATUS_COLOR = { paid: 'green', unpaid: 'orange', expired: 'red' } as const;

export function StatusBadge({ status }: { status: Billing['status'] }) {
  const { t } = useT();
  return (
    <Badge color={STATUS_COLOR[status]} style={{ textTransform: 'none' }} data-status={status}>
      {t(`pnbp.status.${status}`)}
    </Badge>
  );
}

/** The gaps of a month in words, or "matches". */
export function GapList({ line }: { line: ReconLine }) {
  const { t } = useT();
  if (line.gaps.length === 0) return <Text size="sm">{t('pnbp.recon.noGap')}</Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.1em' }}>
      {line.gaps.map((g, i) => (
        <li key={i}>
          <Text size="sm" span>
            {g.label}
            {g.kodeBilling ? ` (${g.kodeBilling})` : ''}: {formatRupiah(g.amountRupiah)}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/**
 * A UPT's PNBP over a year: what is due from the proceeds splits, the billings with their status
 * (expired unpaid flagged), recording a billing and its NTPN, and the month-by-month gaps.
 */
export default function PnbpPage() {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const [params, setParams] = useSearchParams();
  const today = meta?.today ?? '';
  const year = Number(params.get('tahun')) || Number(today.slice(0, 4)) || 2026;
  const ownUpt = me?.scope.level === 'upt' ? me.scope.uptId : undefined;
  const uptId = ownUpt ?? (Number(params.get('upt')) || undefined);
  const range = { from: `${year}-01`, to: `${year}-12` };
  const recon = useReconciliation({ ...range, uptId }, !!uptId);
  const billings = useBillings({ ...range, uptId }, !!uptId);
  const [creating, setCreating] = useState(false);
  const [paying, setPaying] = useState<Billing | null>(null);
  const [reversing, setReversing] = useState<{ id: number; ntpn: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = hasPermission(me, 'pnbp.write') && !!ownUpt;
  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const done = (text: string) => {
    void qc.invalidateQueries({ queryKey: pnbpKeys.all });
    setCreating(false);
    setPaying(null);
    setReversing(null);
    setNotice(text);
  };

  if (!me || !meta) return <Loading />;
  const upt = recon.data?.upts[0];
  const years = [0, 1, 2, 3].map((d) => String(Number(today.slice(0, 4)) - d));

  const monthCols: Column<ReconLine>[] = [
    { key: 'month', header: t('pnbp.cols.month'), primary: true, render: (l) => monthLabel(l.month, lang) },
    { key: 'due', header: t('pnbp.cols.due'), numeric: true, render: (l) => formatRupiah(l.dueRupiah) },
    { key: 'billed', header: t('pnbp.cols.billed'), numeric: true, render: (l) => formatRupiah(l.billedRupiah) },
    { key: 'paid', header: t('pnbp.cols.paid'), numeric: true, render: (l) => formatRupiah(l.paidRupiah) },
    { key: 'gap', header: t('pnbp.cols.gap'), numeric: true, render: (l) => formatRupiah(l.gapRupiah) },
    { key: 'gaps', header: t('pnbp.cols.gaps'), render: (l) => <GapList line={l} /> },
  ];
  const billCols: Column<Billing>[] = [
    { key: 'kode', header: t('pnbp.cols.kode'), primary: true, render: (b) => <span data-kode={b.kodeBilling}>{b.kodeBilling}</span> },
    { key: 'month', header: t('pnbp.cols.month'), render: (b) => monthLabel(b.periodMonth, lang) },
    { key: 'amount', header: t('pnbp.cols.amount'), numeric: true, render: (b) => formatRupiah(b.amountRupiah) },
    { key: 'created', header: t('pnbp.cols.created'), render: (b) => formatDate(b.createdOn, lang) },
    { key: 'expires', header: t('pnbp.cols.expires'), render: (b) => formatDate(b.expiresOn, lang) },
    { key: 'status', header: t('pnbp.cols.status'), render: (b) => <StatusBadge status={b.status} /> },
    {
      key: 'ntpn',
      header: t('pnbp.cols.ntpn'),
      render: (b) =>
        b.payments.filter((p) => p.reverses === null).map((p) => (
          <Group key={p.id} gap={6} wrap="nowrap">
            <Text size="sm" ff="monospace" td={p.reversedBy ? 'line-through' : undefined}>
              {p.ntpn}
            </Text>
            {p.reversedBy ? (
              <Text size="xs" c="dimmed">
                {t('pnbp.reversed')}
              </Text>
            ) : (
              <Text size="xs" c="dimmed">
                {p.bank} · {formatDate(p.paidOn, lang)}
              </Text>
            )}
            {canWrite && !p.reversedBy && (
              <Button size="compact-xs" variant="subtle" color="red" aria-label={t('pnbp.reverseLabel', { ntpn: p.ntpn })} onClick={() => setReversing({ id: p.id, ntpn: p.ntpn })}>
                {t('pnbp.reverse')}
              </Button>
            )}
          </Group>
        )),
    },
    {
      key: 'actions',
      header: t('pnbp.cols.actions'),
      render: (b) =>
        canWrite && b.status === 'unpaid' ? (
          <Button size="xs" aria-label={t('pnbp.recordNtpnLabel', { kode: b.kodeBilling })} onClick={() => { setNotice(null); setPaying(b); }}>
            {t('pnbp.recordNtpn')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={upt ? `${t('pnbp.title')} — ${upt.uptName}` : t('pnbp.title')}
        intro={t('pnbp.intro')}
        actions={
          <Button component={Link} to={`/pnbp/rekonsiliasi${uptId ? `?upt=${uptId}&dari=${year}-01&sampai=${year}-12` : ''}`} variant="default">
            {t('nav.pnbpRecon')}
          </Button>
        }
      />
      <Group align="flex-end" gap="md" mb="md">
        <NativeSelect label={t('pnbp.year')} value={String(year)} data={years} onChange={(e) => setParam('tahun', e.currentTarget.value)} />
        {!ownUpt && (
          <UptPicker
            value={{ kanwilId: params.get('kanwil') ?? String(me.scope.kanwilId ?? ''), uptId: uptId ? String(uptId) : '' }}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              for (const [k, val] of [['kanwil', v.kanwilId], ['upt', v.uptId]] as const) if (val) next.set(k, val); else next.delete(k);
              setParams(next, { replace: true });
            }}
          />
        )}
      </Group>
      {!uptId ? (
        <EmptyState>{t('pnbp.chooseUpt')}</EmptyState>
      ) : recon.isPending || billings.isPending ? (
        <Loading />
      ) : recon.error || billings.error ? (
        <ErrorState error={recon.error ?? billings.error} onRetry={() => void qc.invalidateQueries({ queryKey: pnbpKeys.all })} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {upt?.satkerCode ? t('pnbp.satker', { code: upt.satkerCode }) : t('pnbp.satkerMissing')}
            {upt?.satkerCodeSource === 'generated' ? ` (${t('pnbp.sample')})` : ''}
          </Text>
          <StatTiles
            label={t('pnbp.title')}
            stats={[
              { label: t('pnbp.tiles.due'), value: formatRupiah(recon.data.totals.dueRupiah), testId: 'pnbp-due' },
              { label: t('pnbp.tiles.billed'), value: formatRupiah(recon.data.totals.billedRupiah), testId: 'pnbp-billed' },
              { label: t('pnbp.tiles.paid'), value: formatRupiah(recon.data.totals.paidRupiah), testId: 'pnbp-paid' },
              { label: t('pnbp.tiles.gap'), value: formatRupiah(recon.data.totals.gapRupiah), testId: 'pnbp-gap' },
            ]}
          />
          {notice && (
            <Alert color="green" role="status" mt="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
          <Section title={t('pnbp.billingsTitle')} id="pnbp-billings">
            {canWrite && !creating && (
              <Button mb="sm" aria-expanded={false} aria-controls="billing-form" onClick={() => { setNotice(null); setCreating(true); }}>
                {t('pnbp.create.open')}
              </Button>
            )}
            {creating && (
              <BillingForm today={today} satkerCode={upt?.satkerCode ?? null} onClose={() => setCreating(false)} onDone={(b) => done(t('pnbp.create.done', { kode: b.kodeBilling }))} />
            )}
            {billings.data.length === 0 ? (
              <EmptyState>{t('pnbp.noBillings')}</EmptyState>
            ) : (
              <DataTable caption={t('pnbp.billingsTitle')} columns={billCols} rows={billings.data} rowKey={(b) => b.id} />
            )}
          </Section>
          <Section title={t('pnbp.monthsTitle')} id="pnbp-months">
            {recon.data.lines.length === 0 ? (
              <EmptyState>{t('pnbp.noFigures')}</EmptyState>
            ) : (
              <DataTable caption={t('pnbp.monthsTitle')} columns={monthCols} rows={recon.data.lines} rowKey={(l) => l.month} />
            )}
          </Section>
        </>
      )}
      <PaymentDialog billing={paying} today={today} onClose={() => setPaying(null)} onDone={(b, ntpn) => done(t('pnbp.pay.done', { ntpn, kode: b.kodeBilling }))} />
      <ReverseDialog payment={reversing} onClose={() => setReversing(null)} onDone={() => done(t('pnbp.reverseForm.done'))} />
    </div>
  );
}
