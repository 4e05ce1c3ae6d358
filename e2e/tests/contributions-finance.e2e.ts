// The Tehran province finance officer: reverses a gift that Rey's officer recorded by mistake, sees
// what the province still holds for Rey county, passes it down on a financial document, sees the
// roll-up of balances and drills into Rey, and finds the year's gifts by purpose and channel on the
// dashboard.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';
import { toast } from '../support/antd';
import { apiSignIn, recordGiftByApi } from './contributions-helpers';

const JOURNEY = 'contributions';

describe('province finance officer passes money down', () => {
  let browser: Browser;
  let session: Session;
  let toReverse: { id: string; receiptNo: string };
  screenshotOnFailure(() => session, 'contributions-finance');

  beforeAll(async () => {
    // Rey's officer has taken gifts at the counter: the money sits in Tehran's central account.
    const officer = await apiSignIn('rey.officer');
    await recordGiftByApi(officer, { amountRials: '10000000', fundKind: 'specific', purposeCode: 'orphans', targetGroupCode: 'orphans' });
    await recordGiftByApi(officer, { amountRials: '6000000', channel: 'pos', channelRef: `POS-FIN-${Date.now()}` });
    toReverse = await recordGiftByApi(officer, { amountRials: '1230000', notes: 'recorded twice by mistake' });
    await officer.api.dispose();
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    await session.page.goto('/login');
    await signIn(session.page, 'tehran.finance');
    await session.page.waitForURL((url) => url.pathname === '/');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should reverse a gift recorded by someone else, before it is passed down, and void its receipt', async () => {
    const { page } = session;
    await page.goto(`/contributions?receiptNo=${toReverse.receiptNo}`);
    await settle(page);
    await page.getByTestId('contribution-open').first().click();
    await page.getByTestId('contribution-detail').waitFor();
    await page.getByTestId('contribution-reverse').click();
    await page.getByLabel('دلیل برگشت').fill('دو بار ثبت شده است');
    await page.getByTestId('reverse-ok').click();
    await toast(page, 'مشارکت برگشت خورد و رسید باطل شد.');
    await expect.poll(() => page.getByTestId('contribution-detail').innerText()).toContain('برگشت‌خورده');
    const frame = page.frameLocator('[data-testid="receipt-frame"]');
    await expect.poll(() => frame.locator('body').innerText()).toContain('باطل شد');
    expect(await page.getByTestId('contribution-reverse').count()).toBe(0);
    await page.locator('.ant-drawer').getByRole('button', { name: 'بستن' }).click();
    await page.locator('.ant-drawer-content').waitFor({ state: 'detached' });
  });

  it('should list what the province holds for Rey, with since when', async () => {
    const { page } = session;
    await page.locator('aside nav').getByRole('link', { name: 'انتقال به شهرستان‌ها' }).click();
    await page.waitForURL((url) => url.pathname === '/ledger/pass-downs');
    await settle(page);
    expect(await page.locator('main h1').innerText()).toBe('انتقال وجوه به شهرستان‌ها');
    expect(await page.getByTestId('pending-total').innerText()).toContain('استان تهران');
    const rey = page.getByTestId('pending-table').locator('.ant-table-row', { hasText: 'شهرستان ری' });
    await expect.poll(() => rey.count()).toBeGreaterThanOrEqual(2);
    expect(await rey.first().innerText()).toMatch(/[۰-۹]+ روز/);
    expect(await rey.first().innerText()).toMatch(/۱۴[۰-۹]{2}\/[۰-۹]{2}\/[۰-۹]{2}/);
    await screenshot(page, JOURNEY, 'pass-down', DESKTOP);
    await expectAccessible(page, 'pass-down');
  });

  it('should pass Rey\'s money down on one document and show the table without it', async () => {
    const { page } = session;
    const rey = page.getByTestId('pending-table').locator('.ant-table-row', { hasText: 'شهرستان ری' });
    const count = await rey.count();
    for (let i = 0; i < count; i += 1) await rey.nth(i).locator('input[type="checkbox"]').check();
    expect(await page.getByTestId('pass-down-selection').innerText()).toContain(`برای شهرستان ری`);
    await page.getByLabel('شماره سند').fill('TD-1405-001');
    await page.getByTestId('pass-down-submit').click();
    const confirm = page.locator('.ant-modal', { hasText: 'انتقال به شهرستان ری' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('\u2066TD-۱۴۰۵-۰۰۱\u2069');
    await page.getByTestId('pass-down-confirm').click();
    await toast(page, 'انتقال به شهرستان ری با سند \u2066TD-۱۴۰۵-۰۰۱\u2069 ثبت شد.');
    await expect.poll(() => rey.count()).toBe(0);
    await settle(page);
    await screenshot(page, JOURNEY, 'pass-down-done', DESKTOP);
  });

  it('should show the province roll-up and drill down into Rey', async () => {
    const { page } = session;
    await page.locator('aside nav').getByRole('link', { name: 'مانده صندوق‌ها' }).click();
    await page.waitForURL((url) => url.pathname === '/ledger/balances');
    await settle(page);
    expect(await page.locator('main h1').innerText()).toBe('مانده‌های استان تهران');
    const byUnit = page.getByTestId('balance-by-unit');
    await expect.poll(() => byUnit.innerText()).toContain('شهرستان ری');
    const custody = await page.getByTestId('balance-custody').innerText();
    expect(custody).toContain('حساب متمرکز');
    expect(custody).toContain('حساب هزینه‌کرد');
    await screenshot(page, JOURNEY, 'balances', DESKTOP);
    await expectAccessible(page, 'balances (province)');

    await byUnit.getByRole('button', { name: 'مانده‌های شهرستان ری' }).click();
    await page.waitForURL((url) => url.searchParams.has('unitId'));
    await expect.poll(() => page.locator('main h1').innerText()).toBe('مانده‌های شهرستان ری');
    await settle(page);
    // after the pass-down Rey's own spending account holds its money
    const reyCustody = page.getByTestId('balance-custody').locator('.ant-table-row', { hasText: 'حساب هزینه‌کرد' });
    await expect.poll(() => reyCustody.innerText()).toMatch(/[۱-۹][۰-۹٬]* تومان/);
    await screenshot(page, JOURNEY, 'balances-drill-down', DESKTOP);
    await page.getByRole('button', { name: 'بازگشت به استان تهران' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('مانده‌های استان تهران');
  });

  it('should show this year\'s gifts by purpose and channel on the dashboard', async () => {
    const { page } = session;
    await page.goto('/');
    await settle(page);
    const breakdown = page.getByTestId('contribution-breakdown');
    await breakdown.waitFor();
    expect(await breakdown.innerText()).toContain('به تفکیک نیت');
    expect(await breakdown.innerText()).toContain('به تفکیک روش پرداخت');
    await breakdown.locator('.chart-box svg').nth(1).waitFor();
    await settle(page);
    await screenshot(page, JOURNEY, 'dashboard', DESKTOP);
    await expectAccessible(page, 'dashboard with breakdown');
    expect(session.errors).toEqual([]);
  });
});
