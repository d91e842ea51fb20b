import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useKanwils, useUpts } from '../api/queries.ts';
import { useMe } from '../auth/session.ts';
import { useT } from '../i18n/index.ts';

export interface UptChoice {
  kanwilId: string;
  uptId: string;
}

/**
 * Kanwil then UPT, for users whose scope covers several units (a Kanwil sees its own UPTs only;
 * head office chooses the Kanwil first). UPT users never see it: their unit is implied.
 */
export function UptPicker({
  value,
  onChange,
  error,
  label,
  kanwilLabel,
  allLabel,
  required = false,
  excludeUptId,
}: {
  value: UptChoice;
  onChange: (v: UptChoice) => void;
  error?: string;
  label?: string;
  kanwilLabel?: string;
  /** When given, an empty choice meaning "all units" (filters). */
  allLabel?: string;
  required?: boolean;
  excludeUptId?: number;
}) {
  const { t } = useT();
  const { data: me } = useMe();
  const national = me?.scope.level === 'national';
  const kanwilId = national ? value.kanwilId : String(me?.scope.kanwilId ?? '');
  const kanwils = useKanwils();
  const upts = useUpts({ kanwilId, pageSize: 200 }, !!kanwilId);
  if (!me || me.scope.level === 'upt') return null;
  const uptOptions = (upts.data?.items ?? []).filter((u) => u.id !== excludeUptId).map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <SimpleGrid cols={{ base: 1, sm: national ? 2 : 1 }} spacing="sm">
      {national && (
        <NativeSelect
          label={kanwilLabel ?? t('users.fields.kanwilId')}
          value={value.kanwilId}
          required={required}
          onChange={(e) => onChange({ kanwilId: e.currentTarget.value, uptId: '' })}
          data={[{ value: '', label: allLabel ?? t('users.chooseKanwil') }, ...(kanwils.data ?? []).map((k) => ({ value: String(k.id), label: k.name }))]}
        />
      )}
      <NativeSelect
        label={label ?? t('wbp.fields.upt')}
        value={value.uptId}
        required={required}
        disabled={!kanwilId}
        error={error}
        onChange={(e) => onChange({ kanwilId, uptId: e.currentTarget.value })}
        data={[{ value: '', label: allLabel ?? (kanwilId ? t('wbp.chooseUpt') : t('users.chooseKanwilFirst')) }, ...uptOptions]}
      />
    </SimpleGrid>
  );
}
