// The county officer's back-office work: a paper receipt book typed in and posted only once it adds
// up, a settlement file checked by a dry run and then imported, a gift from a registered donor found
// by name, and the county's balances with a fund's statement.
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJalaliDate } from '@mosharekat/fa';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';
import { toast } from '../support/antd';
import { apiSignIn, createDonorByApi, focusedId, formItem, recordGiftByApi } from './contributions-helpers';

const JOURNEY = 'contributions';

describe('county officer: receipt books, settlement files, balances', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'contributions-books');

  beforeAll(async () => {
    // a gift of its own, so the balances and statement below have lines whatever ran before
    const officer = await apiSignIn('rey.officer');
    await recordGiftByApi(officer, { amountRials: '40000000', fundKind: 'specific', purposeCode: 'orphans' });
    await createDonorByApi(officer, 'مریم', 'نیکوکارزاده');
    await officer.api.dispose();
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    await session.page.goto('/login');
    await signIn(session.page, 'rey.officer');
    await session.page.waitForURL((url) => url.pathname === '/');
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function addStub(toman: string) {
    const { page } = session;
    await expect.poll(() => focusedId(page)).toBe('stub_amountToman');
    await page.keyboard.type(toman);
    await page.keyboard.press('Control+Enter');
    await toast(page, /برگ [۰-۹]+ افزوده شد/);
  }

  it('should open a receipt book with the count and total on its cover', async () => {
    const { page } = session;
    await page.locator('aside nav').getByRole('link', { name: 'دفترچه‌های رسید' }).click();
    await page.waitForURL((url) => url.pathname === '/contributions/batches');
    await settle(page);
    await expectAccessible(page, 'receipt books (open form)');
    await page.getByLabel('شماره دفترچه').fill('R-1405-17');
    await page.getByLabel('تعداد برگ‌ها (روی جلد)').fill('2');
    await page.getByLabel('جمع مبالغ روی جلد (تومان)').fill('300000');
    await page.getByTestId('batch-open').click();
    await page.waitForURL((url) => url.searchParams.has('batch'));
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('دفترچه \u2066R-۱۴۰۵-۱۷\u2069');
  });

  it('should show the mismatch and refuse to post a book that does not add up', async () => {
    const { page } = session;
    await addStub('100000');
    await expect.poll(() => page.getByTestId('batch-count').innerText()).toBe('۱ از ۲');
    expect(await page.getByTestId('batch-balance').innerText()).toContain('مغایرت با جلد دفترچه');
    expect(await page.getByTestId('batch-balance').innerText()).toContain('۱ برگ کم است');
    await page.getByTestId('batch-post').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'تأیید' }).click();
    await expect.poll(() => page.getByTestId('batch-post-error').innerText()).toContain('تعداد یا جمع مبالغ دسته با مقدار اعلام‌شده برابر نیست');
    expect(await page.getByTestId('batch-post-error').innerText()).toContain('تعداد ۱ از ۲');
  });

  it('should remove a mistyped stub and post the book once it matches its cover', async () => {
    const { page } = session;
    await page.locator('#stub_amountToman').focus();
    await addStub('250000');
    await expect.poll(() => page.getByTestId('batch-count').innerText()).toBe('۲ از ۲');
    expect(await page.getByTestId('batch-balance').innerText()).toContain('اختلاف جمع: ۵۰٬۰۰۰ تومان');
    await screenshot(page, JOURNEY, 'batch', DESKTOP);
    await expectAccessible(page, 'receipt book with stubs');
    await page.getByRole('button', { name: 'حذف برگ ۲' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'حذف' }).click();
    await toast(page, 'برگ حذف شد.');
    await expect.poll(() => page.getByTestId('batch-count').innerText()).toBe('۱ از ۲');
    await page.locator('#stub_amountToman').focus();
    await addStub('200000');
    await expect.poll(() => page.getByTestId('batch-balance').innerText()).toContain('با جلد دفترچه می‌خواند');
    await page.getByTestId('batch-post').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'تأیید' }).click();
    await page.getByText('دفترچه ثبت نهایی شد: ۲ مشارکت.').waitFor();
    await settle(page);
    await screenshot(page, JOURNEY, 'batch-posted', DESKTOP);
  });

  it('should check a settlement file by a dry run, list the refused rows in Persian, then import it', async () => {
    const { page } = session;
    await page.locator('aside nav').getByRole('link', { name: 'ورود فایل تسویه' }).click();
    await page.waitForURL((url) => url.pathname === '/contributions/import');
    await settle(page);
    await expectAccessible(page, 'settlement import');
    // the sample file has the documented columns
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-sample').click()]);
    const sample = await readFile(await download.path(), 'utf8');
    expect(sample.split('\r\n')[0]).toBe('reference,amount_rials,paid_at,unit_code,purpose,target_group');
    expect(sample).toContain(',C2303,orphans,orphans');

    const day = formatJalaliDate(new Date(), { digits: 'latin', withTime: true });
    const csv = [
      'reference,amount_rials,paid_at,unit_code,purpose,target_group',
      `GW-E2E-1,5000000,${day},C2303,general,`,
      `GW-E2E-2,12000000,${day},C2303,orphans,orphans`,
      `GW-E2E-3,abc,${day},C2303,general,`,
      `GW-E2E-4,3000000,${day},C2303,unicorns,`,
    ].join('\n');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.getByTestId('import-file').setInputFiles({ name: 'settlement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-dry-run').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.locator('h2').innerText(), { timeout: 20_000 }).toBe('نتیجه بررسی آزمایشی — چیزی ثبت نشد.');
    expect(await page.getByTestId('import-rowsImportedDry').innerText()).toBe('۲');
    expect(await page.getByTestId('import-rowsInvalid').innerText()).toBe('۲');
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.locator('.ant-table-row').count()).toBe(2);
    const errorText = await errors.innerText();
    expect(errorText).toContain('amount_rials');
    expect(errorText).toContain('مبلغ باید عدد صحیح ریال (بدون اعشار) باشد.');
    expect(errorText).toContain('نیت یا مصرف انتخاب‌شده در فهرست نیست.');
    await settle(page);
    await screenshot(page, JOURNEY, 'import-dry-run', DESKTOP);
    await expectAccessible(page, 'settlement import, dry run');

    await page.getByTestId('import-run').click();
    await expect.poll(() => result.locator('h2').innerText(), { timeout: 20_000 }).toBe('نتیجه ورود فایل');
    expect(await page.getByTestId('import-rowsImported').innerText()).toBe('۲');
  });

  it('should record a gift from a registered donor found by name', async () => {
    const { page } = session;
    await page.goto('/contributions/new');
    await settle(page);
    await page.locator('#contribution_amountToman').fill('90000');
    await page.locator('#contribution_donorId').click();
    await page.keyboard.type('نیکوکارزاده');
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'مریم نیکوکارزاده' });
    await option.waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => formItem(page, 'contribution_donorId').innerText()).toContain('مریم نیکوکارزاده');
    await page.keyboard.press('Control+Enter');
    await toast(page, /مشارکت با رسید شماره/);
    const receipt = /[۰-۹]{4}-[۰-۹]{2}-[۰-۹]{6}/.exec(await page.getByTestId('last-receipt').innerText())![0];
    await page.goto('/contributions');
    await settle(page);
    await page.getByRole('button', { name: `جزئیات رسید ${receipt}` }).click();
    await expect.poll(() => page.getByTestId('contribution-detail').innerText()).toContain('نیکوکار ثبت‌شده');
    await page.locator('.ant-drawer').getByRole('button', { name: 'بستن' }).click();
    await page.locator('.ant-drawer-content').waitFor({ state: 'detached' });
  });

  it('should show the county balances and a fund statement', async () => {
    const { page } = session;
    await page.locator('aside nav').getByRole('link', { name: 'مانده صندوق‌ها' }).click();
    await page.waitForURL((url) => url.pathname === '/ledger/balances');
    await settle(page);
    expect(await page.locator('main h1').innerText()).toBe('مانده‌های شهرستان ری');
    // the totals fill in when the balances have arrived
    await expect.poll(() => page.getByTestId('balance-totals').innerText()).toContain('مانده عام');
    const totals = await page.getByTestId('balance-totals').innerText();
    expect(totals).toMatch(/[۰-۹]/);
    const funds = page.getByTestId('balance-funds');
    await expect.poll(() => funds.locator('.ant-table-row').count()).toBeGreaterThan(1);
    await screenshot(page, JOURNEY, 'balances-county', DESKTOP);
    await expectAccessible(page, 'balances (county)');

    const link = funds.locator('.ant-table-row a').first();
    const name = await link.innerText();
    await link.click();
    await page.waitForURL((url) => url.pathname === '/ledger/statement' && url.searchParams.has('account'));
    await settle(page);
    await expect.poll(() => page.locator('main h1').innerText()).toContain(name);
    expect(await page.getByTestId('statement-summary').innerText()).toContain('مانده پایان دوره');
    await expect.poll(() => page.locator('main .ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.locator('main .ant-table').innerText()).toContain('مشارکت');
    await screenshot(page, JOURNEY, 'statement', DESKTOP);
    await expectAccessible(page, 'statement');
    expect(session.errors).toEqual([]);
  });
});
