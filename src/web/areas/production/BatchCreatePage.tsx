import { ActionIcon, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { BatchInput, type Batch } from '../../../shared/schemas/production.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { DateField, IntField } from '../../forms/fields.tsx';
import { numberOrNull, useForm } from '../../forms/form.ts';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useActivities, useAllocations } from '../work/api.ts';
import { newClientKey } from '../work/attendanceDraft.ts';
import { productionKeys, qtyText, useLocations, useOnHand, useProduct, useProducts, useStockItems } from './api.ts';

interface Line {
  itemId: string;
  qty: number | string;
  lotCode: string;
}

interface Values extends Record<string, unknown> {
  productId: string;
  date: string;
  locationId: string;
  lines: Line[];
  outputQty: number | string;
  scrapQty: number | string;
  outputLot: string;
  outputExpiry: string;
  activityId: string;
  workers: Record<string, number | string>;
  note: string;
}

/** Inmates of one activity, ticked with their hours. */
function Workers({ activityId, workers, onChange, errors }: { activityId: number; workers: Record<string, number | string>; onChange: (w: Record<string, number | string>) => void; errors: Record<string, string> }) {
  const { t } = useT();
  const list = useAllocations(activityId, 'active', activityId > 0);
  if (!(activityId > 0)) return null;
  if (list.isPending) return <Loading />;
  const rows = list.data ?? [];
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('production.batch.noWorkers')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      <Group>
        <Button size="xs" variant="default" onClick={() => onChange(Object.fromEntries(rows.map((r) => [String(r.wbpId), workers[String(r.wbpId)] ?? 7])))}>
          {t('production.batch.selectAll')}
        </Button>
      </Group>
      <ul className="plain-list" style={{ display: 'grid', gap: 4, margin: 0 }}>
        {rows.map((r) => {
          const key = String(r.wbpId);
          const on = key in workers;
          return (
            <li key={r.id}>
              <Group gap="sm" wrap="wrap" align="center">
                <Checkbox
                  label={`${r.name} · ${r.noRegister}`}
                  checked={on}
                  onChange={(e) => {
                    const next = { ...workers };
                    if (e.currentTarget.checked) next[key] = 7;
                    else delete next[key];
                    onChange(next);
                  }}
                  style={{ flex: '1 1 16rem' }}
                />
                {on && (
                  <div style={{ width: '8rem' }}>
                    <IntField label={t('production.batch.hoursFor', { name: r.name })} value={workers[key] ?? ''} onChange={(v) => onChange({ ...workers, [key]: v })} />
                  </div>
                )}
              </Group>
            </li>
          );
        })}
      </ul>
      {Object.entries(errors)
        .filter(([k]) => k.startsWith('workers'))
        .map(([k, v]) => (
          <Text key={k} size="sm" c="red">
            {v}
          </Text>
        ))}
    </Stack>
  );
}

/** Record a production batch: what was used (FEFO lots), what came out, who worked. */
export default function BatchCreatePage() {
  const { data: meta } = useMeta();
  // The form starts on the server's today (GIATJA_TODAY in demos), not the browser's.
  return meta ? <BatchForm today={meta.today} /> : <Loading />;
}

