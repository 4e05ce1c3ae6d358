// A county officer sees only their county: in the unit picker, in the lists, and by typing URLs.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, settle, signIn, type Session, screenshotOnFailure } from '../support/browser';

describe('county officer scope', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'county-scope');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    await session.page.goto('/login');
    await signIn(session.page, 'kashan.officer');
    await session.page.waitForURL((url) => url.pathname === '/');
    await settle(session.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should offer only their own county in the unit picker', async () => {
    const { page } = session;
    await page.locator('#working-unit').click();
    const popup = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await popup.locator('.ant-select-tree-treenode:not([aria-hidden="true"])').first().waitFor();
    const options = await popup.locator('.ant-select-tree-treenode:not([aria-hidden="true"]) .ant-select-tree-title').allInnerTexts();
    expect(options).toEqual(['شهرستان کاشان']);
    expect(options.join(' ')).not.toMatch(/استان/);
    await screenshot(page, 'county-scope', 'unit-picker', DESKTOP);
    await page.keyboard.press('Escape');
  });

  it('should list only their county on the org units page, even when searching for another province', async () => {
    const { page } = session;
    await page.goto('/org-units?q=تهران');
    await settle(page);
    await page.locator('main .ant-table-placeholder').getByText('داده‌ای نیست').waitFor();
    await page.locator('main .ant-spin-spinning').waitFor({ state: 'detached' });
    expect(await page.locator('main .ant-table-row').count()).toBe(0);
    await page.goto('/org-units');
    await settle(page);
    await expect.poll(() => page.getByTestId('org-unit-link').allInnerTexts()).toEqual(['شهرستان کاشان']);
  });

  it('should refuse pages the server does not allow, even by URL', async () => {
    const { page } = session;
    await page.goto('/users');
    await page.getByText('دسترسی ندارید').waitFor();
    await expectAccessible(page, 'forbidden page');
    await page.goto('/audit');
    await page.getByText('دسترسی ندارید').waitFor();
    expect(session.errors).toEqual([]);
  });
});
