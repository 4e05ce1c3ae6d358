// An administrator creates a user with a role at a unit, finds them with the URL-kept filters,
// sees a taken username refused next to the field, and disables the new user.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, settle, signIn, type Session, screenshotOnFailure } from '../support/browser';
import { chooseUnit, dialog, toast } from '../support/antd';

const JOURNEY = 'admin';
const USERNAME = `e2e.user${Date.now() % 100000}`;

describe('administrator manages users', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'admin-users');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    await session.page.goto('/login');
    await signIn(session.page, 'admin');
    await session.page.waitForURL((url) => url.pathname === '/');
    await session.page.locator('aside nav').getByRole('link', { name: 'کاربران و نقش‌ها' }).click();
    await settle(session.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should list users with Persian dates and digits', async () => {
    const { page } = session;
    const rows = page.locator('main .ant-table-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('main .ant-table').innerText()).toMatch(/۱۴[۰-۹]{2}\/[۰-۹]{2}\/[۰-۹]{2}/);
    await screenshot(page, JOURNEY, 'users', DESKTOP);
    await expectAccessible(page, 'users');
  });

  it('should refuse a taken username next to the username field', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'کاربر جدید' }).click();
    const modal = dialog(page);
    await modal.waitFor();
    await modal.getByLabel('نام کاربری').fill('admin');
    await modal.getByLabel('نام و نام خانوادگی').fill('کاربر تکراری');
    await modal.getByLabel('گذرواژه').fill('Long-enough-pass-1404');
    await modal.getByTestId('user-dialog-ok').click();
    const error = modal.locator('.ant-form-item', { has: page.getByLabel('نام کاربری') }).locator('.ant-form-item-explain-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/[آ-ی]/);
    await screenshot(page, JOURNEY, 'user-field-error', DESKTOP);
    await expectAccessible(page, 'user dialog with a field error');
  });

  it('should create a user with a role at a province', async () => {
    const { page } = session;
    const modal = dialog(page);
    await modal.getByLabel('نام کاربری').fill(USERNAME);
    await modal.getByLabel('نام و نام خانوادگی').fill('نرگس آزمون');
    await chooseUnit(page, modal.getByLabel('واحد', { exact: true }), ['ستاد', 'استان اصفهان']);
    await chooseUnit(page, modal.getByLabel('در واحد'), ['ستاد', 'استان اصفهان']);
    await modal.getByTestId('user-dialog-ok').click();
    await toast(page, 'کاربر «نرگس آزمون» ایجاد شد.');
  });

  it('should find the new user by name with the filter kept in the URL', async () => {
    const { page } = session;
    await page.getByLabel('جستجوی نام یا نام کاربری').fill('نرگس');
    await page.getByLabel('جستجوی نام یا نام کاربری').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'نرگس');
    await settle(page);
    await page.reload();
    await settle(page);
    const table = await page.locator('main .ant-table-tbody').innerText();
    expect(table).toContain(USERNAME);
    expect(table).toContain('استان اصفهان');
    expect(await page.locator('main .ant-table-row').count()).toBe(1);
  });

  it('should disable the new user', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'غیرفعال کردن نرگس آزمون' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'تأیید' }).click();
    await toast(page, 'تغییرات کاربر ذخیره شد.');
    await expect.poll(() => page.locator('main .ant-table-row').first().innerText()).toContain('غیرفعال');
    expect(session.errors).toEqual([]);
  });
});
