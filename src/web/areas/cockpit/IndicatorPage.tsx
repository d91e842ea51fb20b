import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ManualValueInput } from '../../../shared/schemas/indicators.ts';
import { post } from '../../api/client.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { StatTiles } from '../../components/StatTiles.tsx';
import { EmptyState, ErrorState, Loading, Section } from '../../components/States.tsx';
import { useForm } from '../../forms/form.ts';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { cockpitKeys, useDashboard, useRecords, useTrend, type Child, type DashboardItem, type Trend } from './api.ts';
import { unitSearch, useUnitCrumbs, useUnitParams } from './CockpitPage.tsx';
import { LightBadge, ManualBadge, RefreshedAt, TrendChart } from './parts.tsx';
import { displayValue, formatAttainment, monthLabel, overcrowdingBp, parseDisplay, unitLabel } from './units.ts';

function TrendSection({ trend, item }: { trend: Trend; item: DashboardItem }) {
  const { t, lang } = useT();
  const ind = item.indicator;
  const cumulative = ind.timeAggregate === 'sum';
  const columns: Column<Trend['months'][number]>[] = [
    { key: 'month', header: t('cockpit.cols.month'), primary: true, render: (m) => monthLabel(m.month, lang) },
    { key: 'value', header: t('cockpit.cols.value'), numeric: true, render: (m) => displayValue(m.value, ind) },
    ...(cumulative ? [{ key: 'cum', header: t('cockpit.cols.cumulative'), numeric: true, render: (m: Trend['months'][number]) => displayValue(m.cumulative, ind) }] : []),
    { key: 'expected', header: t('cockpit.cols.expected'), numeric: true, render: (m) => displayValue(m.expected, ind) },
  ];
  return (
    <Section title={t('cockpit.trend', { year: trend.year })} id="trend">
      <TrendChart months={trend.months} ind={ind} cumulative={cumulative} />
      <DataTable caption={t('cockpit.trend', { year: trend.year })} columns={columns} rows={trend.months} rowKey={(m) => m.month} cards={false} />
    </Section>
  );
}

function RankingSection({ item, level, link }: { item: DashboardItem; level: 'kanwil' | 'upt'; link: (c: Child) => string }) {
  const { t } = useT();
  const ind = item.indicator;
  const byId = new Map(item.children.map((c) => [c.id, c]));
  const rows = item.ranking.map((id, i) => ({ rank: i + 1, ...byId.get(id)! }));
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'rank', header: t('cockpit.cols.rank'), numeric: true, render: (r) => r.rank },
    { key: 'name', header: t('cockpit.cols.unit'), primary: true, render: (r) => <Anchor component={Link} to={link(r)}>{r.name}</Anchor> },
    { key: 'realised', header: t('cockpit.cols.realised'), numeric: true, render: (r) => displayValue(r.realised, ind) },
    { key: 'target', header: t('cockpit.cols.target'), numeric: true, render: (r) => displayValue(r.target, ind) },
    { key: 'att', header: t('cockpit.cols.attainment'), numeric: true, render: (r) => formatAttainment(r.attainmentBp) },
    { key: 'light', header: t('cockpit.cols.light'), render: (r) => <LightBadge light={r.light} /> },
  ];
  const title = t('cockpit.ranking', { level: t(`cockpit.levels.${level}`) });
  return (
    <Section title={title} id="ranking">
      <DataTable caption={title} columns={columns} rows={rows} rowKey={(r) => r.id} />
    </Section>
  );
}

function RecordsSection({ indicatorId, uptId, uptName, year, thisMonth }: { indicatorId: number; uptId: number; uptName: string; year: number; thisMonth: string }) {
  const { t, lang } = useT();
  const from = `${year}-01-01`;
  const to = thisMonth.startsWith(String(year)) ? thisMonth : `${year}-12-01`;
  const recs = useRecords({ indicatorId, uptId, from, to });
  const keys = recs.data?.[0] ? Object.keys(recs.data[0]) : [];
  const columns: Column<Record<string, unknown>>[] = keys.map((k, i) => ({
    key: k, header: k, primary: i === 0,
    render: (r) => {
      const v = r[k];
      if (v === null || v === undefined) return '–';
      if (typeof v === 'number') return formatNumber(v);
      return String(v).slice(0, 200);
    },
  }));
  return (
    <Section title={t('cockpit.records')} id="records">
      <Text size="sm" mb="xs">
        {t('cockpit.recordsIntro', { upt: uptName, from: monthLabel(from, lang), to: monthLabel(to, lang) })}
      </Text>
      {recs.isPending ? <Loading /> : recs.error ? <ErrorState error={recs.error} /> : recs.data.length === 0 ? <EmptyState>{t('cockpit.noRecords')}</EmptyState> : (
        <DataTable caption={t('cockpit.records')} columns={columns} rows={recs.data} rowKey={(r) => JSON.stringify(r)} />
      )}
    </Section>
  );
}

