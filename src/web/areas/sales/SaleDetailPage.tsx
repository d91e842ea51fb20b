import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { PAYMENT_METHODS, PaymentInput, SaleStepInput, type Sale } from '../../../shared/schemas/sales.ts';
import { post } from '../../api/client.ts';
import { useMeta } from '../../api/queries.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { ErrorState, Loading, Section } from '../../components/States.tsx';
import { DateField, IntField } from '../../forms/fields.tsx';
import { numberOrNull, useForm } from '../../forms/form.ts';
import { formatDate, formatNumber, formatRupiah } from '../../format.ts';
import { tDynamic, useT } from '../../i18n/index.ts';
import { newClientKey } from '../work/attendanceDraft.ts';
import { documentUrl, salesKeys, useSale } from './api.ts';
import { ReverseButton } from './ReverseButton.tsx';
import { statusColor } from './SalesPage.tsx';

/** One sale: what was sold, its documents, its next step, the money received. */
export default function SaleDetailPage() {
  const saleId = Number(useParams().id);
  const { t, lang } = useT();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const sale = useSale(saleId);
  if (sale.isPending || !meta) return <Loading />;
  if (sale.error) return <ErrorState error={sale.error} onRetry={() => void sale.refetch()} />;
  const s = sale.data;
  const canWrite = hasPermission(me, 'sales.write');
  const lineCols: Column<Sale['lines'][number]>[] = [
    { key: 'product', header: t('sales.product'), primary: true, render: (l) => l.productName },
    { key: 'qty', header: t('sales.qty'), numeric: true, render: (l) => `${formatNumber(l.qty)} ${l.unit}` },
    { key: 'price', header: t('sales.unitPrice'), numeric: true, render: (l) => formatRupiah(l.unitPriceRupiah) },
    { key: 'amount', header: t('sales.amount'), numeric: true, render: (l) => formatRupiah(l.amountRupiah) },
    { key: 'cost', header: t('sales.cost'), numeric: true, render: (l) => formatRupiah(l.costRupiah) },
  ];
  const payCols: Column<Sale['payments'][number]>[] = [
    { key: 'date', header: t('sales.date'), render: (p) => formatDate(p.date, lang) },
    { key: 'receipt', header: t('sales.receipt'), primary: true, render: (p) => p.receiptNumber ? <Anchor href={documentUrl(s.id, 'receipt', p.id)} target="_blank">{p.receiptNumber}</Anchor> : t('sales.reversal') },
    { key: 'method', header: t('sales.method'), render: (p) => tDynamic(`sales.methods.${p.method}`, p.method) },
    { key: 'amount', header: t('sales.amount'), numeric: true, render: (p) => formatRupiah(p.amountRupiah) },
    { key: 'state', header: t('sales.status'), render: (p) => (p.reversedBy ? <Badge color="red" variant="light">{t('sales.reversed')}</Badge> : p.reverses ? p.reference : '') },
    ...(canWrite ? [{ key: 'act', header: t('sales.actions'), render: (p: Sale['payments'][number]) => (!p.reverses && !p.reversedBy ? <ReversePayment paymentId={p.id} saleId={s.id} /> : null) }] : []),
  ];
  return (
    <div className="page">
      <PageHeader
        title={`${tDynamic(`sales.channels.${s.channel}`, s.channel)} · ${s.invoiceNumber ?? s.quotationNumber ?? `#${s.id}`}`}
        intro={`${s.uptName} · ${formatDate(s.date, lang)} · ${s.locationName}`}
        crumbs={[{ to: '/penjualan', label: t('nav.sales') }]}
        actions={
          <Group gap="xs">
            {s.quotationNumber && <Button component="a" href={documentUrl(s.id, 'quotation')} target="_blank" variant="default">{t('sales.printQuotation')}</Button>}
            {s.invoiceNumber && <Button component="a" href={documentUrl(s.id, 'invoice')} target="_blank" variant="default">{t('sales.printInvoice')}</Button>}
            {s.payments.some((p) => p.receiptNumber) && <Button component="a" href={documentUrl(s.id, 'receipt')} target="_blank" variant="default">{t('sales.printReceipt')}</Button>}
          </Group>
        }
      />
      <Group gap="sm" mb="md">
        <Badge size="lg" color={statusColor[s.status]} variant="light" data-testid="sale-status">{tDynamic(`sales.statuses.${s.status}`, s.status)}</Badge>
        <Text>{t('sales.total')}: <b>{formatRupiah(s.totalRupiah)}</b> · {t('sales.paid')}: <b data-testid="sale-paid">{formatRupiah(s.paidRupiah)}</b></Text>
        {(s.buyerInstitution || s.buyerName) && <Text c="dimmed">{t('sales.buyer')}: {[s.buyerName, s.buyerInstitution].filter(Boolean).join(' — ')}{s.buyerContact ? ` · ${s.buyerContact}` : ''}</Text>}
      </Group>
      {s.cancelReason && <Alert color="red" mb="md">{t('sales.cancelled', { reason: s.cancelReason })}</Alert>}
      <Section title={t('sales.items')}><DataTable caption={t('sales.items')} columns={lineCols} rows={s.lines} rowKey={(l) => l.id} /></Section>
      {canWrite && s.steps.length > 0 && <Steps sale={s} today={meta.today} />}
      <Section title={t('sales.payments')}>
        {s.payments.length > 0 ? <DataTable caption={t('sales.payments')} columns={payCols} rows={s.payments} rowKey={(p) => p.id} /> : <Text c="dimmed">{t('sales.noPayments')}</Text>}
        {canWrite && ['ordered', 'delivered', 'invoiced'].includes(s.status) && s.paidRupiah < s.totalRupiah && <PaymentForm sale={s} today={meta.today} />}
      </Section>
    </div>
  );
}

function useRefresh(saleId: number) {
  const qc = useQueryClient();
  return (sale: Sale) => {
    qc.setQueryData(salesKeys.sale(saleId), sale);
    void qc.invalidateQueries({ queryKey: ['sales'] });
    void qc.invalidateQueries({ queryKey: ['sales-summary'] });
  };
}

function Steps({ sale, today }: { sale: Sale; today: string }) {
  const { t } = useT();
  const refresh = useRefresh(sale.id);
  const form = useForm<{ date: string; dueOn: string; reason: string }>({ date: today, dueOn: '', reason: '' });
  async function go(step: 'order' | 'deliver' | 'invoice' | 'cancel') {
    const input = form.validate(SaleStepInput, {
      step, version: sale.version, date: form.values.date,
      ...(step === 'invoice' && form.values.dueOn ? { dueOn: form.values.dueOn } : {}),
      ...(step === 'cancel' ? { reason: form.values.reason.trim() } : {}),
    });
    if (!input) return;
    const out = await form.run(() => post<Sale>(`/sales/${sale.id}/steps`, input));
    if (out) refresh(out);
  }
  return (
    <Section title={t('sales.nextStep')}>
      <Paper withBorder p="md" maw={760}>
        <form ref={form.formRef} onSubmit={(e) => e.preventDefault()} aria-label={t('sales.nextStep')}>
          <Stack gap="sm">
            <FormAlert problem={form.problem} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <DateField label={t('sales.stepDate')} max={today} value={form.values.date} onChange={(x) => form.set('date', x)} error={form.errors.date} />
              {sale.steps.includes('invoice') && <DateField label={t('sales.dueOn')} value={form.values.dueOn} onChange={(x) => form.set('dueOn', x)} error={form.errors.dueOn} />}
              {sale.steps.includes('cancel') && <TextInput label={t('sales.cancelReason')} value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} />}
            </SimpleGrid>
            <Group gap="sm">
              {sale.steps.filter((x) => x !== 'cancel').map((step) => (
                <Button key={step} loading={form.submitting} onClick={() => void go(step)}>{tDynamic(`sales.steps.${step}`, step)}</Button>
              ))}
              {sale.steps.includes('cancel') && <Button color="red" variant="light" loading={form.submitting} onClick={() => void go('cancel')}>{t('sales.steps.cancel')}</Button>}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Section>
  );
}

