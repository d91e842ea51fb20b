import { Badge } from '@mantine/core';
import { useT } from '../../i18n/index.ts';
import type { Agreement } from './api.ts';

/** Days left of an agreement: red once ended, orange inside its alert window. */
export function AgreementBadge({ a }: { a: Pick<Agreement, 'daysLeft' | 'expired' | 'alert'> }) {
  const { t } = useT();
  if (a.expired) return <Badge color="red" style={{ textTransform: 'none' }}>{t('partners.expired')}</Badge>;
  return (
    <Badge color={a.alert ? 'orange' : 'gray'} style={{ textTransform: 'none' }} data-alert={a.alert ? 'true' : undefined}>
      {a.alert ? `${t('partners.alert')} · ` : ''}
      {t('partners.daysLeft', { days: a.daysLeft })}
    </Badge>
  );
}
