// The dashboard follows the working unit chosen in the header, for an administrator at HQ.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launch, openSession, PERSIAN_DIGIT, screenshot, settle, signIn, type Session, screenshotOnFailure } from '../support/browser';
import { chooseUnit } from '../support/antd';

describe('administrator dashboard', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'admin-dashboard');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    await session.page.goto('/login');
    await signIn(session.page, 'admin');
    await session.page.waitForURL((url) => url.pathname === '/');
    await settle(session.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should show the figures of HQ with Persian digits and a chart', async () => {
    const { page } = session;
    expect(await page.locator('main h1').innerText()).toBe('آمار ستاد');
    const figures = await page.getByTestId('dashboard-figures').innerText();
    expect(figures).toContain('استان‌ها');
    expect(figures).toMatch(/۳۱/);
    await page.locator('.chart-box svg').first().waitFor();
    await screenshot(page, 'admin', 'dashboard', DESKTOP);
    await expectAccessible(page, 'dashboard (admin)');
  });

  it('should follow the working unit picked in the header', async () => {
    const { page } = session;
    await chooseUnit(page, page.locator('#working-unit'), ['ستاد', 'استان اصفهان']);
    await expect.poll(() => page.locator('main h1').innerText()).toBe('آمار استان اصفهان');
    await settle(page);
    const figures = await page.getByTestId('dashboard-figures').innerText();
    expect(figures).not.toContain('استان‌ها');
    expect(figures).toMatch(PERSIAN_DIGIT);
    // The choice is kept for the tab: a reload stays on Isfahan.
    await page.reload();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('آمار استان اصفهان');
    expect(session.errors).toEqual([]);
  });
});
