// An administrator adds a department under a province, renames it, sees its path and history,
// and gets the server's Persian error next to the field when the rules are broken.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, settle, signIn, type Session, screenshotOnFailure } from '../support/browser';
import { chooseOption, chooseUnit, dialog, toast } from '../support/antd';

const JOURNEY = 'admin';
const NAME = 'اداره آزمون مرورگر';
const RENAMED = 'اداره آزمون مرورگر نو';

describe('administrator manages org units', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'admin-org-units');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    await session.page.goto('/login');
    await signIn(session.page, 'admin');
    await session.page.waitForURL((url) => url.pathname === '/');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should browse the tree and keep the choice in the URL', async () => {
    const { page } = session;
    await page.locator('aside nav').getByRole('link', { name: 'واحدهای سازمانی' }).click();
    await settle(page);
    await page.locator('.ant-tree-title', { hasText: /^استان تهران$/ }).click();
    await page.waitForURL((url) => url.searchParams.has('parentId'));
    await page.getByRole('heading', { name: 'زیرمجموعه‌های استان تهران' }).waitFor();
    const listed = () => page.getByTestId('org-unit-link').allInnerTexts();
    await expect.poll(listed).toContain('شهرستان ری');
    await page.reload();
    await settle(page);
    await expect.poll(listed).toContain('شهرستان ری');
    expect(await page.getByRole('heading', { name: 'زیرمجموعه‌های استان تهران' }).count()).toBe(1);
    await screenshot(page, JOURNEY, 'org-units', DESKTOP);
    await expectAccessible(page, 'org units (admin)');
  });

  it('should add a department under the chosen province', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'افزودن واحد' }).click();
    const modal = dialog(page);
    await modal.waitFor();
    await chooseOption(page, modal.getByLabel('نوع'), 'اداره');
    await modal.getByLabel('نام', { exact: true }).fill(NAME);
    await screenshot(page, JOURNEY, 'org-unit-add', DESKTOP);
    await expectAccessible(page, 'add unit dialog');
    await modal.getByTestId('org-dialog-ok').click();
    await toast(page, `واحد «${NAME}» ایجاد شد.`);
    const detail = page.getByTestId('org-unit-detail');
    await detail.waitFor();
    const path = await detail.locator('.ant-breadcrumb').innerText();
    expect(path).toMatch(/ستاد[\s\S]*استان تهران[\s\S]*اداره آزمون مرورگر/);
  });

  it('should rename it and show the change in its history', async () => {
    const { page } = session;
    const detail = page.getByTestId('org-unit-detail');
    await detail.getByRole('button', { name: 'تغییر نام' }).click();
    const modal = dialog(page);
    await modal.getByLabel('نام جدید').fill(RENAMED);
    await modal.getByTestId('org-dialog-ok').click();
    await toast(page, 'تغییرات واحد ذخیره شد.');
    await expect.poll(() => page.locator('.ant-drawer-title').innerText()).toBe(RENAMED);
    await expect.poll(() => detail.locator('.ant-timeline-item').count()).toBeGreaterThanOrEqual(2);
    await settle(page);
    await screenshot(page, JOURNEY, 'org-unit-detail', DESKTOP);
    await expectAccessible(page, 'unit detail drawer');
  });

  it('should put the server error next to the field it concerns', async () => {
    const { page } = session;
    // A county may only sit under a province: moving Rey under an HQ department is refused on parentId.
    await page.goto('/org-units?q=شهرستان ری');
    await settle(page);
    await page.getByTestId('org-unit-link').first().click();
    await page.getByTestId('org-unit-detail').getByRole('button', { name: 'جابه‌جایی' }).click();
    const move = dialog(page);
    await chooseUnit(page, move.getByLabel('واحد بالادست جدید'), ['ستاد', 'معاونت توانبخشی']);
    expect(await move.locator('.ant-select').innerText()).toContain('معاونت توانبخشی');
    await move.getByTestId('org-dialog-ok').click();
    const fieldError = move.locator('.ant-form-item-explain-error');
    await fieldError.first().waitFor();
    expect(await fieldError.first().innerText()).toMatch(/[آ-ی]/);
    await screenshot(page, JOURNEY, 'org-unit-field-error', DESKTOP);
    await move.getByRole('button', { name: 'انصراف' }).click();
    expect(session.errors).toEqual([]);
  });
});
