import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp, type RegisteredRoute } from '../app.ts';
import { loadConfig } from '../config.ts';
import { testDb, type TestDb } from './test-db.ts';

export interface TestApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  db: TestDb;
}

let current: Promise<TestApp> | null = null;

/** A real Fastify app on this file's database, answering through inject() (no socket needed). */
export function testApp(): Promise<TestApp> {
  current ??= (async () => {
    const db = await testDb();
    const config = { ...loadConfig({}), logLevel: process.env.TEST_LOG_LEVEL ?? 'silent', webDist: '/nonexistent' };
    const { app, routes } = await buildApp(config, db.pool, { logger: Boolean(process.env.TEST_LOG_LEVEL) });
    await app.ready();
    afterAll(() => app.close());
    return { app, routes, db };
  })();
  return current;
}

/** A signed-in client: cookie and CSRF token applied to every request. */
export interface Session {
  cookie: string;
  csrf: string;
  me: { user: { id: string }; unit: { id: string }; permissions: string[] };
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function signInAs(app: FastifyInstance, username: string, password: string, ip = '127.0.0.1'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : setCookie!;
  const cookie = raw.split(';')[0]!;
  const me = res.json();
  const send = (method: 'GET' | 'POST' | 'PATCH') => (url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method, url, remoteAddress: ip,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': me.csrfToken }), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie, csrf: me.csrfToken, me,
    get: (url, headers) => send('GET')(url, undefined, headers),
    post: send('POST'),
    patch: send('PATCH'),
  };
}