function PaymentForm({ sale, today }: { sale: Sale; today: string }) {
  const { t } = useT();
  const refresh = useRefresh(sale.id);
  const [key, setKey] = useState(newClientKey);
  const form = useForm<{ date: string; amount: number | string; method: string; reference: string }>({ date: today, amount: sale.totalRupiah - sale.paidRupiah, method: 'transfer', reference: '' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(PaymentInput, { date: form.values.date, amountRupiah: numberOrNull(form.values.amount), method: form.values.method, reference: form.values.reference.trim() || null, idempotencyKey: key });
    if (!input) return;
    const out = await form.run(() => post<Sale>(`/sales/${sale.id}/payments`, input));
    if (!out) return;
    setKey(newClientKey());
    refresh(out);
  }
  return (
    <Paper withBorder p="md" mt="md" maw={760}>
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={t('sales.recordPayment')}>
        <Stack gap="sm">
          <Title order={3} size="h5">{t('sales.recordPayment')}</Title>
          <FormAlert problem={form.problem} />
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <DateField label={t('sales.date')} max={today} value={form.values.date} onChange={(x) => form.set('date', x)} error={form.errors.date} />
            <IntField label={t('sales.amount')} value={form.values.amount} onChange={(x) => form.set('amount', x)} error={form.errors.amountRupiah} />
            <NativeSelect label={t('sales.method')} value={form.values.method} onChange={(e) => form.set('method', e.currentTarget.value)} data={PAYMENT_METHODS.map((m) => ({ value: m, label: tDynamic(`sales.methods.${m}`, m) }))} />
            <TextInput label={t('sales.reference')} value={form.values.reference} onChange={(e) => form.set('reference', e.currentTarget.value)} />
          </SimpleGrid>
          <Group><Button type="submit" loading={form.submitting}>{t('sales.recordPayment')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ReversePayment({ paymentId, saleId }: { paymentId: number; saleId: number }) {
  const { t } = useT();
  const refresh = useRefresh(saleId);
  return <ReverseButton<Sale> path={`/sales/payments/${paymentId}/reverse`} label={t('sales.reversePayment')} errorField="paymentId" onDone={refresh} />;
}
