// A county officer registers a natural person (refused first for an invalid national code, with the
// server's Persian message on that field), then a company represented by that person; a second
// registration of the same national code points to the existing record; «علي» (Arabic yeh) finds
// «علی»; the list is exported to Excel by the server.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLegalId, generateMobile, generateNationalCode, toPersianDigits } from '@mosharekat/fa';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';
import { chooseOption, openDropdown, toast } from '../support/antd';

const JOURNEY = 'donors';
const STAMP = toPersianDigits(String(Date.now() % 100_000));
const LAST_NAME = `آزمون‌پور ${STAMP}`;
const PERSON = `علی ${LAST_NAME}`;
const COMPANY = `شرکت آزمون ${STAMP}`;
const NATIONAL_CODE = generateNationalCode(Math.random);
const MOBILE = generateMobile(Math.random);

/** Picks the option whose whole label is `title` (a county's places include names containing others). */
const chooseExact = (page: Page, label: string, title: string) => chooseOption(page, page.getByLabel(label, { exact: true }), { title });

function fieldError(page: Page, testId: string) {
  return page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');
}

describe('officer registers donors', () => {
  let browser: Browser;
  let session: Session;
  let personUrl = '';
  screenshotOnFailure(() => session, 'donors-register');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    await session.page.goto('/login');
    await signIn(session.page, 'rey.officer');
    await session.page.waitForURL((url) => url.pathname === '/');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should open the donor list from the menu', async () => {
    const { page } = session;
    await page.locator('aside nav').getByRole('link', { name: 'نیکوکاران', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/donors');
    // the previous page stays on screen while the lazy page loads: wait for this page's heading
    await page.locator('main h1', { hasText: 'نیکوکاران' }).waitFor();
    await settle(page);
    await screenshot(page, JOURNEY, 'list', DESKTOP);
    await expectAccessible(page, 'donor list');
  });

  it('should refuse an invalid national code with the Persian message on its field', async () => {
    const { page } = session;
    await page.getByTestId('donor-new').click();
    await page.waitForURL((url) => url.pathname === '/donors/new');
    await page.locator('main h1', { hasText: 'ثبت نیکوکار' }).waitFor();
    await settle(page);
    await page.getByLabel('نام', { exact: true }).fill('علی');
    await page.getByLabel('نام خانوادگی', { exact: true }).fill(LAST_NAME);
    await page.getByLabel('کد ملی', { exact: true }).fill('0012345678');
    await page.getByLabel('تلفن همراه ۱').fill(MOBILE);
    await page.getByTestId('donor-submit').click();
    const error = fieldError(page, 'donor-national-code');
    await error.waitFor();
    expect(await error.innerText()).toContain('کد ملی واردشده معتبر نیست');
    expect(page.url()).toContain('/donors/new');
    await screenshot(page, JOURNEY, 'field-error', DESKTOP);
    await expectAccessible(page, 'donor form with a field error');
  });

  it('should register the person with a Jalali birth date and an address', async () => {
    const { page } = session;
    await page.getByLabel('کد ملی', { exact: true }).fill(toPersianDigits(NATIONAL_CODE));
    await page.getByLabel('نام پدر').fill('حسن');
    const birthDate = page.getByLabel('تاریخ تولد');
    await birthDate.click();
    await birthDate.fill('۱۳۶۵/۰۴/۲۱');
    await birthDate.press('Enter');
    await chooseOption(page, page.getByLabel('جنسیت'), 'مرد');
    await chooseExact(page, 'استان', 'تهران');
    await chooseExact(page, 'شهرستان', 'ری');
    await chooseExact(page, 'شهر یا روستا', 'ری');
    await page.getByLabel('نشانی', { exact: true }).fill('خیابان فداییان اسلام، کوچه ۱۲');
    const tags = page.getByLabel('برچسب‌ها');
    await tags.fill('حامی ایتام');
    await tags.press('Enter');
    await page.getByTestId('donor-submit').click();
    await page.waitForURL((url) => /^\/donors\/[0-9a-f-]{36}$/.test(url.pathname));
    await toast(page, `نیکوکار «${PERSON}» ثبت شد.`);
    await settle(page);
    personUrl = new URL(page.url()).pathname;
    expect(await page.getByTestId('donor-name').innerText()).toBe(PERSON);
    const profile = await page.locator('main').innerText();
    expect(profile).toContain('۱۳۶۵/۰۴/۲۱');
    expect(profile).toContain('تهران');
    expect(profile).toContain('ری (شهر)');
    expect(await page.getByTestId('donor-national-code').innerText()).toMatch(new RegExp(`^\\*+${toPersianDigits(NATIONAL_CODE.slice(-4))}$`));
    await screenshot(page, JOURNEY, 'person', DESKTOP);
    await expectAccessible(page, 'donor page');
  });

  it('should show the full national code only after "show", for those allowed', async () => {
    const { page } = session;
    await page.getByTestId('donor-reveal').click();
    await expect.poll(() => page.getByTestId('donor-national-code').innerText()).toBe(toPersianDigits(NATIONAL_CODE));
    await page.getByRole('tab', { name: 'تاریخچه تغییرات' }).click();
    await expect.poll(() => page.getByTestId('donor-history').innerText()).toContain('مشاهده کدهای کامل');
  });

  it('should register a company represented by the person', async () => {
    const { page } = session;
    await page.goto('/donors/new');
    await settle(page);
    await page.getByText('شخص حقوقی', { exact: true }).click();
    await page.getByLabel('نام شخص حقوقی').fill(COMPANY);
    await chooseOption(page, page.getByLabel('نوع شخص حقوقی'), 'شرکت');
    await page.getByLabel('شناسه ملی').fill(generateLegalId(Math.random));
    await page.getByLabel('تلفن همراه ۱').fill(generateMobile(Math.random));
    await page.getByRole('button', { name: 'افزودن نماینده' }).click();
    const picker = page.getByLabel('نماینده ۱', { exact: true });
    await picker.click();
    await picker.fill(LAST_NAME);
    await openDropdown(page).locator('.ant-select-item-option', { hasText: PERSON }).first().click();
    await page.getByLabel('سمت نماینده ۱').fill('مدیرعامل');
    await page.getByTestId('donor-submit').click();
    await page.waitForURL((url) => /^\/donors\/[0-9a-f-]{36}$/.test(url.pathname));
    await settle(page);
    expect(await page.getByTestId('donor-name').innerText()).toBe(COMPANY);
    const relations = await page.locator('main').innerText();
    expect(relations).toContain(PERSON);
    expect(relations).toContain('مدیرعامل');
    await screenshot(page, JOURNEY, 'company', DESKTOP);
    await expectAccessible(page, 'company page');
  });

  it('should point to the existing record when the same national code is registered again', async () => {
    const { page } = session;
    await page.goto('/donors/new');
    await settle(page);
    await page.getByLabel('نام', { exact: true }).fill('رضا');
    await page.getByLabel('نام خانوادگی', { exact: true }).fill(`تکراری ${STAMP}`);
    await page.getByLabel('کد ملی', { exact: true }).fill(NATIONAL_CODE);
    await page.getByTestId('donor-submit').click();
    const alert = page.getByTestId('donor-duplicate');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('این نیکوکار قبلاً ثبت شده است.');
    expect(await fieldError(page, 'donor-national-code').innerText()).toContain('قبلاً ثبت شده است');
    await screenshot(page, JOURNEY, 'duplicate', DESKTOP);
    await expectAccessible(page, 'duplicate refused');
    await alert.getByRole('link', { name: 'دیدن پرونده موجود' }).click();
    await page.waitForURL((url) => url.pathname === personUrl);
    await settle(page);
    expect(await page.getByTestId('donor-name').innerText()).toBe(PERSON);
  });

  it('should find «علی» when «علي» is typed, with the search kept in the URL', async () => {
    const { page } = session;
    await page.goto('/donors');
    await settle(page);
    const search = page.getByLabel('جستجوی نام، کد ملی یا همراه');
    await search.fill(`علي ${LAST_NAME.split(' ')[0]}`);
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q')?.startsWith('علي') === true);
    await settle(page);
    await page.reload();
    await settle(page);
    await expect.poll(() => page.getByTestId('donor-link').allInnerTexts()).toContain(PERSON);
    await screenshot(page, JOURNEY, 'search', DESKTOP);
    await expectAccessible(page, 'donor search');
  });

  it('should say a name needs three letters, and find a donor by mobile in another form', async () => {
    const { page } = session;
    const search = page.getByLabel('جستجوی نام، کد ملی یا همراه');
    await search.fill('عل');
    await search.press('Enter');
    await page.getByText('برای جستجوی نام دست‌کم سه حرف بنویسید').waitFor();
    await search.fill(`+98 ${toPersianDigits(MOBILE.slice(1))}`);
    await search.press('Enter');
    await settle(page);
    await expect.poll(() => page.getByTestId('donor-link').allInnerTexts()).toEqual([PERSON]);
  });

  it('should download the list as Excel from the server', async () => {
    const { page } = session;
    await page.getByTestId('donor-export').click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'خروجی اکسل (کدها پوشیده)' }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe('donors.xlsx');
    expect(session.errors).toEqual([]);
  });
});
