import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, type FormEvent } from 'react';
import { PNBP_ACCOUNT_CODES } from '../../../domain/pnbp/codes.ts';
import { BillingInput, PaymentInput, ReversePaymentInput } from '../../../shared/schemas/pnbp.ts';
import { post } from '../../api/client.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { DateField, IntField } from '../../forms/fields.tsx';
import { numberOrNull, useForm } from '../../forms/form.ts';
import { formatDate, formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { newKey, type Billing } from './api.ts';

/** Record a SIMPONI billing: codes are typed as printed; the idempotency key survives a resend. */
export function BillingForm({ today, satkerCode, onDone, onClose }: { today: string; satkerCode: string | null; onDone: (b: Billing) => void; onClose: () => void }) {
  const { t } = useT();
  const key = useRef(newKey());
  const form = useForm({
    kodeBilling: '', satkerCode: '', accountCode: PNBP_ACCOUNT_CODES[0]?.code ?? '', amountRupiah: '' as number | string,
    periodMonth: today.slice(0, 7), description: '', createdOn: today, expiresOn: '',
  });
  const v = form.values;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(BillingInput, {
      kodeBilling: v.kodeBilling, accountCode: v.accountCode, amountRupiah: numberOrNull(v.amountRupiah), periodMonth: v.periodMonth, description: v.description,
      createdOn: v.createdOn, idempotencyKey: key.current,
      ...(v.satkerCode.trim() ? { satkerCode: v.satkerCode } : {}), ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
    });
    if (!input) return;
    const b = await form.run(() => post<Billing>('/pnbp/billings', input));
    if (b) {
      key.current = newKey();
      onDone(b);
    }
  }
  return (
    <Paper withBorder p="md" mt="sm" id="billing-form">
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('pnbp.create.title')}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('pnbp.create.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pnbp.create.intro')}
          </Text>
          <FormAlert problem={form.problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('pnbp.create.kodeBilling')} required inputMode="numeric" autoComplete="off" value={v.kodeBilling} onChange={(e) => form.set('kodeBilling', e.currentTarget.value)} error={form.errors.kodeBilling} />
            <IntField label={t('pnbp.create.amount')} required prefix="Rp " value={v.amountRupiah} onChange={(x) => form.set('amountRupiah', x)} error={form.errors.amountRupiah} />
            <TextInput
              label={t('pnbp.create.satkerCode')}
              inputMode="numeric"
              description={satkerCode ? t('pnbp.create.satkerHint', { code: satkerCode }) : undefined}
              value={v.satkerCode}
              onChange={(e) => form.set('satkerCode', e.currentTarget.value)}
              error={form.errors.satkerCode}
            />
            <TextInput
              label={t('pnbp.create.accountCode')}
              required
              inputMode="numeric"
              description={t('pnbp.create.accountHint')}
              value={v.accountCode}
              onChange={(e) => form.set('accountCode', e.currentTarget.value)}
              error={form.errors.accountCode}
            />
            <TextInput type="month" label={t('pnbp.create.periodMonth')} required value={v.periodMonth} max={today.slice(0, 7)} onChange={(e) => form.set('periodMonth', e.currentTarget.value)} error={form.errors.periodMonth} />
            <DateField label={t('pnbp.create.createdOn')} required value={v.createdOn} max={today} onChange={(x) => form.set('createdOn', x)} error={form.errors.createdOn} />
            <DateField label={t('pnbp.create.expiresOn')} value={v.expiresOn} min={v.createdOn} onChange={(x) => form.set('expiresOn', x)} error={form.errors.expiresOn} />
            <TextInput label={t('pnbp.create.description')} required value={v.description} onChange={(e) => form.set('description', e.currentTarget.value)} error={form.errors.description} />
          </SimpleGrid>
          {form.errors.idempotencyKey && (
            <Text size="sm" c="red">
              {form.errors.idempotencyKey}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('pnbp.create.submit')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('pnbp.create.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Record the NTPN of a billing (amount prefilled with the billed amount). */
export function PaymentDialog({ billing, today, onDone, onClose }: { billing: Billing | null; today: string; onDone: (b: Billing, ntpn: string) => void; onClose: () => void }) {
  const { t } = useT();
  return (
    <Modal opened={!!billing} onClose={onClose} title={billing ? t('pnbp.pay.title', { kode: billing.kodeBilling }) : ''} centered size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {billing && <PaymentFields key={billing.id} billing={billing} today={today} onDone={onDone} />}
    </Modal>
  );
}

function PaymentFields({ billing, today, onDone }: { billing: Billing; today: string; onDone: (b: Billing, ntpn: string) => void }) {
  const { t, lang } = useT();
  const form = useForm({ ntpn: '', bank: '', paidOn: today < billing.expiresOn ? today : billing.expiresOn, amountRupiah: billing.amountRupiah as number | string });
  const v = form.values;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(PaymentInput, { ntpn: v.ntpn, bank: v.bank, paidOn: v.paidOn, amountRupiah: numberOrNull(v.amountRupiah) });
    if (!input) return;
    const b = await form.run(() => post<Billing>(`/pnbp/billings/${billing.id}/payments`, input));
    if (b) onDone(b, b.payments.find((p) => p.reverses === null && p.reversedBy === null)?.ntpn ?? v.ntpn);
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('pnbp.pay.title', { kode: billing.kodeBilling })}>
      <Stack gap="sm">
        <Text size="sm">
          {t('pnbp.pay.intro', { amount: formatRupiah(billing.amountRupiah), from: formatDate(billing.createdOn, lang), to: formatDate(billing.expiresOn, lang) })}
        </Text>
        <FormAlert problem={form.problem} />
        <TextInput label={t('pnbp.pay.ntpn')} required autoComplete="off" value={v.ntpn} onChange={(e) => form.set('ntpn', e.currentTarget.value)} error={form.errors.ntpn ?? form.errors.billingId} data-autofocus />
        <TextInput label={t('pnbp.pay.bank')} required value={v.bank} onChange={(e) => form.set('bank', e.currentTarget.value)} error={form.errors.bank} />
        <DateField label={t('pnbp.pay.paidOn')} required value={v.paidOn} min={billing.createdOn} max={today < billing.expiresOn ? today : billing.expiresOn} onChange={(x) => form.set('paidOn', x)} error={form.errors.paidOn} />
        <IntField label={t('pnbp.pay.amount')} required prefix="Rp " value={v.amountRupiah} onChange={(x) => form.set('amountRupiah', x)} error={form.errors.amountRupiah} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('pnbp.pay.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Reverse a payment with a reason (the ledger is append-only). */
export function ReverseDialog({ payment, onDone, onClose }: { payment: { id: number; ntpn: string } | null; onDone: (b: Billing) => void; onClose: () => void }) {
  const { t } = useT();
  const form = useForm({ reason: '' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!payment) return;
    const input = form.validate(ReversePaymentInput, form.values);
    if (!input) return;
    const b = await form.run(() => post<Billing>(`/pnbp/payments/${payment.id}/reverse`, input));
    if (b) {
      form.reset({ reason: '' });
      onDone(b);
    }
  }
  return (
    <Modal opened={!!payment} onClose={onClose} title={payment ? t('pnbp.reverseForm.title', { ntpn: payment.ntpn }) : ''} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={payment ? t('pnbp.reverseForm.title', { ntpn: payment.ntpn }) : undefined}>
        <Stack gap="sm">
          <FormAlert problem={form.problem} />
          <TextInput label={t('pnbp.reverseForm.reason')} required value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason ?? form.errors.paymentId} data-autofocus />
          <Group>
            <Button type="submit" color="red" loading={form.submitting}>
              {t('pnbp.reverseForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
