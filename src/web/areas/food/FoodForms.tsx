import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import { HarvestInput, PlantingInput, PlotInput } from '../../../shared/schemas/work.ts';
import { post } from '../../api/client.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { DateField } from '../../forms/fields.tsx';
import { useForm } from '../../forms/form.ts';
import { formatNumber } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { basisPoints, formatBasisPoints, formatScaled, parseScaled, type DecimalResult } from '../work/units.ts';
import type { Plot } from './api.ts';

const SECTORS = ['farming', 'fisheries', 'livestock'] as const;
const PLOT_KINDS = ['land', 'pond', 'pen'] as const;
/** Hectares → m² (4 decimals), kilograms → grams (3 decimals). */
const HA = 4;
const KG = 3;

/** The message for a decimal the officer typed, or undefined when it reads as a number. */
function useDecimalError() {
  const { t, lang } = useT();
  return (r: DecimalResult, scale: number, required: boolean): string | undefined => {
    if (r.ok) return undefined;
    if (r.reason === 'empty') return required ? fieldMessage('required', lang) : undefined;
    if (r.reason === 'too_precise') return t('food.decimal.tooPrecise', { n: scale });
    if (r.reason === 'too_big') return t('food.decimal.tooBig');
    return t('food.decimal.invalid');
  };
}

/** A decimal typed in the big unit (ha, kg), shown back in the small one the API stores. */
function DecimalField({ label, value, onChange, error, required, help }: { label: string; value: string; onChange: (v: string) => void; error?: ReactNode; required?: boolean; help?: ReactNode }) {
  return <TextInput label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} required={required} description={help} inputMode="decimal" autoComplete="off" />;
}

/** Runs the shared schema, then puts the decimal parsing messages under their inputs. */
function useDecimalChecks() {
  const decimalError = useDecimalError();
  return (checks: Array<[string, DecimalResult, number, boolean]>) => {
    const out: Record<string, string> = {};
    for (const [field, r, scale, required] of checks) {
      const e = decimalError(r, scale, required);
      if (e) out[field] = e;
    }
    return out;
  };
}

const valueOr = (r: DecimalResult, fallback: unknown) => (r.ok ? r.value : fallback);

