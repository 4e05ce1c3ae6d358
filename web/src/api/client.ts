// The one API client: openapi-fetch over the types generated from server/openapi.json
// (npm run api:types -w web). Every call carries the session cookie, the chosen language and,
// for anything that changes state, the CSRF token handed out by /api/me or the login answer.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

let csrfToken: string | null = null;
let currentLanguage: () => string = () => 'fa';
let unauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setLanguageSource(source: () => string): void {
  currentLanguage = source;
}

/** Called on any 401 except a failed sign-in; the auth context forgets the user and routes to /login. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorized = handler;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage() === 'en' ? 'en' : 'fa');
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/login')) {
      unauthorized?.();
    }
    return response;
  },
};

const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;

export const api = createClient<paths>({ baseUrl: origin, credentials: 'include' });
api.use(sessionMiddleware);
