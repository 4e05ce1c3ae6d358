// A county participation officer's day on a desktop: sign in, every page the menu offers,
// Persian and Jalali everywhere, English and back, sign out.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, htmlDirLang, JALALI_YEAR_FA, launch, openSession, PERSIAN_DIGIT, screenshot, settle, signIn, type Session, screenshotOnFailure } from '../support/browser';
import { menuLinks, signOut, switchLanguage, visitEveryPage } from '../support/journey';

const JOURNEY = 'officer';

describe('county officer on a desktop', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'officer-desktop');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should show the Persian sign-in page when not signed in', async () => {
    const { page } = session;
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await htmlDirLang(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    expect(await page.title()).toBe('مشارکت — سامانه مشارکت‌های مردمی');
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).toMatch(/Vazirmatn/);
    await screenshot(page, JOURNEY, 'login', DESKTOP);
    await expectAccessible(page, 'login');
  });

  it('should sign in and show name, role and unit in the header', async () => {
    const { page } = session;
    await signIn(page, 'rey.officer');
    await page.waitForURL((url) => url.pathname === '/');
    const header = page.getByTestId('header-user');
    await expect.poll(() => header.innerText()).toContain('فاطمه حسینی');
    expect(await header.innerText()).toContain('کارشناس مشارکت‌ها');
    expect(await header.innerText()).toContain('شهرستان ری');
    // The Vazirmatn font file really loaded (bundled, not from a CDN).
    expect(await page.evaluate(async () => (await document.fonts.ready, document.fonts.check('16px Vazirmatn', 'سلام')))).toBe(true);
  });

  it('should offer only the pages the server allows', async () => {
    const links = await menuLinks(session.page, DESKTOP);
    expect(links.map((l) => l.path)).toEqual(['/', '/donors', '/donors/duplicates', '/donors/import', '/contributions/new', '/contributions', '/contributions/batches', '/contributions/import', '/ledger/balances', '/spending', '/councils', '/council-reports', '/org-units']);
    expect(links.map((l) => l.label)).toEqual([
      'پیشخوان', 'نیکوکاران', 'پرونده‌های تکراری', 'ورود گروهی نیکوکاران', 'ثبت مشارکت', 'فهرست مشارکت‌ها', 'دفترچه‌های رسید',
      'ورود فایل تسویه', 'مانده صندوق‌ها', 'درخواست‌های هزینه', 'شوراهای مشارکت', 'گزارش‌های شش‌ماهه شورا', 'واحدهای سازمانی',
    ]);
  });

  it('should show every allowed page in Persian digits and Jalali dates', async () => {
    const visited = await visitEveryPage(session.page, JOURNEY, DESKTOP);
    const dashboard = visited.find((p) => p.path === '/');
    expect(dashboard?.text).toMatch(PERSIAN_DIGIT);
    expect(dashboard?.text).not.toMatch(/[0-9]/);
    const orgUnits = visited.find((p) => p.path === '/org-units');
    expect(orgUnits?.text).toMatch(JALALI_YEAR_FA);
    expect(orgUnits?.text).toContain('شهرستان ری');
  });

  it('should switch to English and back at any moment', async () => {
    const { page } = session;
    await switchLanguage(page);
    await expect.poll(() => htmlDirLang(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Organization units');
    expect(await page.locator('.ant-layout-sider').getAttribute('class')).toBeTruthy();
    await settle(page);
    await screenshot(page, JOURNEY, 'org-units-en', DESKTOP);
    await expectAccessible(page, 'org units in English');
    // The choice survives a reload.
    await page.reload();
    await page.locator('main h1').waitFor();
    expect(await htmlDirLang(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await switchLanguage(page);
    await expect.poll(() => htmlDirLang(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    await expect.poll(() => page.locator('main h1').innerText()).toBe('واحدهای سازمانی');
  });

  it('should sign out and ask to sign in again for any page', async () => {
    const { page } = session;
    await signOut(page);
    await page.goto('/org-units?status=active');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/org-units?status=active');
    expect(session.errors).toEqual([]);
  });
});
