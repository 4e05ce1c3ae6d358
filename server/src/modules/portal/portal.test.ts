import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { signUssd } from '../ussd/ussd-signature.ts';
import { creditsOf, decideAtGateway, deliver, giftTestApp, startGift, TEST_USSD_SECRET, unitId } from '../payments/gift-test-kit.ts';
import { setFundedSpendingLookup } from './funded-spending.ts';
import { otpPolicy } from './donor-otp.ts';

const codeIn = (text: string) => /(\d{6})/.exec(text)![1]!;

async function requestCode(app: FastifyInstance, mobile: string, ip = '192.0.2.10') {
  return app.inject({ method: 'POST', url: '/api/portal/otp', payload: { mobile }, remoteAddress: ip });
}

async function signIn(mobile: string) {
  const { app, sms } = await giftTestApp();
  expect((await requestCode(app, mobile)).statusCode).toBe(200);
  const code = codeIn(sms.to(mobile).at(-1)!.text);
  const res = await app.inject({ method: 'POST', url: '/api/portal/otp/verify', payload: { mobile, code } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = (res.headers['set-cookie'] as string).split(';')[0]!;
  return { cookie, csrf: res.json().csrfToken as string, setCookie: res.headers['set-cookie'] as string };
}

afterEach(() => setFundedSpendingLookup(null));

describe('giving catalogue', () => {
  it('should list intents, provinces and a province\'s counties to anyone', async () => {
    const { app, db } = await giftTestApp();
    const cat = (await app.inject({ url: '/api/portal/catalogue' })).json();
    expect(cat.purposes.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['livelihood', 'housing', 'marriage', 'orphans', 'sadaqa', 'general']));
    expect(cat.provinces).toHaveLength(31);
    expect(cat.provinces).toContainEqual({ id: await unitId(db, 'P10'), name: 'استان اصفهان' });
    expect(cat).toMatchObject({ minRials: '10000', presetsRials: expect.arrayContaining(['5000000']) });
    const counties = (await app.inject({ url: `/api/portal/provinces/${await unitId(db, 'P10')}/counties` })).json();
    expect(counties.items).toContainEqual({ id: await unitId(db, 'C1010'), name: 'شهرستان کاشان' });
    expect((await app.inject({ url: `/api/portal/provinces/${await unitId(db, 'C1010')}/counties` })).json().items).toEqual([]);
  });
});

describe('donor sign-in with a one-time code', () => {
  it('should send a six-digit code by SMS and sign in with it once', async () => {
    const { app, sms } = await giftTestApp();
    const mobile = '09191110001';
    const sent = await requestCode(app, '۰۹۱۹ ۱۱۱ ۰۰۰۱');
    expect(sent.json()).toEqual({ ttlSeconds: 120 });
    const message = sms.to(mobile).at(-1)!;
    expect(message.kind).toBe('otp');
    const code = codeIn(message.text);
    const ok = await app.inject({ method: 'POST', url: '/api/portal/otp/verify', payload: { mobile, code } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mobile).toBe('0919***0001');
    const setCookie = ok.headers['set-cookie'] as string;
    expect(setCookie).toMatch(/msk_donor=.*Path=\/api\/portal.*HttpOnly.*SameSite=Strict/i);
    // single use
    const again = await app.inject({ method: 'POST', url: '/api/portal/otp/verify', payload: { mobile, code } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('PORTAL_OTP_INVALID');
  });

  it('should stop accepting a code after five wrong guesses, even the right one', async () => {
    const { app, sms } = await giftTestApp();
    const mobile = '09191110002';
    await requestCode(app, mobile);
    const code = codeIn(sms.to(mobile).at(-1)!.text);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < otpPolicy.maxAttempts; i++) {
      answers.push((await app.inject({ method: 'POST', url: '/api/portal/otp/verify', payload: { mobile, code: wrong } })).json().error.code);
    }
    expect(answers).toEqual(['PORTAL_OTP_INVALID', 'PORTAL_OTP_INVALID', 'PORTAL_OTP_INVALID', 'PORTAL_OTP_INVALID', 'PORTAL_OTP_TOO_MANY_ATTEMPTS']);
    const right = await app.inject({ method: 'POST', url: '/api/portal/otp/verify', payload: { mobile, code } });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('PORTAL_OTP_TOO_MANY_ATTEMPTS');
  });

  it('should count parallel guesses too', async () => {
    const { app, db, sms } = await giftTestApp();
    const mobile = '09191110006';
    await requestCode(app, mobile);
    const code = codeIn(sms.to(mobile).at(-1)!.text);
    const wrong = code === '999999' ? '888888' : '999999';
    await Promise.all(Array.from({ length: 12 }, () => app.inject({ method: 'POST', url: '/api/portal/otp/verify', payload: { mobile, code: wrong } })));
    const { rows } = await db.pool.query<{ attempts: number }>('SELECT max(attempts) AS attempts FROM donor_otp');
    expect(rows[0]!.attempts).toBe(otpPolicy.maxAttempts);
  });

  it('should refuse an expired code', async () => {
    const { app, db, sms } = await giftTestApp();
    const mobile = '09191110003';
    await requestCode(app, mobile);
    const code = codeIn(sms.to(mobile).at(-1)!.text);
    await db.pool.query(`UPDATE donor_otp SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND created_at > now() - interval '1 minute'`);
    const res = await app.inject({ method: 'POST', url: '/api/portal/otp/verify', payload: { mobile, code } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('کد ورود درست نیست یا منقضی شده است.');
  });

  it('should accept only the latest code and limit codes per mobile', async () => {
    const { app, sms } = await giftTestApp();
    const mobile = '09191110004';
    await requestCode(app, mobile, '192.0.2.21');
    const first = codeIn(sms.to(mobile).at(-1)!.text);
    await requestCode(app, mobile, '192.0.2.22');
    const second = codeIn(sms.to(mobile).at(-1)!.text);
    if (first !== second) {
      expect((await app.inject({ method: 'POST', url: '/api/portal/otp/verify', payload: { mobile, code: first } })).statusCode).toBe(401);
    }
    await requestCode(app, mobile, '192.0.2.23');
    const fourth = await requestCode(app, mobile, '192.0.2.24');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('PORTAL_OTP_RATE_LIMITED');
    expect(sms.to(mobile)).toHaveLength(3);
  });

  it('should refuse a malformed mobile', async () => {
    const { app } = await giftTestApp();
    const res = await requestCode(app, '12345');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('mobile');
  });
});

describe('my gifts', () => {
  it('should show a donor their online and USSD gifts with receipts, and nobody else\'s', async () => {
    const { app, db } = await giftTestApp();
    const mobile = '09191110005';
    const gift = await startGift(app, { purposeCode: 'orphans', unitId: await unitId(db, 'C1010'), amountRials: '5000000', mobile, donorName: 'زهرا احمدی' });
    await deliver(app, await decideAtGateway(app, gift.authority, 'pay'));
    const raw = JSON.stringify({ transactionId: 'TX-MINE-1', mobile, amount: '200000', ussdCode: '*741*5*5#' });
    const ts = String(Math.floor(Date.now() / 1000));
    const ussd = await app.inject({ method: 'POST', url: '/api/ussd/callback', payload: raw, headers: { 'content-type': 'application/json', 'x-timestamp': ts, 'x-signature': signUssd(TEST_USSD_SECRET, ts, raw) } });
    expect(ussd.json().status).toBe('credited');
    const [credit] = await creditsOf(db, 'gateway', gift.authority);
    setFundedSpendingLookup(async (_db, ids) => new Map(ids.filter((id) => id === credit!.id).map((id) => [id, {
      spentRials: 1_500_000n, items: [{ title: 'لوازم التحریر ۱۲ کودک', unitName: 'شهرستان کاشان', amountRials: 1_500_000n, paidAt: new Date('2026-12-01T08:00:00Z') }],
    }])));

    expect((await app.inject({ url: '/api/portal/me/gifts' })).statusCode).toBe(401);
    const s = await signIn(mobile);
    const me = await app.inject({ url: '/api/portal/me', headers: { cookie: s.cookie } });
    expect(me.json().mobile).toBe('0919***0005');
    const gifts = (await app.inject({ url: '/api/portal/me/gifts', headers: { cookie: s.cookie } })).json();
    expect(gifts.totalRials).toBe('5200000');
    expect(gifts.items).toHaveLength(2);
    const online = gifts.items.find((g: { channel: string }) => g.channel === 'gateway');
    expect(online).toMatchObject({ amountRials: '5000000', fundKind: 'specific', unitName: 'شهرستان کاشان', status: 'valid', spentRials: '1500000', fundedSpending: [{ title: 'لوازم التحریر ۱۲ کودک', amountRials: '1500000' }] });
    const byUssd = gifts.items.find((g: { channel: string }) => g.channel === 'ussd');
    expect(byUssd).toMatchObject({ amountRials: '200000', fundKind: 'general', spentRials: null, fundedSpending: [] });

    // the receipt as PDF, with the donor's name (rendered by Chromium)
    const pdf = await app.inject({ url: online.pdfUrl, headers: { cookie: s.cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await app.inject({ url: `/api/portal/payments/${gift.paymentId}/receipt.pdf` })).statusCode).toBe(200);

    // another donor sees none of it
    const other = await signIn('09191119999');
    expect((await app.inject({ url: '/api/portal/me/gifts', headers: { cookie: other.cookie } })).json().items).toEqual([]);
    expect((await app.inject({ url: online.pdfUrl, headers: { cookie: other.cookie } })).statusCode).toBe(404);

    // sign out needs the CSRF token, then the session is gone
    expect((await app.inject({ method: 'POST', url: '/api/portal/me/logout', headers: { cookie: s.cookie } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/portal/me/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/portal/me/gifts', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });
});
