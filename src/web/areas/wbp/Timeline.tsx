import { Badge, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/States.tsx';
import { useSentenceText } from '../../components/sentence/text.ts';
import { formatNumber, formatRupiah } from '../../format.ts';
import { tDynamic } from '../../i18n/index.ts';
import { orderEnd, type Wbp } from './api.ts';

interface Event {
  date: string;
  /** Sorts events of the same day: arrival first, release last. */
  order: number;
  key: string;
  kind: 'admitted' | 'detention' | 'verdict' | 'remission' | 'registerF' | 'transfer' | 'released';
  text: ReactNode;
  badges?: { label: string; color: string }[];
  detail?: string;
}

const KIND_COLOR: Record<Event['kind'], string> = {
  admitted: 'gray',
  detention: 'orange',
  verdict: 'pas',
  remission: 'green',
  registerF: 'red',
  transfer: 'gray',
  released: 'green',
};

/** Everything recorded about the case, in date order: orders, verdicts (replaced ones too), remissions, register F, transfers. */
export function Timeline({ wbp }: { wbp: Wbp }) {
  const s = useSentenceText();
  const { t } = s;
  const events: Event[] = [];
  if (wbp.admittedOn) events.push({ date: wbp.admittedOn, order: 0, key: 'admitted', kind: 'admitted', text: t('wbp.timeline.admitted', { upt: wbp.uptName }) });
  for (const o of wbp.detentionOrders) {
    const end = orderEnd(o.start_date, o.days);
    const params = { stage: s.stage(o.stage), days: formatNumber(o.days), end: s.date(end) };
    events.push({
      date: o.start_date,
      order: 1,
      key: `o${o.id}`,
      kind: 'detention',
      text: o.extension_of ? t('wbp.timeline.extension', params) : t('wbp.timeline.detention', params),
      badges: o.art29 ? [{ label: t('sentence.orderKinds.art29'), color: 'orange' }] : [],
      detail: [o.order_number && t('wbp.timeline.number', { number: o.order_number }), o.authority && t('wbp.timeline.by', { authority: o.authority })]
        .filter(Boolean)
        .join(' · '),
    });
  }
  for (const v of wbp.sentences) {
    const term = v.death ? t('wbp.death') : v.life ? t('wbp.life') : t('wbp.term', { years: v.years, months: v.months, days: v.days });
    const badges: Event['badges'] = [];
    if (v.superseded_by) badges.push({ label: t('wbp.timeline.superseded'), color: 'gray' });
    if (!v.final) badges.push({ label: t('wbp.timeline.notFinal'), color: 'orange' });
    events.push({
      date: v.verdict_date,
      order: 2,
      key: `v${v.id}`,
      kind: 'verdict',
      text: <span style={v.superseded_by ? { textDecoration: 'line-through' } : undefined}>{t('wbp.timeline.verdict', { stage: tDynamic(`wbp.verdictStages.${v.stage}`, v.stage), term })}</span>,
      badges,
      detail: [
        v.case_number && t('wbp.timeline.number', { number: v.case_number }),
        v.court,
        v.fine_rupiah > 0 && t('wbp.timeline.fine', { fine: formatRupiah(v.fine_rupiah), days: formatNumber(v.subsidiary_days) }),
      ]
        .filter(Boolean)
        .join(' · '),
    });
  }
  for (const r of wbp.remissions) {
    events.push({
      date: r.occasion_date,
      order: 3,
      key: `r${r.id}`,
      kind: 'remission',
      text: t('wbp.timeline.remission', { kind: s.remissionKind(r.kind), days: formatNumber(r.days) }),
      badges: r.reversed_by ? [{ label: t('wbp.timeline.reversed'), color: 'gray' }] : [],
      detail: r.decree_number ? t('wbp.timeline.decree', { decree: r.decree_number }) : undefined,
    });
  }
  for (const f of wbp.registerF) {
    events.push({
      date: f.date,
      order: 4,
      key: `f${f.id}`,
      kind: 'registerF',
      text: t('wbp.timeline.registerF', { offence: f.offence }),
      detail: [f.punishment, f.until && t('wbp.timeline.until', { date: s.date(f.until) })].filter(Boolean).join(' · '),
    });
  }
  for (const x of wbp.transfers) {
    events.push({
      date: x.date,
      order: 5,
      key: `t${x.id}`,
      kind: 'transfer',
      text: t('wbp.timeline.transfer', { from: x.from_upt_name, to: x.to_upt_name }),
      detail: x.reason ?? undefined,
    });
  }
  if (wbp.releasedOn) {
    events.push({
      date: wbp.releasedOn,
      order: 9,
      key: 'released',
      kind: 'released',
      text: t('wbp.timeline.released', { reason: tDynamic(`wbp.releaseReasons.${wbp.releaseReason}`, wbp.releaseReason ?? '') }),
    });
  }
  events.sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));
  if (events.length === 0) return <EmptyState>{t('wbp.timelineEmpty')}</EmptyState>;
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.key} className={`timeline-item timeline-${e.kind}`}>
          <Paper withBorder p="sm" style={{ borderLeft: `4px solid var(--mantine-color-${KIND_COLOR[e.kind]}-6)` }}>
            <Group gap={8} wrap="wrap" align="baseline">
              <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={e.date}>{s.date(e.date)}</time>
              </Text>
              <Text size="sm">{e.text}</Text>
              {e.badges?.map((b) => (
                <Badge key={b.label} color={b.color} style={{ textTransform: 'none' }}>
                  {b.label}
                </Badge>
              ))}
            </Group>
            {e.detail && (
              <Text size="xs" c="dimmed" mt={2}>
                {e.detail}
              </Text>
            )}
          </Paper>
        </li>
      ))}
    </ol>
  );
}
