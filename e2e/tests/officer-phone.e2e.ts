// The same officer on a phone: the menu lives in a drawer, nothing scrolls sideways.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalOverflow, htmlDirLang, JALALI_YEAR_FA, launch, openSession, PERSIAN_DIGIT, PHONE, screenshot, settle, signIn, type Session, screenshotOnFailure } from '../support/browser';
import { menuLinks, signOut, switchLanguage, visitEveryPage } from '../support/journey';

const JOURNEY = 'officer';

describe('county officer on a phone', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'officer-phone');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, PHONE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should sign in on a narrow screen', async () => {
    const { page } = session;
    await page.goto('/login');
    expect(await htmlDirLang(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    await expectNoHorizontalOverflow(page, 'login');
    await screenshot(page, JOURNEY, 'login', PHONE);
    await expectAccessible(page, 'login (phone)');
    await signIn(page, 'rey.officer');
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByTestId('header-user').innerText()).toContain('شهرستان ری');
  });

  it('should keep the menu in a drawer with only the allowed pages', async () => {
    const { page } = session;
    expect(await page.locator('aside.ant-layout-sider').count()).toBe(0);
    const links = await menuLinks(page, PHONE);
    expect(links.map((l) => l.path)).toEqual(['/', '/donors', '/donors/duplicates', '/donors/import', '/contributions/new', '/contributions', '/contributions/batches', '/contributions/import', '/ledger/balances', '/spending', '/councils', '/council-reports', '/org-units']);
    await page.getByRole('button', { name: 'باز کردن منو' }).click();
    await page.locator('.ant-drawer-open nav').waitFor();
    await screenshot(page, JOURNEY, 'menu', PHONE);
    await expectAccessible(page, 'menu drawer (phone)');
    await page.keyboard.press('Escape');
  });

  it('should show every allowed page without sideways scrolling', async () => {
    const visited = await visitEveryPage(session.page, JOURNEY, PHONE);
    expect(visited.find((p) => p.path === '/')?.text).toMatch(PERSIAN_DIGIT);
    expect(visited.find((p) => p.path === '/org-units')?.text).toMatch(JALALI_YEAR_FA);
  });

  it('should switch to English and back, then sign out', async () => {
    const { page } = session;
    await switchLanguage(page);
    await expect.poll(() => htmlDirLang(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await settle(page);
    await expectNoHorizontalOverflow(page, 'English');
    await screenshot(page, JOURNEY, 'org-units-en', PHONE);
    await switchLanguage(page);
    await expect.poll(() => htmlDirLang(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    await signOut(page);
    expect(session.errors).toEqual([]);
  });
});
