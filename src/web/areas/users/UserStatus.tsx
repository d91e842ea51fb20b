import { Badge, Group } from '@mantine/core';
import type { User } from '../../../shared/schemas/users.ts';
import { useT } from '../../i18n/index.ts';

export const isLocked = (u: Pick<User, 'lockedUntil'>) => !!u.lockedUntil && new Date(u.lockedUntil) > new Date();

export function UserStatus({ user }: { user: User }) {
  const { t } = useT();
  return (
    <Group gap={4} component="span">
      {user.active ? <Badge color="green">{t('common.active')}</Badge> : <Badge color="gray">{t('common.inactive')}</Badge>}
      {isLocked(user) && <Badge color="red">{t('users.locked')}</Badge>}
      {user.mustChangePassword && <Badge color="orange">{t('users.mustChange')}</Badge>}
    </Group>
  );
}

/** "Nasional", "Kanwil Jawa Tengah", "Lapas … (Kanwil …)". */
export function useUserScopeText() {
  const { t } = useT();
  return (u: Pick<User, 'scopeLevel' | 'kanwilName' | 'uptName'>) => {
    if (u.scopeLevel === 'national') return t('scope.national');
    if (u.scopeLevel === 'kanwil') return t('scope.kanwil', { name: u.kanwilName ?? '' });
    return t('scope.upt', { upt: u.uptName ?? '', kanwil: u.kanwilName ?? '' });
  };
}
