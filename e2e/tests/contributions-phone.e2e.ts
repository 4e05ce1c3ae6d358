// The county officer on a phone: records a gift, finds it in the list and opens its receipt, and
// opens the receipt-book and import pages, reads the balances — RTL, nothing scrolling sideways, no serious accessibility problems.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalOverflow, launch, openSession, PHONE, screenshot, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';
import { toast } from '../support/antd';

const JOURNEY = 'contributions';

describe('county officer records a gift on a phone', () => {
  let browser: Browser;
  let session: Session;
  let receipt = '';
  screenshotOnFailure(() => session, 'contributions-phone');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, PHONE);
    await session.page.goto('/login');
    await signIn(session.page, 'rey.officer');
    await session.page.waitForURL((url) => url.pathname === '/');
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openFromMenu(name: string, path: string) {
    const { page } = session;
    await page.getByRole('button', { name: 'باز کردن منو' }).click();
    await page.locator('.ant-drawer-open nav').getByRole('link', { name }).click();
    await page.waitForURL((url) => url.pathname === path);
    await page.locator('.ant-drawer').waitFor({ state: 'detached' }).catch(() => undefined);
    await settle(page);
  }

  it('should record a gift on a narrow screen', async () => {
    const { page } = session;
    await openFromMenu('ثبت مشارکت', '/contributions/new');
    await expectNoHorizontalOverflow(page, 'record (phone)');
    await screenshot(page, JOURNEY, 'record', PHONE);
    await expectAccessible(page, 'record (phone)');
    await page.locator('#contribution_amountToman').fill('150000');
    expect(await page.getByTestId('contribution_amountToman-words').innerText()).toBe('به حروف: صد و پنجاه هزار تومان');
    await page.getByTestId('contribution-submit').click();
    await toast(page, /مشارکت با رسید شماره/);
    const text = await page.getByTestId('last-receipt').innerText();
    receipt = /[۰-۹]{4}-[۰-۹]{2}-[۰-۹]{6}/.exec(text)?.[0] ?? '';
    expect(receipt).not.toBe('');
    await expectNoHorizontalOverflow(page, 'record done (phone)');
  });

  it('should find the gift in the list and open its receipt', async () => {
    const { page } = session;
    await openFromMenu('فهرست مشارکت‌ها', '/contributions');
    await expect.poll(() => page.locator('main .ant-table-row').count()).toBeGreaterThan(0);
    await settle(page);
    await expectNoHorizontalOverflow(page, 'list (phone)');
    await screenshot(page, JOURNEY, 'list', PHONE);
    await expectAccessible(page, 'list (phone)');
    await page.getByRole('button', { name: `جزئیات رسید ${receipt}` }).click();
    await page.getByTestId('contribution-detail').waitFor();
    await expect.poll(() => page.frameLocator('[data-testid="receipt-frame"]').locator('body').innerText()).toContain('رسید مشارکت مردمی');
    await settle(page);
    await screenshot(page, JOURNEY, 'receipt', PHONE);
    await expectAccessible(page, 'receipt drawer (phone)');
    await page.locator('.ant-drawer').getByRole('button', { name: 'بستن' }).click();
    await page.locator('.ant-drawer-content').waitFor({ state: 'detached' });
  });

  it('should show the receipt-book and settlement-import pages without sideways scrolling', async () => {
    const { page } = session;
    for (const [name, path] of [['دفترچه‌های رسید', '/contributions/batches'], ['ورود فایل تسویه', '/contributions/import']] as const) {
      await openFromMenu(name, path);
      await expectNoHorizontalOverflow(page, `${path} (phone)`);
      await expectAccessible(page, `${path} (phone)`);
    }
    await screenshot(page, JOURNEY, 'import', PHONE);
  });

  it('should show the balances without sideways scrolling', async () => {
    const { page } = session;
    await openFromMenu('مانده صندوق‌ها', '/ledger/balances');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('مانده‌های شهرستان ری');
    await expectNoHorizontalOverflow(page, 'balances (phone)');
    await screenshot(page, JOURNEY, 'balances', PHONE);
    await expectAccessible(page, 'balances (phone)');
    expect(session.errors).toEqual([]);
  });
});