function BatchForm({ today }: { today: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [idempotencyKey] = useState(newClientKey);
  const products = useProducts({ active: 'true' });
  const locations = useLocations();
  const form = useForm<Values>({
    productId: params.get('produk') ?? '',
    date: today,
    locationId: '',
    lines: [{ itemId: '', qty: '', lotCode: '' }],
    outputQty: '',
    scrapQty: 0,
    outputLot: '',
    outputExpiry: '',
    activityId: '',
    workers: {},
    note: '',
  });
  const v = form.values;
  const product = useProduct(Number(v.productId) || 0);
  const uptId = product.data?.uptId;
  const materials = useStockItems(uptId ? { uptId, kind: 'material' } : { kind: 'material' });
  const onHand = useOnHand({ locationId: v.locationId }, !!v.locationId);
  const activities = useActivities(uptId ? { uptId } : {});
  const upLocations = (locations.data ?? []).filter((l) => !uptId || l.uptId === uptId);
  const available = useMemo(() => {
    const m = new Map<number, number>();
    for (const r of onHand.data?.items ?? []) if (!r.expired && (!v.date || !r.expiry || r.expiry >= v.date)) m.set(r.itemId, (m.get(r.itemId) ?? 0) + r.qty);
    return m;
  }, [onHand.data, v.date]);
  const unit = product.data?.unit ?? '';
  const setLine = (i: number, next: Partial<Line>) => form.set('lines', v.lines.map((l, j) => (j === i ? { ...l, ...next } : l)));

  const fromBom = () => {
    const made = (Number(numberOrNull(v.outputQty)) || 0) + (Number(numberOrNull(v.scrapQty)) || 0);
    const bom = product.data?.bom ?? [];
    if (bom.length === 0) return;
    form.set(
      'lines',
      bom.map((b) => ({ itemId: String(b.itemId), qty: made > 0 ? b.qtyPerUnit * made : '', lotCode: '' })),
    );
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const lotCode = v.outputLot.trim();
    const input = form.validate(BatchInput, {
      productId: v.productId ? Number(v.productId) : undefined,
      date: v.date,
      locationId: v.locationId ? Number(v.locationId) : undefined,
      consumed: v.lines
        .filter((l) => l.itemId || String(l.qty).trim())
        .map((l) => ({ itemId: l.itemId ? Number(l.itemId) : undefined, qty: numberOrNull(l.qty), ...(l.lotCode.trim() ? { lotCode: l.lotCode.trim() } : {}) })),
      outputQty: numberOrNull(v.outputQty),
      scrapQty: numberOrNull(v.scrapQty) ?? 0,
      ...(lotCode || v.outputExpiry ? { outputLot: { code: lotCode, ...(v.outputExpiry ? { expiry: v.outputExpiry } : {}) } } : {}),
      workers: Object.entries(v.workers).map(([wbpId, hours]) => ({ wbpId: Number(wbpId), hours: numberOrNull(hours) })),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
      idempotencyKey,
    });
    if (!input) return;
    const batch = await form.run(() => post<Batch>('/production/batches', input));
    if (!batch) return;
    qc.setQueryData(productionKeys.batch(batch.id), batch);
    void qc.invalidateQueries({ queryKey: ['batches'] });
    void qc.invalidateQueries({ queryKey: ['stock-on-hand'] });
    void qc.invalidateQueries({ queryKey: ['stock-moves'] });
    void qc.invalidateQueries({ queryKey: ['stock-items'] });
    navigate(`/produksi/batch/${batch.id}`, { state: { notice: t('production.batch.saved', { number: batch.number }) } });
  }

  return (
    <div className="page">
      <PageHeader title={t('production.batch.title')} intro={t('production.batch.intro')} crumbs={[{ to: '/produksi', label: t('nav.production') }]} />
      <Paper withBorder p="md" maw={960}>
        <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('production.batch.title')}>
          <Stack gap="md">
            <FormAlert problem={form.problem} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={t('production.batch.product')}
                required
                value={v.productId}
                onChange={(e) => form.set('productId', e.currentTarget.value)}
                error={form.errors.productId}
                data={[{ value: '', label: t('production.batch.chooseProduct') }, ...(products.data ?? []).map((p) => ({ value: String(p.id), label: `${p.name} (${p.unit})` }))]}
              />
              <DateField label={t('production.batch.date')} required max={today} value={v.date} onChange={(x) => form.set('date', x)} error={form.errors.date} />
              <NativeSelect
                label={t('production.batch.location')}
                required
                value={v.locationId}
                onChange={(e) => form.set('locationId', e.currentTarget.value)}
                error={form.errors.locationId}
                data={[{ value: '', label: t('production.stock.fields.chooseLocation') }, ...upLocations.map((l) => ({ value: String(l.id), label: l.name }))]}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
              <IntField label={`${t('production.batch.outputQty')}${unit ? ` (${unit})` : ''}`} required value={v.outputQty} onChange={(x) => form.set('outputQty', x)} error={form.errors.outputQty} />
              <IntField label={`${t('production.batch.scrapQty')}${unit ? ` (${unit})` : ''}`} value={v.scrapQty} onChange={(x) => form.set('scrapQty', x)} error={form.errors.scrapQty} />
              <TextInput label={t('production.batch.outputLot')} value={v.outputLot} onChange={(e) => form.set('outputLot', e.currentTarget.value)} error={form.errors['outputLot.code']} />
              <DateField label={t('production.batch.outputExpiry')} value={v.outputExpiry} onChange={(x) => form.set('outputExpiry', x)} error={form.errors['outputLot.expiry']} />
            </SimpleGrid>

            <fieldset className="plain-fieldset">
              <legend>
                <Title order={2} size="h4">
                  {t('production.batch.consumed')}
                </Title>
              </legend>
              <Text size="sm" c="dimmed" mb="xs">
                {t('production.batch.consumedHelp')}
              </Text>
              {(product.data?.bom.length ?? 0) > 0 && (
                <Group mb="xs" gap="xs" align="center">
                  <Button size="xs" variant="default" onClick={fromBom}>
                    {t('production.batch.fromBom')}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {t('production.batch.fromBomHelp')}
                  </Text>
                </Group>
              )}
              {form.errors.consumed && (
                <Text size="sm" c="red" mb="xs">
                  {form.errors.consumed}
                </Text>
              )}
              <ol className="plain-list" style={{ display: 'grid', gap: 'var(--mantine-spacing-xs)' }}>
                {v.lines.map((l, i) => {
                  const item = (materials.data ?? []).find((m) => String(m.id) === l.itemId);
                  const have = item ? (available.get(item.id) ?? 0) : null;
                  return (
                    <li key={i}>
                      <Group align="flex-start" gap="sm" wrap="wrap">
                        <NativeSelect
                          label={t('production.batch.material', { n: i + 1 })}
                          value={l.itemId}
                          onChange={(e) => setLine(i, { itemId: e.currentTarget.value })}
                          error={form.errors[`consumed.${i}.itemId`]}
                          description={item && v.locationId && have !== null ? t('production.batch.available', { qty: formatNumber(have), unit: item.unit }) : undefined}
                          data={[{ value: '', label: t('production.products.chooseItem') }, ...(materials.data ?? []).map((m) => ({ value: String(m.id), label: `${m.name} (${m.unit})` }))]}
                          style={{ flex: '2 1 14rem' }}
                        />
                        <div style={{ flex: '1 1 9rem' }}>
                          <IntField
                            label={`${t('production.batch.qty', { n: i + 1 })}${item ? ` (${item.unit})` : ''}`}
                            value={l.qty}
                            onChange={(x) => setLine(i, { qty: x })}
                            error={form.errors[`consumed.${i}.qty`]}
                          />
                        </div>
                        <TextInput
                          label={t('production.batch.lotCode', { n: i + 1 })}
                          value={l.lotCode}
                          onChange={(e) => setLine(i, { lotCode: e.currentTarget.value })}
                          error={form.errors[`consumed.${i}.lotCode`]}
                          style={{ flex: '1 1 8rem' }}
                        />
                        <ActionIcon
                          variant="default"
                          size="lg"
                          mt={26}
                          aria-label={t('production.batch.removeMaterial', { n: i + 1 })}
                          onClick={() => form.set('lines', v.lines.filter((_, j) => j !== i))}
                        >
                          <span aria-hidden="true">×</span>
                        </ActionIcon>
                      </Group>
                    </li>
                  );
                })}
              </ol>
              <Button variant="default" size="xs" mt="xs" onClick={() => form.set('lines', [...v.lines, { itemId: '', qty: '', lotCode: '' }])}>
                {t('production.batch.addMaterial')}
              </Button>
            </fieldset>

            <fieldset className="plain-fieldset">
              <legend>
                <Title order={2} size="h4">
                  {t('production.batch.workers')}
                </Title>
              </legend>
              <Text size="sm" c="dimmed" mb="xs">
                {t('production.batch.workersHelp')}
              </Text>
              <NativeSelect
                label={t('production.batch.workersActivity')}
                value={v.activityId}
                onChange={(e) => form.set('activityId', e.currentTarget.value)}
                data={[{ value: '', label: t('production.batch.chooseActivity') }, ...(activities.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))]}
                maw={420}
                mb="xs"
              />
              <Workers activityId={Number(v.activityId) || 0} workers={v.workers} onChange={(w) => form.set('workers', w)} errors={form.errors} />
              {Object.keys(v.workers).length > 0 && (
                <Text size="sm" mt="xs">
                  {t('production.batch.inmates')}: {formatNumber(Object.keys(v.workers).length)} · {t('production.batch.hours')}:{' '}
                  {formatNumber(Object.values(v.workers).reduce<number>((s, h) => s + (Number(numberOrNull(h)) || 0), 0))}
                </Text>
              )}
            </fieldset>

            <TextInput label={t('production.batch.note')} value={v.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} />
            {product.data && product.data.bom.length > 0 && (
              <Text size="xs" c="dimmed">
                {product.data.bom.map((b) => `${b.itemName}: ${qtyText(b.qtyPerUnit, b.unit)}/${unit}`).join(' · ')}
              </Text>
            )}
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t('production.batch.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
