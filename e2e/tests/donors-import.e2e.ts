// An officer imports a small CSV of donors with one bad row: the dry run shows progress, the counts
// and the bad row with its column and Persian message (also as xlsx); the real import then records
// the good rows, which the donor list finds.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMobile, generateNationalCode, toPersianDigits } from '@mosharekat/fa';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';

const JOURNEY = 'donors';
const STAMP = toPersianDigits(String(Date.now() % 100_000));
const LAST_NAME = `واردشده ${STAMP}`;
const rng = Math.random;
const CSV = [
  'نوع,نام,نام خانوادگی,کد ملی,تلفن همراه,استان,شهرستان,شهر یا روستا,برچسب‌ها',
  `حقیقی,زهرا,${LAST_NAME},${generateNationalCode(rng)},${generateMobile(rng)},تهران,ری,ری,ورود گروهی`,
  `حقیقی,حسین,${LAST_NAME},${generateNationalCode(rng)},${generateMobile(rng)},,,,`,
  `حقیقی,نادرست,${LAST_NAME},0012345678,${generateMobile(rng)},,,,`,
].join('\r\n');

describe('officer imports donors from a file', () => {
  let browser: Browser;
  let session: Session;
  screenshotOnFailure(() => session, 'donors-import');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    const { page } = session;
    await page.goto('/login');
    await signIn(page, 'rey.officer');
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('aside nav').getByRole('link', { name: 'ورود گروهی نیکوکاران' }).click();
    await page.waitForURL((url) => url.pathname === '/donors/import');
    await settle(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should offer the template and keep the real import closed before a dry run', async () => {
    const { page } = session;
    const template = await page.request.get((await page.getByTestId('donor-import-template').getAttribute('href')) ?? '');
    expect(template.status()).toBe(200);
    expect(template.headers()['content-type']).toContain('spreadsheetml');
    await page.getByTestId('donor-import-file').setInputFiles({ name: 'donors.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    expect(await page.getByTestId('donor-import-run').isDisabled()).toBe(true);
    await expectAccessible(page, 'donor import');
  });

  it('should show the bad row with its column and Persian message after the dry run', async () => {
    const { page } = session;
    await page.getByTestId('donor-import-dry-run').click();
    const result = page.getByTestId('donor-import-result');
    await result.getByText('نتیجه بررسی آزمایشی — چیزی ثبت نشد.').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('donor-import-rowsRead').innerText()).toBe('۳');
    expect(await page.getByTestId('donor-import-rowsInvalid').innerText()).toBe('۱');
    expect(await page.getByTestId('donor-import-createdDry').innerText()).toBe('۲');
    const errors = page.getByTestId('donor-import-errors');
    await expect.poll(() => errors.locator('.ant-table-row').count()).toBe(1);
    const row = await errors.locator('.ant-table-row').first().innerText();
    expect(row).toContain('۴');
    expect(row).toContain('کد ملی');
    expect(row).toContain('کد ملی واردشده معتبر نیست');
    const xlsx = await page.request.get((await page.getByTestId('donor-import-errors-xlsx').getAttribute('href')) ?? '');
    expect(xlsx.status()).toBe(200);
    await settle(page);
    await screenshot(page, JOURNEY, 'import-dry-run', DESKTOP);
    await expectAccessible(page, 'donor import dry run');
  });

  it('should import the good rows for real', async () => {
    const { page } = session;
    await page.getByTestId('donor-import-run').click();
    await page.getByTestId('donor-import-result').getByText('نتیجه ورود فایل').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('donor-import-created').innerText()).toBe('۲');
    expect(await page.getByTestId('donor-import-rowsInvalid').innerText()).toBe('۱');
    await settle(page);
    await screenshot(page, JOURNEY, 'import-done', DESKTOP);
  });

  it('should find the imported donors in the list', async () => {
    const { page } = session;
    await page.goto(`/donors?q=${encodeURIComponent(LAST_NAME)}`);
    await settle(page);
    await expect.poll(() => page.getByTestId('donor-link').allInnerTexts()).toEqual(expect.arrayContaining([`زهرا ${LAST_NAME}`, `حسین ${LAST_NAME}`]));
    expect(await page.getByTestId('donor-link').count()).toBe(2);
    expect(session.errors).toEqual([]);
  });
});
