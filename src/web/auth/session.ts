import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Action } from '../../shared/access/roles.ts';
import type { Me } from '../../shared/schemas/auth.ts';
import { api, ApiError, post, setCsrfToken } from '../api/client.ts';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when nobody is signed in. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/auth/me', { noRedirect: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
}

/** Stores a fresh `Me` (after login or a password change). */
export function rememberMe(qc: QueryClient, me: Me | null): void {
  setCsrfToken(me?.csrfToken);
  qc.setQueryData(ME_KEY, me);
}

/** Forget everything of the previous user: no data may leak into the next session. */
export function forgetSession(qc: QueryClient): void {
  setCsrfToken(undefined);
  qc.clear();
  qc.setQueryData(ME_KEY, null);
}

export function hasPermission(me: Me | null | undefined, action: Action): boolean {
  return !!me && me.permissions.includes(action);
}

/** Signs out here (or everywhere) and forgets the session's data. */
export function useSignOut() {
  const qc = useQueryClient();
  return useCallback(
    async (everywhere = false) => {
      try {
        await post(everywhere ? '/auth/logout-all' : '/auth/logout');
      } catch (err) {
        // An expired session is already signed out; anything else is shown by the caller.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
      forgetSession(qc);
    },
    [qc],
  );
}
