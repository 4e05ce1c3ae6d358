// Wrong passwords get the server's message in the user's language; a lost session returns the user to
// /login?next=… and, after signing in, back to where they were.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, settle, signIn, type Session, screenshotOnFailure } from '../support/browser';
import { switchLanguage } from '../support/journey';

describe('signing in', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'sign-in-errors');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should show a Persian error when the password is wrong', async () => {
    const { page } = session;
    await page.goto('/login');
    await signIn(page, 'rey.officer', 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('نام کاربری یا گذرواژه درست نیست');
    expect(page.url()).toContain('/login');
    await screenshot(page, 'sign-in-errors', 'wrong-password', DESKTOP);
    await expectAccessible(page, 'login with error');
  });

  it('should show the English message when the user chose English', async () => {
    const { page } = session;
    await switchLanguage(page);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('Wrong username or password');
    await switchLanguage(page);
  });

  it('should ask for both fields before calling the server', async () => {
    const { page } = session;
    await page.goto('/login');
    await page.getByTestId('login-submit').click();
    await page.getByText('نام کاربری را وارد کنید.').waitFor();
    await page.getByText('گذرواژه را وارد کنید.').waitFor();
  });

  it('should return to the requested page after signing in', async () => {
    const { page } = session;
    await page.goto('/audit?action=auth.login');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/audit?action=auth.login');
    await signIn(page, 'admin');
    await page.waitForURL((url) => url.pathname === '/audit');
    expect(new URL(page.url()).searchParams.get('action')).toBe('auth.login');
  });

  it('should send the user to sign in again when the session is lost mid-way', async () => {
    const { page, context } = session;
    await settle(page);
    await context.clearCookies();
    await page.locator('aside nav').getByRole('link', { name: 'کاربران و نقش‌ها' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/users');
    await signIn(page, 'admin');
    await page.waitForURL((url) => url.pathname === '/users');
    expect(session.errors).toEqual([]);
  });
});