function HarvestForm({ plots, today, onDone }: { plots: Plot[]; today: string; onDone: (text: string) => void }) {
  const { t } = useT();
  const form = useForm({ sector: 'farming', commodity: '', harvestedOn: today, plotId: '', qtyKg: '', offtakeKg: '' });
  const checks = useDecimalChecks();
  const qty = parseScaled(form.values.qtyKg, KG);
  const offtake = parseScaled(form.values.offtakeKg, KG);
  const share = qty.ok && offtake.ok ? basisPoints(offtake.value, qty.value) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const decimalErrors = checks([
      ['qtyGrams', qty, KG, true],
      ['offtakeGrams', offtake, KG, false],
    ]);
    const input = form.validate(HarvestInput, {
      sector: v.sector,
      commodity: v.commodity,
      harvestedOn: v.harvestedOn,
      ...(v.plotId ? { plotId: Number(v.plotId) } : {}),
      qtyGrams: valueOr(qty, qty.ok || qty.reason === 'empty' ? undefined : v.qtyKg),
      offtakeGrams: valueOr(offtake, offtake.ok || offtake.reason === 'empty' ? 0 : v.offtakeKg),
    });
    if (Object.keys(decimalErrors).length) {
      form.setErrors((prev) => ({ ...prev, ...decimalErrors }));
      if (input) form.setProblem({ kind: 'client' });
      return;
    }
    if (!input) return;
    const saved = await form.run(() => post('/food/harvests', input));
    if (saved) onDone(t('food.harvestSaved', { commodity: input.commodity, kg: formatScaled(input.qtyGrams, KG) }));
  }

  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('food.actions.harvest')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('food.fields.sector')}
            required
            value={form.values.sector}
            onChange={(e) => form.set('sector', e.currentTarget.value)}
            error={form.errors.sector}
            data={SECTORS.map((s) => ({ value: s, label: t(`food.sectors.${s}`) }))}
          />
          <TextInput label={t('food.fields.commodity')} required value={form.values.commodity} onChange={(e) => form.set('commodity', e.currentTarget.value)} error={form.errors.commodity} />
          <DateField label={t('food.fields.harvestedOn')} required max={today} value={form.values.harvestedOn} onChange={(v) => form.set('harvestedOn', v)} error={form.errors.harvestedOn} />
        </SimpleGrid>
        <NativeSelect
          label={t('food.fields.plot')}
          value={form.values.plotId}
          onChange={(e) => form.set('plotId', e.currentTarget.value)}
          error={form.errors.plotId}
          data={[{ value: '', label: t('food.fields.noPlot') }, ...plots.map((p) => ({ value: String(p.id), label: `${p.name} (${t(`food.plotKinds.${p.kind}`)})` }))]}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DecimalField
            label={t('food.fields.qtyKg')}
            required
            value={form.values.qtyKg}
            onChange={(v) => form.set('qtyKg', v)}
            error={form.errors.qtyGrams}
            help={qty.ok ? t('food.fields.qtyHelp', { g: formatNumber(qty.value) }) : undefined}
          />
          <DecimalField
            label={t('food.fields.offtakeKg')}
            value={form.values.offtakeKg}
            onChange={(v) => form.set('offtakeKg', v)}
            error={form.errors.offtakeGrams}
            help={share !== null ? t('food.fields.offtakeHelp', { pct: formatBasisPoints(share) }) : t('food.offtakeTarget')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('food.actions.harvest')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PlantingForm({ plots, today, onDone }: { plots: Plot[]; today: string; onDone: (text: string) => void }) {
  const { t } = useT();
  const form = useForm({ plotId: '', crop: '', sector: 'farming', areaHa: '', plantedOn: today });
  const checks = useDecimalChecks();
  const area = parseScaled(form.values.areaHa, HA);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const decimalErrors = checks([['areaM2', area, HA, true]]);
    const input = form.validate(PlantingInput, {
      plotId: v.plotId ? Number(v.plotId) : undefined,
      crop: v.crop,
      sector: v.sector,
      areaM2: valueOr(area, area.ok || area.reason === 'empty' ? undefined : v.areaHa),
      plantedOn: v.plantedOn,
    });
    if (Object.keys(decimalErrors).length) {
      form.setErrors((prev) => ({ ...prev, ...decimalErrors }));
      if (input) form.setProblem({ kind: 'client' });
      return;
    }
    if (!input) return;
    const saved = await form.run(() => post('/food/plantings', input));
    if (saved) onDone(t('food.plantingSaved', { crop: input.crop }));
  }

  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('food.actions.planting')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('food.fields.plot')}
            required
            value={form.values.plotId}
            onChange={(e) => form.set('plotId', e.currentTarget.value)}
            error={form.errors.plotId}
            data={[{ value: '', label: t('food.fields.choosePlot') }, ...plots.map((p) => ({ value: String(p.id), label: `${p.name} (${formatScaled(p.areaM2, HA)} ha)` }))]}
          />
          <NativeSelect
            label={t('food.fields.sector')}
            required
            value={form.values.sector}
            onChange={(e) => form.set('sector', e.currentTarget.value)}
            error={form.errors.sector}
            data={SECTORS.map((s) => ({ value: s, label: t(`food.sectors.${s}`) }))}
          />
          <TextInput label={t('food.fields.crop')} required value={form.values.crop} onChange={(e) => form.set('crop', e.currentTarget.value)} error={form.errors.crop} />
          <DecimalField
            label={t('food.fields.areaHa')}
            required
            value={form.values.areaHa}
            onChange={(v) => form.set('areaHa', v)}
            error={form.errors.areaM2}
            help={area.ok ? t('food.fields.areaHelp', { m2: formatNumber(area.value) }) : undefined}
          />
          <DateField label={t('food.fields.plantedOn')} required max={today} value={form.values.plantedOn} onChange={(v) => form.set('plantedOn', v)} error={form.errors.plantedOn} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('food.actions.planting')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PlotForm({ onDone }: { onDone: (text: string) => void }) {
  const { t } = useT();
  const form = useForm({ kind: 'land', name: '', areaHa: '' });
  const checks = useDecimalChecks();
  const area = parseScaled(form.values.areaHa, HA);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const decimalErrors = checks([['areaM2', area, HA, true]]);
    const input = form.validate(PlotInput, { kind: v.kind, name: v.name, areaM2: valueOr(area, area.ok || area.reason === 'empty' ? undefined : v.areaHa) });
    if (Object.keys(decimalErrors).length) {
      form.setErrors((prev) => ({ ...prev, ...decimalErrors }));
      if (input) form.setProblem({ kind: 'client' });
      return;
    }
    if (!input) return;
    const saved = await form.run(() => post('/food/plots', input));
    if (saved) onDone(t('food.plotSaved', { name: input.name }));
  }

  return (
    <form onSubmit={(e) => void submit(e)} ref={form.formRef} noValidate aria-label={t('food.actions.plot')}>
      <Stack gap="sm">
        <FormAlert problem={form.problem} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('food.fields.kind')}
            value={form.values.kind}
            onChange={(e) => form.set('kind', e.currentTarget.value)}
            error={form.errors.kind}
            data={PLOT_KINDS.map((k) => ({ value: k, label: t(`food.plotKinds.${k}`) }))}
          />
          <TextInput label={t('food.fields.name')} required value={form.values.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} />
          <DecimalField
            label={t('food.fields.areaHa')}
            required
            value={form.values.areaHa}
            onChange={(v) => form.set('areaHa', v)}
            error={form.errors.areaM2}
            help={area.ok ? t('food.fields.areaHelp', { m2: formatNumber(area.value) }) : undefined}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('food.actions.plot')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const ACTIONS = ['harvest', 'planting', 'plot'] as const;
