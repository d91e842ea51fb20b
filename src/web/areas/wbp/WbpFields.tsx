import { Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CRIME_CATEGORIES, RELIGIONS, SPECIAL_CRIMES, WBP_STATUSES } from '../../../shared/schemas/wbp.ts';
import type { FieldErrors } from '../../api/client.ts';
import { DateField } from '../../forms/fields.tsx';
import { useT } from '../../i18n/index.ts';

export interface WbpValues extends Record<string, unknown> {
  noRegister: string;
  name: string;
  sex: string;
  birthDate: string;
  religion: string;
  status: string;
  crimeCategory: string;
  crimeRaw: string;
  specialCrimes: string[];
  detentionStart: string;
  admittedOn: string;
  verdictDocument: boolean;
}

export const emptyWbpValues = (): WbpValues => ({
  noRegister: '',
  name: '',
  sex: '',
  birthDate: '',
  religion: '',
  status: 'tahanan',
  crimeCategory: '',
  crimeRaw: '',
  specialCrimes: [],
  detentionStart: '',
  admittedOn: '',
  verdictDocument: false,
});

/**
 * The inmate's basic data. Register number, religion (as first registered: the basis of remisi
 * khusus) and admission are set once, when the record is created.
 */
export function WbpFields({
  values: v,
  set,
  errors,
  creating,
  today,
}: {
  values: WbpValues;
  set: <K extends keyof WbpValues>(k: K, value: WbpValues[K]) => void;
  errors: FieldErrors;
  creating: boolean;
  today: string;
}) {
  const { t } = useT();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {creating && (
          <TextInput label={t('wbp.fields.noRegister')} required value={v.noRegister} onChange={(e) => set('noRegister', e.currentTarget.value)} error={errors.noRegister} />
        )}
        <TextInput label={t('wbp.fields.name')} required value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
        <NativeSelect
          label={t('wbp.fields.sex')}
          required
          value={v.sex}
          onChange={(e) => set('sex', e.currentTarget.value)}
          error={errors.sex}
          data={[{ value: '', label: '—' }, { value: 'L', label: t('wbp.sexes.L') }, { value: 'P', label: t('wbp.sexes.P') }]}
        />
        <DateField label={t('wbp.fields.birthDate')} value={v.birthDate} onChange={(x) => set('birthDate', x)} error={errors.birthDate} max={today} />
        {creating && (
          <NativeSelect
            label={t('wbp.fields.religion')}
            required
            value={v.religion}
            onChange={(e) => set('religion', e.currentTarget.value)}
            error={errors.religion}
            data={[{ value: '', label: '—' }, ...RELIGIONS.map((r) => ({ value: r, label: t(`wbp.religions.${r}`) }))]}
          />
        )}
        <NativeSelect
          label={t('wbp.fields.status')}
          required
          value={v.status}
          onChange={(e) => set('status', e.currentTarget.value)}
          error={errors.status}
          data={WBP_STATUSES.map((s) => ({ value: s, label: t(`wbp.statuses.${s}`) }))}
        />
        <NativeSelect
          label={t('wbp.fields.crimeCategory')}
          value={v.crimeCategory}
          onChange={(e) => set('crimeCategory', e.currentTarget.value)}
          error={errors.crimeCategory}
          data={[{ value: '', label: t('wbp.noCrime') }, ...CRIME_CATEGORIES.map((c) => ({ value: c, label: t(`wbp.crimes.${c}`) }))]}
        />
        <TextInput label={t('wbp.fields.crimeRaw')} value={v.crimeRaw} onChange={(e) => set('crimeRaw', e.currentTarget.value)} error={errors.crimeRaw} />
        <DateField label={t('wbp.fields.detentionStart')} value={v.detentionStart} onChange={(x) => set('detentionStart', x)} error={errors.detentionStart} max={today} />
        {creating && (
          <DateField label={t('wbp.fields.admittedOn')} value={v.admittedOn} onChange={(x) => set('admittedOn', x)} error={errors.admittedOn} max={today} />
        )}
      </SimpleGrid>
      <Checkbox.Group
        label={t('wbp.fields.specialCrimes')}
        value={v.specialCrimes}
        onChange={(x) => set('specialCrimes', x)}
        error={errors.specialCrimes}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
          {SPECIAL_CRIMES.map((c) => (
            <Checkbox key={c} value={c} label={t(`wbp.specialCrimes.${c}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox label={t('wbp.fields.verdictDocument')} checked={v.verdictDocument} onChange={(e) => set('verdictDocument', e.currentTarget.checked)} />
    </Stack>
  );
}
