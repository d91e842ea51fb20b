import { Alert, AppShell, Burger, Group, NavLink, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Action } from '../../shared/access/roles.ts';
import { ROLE_LABELS } from '../../shared/access/roles.ts';
import type { Me } from '../../shared/schemas/auth.ts';
import { hasPermission, useMe, useSignOut } from '../auth/session.ts';
import { setLang, useT } from '../i18n/index.ts';
import { PageErrorBoundary } from './ErrorBoundary.tsx';
import { Loading } from './States.tsx';

const NavDrawer = lazy(() => import('./NavDrawer.tsx'));

interface NavItem {
  to: string;
  label: string;
  /** Shown only to users holding this permission. */
  needs?: Action;
  end?: boolean;
}
interface NavGroup {
  label?: string;
  items: NavItem[];
}

/** Navigation follows the product's areas; only areas that exist today are listed. */
function useNavGroups(me: Me | null | undefined): NavGroup[] {
  const { t } = useT();
  const groups: NavGroup[] = [
    { items: [{ to: '/', label: t('nav.home'), end: true }] },
    {
      label: t('nav.groupWbp'),
      items: [
        { to: '/wbp', label: t('nav.wbp'), needs: 'wbp.read' },
        { to: '/overstay', label: t('nav.overstay'), needs: 'wbp.read' },
        { to: '/overstay/akan-bebas', label: t('nav.releases'), needs: 'wbp.read' },
        { to: '/remisi', label: t('nav.remission'), needs: 'wbp.read' },
        { to: '/impor', label: t('nav.imports'), needs: 'wbp.import' },
        { to: '/kalkulator', label: t('nav.calculator'), needs: 'calculation.run' },
        { to: '/hari-raya', label: t('nav.holidays'), needs: 'calculation.run' },
      ],
    },
    {
      label: t('nav.groupWork'),
      items: [
        { to: '/kerja', label: t('nav.workDashboard'), needs: 'work.read' },
        { to: '/kerja/kegiatan', label: t('nav.activities'), needs: 'work.read' },
        { to: '/pangan', label: t('nav.food'), needs: 'work.read' },
        { to: '/produksi', label: t('nav.production'), needs: 'work.read' },
        { to: '/produksi/stok', label: t('nav.stock'), needs: 'work.read' },
        { to: '/produksi/produk', label: t('nav.products'), needs: 'work.read' },
        { to: '/katalog-upt', label: t('nav.catalogueListings'), needs: 'sales.read' },
        { to: '/permintaan', label: t('nav.orderRequests'), needs: 'sales.read' },
      ],
    },
    {
      label: t('nav.groupSales'),
      items: [
        { to: '/penjualan', label: t('nav.sales'), needs: 'sales.read' },
        { to: '/penjualan/baru', label: t('nav.newSale'), needs: 'sales.write' },
        { to: '/penjualan/bagi-hasil', label: t('nav.proceedsSplit'), needs: 'sales.read' },
        { to: '/pnbp', label: t('nav.pnbp'), needs: 'pnbp.read' },
        { to: '/pnbp/rekonsiliasi', label: t('nav.pnbpRecon'), needs: 'pnbp.read' },
        { to: '/pnbp/rekap', label: t('nav.pnbpRollup'), needs: 'pnbp.read' },
      ],
    },
    {
      label: t('nav.groupTraining'),
      items: [
        { to: '/pelatihan', label: t('nav.training'), needs: 'training.read' },
        { to: '/mitra', label: t('nav.partners'), needs: 'partner.read' },
        { to: '/mitra/perjanjian', label: t('nav.agreements'), needs: 'partner.read' },
      ],
    },
    {
      label: t('nav.groupCockpit'),
      items: [
        { to: '/capaian', label: t('nav.cockpit'), needs: 'indicator.read', end: true },
        { to: '/capaian/peta', label: t('nav.cockpitMap'), needs: 'indicator.read' },
        { to: '/capaian/hunian', label: t('nav.occupancy'), needs: 'indicator.read' },
        { to: '/target', label: t('nav.targets'), needs: 'indicator.read' },
        { to: '/laporan', label: t('nav.reports'), needs: 'indicator.read' },
      ],
    },
    {
      label: t('nav.groupOrg'),
      items: [
        { to: '/organisasi', label: t('nav.kanwil'), needs: 'org.read', end: false },
        { to: '/organisasi/upt', label: t('nav.upt'), needs: 'org.read' },
      ],
    },
    {
      label: t('nav.groupAdmin'),
      items: [
        { to: '/pengguna', label: t('nav.users'), needs: 'user.read' },
        { to: '/audit', label: t('nav.audit'), needs: 'audit.read' },
      ],
    },
    { label: t('nav.groupAccount'), items: [{ to: '/akun', label: t('nav.account') }] },
  ];
  return groups
    .map((g) => ({ ...g, items: g.items.filter((i) => !i.needs || hasPermission(me, i.needs)) }))
    .filter((g) => g.items.length > 0);
}

