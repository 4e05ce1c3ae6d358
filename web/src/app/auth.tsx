// Who is signed in, as told by GET /api/me. Permissions come only from the server's answer.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import type { Me } from '../api/types';
import { clearOrgCache } from '../lib/org-cache';

type Status = 'loading' | 'ready' | 'failed';

interface AuthValue {
  me: Me | null;
  status: Status;
  error: unknown;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  retry: () => void;
  can: (permission: string) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  const setMe = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    if (!next) clearOrgCache();
    setMeState(next);
  }, []);

  useEffect(() => {
    // Any 401 means the session is gone: forget the user; the route guard sends them to /login?next=…
    setUnauthorizedHandler(() => setMe(null));
    return () => setUnauthorizedHandler(null);
  }, [setMe]);

  useEffect(() => {
    let cancelled = false;
    setStatus('loading');
    unwrap(api.GET('/api/me'))
      .then((value) => {
        if (cancelled) return;
        setMe(value);
        setStatus('ready');
      })
      .catch((cause: unknown) => {
        if (cancelled) return;
        if (cause instanceof ApiError && cause.status === 401) {
          setMe(null);
          setStatus('ready');
        } else {
          setError(cause);
          setStatus('failed');
        }
      });
    return () => {
      cancelled = true;
    };
  }, [attempt, setMe]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const value = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
      setMe(value);
      setStatus('ready');
      return value;
    },
    [setMe],
  );

  const signOut = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      setMe(null);
    }
  }, [setMe]);

  const value = useMemo<AuthValue>(() => {
    const permissions = new Set<string>(me?.permissions ?? []);
    return {
      me,
      status,
      error,
      signIn,
      signOut,
      retry: () => setAttempt((n) => n + 1),
      can: (permission) => permissions.has(permission),
    };
  }, [me, status, error, signIn, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user, for components that only render behind the route guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
