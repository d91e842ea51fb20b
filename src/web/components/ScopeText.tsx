import type { Me } from '../../shared/schemas/auth.ts';
import { useT } from '../i18n/index.ts';

/** "Nasional (Kantor Pusat)", "Kanwil Jawa Tengah" or "Lapas … — Kanwil …". */
export function useScopeText() {
  const { t } = useT();
  return (scope: Me['scope']): string => {
    if (scope.level === 'national') return t('scope.national');
    if (scope.level === 'kanwil') return t('scope.kanwil', { name: scope.kanwilName ?? `#${scope.kanwilId}` });
    return t('scope.upt', { upt: scope.uptName ?? `#${scope.uptId}`, kanwil: scope.kanwilName ?? `#${scope.kanwilId}` });
  };
}
