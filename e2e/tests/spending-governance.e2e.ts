// Issue 6, spending under governance, driven through the pages: Rey's council secretary forms the
// council, holds a quorate meeting and passes a resolution with a ceiling; Rey's officer asks to
// spend general money and sees it blocked (no council, no resolution) and then allowed; a second
// participation officer approves, the secretary confirms, the finance officer pays. The people and
// the money are set up through the API (as an administrator, an officer and a finance officer would).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialog, toast } from '../support/antd';
import { DEMO_PASSWORD, DESKTOP, expectAccessible, expectNoHorizontalOverflow, launch, PHONE, screenshot, screenshotOnFailure, settle, type Session } from '../support/browser';
import { actOn, apiAs, choose, signedIn, statusOf, today } from './spending-helpers';

const SECRETARY = { username: 'rey.secretary', password: 'Secretary-1404-rey', fullName: 'رضا دبیری' };
const DIRECTOR = { username: 'rey.director', password: 'Director-1404-rey', fullName: 'مجید مدیری' };
const GIFT_RIALS = '50000000';
const TITLE = 'کمک معیشتی به خانواده‌های زن سرپرست';
const SHEBA = 'IR050170000000123456789012';

describe('spending under governance', () => {
  let browser: Browser;
  let officer: Session;
  let secretary: Session;
  let current: Session | undefined;
  let requestPath = '';
  let councilPath = '';
  screenshotOnFailure(() => current, 'spending-governance');

  beforeAll(async () => {
    browser = await launch();
    // the administrator seats a council secretary and a director at Rey
    const admin = await apiAs('admin');
    const units = await admin.get<{ items: { id: string; code: string }[] }>(`/api/org-units?q=${encodeURIComponent('ری')}&pageSize=50`);
    const rey = units.items.find((u) => u.code === 'C2303');
    if (!rey) throw new Error('Rey county (C2303) not found');
    for (const [person, role] of [[SECRETARY, 'council_secretary'], [DIRECTOR, 'director']] as const) {
      await admin.post('/api/users', { username: person.username, fullName: person.fullName, password: person.password, unitId: rey.id, roles: [{ role, unitId: rey.id }] });
    }
    await admin.dispose();
    // a general gift reaches Rey, and Tehran province passes it down to Rey's spending account
    const reyOfficer = await apiAs('rey.officer');
    const gift = await reyOfficer.post<{ fund: { id: string } }>('/api/contributions', { unitId: rey.id, amountRials: GIFT_RIALS, fundKind: 'general', channel: 'counter_cash', receivedOn: today() }, true);
    await reyOfficer.dispose();
    const finance = await apiAs('tehran.finance');
    await finance.post('/api/pass-downs', { countyUnitId: rey.id, documentNo: `PD-E2E-${Date.now()}`, items: [{ fundId: gift.fund.id, amountRials: GIFT_RIALS }] }, true);
    await finance.dispose();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should let Rey officer draft a general-money request, with early Sheba feedback and a document', async () => {
    officer = current = await signedIn(browser, 'rey.officer');
    const { page } = officer;
    await page.locator('aside nav').getByRole('link', { name: 'درخواست‌های هزینه' }).click();
    await page.waitForURL((url) => url.pathname === '/spending');
    await settle(page);
    await screenshot(page, 'spending', 'list-empty', DESKTOP);
    await expectAccessible(page, 'spending list');

    await page.getByRole('button', { name: 'درخواست هزینه جدید' }).click();
    await page.waitForURL((url) => url.pathname === '/spending/new');
    await settle(page);
    await choose(page, page.getByLabel('صندوق'), 'عام');
    await page.getByLabel('عنوان').fill(TITLE);
    await choose(page, page.getByLabel('مصرف', { exact: true }), 'معیشت');
    await page.getByLabel('مبلغ (تومان)').fill('1200000');
    await expect.poll(() => page.getByTestId('spending_amount-words').innerText()).toContain('یک میلیون و دویست هزار تومان');
    await page.getByLabel('نام دریافت‌کننده').fill('فروشگاه تعاونی کالای اساسی');
    // a mistyped check digit is caught before anything is sent
    const sheba = page.getByLabel('شماره شبای دریافت‌کننده');
    await sheba.fill('IR060170000000123456789012');
    await page.getByText('رقم کنترل شماره شبا درست نیست').waitFor();
    await sheba.fill(SHEBA);
    await page.getByText('بانک: بانک ملی ایران').waitFor();
    await page.getByLabel('بهره‌مندان (اختیاری)', { exact: true }).fill('۱۲ خانوار زن سرپرست');
    await page.locator('main input[type=file]').setInputFiles({ name: 'pish-factor.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% e2e\n') });
    await page.getByText('pish-factor.pdf').waitFor();
    await screenshot(page, 'spending', 'new', DESKTOP);
    await expectAccessible(page, 'new spending request');

    await page.getByTestId('spending-save').click();
    await page.waitForURL((url) => /^\/spending\/[0-9a-f-]{36}$/.test(url.pathname));
    requestPath = new URL(page.url()).pathname;
    await settle(page);
    expect(await statusOf(page)).toBe('پیش‌نویس');
    expect(await page.getByText('pish-factor.pdf').count()).toBeGreaterThan(0);
  });

  it('should show why the request is blocked before the council has decided', async () => {
    const { page } = officer;
    const rules = await page.getByTestId('spending-rules').innerText();
    expect(rules).toContain('✗');
    expect(rules).toContain('برای این واحد شورای مشارکت‌ها تشکیل نشده است');
    expect(await page.getByTestId('action-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('action-reasons').innerText()).toContain('این هزینه مجوز ندارد');
    expect(await page.locator('main').innerText()).toMatch(/۱٬۲۰۰٬۰۰۰ تومان/);
    await screenshot(page, 'spending', 'detail-blocked', DESKTOP);
    await expectAccessible(page, 'spending request blocked');
  });

  it('should let the secretary form the council, seat members and schedule a meeting', async () => {
    secretary = current = await signedIn(browser, SECRETARY.username, SECRETARY.password);
    const { page } = secretary;
    await page.locator('aside nav').getByRole('link', { name: 'شوراهای مشارکت' }).click();
    await page.waitForURL((url) => url.pathname === '/councils');
    await settle(page);
    await page.getByTestId('council-create').click();
    const create = dialog(page);
    await create.waitFor();
    await create.getByTestId('council-dialog-ok').click();
    await page.waitForURL((url) => /^\/councils\/[0-9a-f-]{36}$/.test(url.pathname));
    councilPath = new URL(page.url()).pathname;
    await settle(page);
    // the new page's chunk may still be loading while the old page shows: wait for its heading
    await expect.poll(() => page.locator('main h1').innerText()).toContain('شهرستان ری');

    for (const [name, role] of [['حسن شریفی', 'رئیس'], ['مریم کاظمی', 'عضو'], ['علی توکلی', 'عضو']] as const) {
      await page.getByTestId('member-add').click();
      const modal = dialog(page);
      await modal.waitFor();
      await modal.getByLabel('نام و نام خانوادگی').fill(name);
      await modal.getByLabel(/سمت یا سازمان/).fill('خیرین شهرستان ری');
      if (role !== 'عضو') await choose(page, modal.getByLabel('نقش در شورا'), role);
      await modal.getByTestId('member-dialog-ok').click();
      await modal.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name, exact: true }).waitFor();
    }

    await page.getByTestId('meeting-schedule').click();
    const schedule = dialog(page);
    await schedule.waitFor();
    await schedule.getByLabel('دستور جلسه').fill('بررسی هزینه‌کرد مشارکت‌های عام برای معیشت خانواده‌ها');
    await schedule.getByTestId('schedule-dialog-ok').click();
    await page.waitForURL((url) => url.pathname.startsWith('/councils/meetings/'));
    await settle(page);
  });

  it('should show the quorum live while attendance is ticked, and close the meeting with minutes', async () => {
    const { page } = secretary;
    await page.getByRole('checkbox', { name: 'حسن شریفی' }).check();
    await expect.poll(() => page.getByTestId('quorum-status').innerText()).toContain('حد نصاب برقرار نیست');
    await page.getByRole('checkbox', { name: 'مریم کاظمی' }).check();
    await expect.poll(() => page.getByTestId('quorum-status').innerText()).toContain('حد نصاب برقرار است: ۲ نفر از ۳ عضو حاضرند');
    await settle(page);
    await screenshot(page, 'councils', 'meeting-attendance', DESKTOP);
    await expectAccessible(page, 'meeting attendance');

    await page.getByTestId('meeting-close').click();
    const modal = dialog(page);
    await modal.waitFor();
    await modal.getByLabel('صورت‌جلسه').fill('اعضا با هزینه معیشتی خانواده‌های زن سرپرست تا سقف دو میلیون تومان موافقت کردند.');
    await modal.getByTestId('meeting-dialog-ok').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('meeting-minutes').waitFor();
    expect(await page.getByTestId('quorum-status').innerText()).toContain('جلسه با حضور ۲ نفر از ۳ عضو رسمیت دارد');
  });

  it('should pass a resolution with a ceiling of general money and show what remains of it', async () => {
    const { page } = secretary;
    await page.getByTestId('resolution-pass').click();
    const modal = dialog(page);
    await modal.waitFor();
    await modal.getByLabel('متن مصوبه').fill('هزینه از محل مشارکت‌های عام شهرستان ری تا سقف دو میلیون تومان برای معیشت خانواده‌های تحت پوشش');
    await modal.getByRole('switch', { name: 'سقف هزینه از محل مشارکت‌های عام' }).click();
    await modal.getByLabel('سقف (تومان)').fill('2000000');
    await modal.getByTestId('resolution-dialog-ok').click();
    await page.waitForURL((url) => url.pathname.startsWith('/councils/resolutions/'));
    await settle(page);
    await expect.poll(() => page.locator('main h1').innerText()).toMatch(/مصوبه ۱۴[۰-۹]{2}\/۱/);
    expect(await page.getByTestId('resolution-remaining').innerText()).toContain('۲٬۰۰۰٬۰۰۰ تومان');
    await screenshot(page, 'councils', 'resolution', DESKTOP);
    await expectAccessible(page, 'resolution');
  });

  it('should allow the request once the resolution is in force, and keep the requester from approving it', async () => {
    current = officer;
    const { page } = officer;
    await page.reload();
    await settle(page);
    const rules = await page.getByTestId('spending-rules').innerText();
    expect(rules).toMatch(/مصوبه ۱۴[۰-۹]{2}\/۱ شورا این هزینه را مجاز می‌کند/);
    expect(await page.getByTestId('action-submit').isDisabled()).toBe(false);
    await actOn(page, 'submit');
    expect(await statusOf(page)).toBe('ارسال‌شده');
    expect(await page.getByTestId('action-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('action-reasons').innerText()).toContain('درخواست‌کننده نمی‌تواند درخواست خود را');
  });

  it('should let a second participation officer approve from their inbox', async () => {
    const approver = (current = await signedIn(browser, 'tehran.officer'));
    const { page } = approver;
    await page.goto('/spending?view=awaiting');
    await settle(page);
    await page.getByTestId('spending-link').filter({ hasText: TITLE }).first().click();
    await page.waitForURL((url) => url.pathname === requestPath);
    await settle(page);
    await actOn(page, 'approve', (modal) => modal.getByLabel(/یادداشت/).fill('مستندات کامل است'));
    expect(await statusOf(page)).toBe('ارسال‌شده');
    expect(await page.locator('main').innerText()).toContain('تأیید حوزه مشارکت: زهرا محمدی');
    await approver.context.close();
  });

  it('should let the council secretary confirm, which reserves the money', async () => {
    current = secretary;
    const { page } = secretary;
    await page.goto(requestPath);
    await settle(page);
    expect(await page.getByTestId('action-approve').innerText()).toBe('تأیید نهایی');
    await actOn(page, 'approve');
    expect(await statusOf(page)).toBe('تأییدشده');
    expect(secretary.errors).toEqual([]);
  });

  it('should let the finance officer pay it on a document, and show the whole history', async () => {
    const finance = (current = await signedIn(browser, 'tehran.finance'));
    const { page } = finance;
    await page.goto(requestPath);
    await settle(page);
    await actOn(page, 'pay', (modal) => modal.getByLabel('شماره سند پرداخت').fill('HZ-1405-0091'));
    expect(await statusOf(page)).toBe('پرداخت‌شده');
    const history = await page.getByTestId('spending-event').allInnerTexts();
    expect(history.map((line) => line.split('\n')[0])).toEqual([
      'ثبت پیش‌نویس — فاطمه حسینی',
      'افزودن پیوست — فاطمه حسینی',
      'ارسال — فاطمه حسینی',
      'تأیید حوزه مشارکت — زهرا محمدی',
      'تأیید دوم — رضا دبیری',
      'پرداخت — علی رضایی',
    ]);
    await screenshot(page, 'spending', 'detail-paid', DESKTOP);
    await expectAccessible(page, 'paid spending request');
    expect(finance.errors).toEqual([]);
    await finance.context.close();
  });

  it('should show the request on a phone without sideways scrolling', async () => {
    const phone = (current = await signedIn(browser, 'rey.officer', DEMO_PASSWORD, PHONE));
    const { page } = phone;
    await page.goto(requestPath);
    await settle(page);
    expect(await statusOf(page)).toBe('پرداخت‌شده');
    await expectNoHorizontalOverflow(page, 'spending request (phone)');
    await screenshot(page, 'spending', 'detail', PHONE);
    await expectAccessible(page, 'spending request (phone)');
    await page.goto('/spending');
    await settle(page);
    await expectNoHorizontalOverflow(page, 'spending list (phone)');
    await screenshot(page, 'spending', 'list', PHONE);
    for (const path of ['/councils', '/council-reports']) {
      await page.goto(path);
      await settle(page);
      await expectNoHorizontalOverflow(page, `${path} (phone)`);
      await expectAccessible(page, `${path} (phone)`);
    }
    await page.goto(councilPath);
    await settle(page);
    await page.getByTestId('meeting-link').first().waitFor();
    await expectNoHorizontalOverflow(page, 'council (phone)');
    await screenshot(page, 'councils', 'detail', PHONE);
    await expectAccessible(page, 'council (phone)');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('should show the council with its meeting, members and the remaining ceiling', async () => {
    current = secretary;
    const { page } = secretary;
    await page.goto(councilPath);
    await settle(page);
    const text = await page.locator('main').innerText();
    expect(text).toContain('طبق برنامه');
    expect(text).toContain('۸۰۰٬۰۰۰ تومان');
    await screenshot(page, 'councils', 'detail', DESKTOP);
    await expectAccessible(page, 'council');
    await page.goto('/councils');
    await settle(page);
    await screenshot(page, 'councils', 'list', DESKTOP);
    await expectAccessible(page, 'councils');
  });

  it('should open the six-monthly report of the current half with figures from the data', async () => {
    const { page } = secretary;
    await page.locator('aside nav').getByRole('link', { name: 'گزارش‌های شش‌ماهه شورا' }).click();
    await page.waitForURL((url) => url.pathname === '/council-reports');
    await settle(page);
    await screenshot(page, 'councils', 'reports', DESKTOP);
    await expectAccessible(page, 'council reports');
    const month = Number(today().split('/')[1]);
    await page.goto(`/council-reports?fiscalYear=${today().slice(0, 4)}&half=${month <= 6 ? 1 : 2}`);
    await settle(page);
    await page.getByTestId('report-open').first().click();
    await page.waitForURL((url) => /^\/council-reports\/[0-9a-f-]{36}$/.test(url.pathname));
    await settle(page);
    expect(await page.getByTestId('report-received').innerText()).toContain('۵٬۰۰۰٬۰۰۰ تومان');
    expect(await page.getByTestId('report-spent').innerText()).toContain('۱٬۲۰۰٬۰۰۰ تومان');
    await page.getByLabel('گزارش عملکرد').fill('شورا یک جلسه با حد نصاب برگزار کرد و هزینه معیشتی را تصویب کرد.');
    await page.getByTestId('report-save').click();
    await toast(page, 'گزارش ذخیره شد');
    await screenshot(page, 'councils', 'report', DESKTOP);
    await expectAccessible(page, 'council report');
    expect(secretary.errors).toEqual([]);
    expect(officer.errors).toEqual([]);
  });
});