function ManualForm({ item, uptId, thisMonth }: { item: DashboardItem; uptId: number; thisMonth: string }) {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const ind = item.indicator;
  const months = Array.from({ length: Number(thisMonth.slice(5, 7)) }, (_, i) => `${thisMonth.slice(0, 4)}-${String(i + 1).padStart(2, '0')}-01`).reverse();
  const form = useForm({ month: thisMonth, value: '', note: '', link: '' });
  const [done, setDone] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const value = parseDisplay(form.values.value, ind);
    const input = form.validate(ManualValueInput, {
      indicatorId: ind.id, uptId, month: form.values.month, value: value ?? (form.values.value ? form.values.value : undefined),
      note: form.values.note, ...(form.values.link.trim() ? { link: form.values.link.trim() } : {}),
    });
    if (!input) return;
    const saved = await form.run(() => post('/indicators/manual', input));
    if (saved) {
      setDone(true);
      form.set('value', '');
      form.set('note', '');
      form.set('link', '');
      await qc.invalidateQueries({ queryKey: cockpitKeys.all });
    }
  }
  return (
    <Section title={t('cockpit.manualEntry')} id="manual">
      <Paper withBorder p="md">
        <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('cockpit.manualEntry')}>
          <Stack gap="sm">
            <Text size="sm">{t('cockpit.manualEntryIntro')}</Text>
            <FormAlert problem={form.problem} />
            {done && <Text role="status" c="green">{t('cockpit.manualSaved')}</Text>}
            <Group grow align="flex-start">
              <NativeSelect label={t('cockpit.fields.month')} value={form.values.month} onChange={(e) => form.set('month', e.currentTarget.value)} data={months.map((m) => ({ value: m, label: monthLabel(m, lang) }))} error={form.errors.month} />
              <TextInput label={t('cockpit.fields.value', { unit: unitLabel(ind) })} required inputMode="decimal" value={form.values.value} onChange={(e) => form.set('value', e.currentTarget.value)} error={form.errors.value} />
            </Group>
            <Textarea label={t('cockpit.fields.note')} required value={form.values.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} autosize minRows={2} />
            <TextInput label={t('cockpit.fields.link')} type="url" value={form.values.link} onChange={(e) => form.set('link', e.currentTarget.value)} error={form.errors.link} />
            <Group>
              <Button type="submit" loading={form.submitting}>{t('cockpit.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Section>
  );
}

/** One indicator for one unit: figures, how they are computed, the monthly trend, the ranking below, the records behind. */
export default function IndicatorPage() {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { year, thisYear, kanwilId, uptId } = useUnitParams();
  const dash = useDashboard({ year, kanwilId, uptId });
  const trend = useTrend({ year, kanwilId, uptId }, id);
  const crumbs = useUnitCrumbs(dash.data, year);
  const item = dash.data?.items.find((i) => i.indicator.id === id);
  const unit = dash.data?.unit;
  const thisMonth = `${thisYear}-${String(dash.data?.monthsElapsed && year === thisYear ? dash.data.monthsElapsed : 12).padStart(2, '0')}-01`;
  if (dash.isPending) return <Loading />;
  if (dash.error) return <ErrorState error={dash.error} onRetry={() => void dash.refetch()} />;
  if (!item || !unit) return <EmptyState>{t('common.none')}</EmptyState>;
  const ind = item.indicator;
  const childLevel = unit.level === 'national' ? 'kanwil' : unit.level === 'kanwil' ? 'upt' : null;
  const childLink = (c: Child) => `/capaian/indikator/${id}${unitSearch(childLevel === 'kanwil' ? { year, kanwilId: c.id } : { year, kanwilId: unit.level === 'kanwil' ? unit.kanwilId : '', uptId: c.id })}`;
  const stats = [
    { label: t('cockpit.cols.realised'), value: displayValue(item.realised, ind), testId: 'stat-realised' },
    { label: t('cockpit.cols.target'), value: displayValue(item.target, ind), testId: 'stat-target' },
    { label: t('cockpit.cols.expected'), value: displayValue(item.expected, ind) },
    { label: t('cockpit.cols.attainment'), value: formatAttainment(item.attainmentBp), note: <LightBadge light={item.light} /> },
  ];
  return (
    <div className="page">
      <PageHeader
        title={`${ind.code} · ${ind.name[lang]}`}
        crumbs={[...crumbs, { label: ind.code, to: `/capaian/indikator/${id}${unitSearch({ year, kanwilId, uptId })}` }]}
        intro={
          <>
            {ind.definition[lang]} <ManualBadge manual={item.manual} />
          </>
        }
        actions={<Button component={Link} to={`/capaian${unitSearch({ year, kanwilId, uptId })}`} variant="default">{t('cockpit.title')}</Button>}
      />
      <Stack gap={4} mb="md">
        <Text size="sm">{t('cockpit.computedFrom', { how: ind.computedFrom[lang] })}</Text>
        <Text size="sm">{t(`cockpit.direction.${ind.direction}`)} · {unit.level === 'national' ? t('cockpit.national') : unit.name}</Text>
        {ind.ratio && <Text size="sm" data-testid="occupancy-both">{t('cockpit.occupancyBoth', { ratio: displayValue(item.realised, ind), over: displayValue(overcrowdingBp(item.realised), ind) })}</Text>}
        <RefreshedAt at={dash.data.refreshedAt} />
      </Stack>
      <StatTiles label={ind.name[lang]} stats={stats} />
      {trend.data && <TrendSection trend={trend.data} item={item} />}
      {childLevel && item.children.length > 0 && <RankingSection item={item} level={childLevel} link={childLink} />}
      {unit.level === 'upt' && <RecordsSection indicatorId={id} uptId={unit.uptId} uptName={unit.name} year={year} thisMonth={thisMonth} />}
      {unit.level === 'upt' && item.manual && hasPermission(me, 'report.submit') && <ManualForm item={item} uptId={unit.uptId} thisMonth={thisMonth} />}
      <Title order={2} size="h6" mt="md" c="dimmed" fw={400}>
        {t('cockpit.sampleCapacity')}
      </Title>
    </div>
  );
}
