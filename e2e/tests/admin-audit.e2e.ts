// An administrator filters the audit log by action and a Jalali day, keeps the filter through a
// reload, verifies the hash chain, and exports the filtered view to a right-to-left Excel sheet.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJalali, toPersianDigits } from '@mosharekat/fa';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, settle, signIn, type Session, screenshotOnFailure } from '../support/browser';
import { chooseOption, toast } from '../support/antd';

const JOURNEY = 'admin';
const pad = (n: number) => String(n).padStart(2, '0');

describe('administrator reads the audit log', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'admin-audit');
  const today = todayJalali();
  const todayText = toPersianDigits(`${today.jy}/${pad(today.jm)}/${pad(today.jd)}`);

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    await session.page.goto('/login');
    await signIn(session.page, 'admin');
    await session.page.waitForURL((url) => url.pathname === '/');
    await session.page.locator('aside nav').getByRole('link', { name: 'رویدادنگار' }).click();
    await settle(session.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should filter by action and keep the filter in the URL', async () => {
    const { page } = session;
    await chooseOption(page, page.getByLabel('رویداد', { exact: true }), 'auth.login');
    await page.waitForURL((url) => url.searchParams.get('action') === 'auth.login');
    const actionsShown = async () => [...new Set(await page.locator('main .ant-table-row .ant-tag').allInnerTexts())];
    await expect.poll(actionsShown).toEqual(['auth.login']);
    await page.reload();
    await settle(page);
    await expect.poll(actionsShown).toEqual(['auth.login']);
  });

  it('should filter by a Jalali day typed in Persian digits', async () => {
    const { page } = session;
    const start = page.locator('#audit-range');
    await start.click();
    await start.fill(todayText);
    await start.press('Enter');
    const end = page.locator('.ant-picker-range input').nth(1);
    await end.fill(todayText);
    await end.press('Enter');
    await page.waitForURL((url) => url.searchParams.has('from') && url.searchParams.has('to'));
    await settle(page);
    const times = await page.locator('main .ant-table-row td:nth-child(2)').allInnerTexts();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toContain(todayText);
    await screenshot(page, JOURNEY, 'audit', DESKTOP);
    await expectAccessible(page, 'audit (filtered)');
  });

  it('should verify the audit chain and say so', async () => {
    const { page } = session;
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('زنجیره رویدادها سالم است');
    expect(await result.innerText()).toMatch(/[۰-۹]+ رویداد بررسی شد/);
    await screenshot(page, JOURNEY, 'audit-verified', DESKTOP);
  });

  it('should export the filtered view to a right-to-left Excel sheet with Persian headers', async () => {
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'خروجی اکسل' }).click()]);
    await toast(page, /فایل اکسل با [۰-۹]+ ردیف آماده شد/);
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    const bytes = await readFile(path);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toBe('زمان');
    expect(sheet.getRow(1).getCell(4).value).toBe('رویداد');
    expect(sheet.rowCount).toBeGreaterThan(1);
    for (let row = 2; row <= sheet.rowCount; row += 1) expect(sheet.getRow(row).getCell(4).value).toBe('auth.login');
    expect(session.errors).toEqual([]);
  });
});
