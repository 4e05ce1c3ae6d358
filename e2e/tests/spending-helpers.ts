// Steps the spending journeys share: API clients for the setup done by other roles, signing a
// person in, taking a step of a request through its dialog, and picking from an antd Select.
import { randomUUID } from 'node:crypto';
import { formatJalaliDate } from '@mosharekat/fa';
import { request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chooseOption, dialog } from '../support/antd';
import { baseUrl, DEMO_PASSWORD, DESKTOP, openSession, settle, signIn, type Session, type Viewport } from '../support/browser';

/** Today as the API takes Jalali days ("1405/09/08"). */
export const today = () => formatJalaliDate(new Date(), { digits: 'latin' });

/** A signed-in API client (session cookie and CSRF token), for the setup steps. */
export async function apiAs(username: string, password = DEMO_PASSWORD) {
  const context: APIRequestContext = await request.newContext({ baseURL: baseUrl() });
  const login = await context.post('/api/auth/login', { data: { username, password } });
  if (!login.ok()) throw new Error(`login ${username}: ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const post = async <T>(path: string, data: unknown, idempotent = false): Promise<T> => {
    const headers: Record<string, string> = { 'x-csrf-token': csrfToken, ...(idempotent ? { 'idempotency-key': randomUUID() } : {}) };
    const res = await context.post(path, { data, headers });
    if (!res.ok()) throw new Error(`POST ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const get = async <T>(path: string): Promise<T> => (await context.get(path)).json() as Promise<T>;
  return { post, get, dispose: () => context.dispose() };
}

export async function signedIn(browser: Browser, username: string, password = DEMO_PASSWORD, viewport: Viewport = DESKTOP): Promise<Session> {
  const session = await openSession(browser, viewport);
  await session.page.goto('/login');
  await signIn(session.page, username, password);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await settle(session.page);
  return session;
}

export async function actOn(page: Page, action: string, fill?: (modal: ReturnType<typeof dialog>) => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const modal = dialog(page);
  await modal.waitFor();
  await fill?.(modal);
  await modal.getByTestId('action-dialog-ok').click();
  // the dialog closes on success; a refusal shows the server's message instead
  const refusal = page.locator('.ant-message-notice-error');
  const outcome = await Promise.race([
    modal.waitFor({ state: 'hidden' }).then(() => 'done', () => 'still open'),
    // the losing branch times out later: swallow that so it is no unhandled rejection
    refusal.first().waitFor().then(async () => `refused: ${await refusal.first().innerText()}`, () => 'no refusal'),
  ]);
  expect(outcome).toBe('done');
  await settle(page);
}

/** Picks an option of an antd Select (see chooseOption). */
export const choose = chooseOption;

export const statusOf = (page: Page) => page.locator('main .page-head [data-testid="spending-status"]').innerText();
