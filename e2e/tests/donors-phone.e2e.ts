// The donor pages on a phone: list, a donor's record and the registration form fit the screen
// (nothing scrolls sideways), read right to left and pass the accessibility scan.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMobile, generateNationalCode, toPersianDigits } from '@mosharekat/fa';
import { expectAccessible, expectNoHorizontalOverflow, launch, openSession, PHONE, screenshot, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';

const JOURNEY = 'donors';
const STAMP = toPersianDigits(String(Date.now() % 100_000));
const NAME = `فاطمه همراه ${STAMP}`;

describe('donor pages on a phone', () => {
  let browser: Browser;
  let session: Session;
  let donorId = '';
  screenshotOnFailure(() => session, 'donors-phone');

  beforeAll(async () => {
    browser = await launch();
    session = await openSession(browser, PHONE);
    const { page } = session;
    await page.goto('/login');
    await signIn(page, 'rey.officer');
    await page.waitForURL((url) => url.pathname === '/');
    const me = await (await page.request.get('/api/me')).json();
    const res = await page.request.post('/api/donors', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        type: 'natural', firstName: 'فاطمه', lastName: `همراه ${STAMP}`, nationalCode: generateNationalCode(Math.random), mobiles: [generateMobile(Math.random)],
        birthDate: '1370/11/22', gender: 'female', address: { provinceId: 100008, countyId: 200221, line: 'میدان شهرری' }, categories: ['benefactor'], tags: ['همراه'],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    donorId = (await res.json()).id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should reach the donor list from the menu drawer', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'باز کردن منو' }).click();
    await page.locator('.ant-drawer-open nav').getByRole('link', { name: 'نیکوکاران', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/donors');
    await page.locator('.ant-drawer').waitFor({ state: 'detached' }).catch(() => undefined);
    await page.locator('main h1', { hasText: 'نیکوکاران' }).waitFor();
    await settle(page);
    await expectNoHorizontalOverflow(page, 'donor list (phone)');
    await screenshot(page, JOURNEY, 'list', PHONE);
    await expectAccessible(page, 'donor list (phone)');
  });

  it("should show a donor's record without sideways scrolling", async () => {
    const { page } = session;
    await page.goto(`/donors/${donorId}`);
    await settle(page);
    expect(await page.getByTestId('donor-name').innerText()).toBe(NAME);
    expect(await page.locator('main').innerText()).toContain('۱۳۷۰/۱۱/۲۲');
    await expectNoHorizontalOverflow(page, 'donor page (phone)');
    await screenshot(page, JOURNEY, 'person', PHONE);
    await expectAccessible(page, 'donor page (phone)');
  });

  it('should fit the registration form on the screen', async () => {
    const { page } = session;
    await page.goto('/donors/new');
    await settle(page);
    await page.getByLabel('نام', { exact: true }).fill('مریم');
    await expectNoHorizontalOverflow(page, 'donor form (phone)');
    await screenshot(page, JOURNEY, 'form', PHONE);
    await expectAccessible(page, 'donor form (phone)');
    expect(session.errors).toEqual([]);
  });
});
