// A county participation officer at the counter: records a specific gift for orphans and a general
// gift with the keyboard alone, sees a Persian error next to the field the server refused, finds the
// gifts in the list, opens a receipt, and is told in Persian that they may not reverse their own gift.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launch, openSession, screenshot, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';
import { chooseOption, toast } from '../support/antd';
import { switchLanguage } from '../support/journey';
import { focusedId, focusedRadio, formItem } from './contributions-helpers';

const JOURNEY = 'contributions';
const AMOUNT = 'contribution_amountToman';

describe('county officer records contributions', () => {
  let browser: Browser;
  let session: Session;
  const receipts: string[] = [];
  screenshotOnFailure(() => session, 'contributions-officer');

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

  async function lastReceiptNo(): Promise<string> {
    const text = await session.page.getByTestId('last-receipt').innerText();
    const match = /[۰-۹]{4}-[۰-۹]{2}-[۰-۹]{6}/.exec(text);
    expect(match, text).not.toBeNull();
    return match![0];
  }

  it('should open the record form from the menu with the amount focused', async () => {
    const { page } = session;
    await page.locator('aside nav').getByRole('link', { name: 'ثبت مشارکت' }).click();
    await page.waitForURL((url) => url.pathname === '/contributions/new');
    await settle(page);
    // the page's own chunk may still be loading on a busy machine
    await expect.poll(() => page.locator('main h1').innerText()).toBe('ثبت مشارکت نقدی');
    await expect.poll(() => focusedId(page)).toBe(AMOUNT);
    // the receiving unit defaults to the working unit
    expect(await formItem(page, 'contribution_unitId').innerText()).toContain('شهرستان ری');
    await screenshot(page, JOURNEY, 'record', DESKTOP);
    await expectAccessible(page, 'record contribution');
  });

  it('should record a specific gift for orphans with the keyboard alone', async () => {
    const { page } = session;
    await page.keyboard.type('2500000');
    expect(await page.locator(`#${AMOUNT}`).inputValue()).toBe('۲٬۵۰۰٬۰۰۰');
    expect(await page.getByTestId(`${AMOUNT}-words`).innerText()).toBe('به حروف: دو میلیون و پانصد هزار تومان');
    await page.keyboard.press('Enter');
    expect(await focusedRadio(page)).toMatchObject({ name: 'fundKind', value: 'general' });
    await page.keyboard.press('ArrowDown');
    expect(await focusedRadio(page)).toMatchObject({ value: 'specific', checked: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('contribution_purposeCode');
    await page.keyboard.type('ایتام');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('contribution_targetGroupCode');
    expect(await formItem(page, 'contribution_purposeCode').innerText()).toContain('ایتام و فرزندان');
    await page.keyboard.type('کودکان');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('contribution_channel');
    expect(await formItem(page, 'contribution_targetGroupCode').innerText()).toContain('کودکان بی‌سرپرست');
    await page.keyboard.press('Enter'); // cash at the counter, as it is
    await expect.poll(() => focusedId(page)).toBe('contribution_channelRef');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('contribution_receivedOn');
    await page.keyboard.press('Enter'); // today, as it is
    await expect.poll(() => focusedId(page)).toBe('contribution_donorId');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('contribution_notes');
    await page.keyboard.type('برای کودکان بی‌سرپرست');
    await page.keyboard.press('Control+Enter');
    await toast(page, /مشارکت با رسید شماره \u2066[۰-۹-]+\u2069 ثبت شد/);
    receipts.push(await lastReceiptNo());
    expect(await page.getByTestId('last-receipt').innerText()).toContain('۲٬۵۰۰٬۰۰۰ تومان');
    // ready for the next gift: cleared, back on the amount, the kind back to general
    await expect.poll(() => focusedId(page)).toBe(AMOUNT);
    expect(await page.locator(`#${AMOUNT}`).inputValue()).toBe('');
    expect(await page.locator('#contribution_purposeCode').count()).toBe(0);
  });

  it('should record a general gift paid by POS with its reference, keyboard only', async () => {
    const { page } = session;
    await page.keyboard.type('500000');
    await page.keyboard.press('Enter');
    expect(await focusedRadio(page)).toMatchObject({ value: 'general', checked: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('contribution_channel');
    await page.keyboard.press('ArrowDown'); // opens the list on the current channel
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor();
    await page.keyboard.press('ArrowDown'); // → POS
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('contribution_channelRef');
    expect(await formItem(page, 'contribution_channel').innerText()).toContain('کارتخوان');
    await page.keyboard.type('POS-778899');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await lastReceiptNo()) !== receipts[0]).toBe(true);
    receipts.push(await lastReceiptNo());
    expect(await page.getByTestId('last-receipt').innerText()).toContain('۵۰۰٬۰۰۰ تومان');
    // the channel stays for the next gift from the same terminal; the reference does not
    expect(await formItem(page, 'contribution_channel').innerText()).toContain('کارتخوان');
    expect(await page.locator('#contribution_channelRef').inputValue()).toBe('');
    await screenshot(page, JOURNEY, 'record-done', DESKTOP);
  });

  it('should show Persian errors next to the fields: a missing amount, and a reference the server has seen', async () => {
    const { page } = session;
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => formItem(page, AMOUNT).locator('.ant-form-item-explain-error').innerText()).toBe('مبلغ را به تومان وارد کنید.');
    expect(await formItem(page, 'contribution_channelRef').locator('.ant-form-item-explain-error').innerText()).toBe('برای این روش پرداخت، شماره پیگیری لازم است.');
    await page.locator(`#${AMOUNT}`).fill('300000');
    await page.locator('#contribution_channelRef').fill('POS-778899');
    await page.getByTestId('contribution-submit').click();
    const refError = formItem(page, 'contribution_channelRef').locator('.ant-form-item-explain-error');
    await expect.poll(() => refError.innerText()).toBe('این شماره پیگیری/مرجع قبلاً برای همین روش پرداخت ثبت شده است.');
    await screenshot(page, JOURNEY, 'record-error', DESKTOP);
    await expectAccessible(page, 'record contribution with errors');
  });

  it('should credit a double-clicked submission once', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'پاک کردن فرم' }).click();
    await page.locator(`#${AMOUNT}`).fill('777777');
    await page.getByTestId('contribution-submit').dblclick();
    await toast(page, /مشارکت با رسید شماره/);
    await page.goto('/contributions?minToman=777777&maxToman=777777');
    await settle(page);
    await expect.poll(() => page.locator('main .ant-table-row').count()).toBe(1);
  });

  it('should list the gifts with Persian digits and filter them by kind', async () => {
    const { page } = session;
    await page.goto('/contributions');
    await settle(page);
    expect(await page.locator('main h1').innerText()).toBe('فهرست مشارکت‌ها');
    const table = page.locator('main .ant-table');
    for (const receipt of receipts) await expect.poll(() => table.innerText()).toContain(receipt);
    await chooseOption(page, page.getByLabel('نوع مشارکت'), 'خاص');
    await page.waitForURL((url) => url.searchParams.get('fundKind') === 'specific');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await settle(page);
    await expect.poll(() => table.innerText()).toContain(receipts[0]!);
    expect(await table.innerText()).not.toContain(receipts[1]!);
    expect(await table.innerText()).toContain('ایتام و فرزندان');
    await screenshot(page, JOURNEY, 'list', DESKTOP);
    await expectAccessible(page, 'contributions list');
  });

  it('should open a receipt with its print view, PDF and verification links', async () => {
    const { page } = session;
    await page.getByRole('button', { name: `جزئیات رسید ${receipts[0]}` }).click();
    const detail = page.getByTestId('contribution-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('دو میلیون و پانصد هزار تومان');
    const frame = page.frameLocator('[data-testid="receipt-frame"]');
    await expect.poll(() => frame.locator('body').innerText()).toContain('رسید مشارکت مردمی');
    expect(await frame.locator('body').innerText()).toContain(receipts[0]!);
    expect(await frame.locator('body').innerText()).toContain('بیست و پنج میلیون ریال');
    expect(await page.getByTestId('receipt-pdf').getAttribute('href')).toMatch(/^\/api\/contributions\/[0-9a-f-]+\/receipt\.pdf$/);
    const pdf = await page.request.get((await page.getByTestId('receipt-pdf').getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(await page.getByTestId('receipt-verify').getAttribute('href')).toMatch(/^\/r\/[0-9A-Z]+$/);
    await settle(page);
    await screenshot(page, JOURNEY, 'receipt', DESKTOP);
    await expectAccessible(page, 'contribution drawer');
  });

  it('should show the server refusing a reversal by the person who recorded the gift', async () => {
    const { page } = session;
    await page.getByTestId('contribution-reverse').click();
    await page.getByLabel('دلیل برگشت').fill('ثبت تکراری آزمایشی');
    await page.getByTestId('reverse-ok').click();
    await expect.poll(() => page.getByTestId('reverse-refused').innerText()).toBe('برگشت مشارکت باید توسط کاربری غیر از ثبت‌کننده آن انجام شود.');
    await expectAccessible(page, 'reverse dialog');
    await page.getByRole('button', { name: 'انصراف' }).click();
  });

  it('should offer the record form in English, with Latin digits and the amount still in Persian words', async () => {
    const { page } = session;
    await page.goto('/contributions/new');
    await settle(page);
    await switchLanguage(page);
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Record a cash contribution');
    await page.locator(`#${AMOUNT}`).fill('1250000');
    expect(await page.locator(`#${AMOUNT}`).inputValue()).toBe('1,250,000');
    expect(await page.getByTestId(`${AMOUNT}-words`).innerText()).toBe('In words: یک میلیون و دویست و پنجاه هزار تومان');
    await screenshot(page, JOURNEY, 'record-en', DESKTOP);
    await expectAccessible(page, 'record contribution in English');
    await switchLanguage(page);
    await expect.poll(() => page.locator('main h1').innerText()).toBe('ثبت مشارکت نقدی');
    expect(session.errors).toEqual([]);
  });
});