type FoodAction = (typeof ACTIONS)[number];

/** One small form at a time: a harvest, a planting or a new plot. */
export function FoodActions({ plots, today }: { plots: Plot[]; today: string }) {
  const { t } = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState<FoodAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (open && moved) titleRef.current?.focus();
  }, [open, moved]);
  const done = (text: string) => {
    setNotice(text);
    setFormKey((k) => k + 1);
    void qc.invalidateQueries({ queryKey: ['food-summary'] });
    void qc.invalidateQueries({ queryKey: ['food-plots'] });
    void qc.invalidateQueries({ queryKey: ['work-dashboard'] });
  };
  return (
    <div>
      <Group gap="xs" mb="sm" role="group" aria-label={t('food.actionsTitle')}>
        {ACTIONS.map((a) => (
          <Button
            key={a}
            size="sm"
            variant={open === a ? 'filled' : 'default'}
            aria-expanded={open === a}
            aria-controls="food-action-form"
            onClick={() => {
              setMoved(true);
              setNotice(null);
              setOpen(open === a ? null : a);
            }}
          >
            {t(`food.actions.${a}`)}
          </Button>
        ))}
      </Group>
      {notice && (
        <Alert color="green" role="status" mb="sm" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {open && (
        <Paper withBorder p="md" id="food-action-form" key={`${open}:${formKey}`}>
          <Title order={3} size="h4" mb="sm" tabIndex={-1} ref={titleRef}>
            {t(`food.actions.${open}`)}
          </Title>
          {open === 'harvest' && <HarvestForm plots={plots} today={today} onDone={done} />}
          {open === 'planting' && <PlantingForm plots={plots} today={today} onDone={done} />}
          {open === 'plot' && <PlotForm onDone={done} />}
        </Paper>
      )}
    </div>
  );
}
