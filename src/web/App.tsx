import { useQueryClient } from '@tanstack/react-query';
import { lazy, useEffect, type ReactNode } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { Action } from '../shared/access/roles.ts';
import { setAuthProblemHandler } from './api/client.ts';
import { RequireAuth, RequirePermission } from './auth/guards.tsx';
import { forgetSession, ME_KEY, useMe } from './auth/session.ts';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/States.tsx';

// Every page is its own chunk: the first load carries only the shell.
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const KanwilListPage = lazy(() => import('./pages/KanwilListPage.tsx'));
const KanwilDetailPage = lazy(() => import('./pages/KanwilDetailPage.tsx'));
const UptListPage = lazy(() => import('./pages/UptListPage.tsx'));
const UptDetailPage = lazy(() => import('./pages/UptDetailPage.tsx'));
const UptCreatePage = lazy(() => import('./pages/UptCreatePage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const UserCreatePage = lazy(() => import('./pages/UserCreatePage.tsx'));
const UserDetailPage = lazy(() => import('./pages/UserDetailPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const AccountPage = lazy(() => import('./pages/AccountPage.tsx'));

const need = (action: Action, page: ReactNode) => <RequirePermission action={action}>{page}</RequirePermission>;

/** Sends the user to sign in (or to change the password) when the API says so. */
function AuthRedirects() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  useEffect(() => {
    setAuthProblemHandler((reason) => {
      if (reason === 'unauthenticated') {
        forgetSession(qc);
        if (!location.pathname.startsWith('/masuk')) {
          navigate('/masuk', { replace: true, state: { from: location.pathname + location.search } });
        }
      } else {
        void qc.invalidateQueries({ queryKey: ME_KEY });
        navigate('/ganti-sandi', { replace: true });
      }
    });
  }, [navigate, location, qc]);
  return null;
}

/** The password page is bare (no navigation) while the change is forced. */
function PasswordLayout() {
  const { data: me } = useMe();
  return <Layout bare={!me || me.mustChangePassword} />;
}

export function App() {
  return (
    <>
      <AuthRedirects />
      <Routes>
        <Route element={<Layout bare />}>
          <Route path="/masuk" element={<LoginPage />} />
        </Route>
        <Route
          element={
            <RequireAuth>
              <PasswordLayout />
            </RequireAuth>
          }
        >
          <Route path="/ganti-sandi" element={<ChangePasswordPage />} />
        </Route>
        <Route
          element={
            <RequireAuth>
              <Layout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="/organisasi" element={need('org.read', <KanwilListPage />)} />
          <Route path="/organisasi/kanwil/:id" element={need('org.read', <KanwilDetailPage />)} />
          <Route path="/organisasi/upt" element={need('org.read', <UptListPage />)} />
          <Route path="/organisasi/upt/baru" element={need('org.write', <UptCreatePage />)} />
          <Route path="/organisasi/upt/:id" element={need('org.read', <UptDetailPage />)} />
          <Route path="/pengguna" element={need('user.read', <UsersPage />)} />
          <Route path="/pengguna/baru" element={need('user.manage', <UserCreatePage />)} />
          <Route path="/pengguna/:id" element={need('user.read', <UserDetailPage />)} />
          <Route path="/audit" element={need('audit.read', <AuditPage />)} />
          <Route path="/akun" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
