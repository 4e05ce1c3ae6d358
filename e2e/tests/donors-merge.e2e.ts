// An officer finds two records of one person among the duplicates of the working unit (registered
// through the API: same mobile, one name shorter and typed with Arabic letters), compares them side by side, keeps
// the one with the national code and lands on it with its merge history; the merged record points
// to the survivor.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMobile, generateNationalCode, toPersianDigits } from '@mosharekat/fa';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';
import { dialog, toast } from '../support/antd';

const JOURNEY = 'donors';
const STAMP = toPersianDigits(String(Date.now() % 100_000));
const KEEP = `مهدی کاشانی‌نژاد ${STAMP}`;
// typed with Arabic ي, stored Persian-normalised as «مهدی کاشانی …»
const DUPLICATE_TYPED = `مهدي کاشاني ${STAMP}`;
const DUPLICATE = `مهدی کاشانی ${STAMP}`;

/** Registers a donor through the API with the page's session (and its CSRF token). */
async function registerDonor(page: Page, body: Record<string, unknown>): Promise<string> {
  const me = await (await page.request.get('/api/me')).json();
  const res = await page.request.post('/api/donors', { data: body, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

describe('officer merges duplicate donors', () => {
  let browser: Browser;
  let session: Session;
  let keepId = '';
  let duplicateId = '';
  screenshotOnFailure(() => session, 'donors-merge');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, DESKTOP);
    const { page } = session;
    await page.goto('/login');
    await signIn(page, 'kashan.officer');
    await page.waitForURL((url) => url.pathname === '/');
    const mobile = generateMobile(Math.random);
    const [first, last] = [KEEP.split(' ')[0], KEEP.split(' ').slice(1).join(' ')];
    keepId = await registerDonor(page, { type: 'natural', firstName: first, lastName: last, nationalCode: generateNationalCode(Math.random), mobiles: [mobile], birthDate: '1360/01/15' });
    const [dFirst, dLast] = [DUPLICATE_TYPED.split(' ')[0], DUPLICATE_TYPED.split(' ').slice(1).join(' ')];
    duplicateId = await registerDonor(page, { type: 'natural', firstName: dFirst, lastName: dLast, mobiles: [mobile], fatherName: 'رضا', tags: ['خیر مدرسه‌ساز'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should list the pair among the duplicates of the working unit', async () => {
    const { page } = session;
    await page.locator('aside nav').getByRole('link', { name: 'پرونده‌های تکراری' }).click();
    await page.waitForURL((url) => url.pathname === '/donors/duplicates');
    // the previous page stays on screen while the lazy page loads: wait for this page's heading
    await page.locator('main h1', { hasText: 'پرونده‌های احتمالاً تکراری' }).waitFor();
    await settle(page);
    await expect.poll(() => page.getByTestId('duplicates-table').innerText()).toContain('همراه مشترک');
    await screenshot(page, JOURNEY, 'duplicates', DESKTOP);
    await expectAccessible(page, 'duplicates');
  });

  it('should compare the two records side by side', async () => {
    const { page } = session;
    await page.getByRole('button', { name: new RegExp(`مقایسه و ادغام: .*کاشان.*${STAMP}`) }).first().click();
    await page.waitForURL((url) => url.pathname === '/donors/merge');
    await settle(page);
    const compare = await page.getByTestId('merge-compare').innerText();
    expect(compare).toContain('رضا');
    expect(compare).toContain('۱۳۶۰/۰۱/۱۵');
    expect(await page.locator('.compare-table td.differs').count()).toBeGreaterThan(0);
    await screenshot(page, JOURNEY, 'merge-compare', DESKTOP);
    await expectAccessible(page, 'merge comparison');
  });

  it('should merge into the record that has the national code and show its merge history', async () => {
    const { page } = session;
    await page.locator('.survivor-choice').getByText(KEEP, { exact: true }).click();
    await page.getByLabel('دلیل ادغام').fill('یک نفر که دو بار ثبت شده است');
    await page.getByTestId('merge-submit').click();
    const confirm = dialog(page);
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(`«${DUPLICATE}» در پرونده «${KEEP}» ادغام می‌شود`);
    await confirm.getByTestId('merge-confirm').click();
    await page.waitForURL((url) => url.pathname === `/donors/${keepId}`);
    await toast(page, 'دو پرونده ادغام شدند.');
    await settle(page);
    const history = page.getByTestId('donor-merge-history');
    await history.waitFor();
    expect(await history.innerText()).toContain(DUPLICATE);
    expect(await history.innerText()).toContain('یک نفر که دو بار ثبت شده است');
    // blanks of the survivor were filled from the duplicate
    expect(await page.locator('main').innerText()).toContain('خیر مدرسه‌ساز');
    await screenshot(page, JOURNEY, 'merged', DESKTOP);
    await expectAccessible(page, 'merged record');
  });

  it('should send the merged record on to the survivor', async () => {
    const { page } = session;
    await page.getByTestId('donor-merge-history').getByRole('link', { name: new RegExp(DUPLICATE) }).click();
    await page.waitForURL((url) => url.pathname === `/donors/${duplicateId}`);
    await settle(page);
    const notice = page.getByTestId('donor-merged');
    await expect.poll(() => notice.innerText()).toContain(`در پرونده «${KEEP}» ادغام شده است`);
    await notice.getByRole('link', { name: 'رفتن به پرونده باقی‌مانده' }).click();
    await page.waitForURL((url) => url.pathname === `/donors/${keepId}`);
    expect(session.errors).toEqual([]);
  });
});
