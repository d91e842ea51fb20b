import { Badge, Text } from '@mantine/core';
import type { BreakdownLine, CaseResult, RemissionResult } from '../../../domain/sentence/types.ts';
import { DataTable, type Column } from '../DataTable.tsx';
import { Section } from '../States.tsx';
import { useSentenceText } from './text.ts';

const isProjected = (l: BreakdownLine) => l.code.includes('PROJECTED');

/** The engine's steps as a numbered table: what was computed, the value, the rule and the regulation. */
export function BreakdownTable({ lines, caption, stripProjected = false }: { lines: BreakdownLine[]; caption: string; stripProjected?: boolean }) {
  const s = useSentenceText();
  const label = (l: BreakdownLine) => {
    const text = s.bi(l.label);
    return stripProjected ? text.replace(/^\[(proyeksi|projected)\]\s*/i, '') : text;
  };
  const columns: Column<{ n: number; l: BreakdownLine }>[] = [
    { key: 'no', header: s.t('sentence.cols.no'), numeric: true, render: (r) => r.n },
    { key: 'step', header: s.t('sentence.cols.step'), primary: true, render: (r) => label(r.l) },
    {
      key: 'value',
      header: s.t('sentence.cols.value'),
      render: (r) => (
        <Text span fw={600} style={{ whiteSpace: 'nowrap' }}>
          {s.value(r.l.value)}
        </Text>
      ),
    },
    { key: 'rule', header: s.t('sentence.cols.rule'), render: (r) => <span className="muted-code">{r.l.rule}</span> },
    { key: 'regulation', header: s.t('sentence.cols.regulation'), render: (r) => r.l.regulation },
  ];
  return (
    <div className="breakdown" data-testid="breakdown">
      <DataTable caption={caption} columns={columns} rows={lines.map((l, i) => ({ n: i + 1, l }))} rowKey={(r) => r.n} />
    </div>
  );
}

/** The official breakdown, then (apart) the projected one. */
export function Breakdown({ result }: { result: CaseResult }) {
  const s = useSentenceText();
  const main = result.breakdown.filter((l) => !isProjected(l));
  const projected = result.breakdown.filter(isProjected);
  return (
    <>
      <Section title={s.t('sentence.breakdownTitle')} id="breakdown-title">
        <Text size="sm" c="dimmed" mb="sm">
          {s.t('sentence.breakdownIntro')}
        </Text>
        <BreakdownTable lines={main} caption={s.t('sentence.breakdownTitle')} />
      </Section>
      {projected.length > 0 && (
        <Section title={`${s.t('sentence.projectionBreakdown')} — ${s.t('sentence.projectionTitle')}`} id="projection-breakdown-title">
          <BreakdownTable lines={projected} caption={s.t('sentence.projectionBreakdown')} stripProjected />
        </Section>
      )}
    </>
  );
}

/** Every remission the engine considered: granted, projected, or refused with the reason. */
export function RemissionTable({ remissions }: { remissions: RemissionResult[] }) {
  const s = useSentenceText();
  if (remissions.length === 0) return null;
  const columns: Column<RemissionResult & { i: number }>[] = [
    { key: 'occasion', header: s.t('sentence.remissionCols.occasion'), primary: true, render: (r) => s.date(r.occasionDate) },
    { key: 'kind', header: s.t('sentence.remissionCols.kind'), render: (r) => s.remissionKind(r.kind) },
    { key: 'ordinal', header: s.t('sentence.remissionCols.ordinal'), numeric: true, render: (r) => r.ordinal ?? s.t('common.none') },
    { key: 'days', header: s.t('sentence.remissionCols.days'), numeric: true, render: (r) => s.days(r.days) },
    {
      key: 'state',
      header: s.t('sentence.remissionCols.state'),
      render: (r) => (
        <>
          <Badge color={!r.eligible ? 'gray' : r.projected ? 'pas' : 'green'} style={{ textTransform: 'none' }}>
            {!r.eligible ? s.t('sentence.remissionStates.notEligible') : r.projected ? s.t('sentence.remissionStates.projected') : s.t('sentence.remissionStates.granted')}
          </Badge>
          {r.reasons.length > 0 && (
            <Text size="xs" mt={2}>
              {r.reasons.map((x) => s.bi(x)).join(' · ')}
            </Text>
          )}
        </>
      ),
    },
  ];
  return (
    <Section title={s.t('sentence.remissionsTitle')} id="remissions-title">
      <DataTable caption={s.t('sentence.remissionsTitle')} columns={columns} rows={remissions.map((r, i) => ({ ...r, i }))} rowKey={(r) => r.i} />
    </Section>
  );
}
