import { Drawer, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../../shared/access/roles.ts';
import type { Me } from '../../shared/schemas/auth.ts';
import { useT } from '../i18n/index.ts';

/** The phone navigation: a modal drawer (focus kept inside, Esc closes). Loaded on first use. */
export default function NavDrawer({ opened, onClose, me, children }: { opened: boolean; onClose: () => void; me: Me | null | undefined; children: ReactNode }) {
  const { t, lang } = useT();
  return (
    <Drawer
      id="nav-drawer"
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      title={t('nav.menu')}
      size="80%"
      padding="sm"
      closeButtonProps={{ 'aria-label': t('a11y.closeMenu') }}
    >
      {me && (
        <Text size="sm" c="dimmed" mb="xs">
          {me.fullName} · {ROLE_LABELS[me.role][lang]}
        </Text>
      )}
      <nav aria-label={t('a11y.mainNav')}>{children}</nav>
    </Drawer>
  );
}
