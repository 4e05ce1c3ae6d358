// One Chromium per test file, driven by playwright-core (no downloaded browsers: Debian's chromium).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, expect, inject } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const screenshotDir = join(here, '..', 'artifacts', 'screenshots');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const DESKTOP = { name: 'desktop', width: 1366, height: 800 } as const;
export const PHONE = { name: 'phone', width: 390, height: 844 } as const;
export type Viewport = typeof DESKTOP | typeof PHONE;

export const DEMO_PASSWORD = 'demo1234';

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed page scripts seen so far (checked at the end of a journey). */
  errors: string[];
}

export async function openSession(browser: Browser, viewport: Viewport, motion: 'reduce' | 'full' = 'reduce'): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    isMobile: viewport.name === 'phone',
    hasTouch: viewport.name === 'phone',
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    // the app then turns Ant Design's animations off (as for any user who asks for less motion): a
    // click never lands on a dialog or list still moving into place on a busy machine
    reducedMotion: motion === 'reduce' ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
  trackRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every 4xx answer (401 on /api/me before sign-in, 422 for a refused form): those are
    // expected answers the page handles; anything else logged as an error is a bug.
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return { context, page, errors };
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel(/نام کاربری|Username/).fill(username);
  await page.getByLabel(/گذرواژه|Password/).fill(password);
  await page.getByTestId('login-submit').click();
}

export async function screenshot(page: Page, journey: string, pageName: string, viewport: Viewport): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${journey}-${pageName}-${viewport.name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs axe-core in the page; fails on any violation of impact serious or critical. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context?: unknown, options?: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) }));
  });
  expect(violations, `accessibility violations on ${where}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** The page must not scroll sideways (phones especially). */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `horizontal overflow on ${where}`).toBeLessThanOrEqual(innerWidth + 1);
}

export async function htmlDirLang(page: Page): Promise<{ dir: string; lang: string }> {
  return page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
}

const inFlight = new WeakMap<Page, { count: number; lastChange: number }>();
/** The page's last API calls (method, path, status, ms), printed when a test fails. */
const recentCalls = new WeakMap<Page, string[]>();
const RECENT_CALLS = 25;

/** Counts the page's pending /api requests, so tests can wait for client-side navigations to finish loading. */
function trackRequests(page: Page): void {
  const state = { count: 0, lastChange: Date.now() };
  inFlight.set(page, state);
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  const done = (request: { url: () => string }) => {
    if (!isApi(request.url())) return;
    state.count = Math.max(0, state.count - 1);
    state.lastChange = Date.now();
  };
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    state.count += 1;
    state.lastChange = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const calls: string[] = [];
  recentCalls.set(page, calls);
  const note = (line: string) => {
    calls.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (calls.length > RECENT_CALLS) calls.shift();
  };
  page.on('response', (response) => {
    const request = response.request();
    if (!isApi(request.url())) return;
    const timing = request.timing();
    note(`${request.method()} ${new URL(request.url()).pathname} → ${response.status()}${timing.responseStart >= 0 ? ` in ${Math.round(timing.responseStart)} ms` : ''}`);
  });
  page.on('requestfailed', (request) => {
    if (isApi(request.url())) note(`${request.method()} ${new URL(request.url()).pathname} failed: ${request.failure()?.errorText ?? '?'}`);
  });
}

/** Waits until no API call has been pending for a moment and antd shows no spinner or skeleton in <main>. */
export async function settle(page: Page, quietMs = 300): Promise<void> {
  // After a full load the app first has to download and start: wait for a page heading to exist.
  await page.waitForLoadState('load');
  await page.locator('main h1').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  const state = inFlight.get(page);
  const deadline = Date.now() + 20_000;
  while (state && Date.now() < deadline && (state.count > 0 || Date.now() - state.lastChange < quietMs)) {
    await page.waitForTimeout(50);
  }
  await page.locator('main .ant-spin-spinning, main .ant-skeleton').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  // Let entrance animations (drawers, tables fading in) finish before screenshots.
  await page.waitForTimeout(150);
}

export const PERSIAN_DIGIT = /[۰-۹]/;
/** A Jalali year of this century written in Persian digits, e.g. ۱۴۰۵. */
export const JALALI_YEAR_FA = /۱۴[۰-۹]{2}/;

/**
 * Registers an afterEach that, when a test fails, saves a screenshot of the page (kept as a CI
 * artifact) and prints what a reader of the CI log needs to see why: the page's address and text,
 * its errors, its last API calls and the end of the server's log.
 */
export function screenshotOnFailure(getSession: () => Session | undefined, journey: string): void {
  afterEach(async (context) => {
    const session = getSession();
    const page = session?.page;
    if (context.task.result?.state !== 'fail' || !page || page.isClosed()) return;
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, `FAILED-${journey}-${name}.png`), fullPage: true }).catch(() => undefined);
    const text = await page.locator('main').first().innerText({ timeout: 2_000 }).catch(() => '(no <main>)');
    console.log([
      `── failure report: ${journey} › ${context.task.name}`,
      `page: ${page.url()}`,
      `main: ${text.replace(/\s+/g, ' ').slice(0, 600)}`,
      `page errors: ${session.errors.length ? session.errors.join(' | ') : 'none'}`,
      'last API calls:', ...(recentCalls.get(page) ?? []).map((line) => `  ${line}`),
      'server log:', ...serverLogTail().map((line) => `  ${line}`),
    ].join('\n'));
  });
}

/**
 * What the server's log (global-setup keeps it in the data folder, a JSON line per event) says that
 * matters to a failure: its last warnings and errors, and the API calls still without an answer.
 */
function serverLogTail(): string[] {
  const file = join(inject('dataDir'), 'server.log');
  if (!existsSync(file)) return ['(no log)'];
  const problems: string[] = [];
  const open = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) {
      // plain lines are the start-up banner, or a crash's trace
      if (/error|warn|fail|exception|unhandled/i.test(line)) problems.push(line.slice(0, 400));
      continue;
    }
    let entry: { level: number; time: number; reqId?: string; msg?: string; req?: { method: string; url: string }; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue; // the line the server is writing right now
    }
    const at = new Date(entry.time).toISOString().slice(11, 23);
    if (entry.msg === 'incoming request' && entry.reqId && entry.req?.url.startsWith('/api/')) open.set(entry.reqId, `${at} ${entry.req.method} ${entry.req.url}`);
    else if (entry.msg === 'request completed' && entry.reqId) open.delete(entry.reqId);
    if (entry.level >= 40) problems.push(`${at} ${entry.level >= 50 ? 'error' : 'warn'}: ${entry.msg ?? ''} ${entry.err?.message ?? ''}`.slice(0, 400));
  }
  return [
    ...(problems.length ? problems.slice(-15) : ['no warnings or errors']),
    ...(open.size ? ['API calls still unanswered:', ...[...open.values()].slice(-10)] : ['every API call answered']),
  ];
}
