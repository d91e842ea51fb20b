import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LocationInput, MANUAL_MOVE_KINDS, STOCK_UNITS, StockItemInput, StockMoveInput, type StockMove } from '../../../shared/schemas/production.ts';
import { post } from '../../api/client.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { DateField, IntField } from '../../forms/fields.tsx';
import { nullIfBlank, numberOrNull, useForm } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';
import { newClientKey } from '../work/attendanceDraft.ts';
import type { LocationRow, StockItemRow } from './api.ts';

/** A receipt or an adjustment. The idempotency key is made once per form: a retry after a lost answer records nothing twice. */
function MoveForm({ items, locations, today, onDone }: { items: StockItemRow[]; locations: LocationRow[]; today: string; onDone: (text: string) => void }) {
  const { t } = useT();
  const [idempotencyKey] = useState(newClientKey);
  const form = useForm({
    kind: 'receipt',
    date: today,
    itemId: '',
    locationId: locations.length === 1 ? String(locations[0]!.id) : '',
    qty: '' as number | string,
    lotCode: '',
    lotExpiry: '',
    totalCostRupiah: '' as number | string,
    reference: '',
  });
  const v = form.values;
  const item = items.find((i) => String(i.id) === v.itemId);
  const receipt = v.kind === 'receipt';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const lotCode = v.lotCode.trim();
    const input = form.validate(StockMoveInput, {
      kind: v.kind,
      date: v.date,
      itemId: v.itemId ? Number(v.itemId) : undefined,
      locationId: v.locationId ? Number(v.locationId) : undefined,
      qty: numberOrNull(v.qty),
      ...(lotCode || v.lotExpiry ? { lot: { code: lotCode, ...(v.lotExpiry ? { expiry: v.lotExpiry } : {}) } } : {}),
      ...(receipt && numberOrNull(v.totalCostRupiah) !== null ? { totalCostRupiah: numberOrNull(v.totalCostRupiah) } : {}),
      ...(nullIfBlank(v.reference) ? { reference: v.reference.trim() } : {}),
      idempotencyKey,
    });
    if (!input) return;
    const saved = await form.run(() => post<StockMove>('/stock/moves', input));
    if (saved) onDone(t('production.stock.receiptSaved', { item: saved.itemName }));
  }

  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('production.stock.actions.receipt')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <NativeSelect
            label={t('production.stock.fields.kind')}
            value={v.kind}
            onChange={(e) => form.set('kind', e.currentTarget.value)}
            data={MANUAL_MOVE_KINDS.map((k) => ({ value: k, label: t(`production.stock.manualKinds.${k}`) }))}
          />
          <DateField label={t('production.stock.fields.date')} required max={today} value={v.date} onChange={(x) => form.set('date', x)} error={form.errors.date} />
          <NativeSelect
            label={t('production.stock.fields.item')}
            required
            value={v.itemId}
            onChange={(e) => form.set('itemId', e.currentTarget.value)}
            error={form.errors.itemId}
            data={[{ value: '', label: t('production.stock.fields.chooseItem') }, ...items.map((i) => ({ value: String(i.id), label: `${i.name} (${i.unit})` }))]}
          />
          <NativeSelect
            label={t('production.stock.fields.location')}
            required
            value={v.locationId}
            onChange={(e) => form.set('locationId', e.currentTarget.value)}
            error={form.errors.locationId}
            data={[{ value: '', label: t('production.stock.fields.chooseLocation') }, ...locations.map((l) => ({ value: String(l.id), label: l.name }))]}
          />
          <IntField
            label={t('production.stock.fields.qty', { unit: item?.unit ?? '…' })}
            required
            allowNegative={!receipt}
            description={receipt ? undefined : t('production.stock.fields.qtyAdjustHelp')}
            value={v.qty}
            onChange={(x) => form.set('qty', x)}
            error={form.errors.qty}
          />
          {receipt && (
            <IntField
              label={t('production.stock.fields.totalCostRupiah')}
              prefix="Rp "
              required
              description={t('production.stock.fields.totalCostHelp')}
              value={v.totalCostRupiah}
              onChange={(x) => form.set('totalCostRupiah', x)}
              error={form.errors.totalCostRupiah ?? form.errors.unitCostRupiah}
            />
          )}
          <TextInput
            label={t('production.stock.fields.lotCode')}
            required={item?.perishable}
            value={v.lotCode}
            onChange={(e) => form.set('lotCode', e.currentTarget.value)}
            error={form.errors['lot.code'] ?? form.errors.lot}
          />
          <DateField
            label={t('production.stock.fields.lotExpiry')}
            required={item?.perishable}
            value={v.lotExpiry}
            onChange={(x) => form.set('lotExpiry', x)}
            error={form.errors['lot.expiry']}
          />
          <TextInput label={t('production.stock.fields.reference')} value={v.reference} onChange={(e) => form.set('reference', e.currentTarget.value)} error={form.errors.reference} />
        </SimpleGrid>
        {item?.perishable && (
          <Text size="sm" c="dimmed">
            {t('production.stock.fields.perishableHelp')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('production.stock.actions.receipt')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ItemForm({ onDone }: { onDone: (text: string) => void }) {
  const { t } = useT();
  const form = useForm({ name: '', unit: 'g', perishable: false });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(StockItemInput, { name: form.values.name, unit: form.values.unit, kind: 'material', perishable: form.values.perishable });
    if (!input) return;
    const saved = await form.run(() => post<StockItemRow>('/stock/items', input));
    if (saved) onDone(t('production.stock.itemSaved', { name: saved.name }));
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('production.stock.actions.item')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('production.stock.fields.name')} required value={form.values.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} />
          <NativeSelect
            label={t('production.stock.fields.unit')}
            value={form.values.unit}
            onChange={(e) => form.set('unit', e.currentTarget.value)}
            error={form.errors.unit}
            data={STOCK_UNITS.map((u) => ({ value: u, label: t(`production.stock.units.${u}`) }))}
          />
        </SimpleGrid>
        <Checkbox label={t('production.stock.fields.perishable')} checked={form.values.perishable} onChange={(e) => form.set('perishable', e.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('production.stock.actions.item')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LocationForm({ onDone }: { onDone: (text: string) => void }) {
  const { t } = useT();
  const form = useForm({ name: '' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(LocationInput, { name: form.values.name });
    if (!input) return;
    const saved = await form.run(() => post<LocationRow>('/stock/locations', input));
    if (saved) onDone(t('production.stock.locationSaved', { name: saved.name }));
  }
  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('production.stock.actions.location')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} />
        <TextInput label={t('production.stock.fields.name')} required value={form.values.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} maw={480} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('production.stock.actions.location')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const ACTIONS = ['receipt', 'item', 'location'] as const;
type StockAction = (typeof ACTIONS)[number];

export function StockActions({ items, locations, today }: { items: StockItemRow[]; locations: LocationRow[]; today: string }) {
  const { t } = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState<StockAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [moved, setMoved] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open && moved) titleRef.current?.focus();
  }, [open, moved]);
  const done = (text: string) => {
    setNotice(text);
    setFormKey((k) => k + 1);
    void qc.invalidateQueries({ queryKey: ['stock-on-hand'] });
    void qc.invalidateQueries({ queryKey: ['stock-moves'] });
    void qc.invalidateQueries({ queryKey: ['stock-items'] });
    void qc.invalidateQueries({ queryKey: ['stock-locations'] });
  };
  return (
    <div>
      <Group gap="xs" mb="sm" role="group" aria-label={t('production.stock.title')}>
        {ACTIONS.map((a) => (
          <Button
            key={a}
            size="sm"
            variant={open === a ? 'filled' : 'default'}
            aria-expanded={open === a}
            aria-controls="stock-action-form"
            onClick={() => {
              setMoved(true);
              setNotice(null);
              setOpen(open === a ? null : a);
            }}
          >
            {t(`production.stock.actions.${a}`)}
          </Button>
        ))}
      </Group>
      {notice && (
        <Alert color="green" role="status" mb="sm" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {open && (
        <Paper withBorder p="md" id="stock-action-form" key={`${open}:${formKey}`} mb="md">
          <Title order={3} size="h4" mb="sm" tabIndex={-1} ref={titleRef}>
            {t(`production.stock.actions.${open}`)}
          </Title>
          {open === 'receipt' && <MoveForm items={items} locations={locations} today={today} onDone={done} />}
          {open === 'item' && <ItemForm onDone={done} />}
          {open === 'location' && <LocationForm onDone={done} />}
        </Paper>
      )}
    </div>
  );
}