/**
 * The entry whose path is the longest prefix of the current one is active: "/overstay" for the
 * due list, "/overstay/akan-bebas" for upcoming releases; "/organisasi" covers the Kanwil pages
 * but not the UPT list, which has its own entry.
 */
function isActive(item: NavItem, pathname: string, all: NavItem[]): boolean {
  if (item.end || item.to === '/') return pathname === item.to;
  const matches = (to: string) => pathname === to || pathname.startsWith(`${to}/`);
  if (!matches(item.to)) return false;
  return !all.some((other) => other.to.length > item.to.length && other.to !== '/' && matches(other.to));
}

function Navigation({ me, onNavigate }: { me: Me | null | undefined; onNavigate?: () => void }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const groups = useNavGroups(me);
  const all = groups.flatMap((g) => g.items);
  const signOut = useSignOut();
  return (
    <Stack gap={0}>
      {groups.map((g, gi) => (
        <div key={gi}>
          {g.label && (
            <p className="nav-group-label" id={`nav-group-${gi}`}>
              {g.label}
            </p>
          )}
          <ul className="nav-list" aria-labelledby={g.label ? `nav-group-${gi}` : undefined}>
            {g.items.map((item) => {
              const active = isActive(item, pathname, all);
              return (
                <li key={item.to}>
                  <NavLink
                    component={Link}
                    to={item.to}
                    label={item.label}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    className="nav-link"
                    onClick={onNavigate}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {me && (
        <ul className="nav-list" style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          <li>
            <NavLink
              component="button"
              type="button"
              label={t('nav.signOut')}
              onClick={() => {
                onNavigate?.();
                void signOut();
              }}
            />
          </li>
        </ul>
      )}
    </Stack>
  );
}

export function LanguageButton({ className }: { className?: string }) {
  const { t, lang } = useT();
  const next = lang === 'id' ? 'en' : 'id';
  return (
    <button type="button" className={className ?? 'header-button'} onClick={() => void setLang(next)} lang={next} title={t('lang.switchLabel')}>
      {t('lang.switchShort')}
    </button>
  );
}

/** A one-off confirmation passed in the navigation state (e.g. "password changed"). */
function Notice() {
  const location = useLocation();
  const navigate = useNavigate();
  const { t } = useT();
  const notice = (location.state as { notice?: string } | null)?.notice;
  if (!notice) return null;
  return (
    <Alert
      color="green"
      role="status"
      mb="md"
      className="page"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={() => navigate(location.pathname + location.search, { replace: true, state: null })}
    >
      {notice}
    </Alert>
  );
}

/** Header, side navigation (drawer on phones), skip link and the main landmark. */
export function Layout({ bare = false }: { bare?: boolean }) {
  const { t, lang } = useT();
  const { data: me } = useMe();
  const [drawerOpen, drawer] = useDisclosure(false);
  // The drawer's code is fetched the first time someone opens the menu (phones only).
  const [drawerLoaded, setDrawerLoaded] = useState(false);
  const burgerRef = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const [firstPath] = useState(location.pathname);
  const moved = useRef(false);
  const signOut = useSignOut();

  // After a navigation, close the drawer and move focus to the content so keyboard and
  // screen-reader users start at the new page rather than at the link they used.
  useEffect(() => {
    drawer.close();
    // Only a new page moves focus; filters and paging (same path) leave it where it is.
    if (moved.current || location.pathname !== firstPath) {
      moved.current = true;
      mainRef.current?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }, [location.pathname]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={bare ? undefined : { width: 250, breakpoint: 'sm', collapsed: { mobile: true } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <AppShell.Header className="app-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            {!bare && (
            <Burger
              ref={burgerRef}
              className="header-narrow"
              opened={drawerOpen}
              onClick={() => {
                setDrawerLoaded(true);
                drawer.toggle();
              }}
              color="white"
              size="sm"
              aria-label={drawerOpen ? t('a11y.closeMenu') : t('a11y.openMenu')}
              aria-expanded={drawerOpen}
              aria-controls="nav-drawer"
            />
            )}
            <Link to="/" className="brand">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {me && !bare && (
              <Link to="/akun" className="header-button header-wide" title={ROLE_LABELS[me.role][lang]}>
                {me.fullName}
              </Link>
            )}
            <LanguageButton />
            {me && (
              <button type="button" className="header-button header-wide" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </button>
            )}
          </Group>
        </Group>
      </AppShell.Header>

      {!bare && (
      <AppShell.Navbar className="app-navbar" aria-label={t('a11y.mainNav')}>
        <div style={{ overflowY: 'auto', padding: 'var(--mantine-spacing-xs)' }}>
          <Navigation me={me} />
        </div>
      </AppShell.Navbar>
      )}

      {!bare && drawerLoaded && (
        <Suspense fallback={null}>
          <NavDrawer
            opened={drawerOpen}
            onClose={() => {
              drawer.close();
              burgerRef.current?.focus();
            }}
            me={me}
          >
            <Navigation me={me} onNavigate={drawer.close} />
          </NavDrawer>
        </Suspense>
      )}

      <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
        <Notice />
        <PageErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
