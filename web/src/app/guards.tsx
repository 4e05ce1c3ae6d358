import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './auth';
import { allowedPages } from './nav';
import { ForbiddenPage } from '../pages/errors/StatusPages';
import { PageSpinner, StartupError } from '../components/PageSpinner';

/** Sends anyone without a session to /login?next=<where they were going>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, status, error, retry } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <PageSpinner />;
  if (status === 'failed') return <StartupError error={error} onRetry={retry} />;
  if (!me) {
    const next = location.pathname + location.search;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return children;
}

/** Shows a page only when the server granted its permission; the home page falls back to the first allowed one. */
export function RequirePermission({ permission, path, children }: { permission: string; path: string; children: ReactNode }) {
  const { can } = useAuth();
  if (can(permission)) return children;
  const first = allowedPages(can)[0];
  if (path === '/' && first && first.path !== '/') return <Navigate to={first.path} replace />;
  return <ForbiddenPage />;
}

/** Only same-site paths may be the target after sign-in (no //evil.example or absolute URLs). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}
