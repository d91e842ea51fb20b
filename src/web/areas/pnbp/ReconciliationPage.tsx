import { Button, Group, Paper, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ReconLine } from '../../../shared/schemas/pnbp.ts';
import { useMeta } from '../../api/queries.ts';
import { useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { UptPicker } from '../../components/UptPicker.tsx';
import { formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { exportUrl, monthLabel, useReconciliation } from './api.ts';
import { GapList } from './PnbpPage.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Reconciliation for the finance officer: per UPT and month, due vs billed vs paid with the gaps
 * and their reasons, for one UPT or every UPT in scope; XLSX and PDF of the same figures.
 */
export default function ReconciliationPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const [params, setParams] = useSearchParams();
  const year = (meta?.today ?? '2026').slice(0, 4);
  const from = MONTH.test(params.get('dari') ?? '') ? params.get('dari')! : `${year}-01`;
  const to = MONTH.test(params.get('sampai') ?? '') ? params.get('sampai')! : `${year}-12`;
  const uptId = me?.scope.level === 'upt' ? me.scope.uptId : Number(params.get('upt')) || undefined;
  const kanwilId = Number(params.get('kanwil')) || undefined;
  const filter = { from: from <= to ? from : to, to, uptId, kanwilId: uptId ? undefined : kanwilId };
  // Head office picks a Kanwil (or a UPT) first: the whole nation is for the XLSX, not for a phone.
  const ready = !!me && (me.scope.level !== 'national' || !!uptId || !!kanwilId);
  const recon = useReconciliation(filter, ready);
  const [draft, setDraft] = useState({ from, to });

  function apply(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (MONTH.test(draft.from)) next.set('dari', draft.from);
    if (MONTH.test(draft.to)) next.set('sampai', draft.to);
    setParams(next, { replace: true });
  }
  if (!me || !meta) return <Loading />;

  const cols: Column<ReconLine>[] = [
    { key: 'upt', header: t('pnbp.cols.upt'), primary: true, render: (l) => l.uptName },
    { key: 'month', header: t('pnbp.cols.month'), render: (l) => monthLabel(l.month, lang) },
    { key: 'due', header: t('pnbp.cols.due'), numeric: true, render: (l) => formatRupiah(l.dueRupiah) },
    { key: 'billed', header: t('pnbp.cols.billed'), numeric: true, render: (l) => formatRupiah(l.billedRupiah) },
    { key: 'paid', header: t('pnbp.cols.paid'), numeric: true, render: (l) => formatRupiah(l.paidRupiah) },
    { key: 'open', header: t('pnbp.cols.open'), numeric: true, render: (l) => formatRupiah(l.openRupiah) },
    { key: 'expired', header: t('pnbp.cols.expired'), numeric: true, render: (l) => formatRupiah(l.expiredUnpaidRupiah) },
    { key: 'unbilled', header: t('pnbp.cols.unbilled'), numeric: true, render: (l) => formatRupiah(l.unbilledRupiah) },
    { key: 'gap', header: t('pnbp.cols.gap'), numeric: true, render: (l) => formatRupiah(l.gapRupiah) },
    { key: 'gaps', header: t('pnbp.cols.gaps'), render: (l) => <GapList line={l} /> },
  ];
  const uptChoice = { kanwilId: params.get('kanwil') ?? String(me.scope.kanwilId ?? ''), uptId: uptId ? String(uptId) : '' };

  return (
    <div className="page">
      <PageHeader
        title={t('pnbp.recon.title')}
        intro={t('pnbp.recon.intro')}
        actions={
          <>
            <Button component="a" href={exportUrl(filter, 'xlsx')} variant="default" data-testid="recon-xlsx">
              {t('pnbp.recon.xlsx')}
            </Button>
            <Button component="a" href={exportUrl(filter, 'pdf')} variant="default">
              {t('pnbp.recon.pdf')}
            </Button>
          </>
        }
      />
      <Paper withBorder p="md" mb="md">
        <form onSubmit={apply} aria-label={t('pnbp.recon.title')}>
          <Group align="flex-end" gap="md">
            <TextInput type="month" label={t('pnbp.recon.from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
            <TextInput type="month" label={t('pnbp.recon.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
            <Button type="submit">{t('pnbp.recon.show')}</Button>
          </Group>
        </form>
        <UptPicker
          value={uptChoice}
          allLabel={t('pnbp.recon.allUpts')}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            for (const [k, val] of [['kanwil', v.kanwilId], ['upt', v.uptId]] as const) if (val) next.set(k, val); else next.delete(k);
            setParams(next, { replace: true });
          }}
        />
      </Paper>
      {!ready ? (
        <EmptyState>{t('pnbp.recon.chooseKanwil')}</EmptyState>
      ) : recon.isPending ? (
        <Loading />
      ) : recon.error ? (
        <ErrorState error={recon.error} onRetry={() => void recon.refetch()} />
      ) : (
        <>
          <StatTiles
            label={t('pnbp.recon.totals')}
            stats={[
              { label: t('pnbp.tiles.due'), value: formatRupiah(recon.data.totals.dueRupiah), testId: 'recon-due' },
              { label: t('pnbp.tiles.billed'), value: formatRupiah(recon.data.totals.billedRupiah), testId: 'recon-billed' },
              { label: t('pnbp.tiles.paid'), value: formatRupiah(recon.data.totals.paidRupiah), testId: 'recon-paid' },
              { label: t('pnbp.cols.unbilled'), value: formatRupiah(recon.data.totals.unbilledRupiah) },
              { label: t('pnbp.cols.expired'), value: formatRupiah(recon.data.totals.expiredUnpaidRupiah) },
              { label: t('pnbp.tiles.gap'), value: formatRupiah(recon.data.totals.gapRupiah) },
            ]}
          />
          <Section title={t('pnbp.recon.linesTitle')} id="recon-lines">
            {recon.data.lines.length === 0 ? (
              <EmptyState>{t('pnbp.noFigures')}</EmptyState>
            ) : (
              <DataTable caption={t('pnbp.recon.linesTitle')} columns={cols} rows={recon.data.lines} rowKey={(l) => `${l.uptId}-${l.month}`} />
            )}
          </Section>
        </>
      )}
    </div>
  );
}
