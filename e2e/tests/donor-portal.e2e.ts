// A donor on a phone gives 500,000 toman to orphans in Isfahan through the sandbox gateway, comes
// back to the receipt, gets it by SMS (read from the server's SMS sink), signs in with the one-time
// code from the same sink and finds the gift in "my gifts".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseOption } from '../support/antd';
import { expectAccessible, expectNoHorizontalOverflow, htmlDirLang, launch, openSession, PHONE, screenshot, type Session } from '../support/browser';

const JOURNEY = 'portal';
const MOBILE = `0912${String(Date.now() % 10_000_000).padStart(7, '0')}`;

interface Sms { to: string; kind: 'otp' | 'receipt'; text: string }

function smsTo(mobile: string): Sms[] {
  const file = join(inject('dataDir'), 'sms-outbox.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Sms).filter((m) => m.to === mobile);
}

describe('donor gives online on a phone', () => {
  let browser: Browser;
  let session: Session;
  let receiptCode = '';

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, PHONE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should offer intents, places and amounts in Persian, right to left', async () => {
    const { page } = session;
    await page.goto('/give');
    await page.locator('main h1').waitFor();
    await page.getByText('ایتام و فرزندان بی‌سرپرست و بدسرپرست').waitFor();
    expect(await htmlDirLang(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    await expectNoHorizontalOverflow(page, 'give');
    await screenshot(page, JOURNEY, 'give', PHONE);
    await expectAccessible(page, 'give (phone)');
  });

  it('should show the amount in words and go to the gateway', async () => {
    const { page } = session;
    await page.getByText('ایتام و فرزندان بی‌سرپرست و بدسرپرست').click();
    await chooseOption(page, page.getByLabel('استان', { exact: true }), 'استان اصفهان');
    await page.getByLabel('مبلغ دلخواه').fill('500000');
    await expect.poll(() => page.getByLabel('مبلغ دلخواه').inputValue()).toBe('۵۰۰٬۰۰۰');
    await expect.poll(() => page.getByTestId('amount-words').innerText()).toBe('پانصد هزار تومان');
    await page.getByLabel('نام و نام خانوادگی').fill('سارا محمدی');
    await page.getByLabel('شماره همراه').fill(MOBILE);
    expect(await page.getByTestId('pay').innerText()).toContain('۵۰۰٬۰۰۰ تومان');
    await expectNoHorizontalOverflow(page, 'give (filled)');
    await screenshot(page, JOURNEY, 'give-filled', PHONE);
    await page.getByTestId('pay').click();
    await page.waitForURL((url) => url.pathname.startsWith('/sandbox-gateway/pg/StartPay/'));
    // nothing personal in the address the donor is sent to
    expect(page.url()).not.toContain(MOBILE);
    expect(await page.getByTestId('sandbox-amount').innerText()).toBe('۵۰۰٬۰۰۰ تومان');
    await screenshot(page, JOURNEY, 'gateway', PHONE);
  });

  it('should come back to a verified receipt after paying', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'پرداخت موفق' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/give/thanks/'));
    await page.getByTestId('thanks').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('thanks-amount').innerText()).toBe('۵۰۰٬۰۰۰ تومان');
    const text = await page.locator('main').innerText();
    expect(text).toContain('پانصد هزار تومان');
    expect(text).toContain('استان اصفهان');
    expect(text).toContain('ایتام');
    receiptCode = (await page.getByTestId('receipt-code').innerText()).trim();
    expect(receiptCode).toMatch(/^[0-9A-Z]{6,20}$/);
    expect(await page.getByTestId('receipt-link').getAttribute('href')).toBe(`/r/${receiptCode}`);
    await expectNoHorizontalOverflow(page, 'thanks');
    await screenshot(page, JOURNEY, 'thanks', PHONE);
    await expectAccessible(page, 'thanks (phone)');

    const verification = await page.request.get(`/r/${receiptCode}`);
    expect(verification.status()).toBe(200);
    expect(await verification.text()).toContain('این رسید معتبر است');
    const pdf = await page.request.get((await page.getByTestId('receipt-pdf').getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('should send the receipt by SMS', async () => {
    await expect.poll(() => smsTo(MOBILE).filter((m) => m.kind === 'receipt').length).toBe(1);
    expect(smsTo(MOBILE).find((m) => m.kind === 'receipt')!.text).toContain(`/r/${receiptCode}`);
  });

  it('should sign in with the one-time code and list the gift in my gifts', async () => {
    const { page } = session;
    await page.getByTestId('to-my-gifts').click();
    await page.waitForURL((url) => url.pathname === '/give/sign-in');
    await page.getByLabel('شماره همراه').fill(MOBILE);
    await screenshot(page, JOURNEY, 'sign-in', PHONE);
    await page.getByTestId('send-code').click();
    await page.getByLabel('کد ورود').waitFor();
    await expect.poll(() => smsTo(MOBILE).filter((m) => m.kind === 'otp').length).toBe(1);
    const code = /(\d{6})/.exec(smsTo(MOBILE).find((m) => m.kind === 'otp')!.text)![1]!;
    await page.getByLabel('کد ورود').fill(code);
    await expectAccessible(page, 'sign-in code (phone)');
    await page.getByTestId('verify-code').click();
    await page.waitForURL((url) => url.pathname === '/give/my-gifts');
    await page.getByTestId('gift').first().waitFor();
    expect(await page.getByTestId('gift').count()).toBe(1);
    const gift = await page.getByTestId('gift').first().innerText();
    expect(gift).toContain('۵۰۰٬۰۰۰ تومان');
    expect(gift).toContain('استان اصفهان');
    expect(gift).toContain('درگاه اینترنتی');
    expect(gift).toContain('هنوز هزینه‌کردی از این کمک ثبت نشده است');
    expect(await page.getByTestId('gifts-total').innerText()).toBe('۵۰۰٬۰۰۰ تومان');
    await expectNoHorizontalOverflow(page, 'my gifts');
    await screenshot(page, JOURNEY, 'my-gifts', PHONE);
    await expectAccessible(page, 'my gifts (phone)');
  });

  it('should have logged no errors in the browser', () => {
    expect(session.errors).toEqual([]);
  });
});
