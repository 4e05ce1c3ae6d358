// The spending and council pages on a phone, as a county officer first sees them (often still empty):
// no sideways scrolling, no serious accessibility problem, and the same pages in English.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalOverflow, htmlDirLang, launch, openSession, PHONE, screenshot, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';
import { switchLanguage } from '../support/journey';

const PAGES = [
  { path: '/spending', fa: 'درخواست‌های هزینه', en: 'Spending requests' },
  { path: '/spending/new', fa: 'درخواست هزینه جدید', en: 'New spending request' },
  { path: '/councils', fa: 'شوراهای مشارکت‌های مردمی', en: 'Participation councils' },
  { path: '/council-reports', fa: 'گزارش‌های شش‌ماهه شوراها', en: 'Six-monthly council reports' },
];

describe('spending and council pages on a phone', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'spending-phone');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, PHONE);
    await session.page.goto('/login');
    await signIn(session.page, 'rey.officer');
    await session.page.waitForURL((url) => url.pathname === '/');
    await settle(session.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should show each page in Persian without sideways scrolling or serious accessibility problems', async () => {
    const { page } = session;
    for (const { path, fa } of PAGES) {
      await page.goto(path);
      await settle(page);
      await expect.poll(() => page.locator('main h1').innerText()).toBe(fa);
      expect(await htmlDirLang(page)).toEqual({ dir: 'rtl', lang: 'fa' });
      await expectNoHorizontalOverflow(page, `${path} (phone)`);
      await expectAccessible(page, `${path} (phone)`);
    }
    await page.goto('/spending/new');
    await settle(page);
    await screenshot(page, 'spending', 'new', PHONE);
  });

  it('should show the same pages in English, left to right', async () => {
    const { page } = session;
    await switchLanguage(page);
    await expect.poll(() => htmlDirLang(page)).toEqual({ dir: 'ltr', lang: 'en' });
    for (const { path, en } of PAGES) {
      await page.goto(path);
      await settle(page);
      await expect.poll(() => page.locator('main h1').innerText()).toBe(en);
      await expectNoHorizontalOverflow(page, `${path} (phone, English)`);
    }
    await page.goto('/spending/new');
    await settle(page);
    await screenshot(page, 'spending', 'new-en', PHONE);
    await switchLanguage(page);
    await expect.poll(() => htmlDirLang(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    expect(session.errors).toEqual([]);
  });
});
