import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Action } from '../../shared/access/roles.ts';
import { ErrorState, Loading, NotAllowedState } from '../components/States.tsx';
import { hasPermission, useMe } from './session.ts';

/** Signed-in users only; a pending password change comes first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!me) return <Navigate to="/masuk" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && location.pathname !== '/ganti-sandi') return <Navigate to="/ganti-sandi" replace />;
  return <>{children}</>;
}

/** A page needing a permission shows a clear "not allowed" state instead of failing requests. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const { data: me } = useMe();
  if (!hasPermission(me, action)) return <NotAllowedState />;
  return <>{children}</>;
}
