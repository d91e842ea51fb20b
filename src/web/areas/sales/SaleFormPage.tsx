import { ActionIcon, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CHANNELS } from '../../../domain/sales/order-flow.ts';
import { BUYER_KINDS, PAYMENT_METHODS, SaleInput, type Sale } from '../../../shared/schemas/sales.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { DateField, IntField } from '../../forms/fields.tsx';
import { nullIfBlank, numberOrNull, useForm } from '../../forms/form.ts';
import { formatRupiah } from '../../format.ts';
import { tDynamic, useT } from '../../i18n/index.ts';
import { useLocations, useProducts } from '../production/api.ts';
import { newClientKey } from '../work/attendanceDraft.ts';
import { salesKeys } from './api.ts';

interface Line { productId: string; qty: number | string; price: number | string }
interface Values extends Record<string, unknown> {
  channel: string; date: string; locationId: string; lines: Line[]; method: string; buyerKind: string; buyerName: string; buyerInstitution: string;
  buyerContact: string; externalReference: string; note: string;
}

/** Record a sale: a quick counter sale by default; institutional quotations, marketplace, consignment and meal-supplier sales by channel. */
export default function SaleFormPage() {
  const { data: meta } = useMeta();
  return meta ? <SaleForm today={meta.today} /> : <Loading />;
}

