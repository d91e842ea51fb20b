import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { PLACE_KINDS, SESSIONS, WORK_CATEGORIES, type Activity } from '../../../shared/schemas/work.ts';
import type { FieldErrors } from '../../api/client.ts';
import { IntField } from '../../forms/fields.tsx';
import { nullIfBlank, numberOrNull } from '../../forms/form.ts';
import { useT } from '../../i18n/index.ts';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

export interface ActivityValues extends Record<string, unknown> {
  name: string;
  category: string;
  placeKind: string;
  placeName: string;
  capacity: number | string;
  weekdays: string[];
  sessions: string[];
  partnerName: string;
  outside: boolean;
  openToDetainees: boolean;
  lapasIndustri: boolean;
  agreementNumber: string;
  investmentRupiah: number | string;
  machines: string;
  active: boolean;
}

export const emptyActivity: ActivityValues = {
  name: '',
  category: '',
  placeKind: 'workshop',
  placeName: '',
  capacity: '',
  weekdays: ['1', '2', '3', '4', '5', '6'],
  sessions: ['pagi'],
  partnerName: '',
  outside: false,
  openToDetainees: false,
  lapasIndustri: false,
  agreementNumber: '',
  investmentRupiah: '',
  machines: '',
  active: true,
};

interface Industri {
  agreementNumber?: string;
  investmentRupiah?: number;
  machines?: string;
}

export function valuesOf(a: Activity): ActivityValues {
  const ind = (a.industri ?? {}) as Industri;
  return {
    name: a.name,
    category: a.category,
    placeKind: a.placeKind,
    placeName: a.placeName ?? '',
    capacity: a.capacity,
    weekdays: a.weekdays.map(String),
    sessions: [...a.sessions],
    partnerName: a.partnerName ?? '',
    outside: a.outside,
    openToDetainees: a.openToDetainees,
    lapasIndustri: a.lapasIndustri,
    agreementNumber: ind.agreementNumber ?? '',
    investmentRupiah: ind.investmentRupiah ?? '',
    machines: ind.machines ?? '',
    active: a.active,
  };
}

/** The form's values as `ActivityInput` fields (the shared schema validates them). */
export function inputOf(v: ActivityValues): Record<string, unknown> {
  const investment = numberOrNull(v.investmentRupiah);
  const industri = v.lapasIndustri
    ? {
        ...(v.agreementNumber.trim() ? { agreementNumber: v.agreementNumber.trim() } : {}),
        ...(investment !== null ? { investmentRupiah: investment } : {}),
        ...(v.machines.trim() ? { machines: v.machines.trim() } : {}),
      }
    : null;
  return {
    name: v.name,
    category: v.category || undefined,
    placeKind: v.placeKind,
    placeName: nullIfBlank(v.placeName),
    capacity: numberOrNull(v.capacity),
    weekdays: [...v.weekdays].map(Number).sort(),
    sessions: SESSIONS.filter((s) => v.sessions.includes(s)),
    partnerName: nullIfBlank(v.partnerName),
    outside: v.outside,
    openToDetainees: v.openToDetainees,
    lapasIndustri: v.lapasIndustri,
    industri,
  };
}

/** The fields of an activity, for adding one and for editing it. */
export function ActivityFields({
  values: v,
  set,
  errors,
  editing = false,
}: {
  values: ActivityValues;
  set: <K extends keyof ActivityValues>(key: K, value: ActivityValues[K]) => void;
  errors: FieldErrors;
  editing?: boolean;
}) {
  const { t } = useT();
  const e = (k: string) => errors[k] ?? errors[`industri.${k}`];
  return (
    <Stack gap="sm">
      <TextInput label={t('work.fields.name')} required value={v.name} onChange={(x) => set('name', x.currentTarget.value)} error={e('name')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          label={t('work.fields.category')}
          required
          value={v.category}
          onChange={(x) => set('category', x.currentTarget.value)}
          error={e('category')}
          data={[{ value: '', label: t('work.chooseCategory') }, ...WORK_CATEGORIES.map((c) => ({ value: c, label: t(`work.categories.${c}`) }))]}
        />
        <NativeSelect
          label={t('work.fields.placeKind')}
          value={v.placeKind}
          onChange={(x) => set('placeKind', x.currentTarget.value)}
          error={e('placeKind')}
          data={PLACE_KINDS.map((p) => ({ value: p, label: t(`work.placeKinds.${p}`) }))}
        />
        <TextInput label={t('work.fields.placeName')} value={v.placeName} onChange={(x) => set('placeName', x.currentTarget.value)} error={e('placeName')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <IntField label={t('work.fields.capacity')} required value={v.capacity} onChange={(x) => set('capacity', x)} error={e('capacity')} />
        <TextInput label={t('work.fields.partnerName')} value={v.partnerName} onChange={(x) => set('partnerName', x.currentTarget.value)} error={e('partnerName')} />
      </SimpleGrid>
      <Checkbox.Group label={t('work.fields.weekdays')} required value={v.weekdays} onChange={(x) => set('weekdays', x)} error={e('weekdays')}>
        <Group gap="md" mt={6}>
          {WEEKDAYS.map((d) => (
            <Checkbox key={d} value={d} label={t(`work.weekdays.${d}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group label={t('work.fields.sessions')} required value={v.sessions} onChange={(x) => set('sessions', x)} error={e('sessions')}>
        <Group gap="md" mt={6}>
          {SESSIONS.map((s) => (
            <Checkbox key={s} value={s} label={t(`work.sessions.${s}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox
        label={t('work.fields.outside')}
        description={t('work.fields.outsideHelp')}
        checked={v.outside}
        onChange={(x) => set('outside', x.currentTarget.checked)}
      />
      <Checkbox label={t('work.fields.openToDetainees')} checked={v.openToDetainees} onChange={(x) => set('openToDetainees', x.currentTarget.checked)} />
      <Checkbox label={t('work.fields.lapasIndustri')} checked={v.lapasIndustri} onChange={(x) => set('lapasIndustri', x.currentTarget.checked)} />
      {v.lapasIndustri && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('work.fields.agreementNumber')}
            value={v.agreementNumber}
            onChange={(x) => set('agreementNumber', x.currentTarget.value)}
            error={e('agreementNumber')}
          />
          <IntField
            label={t('work.fields.investmentRupiah')}
            prefix="Rp "
            value={v.investmentRupiah}
            onChange={(x) => set('investmentRupiah', x)}
            error={e('investmentRupiah')}
          />
          <TextInput label={t('work.fields.machines')} value={v.machines} onChange={(x) => set('machines', x.currentTarget.value)} error={e('machines')} />
        </SimpleGrid>
      )}
      {editing && <Checkbox label={t('work.fields.activeLabel')} checked={v.active} onChange={(x) => set('active', x.currentTarget.checked)} />}
    </Stack>
  );
}
