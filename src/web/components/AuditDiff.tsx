import { Text, VisuallyHidden } from '@mantine/core';
import { ROLE_LABELS, ROLES } from '../../shared/access/roles.ts';
import type { AuditEntry } from '../../shared/schemas/audit.ts';
import { formatDateTime, formatNumber } from '../format.ts';
import { tDynamic, useT } from '../i18n/index.ts';

/** Bookkeeping fields that change with every write and say nothing to a reader. */
const IGNORED = new Set(['id', 'version', 'updatedAt', 'updated_at', 'hash', 'passwordHash', 'password_hash']);

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export interface Change {
  key: string;
  before: unknown;
  after: unknown;
}

/** The keys whose values differ between `before` and `after` (both plain objects). */
export function changedKeys(before: unknown, after: unknown): Change[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.has(k));
  return keys.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null)).map((k) => ({ key: k, before: b[k], after: a[k] }));
}

/** Readable names and values for audited fields, in the user's language. */
export function useFieldFormat() {
  const { t, lang } = useT();
  const label = (entity: string, key: string): string => {
    const k = camel(key);
    const area = entity === 'app_user' || entity === 'auth' ? 'users' : 'org';
    if (k === 'active' && area === 'org') return tDynamic('org.fields.activeLabel', key);
    return tDynamic(`${area}.fields.${k}`, tDynamic(`audit.fields.${k}`, key));
  };
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('common.none');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return key.toLowerCase().endsWith('id') ? String(v) : formatNumber(v);
    if (Array.isArray(v)) return v.length ? v.map((x) => value(key, x)).join(', ') : t('common.none');
    if (typeof v === 'string') {
      const k = camel(key);
      if (k === 'type') return tDynamic(`org.types.${v}`, v);
      if (k === 'class') return tDynamic(`org.classes.${v}`, v);
      if (k === 'securityLevel') return tDynamic(`org.securityLevels.${v}`, v);
      if (k === 'modifiers') return tDynamic(`org.modifiers.${v}`, v);
      if (k === 'scopeLevel') return tDynamic(`scope.levels.${v}`, v);
      if (k === 'role' && (ROLES as readonly string[]).includes(v)) return ROLE_LABELS[v as (typeof ROLES)[number]][lang];
      if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v, lang);
      return v;
    }
    return JSON.stringify(v);
  };
  return { label, value };
}

/** What one audit entry changed: "Kapasitas: 1.200 → 1.250", or the content of a creation. */
export function AuditDiff({ entry }: { entry: Pick<AuditEntry, 'entity' | 'before' | 'after'> }) {
  const { t } = useT();
  const f = useFieldFormat();
  const created = (entry.before === null || entry.before === undefined) && isObject(entry.after);
  if (created) {
    const fields = Object.entries(entry.after as Record<string, unknown>).filter(
      ([k, v]) => !IGNORED.has(k) && v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    );
    return (
      <div>
        <Text size="sm" c="dimmed">
          {t('audit.createdWith')}
        </Text>
        <ul className="diff-list">
          {fields.map(([k, v]) => (
            <li key={k}>
              <Text span size="sm" fw={600}>
                {f.label(entry.entity, k)}
              </Text>
              <Text span size="sm">
                : {f.value(k, v)}
              </Text>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const changes = changedKeys(entry.before, entry.after);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <ul className="diff-list">
      {changes.map((c) => (
        <li key={c.key}>
          <Text span size="sm" fw={600}>
            {f.label(entry.entity, c.key)}
          </Text>
          <Text span size="sm">
            {': '}
            <VisuallyHidden>{t('audit.before')} </VisuallyHidden>
            <span className="diff-old">{f.value(c.key, c.before)}</span>
            <span aria-hidden="true"> → </span>
            <VisuallyHidden> {t('audit.after')} </VisuallyHidden>
            <span>{f.value(c.key, c.after)}</span>
          </Text>
        </li>
      ))}
    </ul>
  );
}