function SaleForm({ today }: { today: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  // One key per sale being entered: a resubmission after a dropped answer records nothing twice.
  const [idempotencyKey, setKey] = useState(newClientKey);
  const products = useProducts({ active: 'true' });
  const locations = useLocations();
  const form = useForm<Values>({
    channel: params.get('kanal') ?? 'counter', date: today, locationId: '', lines: [{ productId: '', qty: 1, price: '' }], method: 'cash',
    buyerKind: 'individual', buyerName: '', buyerInstitution: '', buyerContact: '', externalReference: '', note: '',
  });
  const v = form.values;
  const priceOf = (l: Line) => {
    const p = (products.data ?? []).find((x) => String(x.id) === l.productId);
    return String(l.price).trim() !== '' ? Number(l.price) : (p?.priceRupiah ?? 0);
  };
  const total = v.lines.reduce((s, l) => s + (Number(l.qty) || 0) * (priceOf(l) || 0), 0);
  const paidNow = v.channel === 'counter' || v.channel === 'marketplace';
  const withBuyer = v.channel !== 'counter';
  const storeKind = v.channel === 'consignment' ? 'consignment' : 'store';
  const setLine = (i: number, next: Partial<Line>) => form.set('lines', v.lines.map((l, j) => (j === i ? { ...l, ...next } : l)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(SaleInput, {
      channel: v.channel,
      date: v.date,
      locationId: v.locationId ? Number(v.locationId) : undefined,
      lines: v.lines.filter((l) => l.productId || String(l.qty).trim()).map((l) => ({
        productId: l.productId ? Number(l.productId) : undefined, qty: numberOrNull(l.qty), ...(String(l.price).trim() !== '' ? { unitPriceRupiah: numberOrNull(l.price) } : {}),
      })),
      ...(paidNow || v.channel === 'meal_supplier' || v.channel === 'consignment' ? (v.method ? { payment: { method: v.method } } : {}) : {}),
      ...(withBuyer && v.buyerName.trim() ? { buyer: { kind: v.buyerKind, name: v.buyerName.trim(), institution: nullIfBlank(v.buyerInstitution), contact: nullIfBlank(v.buyerContact) } } : {}),
      externalReference: nullIfBlank(v.externalReference),
      note: nullIfBlank(v.note),
      idempotencyKey,
    });
    if (!input) return;
    const sale = await form.run(() => post<Sale>('/sales', input));
    if (!sale) return;
    setKey(newClientKey());
    qc.setQueryData(salesKeys.sale(sale.id), sale);
    void qc.invalidateQueries({ queryKey: ['sales'] });
    void qc.invalidateQueries({ queryKey: ['sales-summary'] });
    void qc.invalidateQueries({ queryKey: ['stock-on-hand'] });
    navigate(`/penjualan/${sale.id}`, { state: { notice: t('sales.saved') } });
  }

  const locs = (locations.data ?? []).filter((l) => l.kind === storeKind);
  return (
    <div className="page">
      <PageHeader title={t('sales.record')} intro={t('sales.recordIntro')} crumbs={[{ to: '/penjualan', label: t('nav.sales') }]} />
      <Paper withBorder p="md" maw={960}>
        <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('sales.record')}>
          <Stack gap="md">
            <FormAlert problem={form.problem} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect label={t('sales.channel')} required value={v.channel} onChange={(e) => form.set('channel', e.currentTarget.value)} error={form.errors.channel}
                data={CHANNELS.map((c) => ({ value: c, label: tDynamic(`sales.channels.${c}`, c) }))} />
              <DateField label={t('sales.date')} required max={today} value={v.date} onChange={(x) => form.set('date', x)} error={form.errors.date} />
              <NativeSelect label={v.channel === 'consignment' ? t('sales.shop') : t('sales.location')} required value={v.locationId} onChange={(e) => form.set('locationId', e.currentTarget.value)}
                error={form.errors.locationId} data={[{ value: '', label: t('sales.chooseLocation') }, ...locs.map((l) => ({ value: String(l.id), label: l.name }))]} />
            </SimpleGrid>
            <Title order={2} size="h4">{t('sales.items')}</Title>
            {v.lines.map((l, i) => (
              <Group key={i} align="flex-end" gap="sm" wrap="wrap">
                <NativeSelect style={{ flex: '2 1 16rem' }} label={t('sales.product')} value={l.productId} onChange={(e) => setLine(i, { productId: e.currentTarget.value })}
                  error={form.errors[`lines.${i}.productId`]} data={[{ value: '', label: t('sales.chooseProduct') }, ...(products.data ?? []).map((p) => ({ value: String(p.id), label: `${p.name} — ${formatRupiah(p.priceRupiah)}/${p.unit}` }))]} />
                <div style={{ flex: '0 1 7rem' }}><IntField label={t('sales.qty')} value={l.qty} onChange={(x) => setLine(i, { qty: x })} error={form.errors[`lines.${i}.qty`]} /></div>
                <div style={{ flex: '0 1 10rem' }}><IntField label={t('sales.unitPrice')} value={l.price} onChange={(x) => setLine(i, { price: x })} error={form.errors[`lines.${i}.unitPriceRupiah`]} /></div>
                {v.lines.length > 1 && (
                  <ActionIcon variant="subtle" color="red" aria-label={t('sales.removeLine', { n: i + 1 })} onClick={() => form.set('lines', v.lines.filter((_, j) => j !== i))}>×</ActionIcon>
                )}
              </Group>
            ))}
            {form.errors.lines && <Text c="red" size="sm">{form.errors.lines}</Text>}
            <Group justify="space-between">
              <Button variant="default" size="xs" onClick={() => form.set('lines', [...v.lines, { productId: '', qty: 1, price: '' }])}>{t('sales.addLine')}</Button>
              <Text fw={600} data-testid="sale-total">{t('sales.total')}: {formatRupiah(total)}</Text>
            </Group>
            {withBuyer && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect label={t('sales.buyerKind')} value={v.buyerKind} onChange={(e) => form.set('buyerKind', e.currentTarget.value)}
                  data={BUYER_KINDS.map((k) => ({ value: k, label: tDynamic(`sales.buyerKinds.${k}`, k) }))} />
                <TextInput label={t('sales.buyerName')} value={v.buyerName} onChange={(e) => form.set('buyerName', e.currentTarget.value)} error={form.errors['buyer.name']} />
                <TextInput label={t('sales.buyerInstitution')} value={v.buyerInstitution} onChange={(e) => form.set('buyerInstitution', e.currentTarget.value)} />
                <TextInput label={t('sales.buyerContact')} value={v.buyerContact} onChange={(e) => form.set('buyerContact', e.currentTarget.value)} />
                <TextInput label={t('sales.externalReference')} value={v.externalReference} onChange={(e) => form.set('externalReference', e.currentTarget.value)} />
              </SimpleGrid>
            )}
            {v.channel !== 'institution' && (
              <NativeSelect maw={280} label={t('sales.method')} value={v.method} onChange={(e) => form.set('method', e.currentTarget.value)} error={form.errors['payment.method']}
                data={[...(paidNow ? [] : [{ value: '', label: t('sales.payLater') }]), ...PAYMENT_METHODS.map((m) => ({ value: m, label: tDynamic(`sales.methods.${m}`, m) }))]} />
            )}
            <Group>
              <Button type="submit" loading={form.submitting}>{v.channel === 'institution' ? t('sales.saveQuotation') : t('sales.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
