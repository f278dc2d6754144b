/** The signed-in account (`GET /api/auth/me`) for every page: roles and abilities decide what is shown. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { authApi, type Me } from '../../shared/auth/contract.ts';
import { ApiError, call } from './api.ts';

export type { Me };

interface SessionState {
  me: Me | null;
  loading: boolean;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads the session once and offers refresh (after sign-in) and sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      setMe(await call(authApi.me));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);
  const signOut = useCallback(async () => {
    await call(authApi.signOut);
    setMe(null);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ me, loading, refresh, signOut }}>{children}</SessionContext.Provider>;
}

/** The session state; only inside SessionProvider. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** True when the signed-in actor holds `permission` (the UI hides what the policy forbids). */
export function useCan(permission: string): boolean {
  return useSession().me?.abilities.includes(permission) ?? false;
}
