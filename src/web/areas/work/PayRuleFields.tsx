import { NativeSelect, SimpleGrid } from '@mantine/core';
import { PAY_KINDS } from '../../../shared/schemas/work.ts';
import type { FieldErrors } from '../../api/client.ts';
import { DateField, IntField } from '../../forms/fields.tsx';
import { numberOrNull } from '../../forms/form.ts';
import { formatRupiah } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

export interface PayRuleValues extends Record<string, unknown> {
  effectiveFrom: string;
  kind: string;
  rateRupiah: number | string;
  hoursPerSession: number | string;
}

export const emptyPayRule = (today: string): PayRuleValues => ({ effectiveFrom: today, kind: 'daily', rateRupiah: '', hoursPerSession: '' });

/** `PayRuleInput` fields: whole rupiah, hours only for an hourly rate. */
export function payRuleInputOf(v: PayRuleValues): Record<string, unknown> {
  const hours = numberOrNull(v.hoursPerSession);
  return {
    effectiveFrom: v.effectiveFrom,
    kind: v.kind,
    rateRupiah: v.kind === 'proceeds_share' ? 0 : numberOrNull(v.rateRupiah),
    ...(v.kind === 'hourly' && hours !== null ? { hoursPerSession: hours } : {}),
  };
}

/** "Rp 15.000/hari" for a rule. */
export function useRuleText() {
  const { t } = useT();
  return (r: { kind: string; rateRupiah: number; hoursPerSession?: number | null }) => {
    const kind = r.kind as (typeof PAY_KINDS)[number];
    if (kind === 'proceeds_share') return t('work.payRules.kinds.proceeds_share');
    const hours = kind === 'hourly' && r.hoursPerSession ? ` × ${r.hoursPerSession} ${t('work.payRules.fields.hoursPerSession').toLowerCase()}` : '';
    return `${formatRupiah(r.rateRupiah)}${t(`work.payRules.per.${kind}`)}${hours}`;
  };
}

export function PayRuleFields({
  values: v,
  set,
  errors,
}: {
  values: PayRuleValues;
  set: <K extends keyof PayRuleValues>(key: K, value: PayRuleValues[K]) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  return (
    <SimpleGrid cols={{ base: 1, sm: v.kind === 'hourly' ? 4 : 3 }} spacing="sm">
      <DateField label={t('work.payRules.fields.effectiveFrom')} required value={v.effectiveFrom} onChange={(x) => set('effectiveFrom', x)} error={errors.effectiveFrom} />
      <NativeSelect
        label={t('work.payRules.fields.kind')}
        value={v.kind}
        onChange={(x) => set('kind', x.currentTarget.value)}
        error={errors.kind}
        data={PAY_KINDS.map((k) => ({ value: k, label: t(`work.payRules.kinds.${k}`) }))}
      />
      <IntField
        label={t('work.payRules.fields.rateRupiah')}
        prefix="Rp "
        required={v.kind !== 'proceeds_share'}
        disabled={v.kind === 'proceeds_share'}
        description={v.kind === 'proceeds_share' ? t('work.payRules.proceedsHelp') : undefined}
        value={v.kind === 'proceeds_share' ? 0 : v.rateRupiah}
        onChange={(x) => set('rateRupiah', x)}
        error={errors.rateRupiah}
      />
      {v.kind === 'hourly' && (
        <IntField
          label={t('work.payRules.fields.hoursPerSession')}
          required
          value={v.hoursPerSession}
          onChange={(x) => set('hoursPerSession', x)}
          error={errors.hoursPerSession}
        />
      )}
    </SimpleGrid>
  );
}
