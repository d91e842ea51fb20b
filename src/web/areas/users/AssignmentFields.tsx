import { NativeSelect, SimpleGrid } from '@mantine/core';
import { ROLE_LABELS, ROLE_SCOPES, ROLES, type Role, type ScopeLevel } from '../../../shared/access/roles.ts';
import type { FieldErrors } from '../../api/client.ts';
import { useKanwils, useUpts } from '../../api/queries.ts';
import { useT } from '../../i18n/index.ts';

export interface Assignment {
  role: string;
  scopeLevel: string;
  kanwilId: string;
  uptId: string;
}

/** The scope levels a role may have; the first one when the current is not allowed. */
export function fitScope(role: string, scopeLevel: string): string {
  const allowed = ROLE_SCOPES[role as Role] ?? [];
  return allowed.includes(scopeLevel as ScopeLevel) ? scopeLevel : (allowed[0] ?? '');
}

/** Assignment as the API expects: ids only where the scope level needs them. */
export function assignmentPayload(a: Assignment) {
  return {
    role: a.role,
    scopeLevel: a.scopeLevel,
    kanwilId: a.scopeLevel === 'national' ? null : a.kanwilId ? Number(a.kanwilId) : null,
    uptId: a.scopeLevel === 'upt' ? (a.uptId ? Number(a.uptId) : null) : null,
  };
}

/** Role, scope level, Kanwil and UPT, each offering only what fits the choices before it. */
export function AssignmentFields({ value, onChange, errors }: { value: Assignment; onChange: (a: Assignment) => void; errors: FieldErrors }) {
  const { t, lang } = useT();
  const kanwils = useKanwils();
  const upts = useUpts({ kanwilId: value.kanwilId, pageSize: 200 }, value.scopeLevel === 'upt' && !!value.kanwilId);
  const allowed = ROLE_SCOPES[value.role as Role] ?? [];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <NativeSelect
        label={t('users.fields.role')}
        required
        value={value.role}
        onChange={(e) => {
          const role = e.currentTarget.value;
          onChange({ ...value, role, scopeLevel: fitScope(role, value.scopeLevel) });
        }}
        error={errors.role}
        data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
      />
      <NativeSelect
        label={t('users.fields.scopeLevel')}
        required
        value={value.scopeLevel}
        onChange={(e) => onChange({ ...value, scopeLevel: e.currentTarget.value })}
        error={errors.scopeLevel}
        data={allowed.map((s) => ({ value: s, label: t(`scope.levels.${s}`) }))}
      />
      {value.scopeLevel !== 'national' && (
        <NativeSelect
          label={t('users.fields.kanwilId')}
          required
          value={value.kanwilId}
          onChange={(e) => onChange({ ...value, kanwilId: e.currentTarget.value, uptId: '' })}
          error={errors.kanwilId}
          data={[{ value: '', label: t('users.chooseKanwil') }, ...(kanwils.data ?? []).map((k) => ({ value: String(k.id), label: k.name }))]}
        />
      )}
      {value.scopeLevel === 'upt' && (
        <NativeSelect
          label={t('users.fields.uptId')}
          required
          disabled={!value.kanwilId}
          value={value.uptId}
          onChange={(e) => onChange({ ...value, uptId: e.currentTarget.value })}
          error={errors.uptId}
          data={[
            { value: '', label: value.kanwilId ? t('users.chooseUpt') : t('users.chooseKanwilFirst') },
            ...(upts.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name })),
          ]}
        />
      )}
    </SimpleGrid>
  );
}

/** A temporary password that passes the shared rule: 12 characters, letters and digits, no look-alikes. */
export function randomPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const bytes = crypto.getRandomValues(new Uint32Array(12));
  const chars = Array.from(bytes, (b) => all[b % all.length]!);
  chars[bytes[0]! % 12] = digits[bytes[1]! % digits.length]!;
  chars[(bytes[0]! + 5) % 12] = letters[bytes[2]! % letters.length]!;
  return chars.join('');
}
