// A few lines of routing for four pages: the portal does not need (or download) a router library.
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export const PORTAL_BASE = '/give';

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function usePath(): string {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path.replace(/\/+$/, '') || '/';
}

/** An in-portal link: a real <a href> (open in new tab works), client-side navigation on a plain click. */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return (
    <a
      {...rest}
      href={to}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    />
  );
}

export type Route =
  | { page: 'give' }
  | { page: 'thanks'; paymentId: string }
  | { page: 'sign-in' }
  | { page: 'my-gifts' }
  | { page: 'not-found' };

export function routeOf(path: string): Route {
  // '/portal.html': the page as the Vite dev server serves it
  if (path === PORTAL_BASE || path === '/' || path === '/portal.html') return { page: 'give' };
  const thanks = /^\/give\/thanks\/([0-9a-f-]{36})$/.exec(path);
  if (thanks) return { page: 'thanks', paymentId: thanks[1]! };
  if (path === `${PORTAL_BASE}/sign-in`) return { page: 'sign-in' };
  if (path === `${PORTAL_BASE}/my-gifts`) return { page: 'my-gifts' };
  return { page: 'not-found' };
}
