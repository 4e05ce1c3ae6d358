import { describe, expect, it } from 'vitest';
import { runLedgerCheck } from '../ledger/ledger-check.ts';
import { runOnlineGivingJobs } from '../portal/online-giving-jobs.ts';
import { gatewayOf } from './gateway-of.ts';
import {
  auditActions, creditsOf, decideAtGateway, deliver, giftTestApp, paymentStatus, startGift, unitId,
} from './gift-test-kit.ts';

const MOBILE = '09121234567';

async function orphansGift(mobile = MOBILE, amountRials = '5000000') {
  const { app, db } = await giftTestApp();
  return startGift(app, { purposeCode: 'orphans', unitId: await unitId(db, 'P10'), amountRials, mobile, donorName: 'مریم رضایی' });
}

describe('gateway callbacks', () => {
  it('should credit once when the same callback is delivered three times', async () => {
    const { app, db, sms } = await giftTestApp();
    const gift = await orphansGift();
    const callback = await decideAtGateway(app, gift.authority, 'pay');
    expect(callback).toBe(`/api/portal/payments/${gift.paymentId}/callback?Authority=${gift.authority}&Status=OK`);
    for (let i = 0; i < 3; i++) {
      const res = await deliver(app, callback);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/give/thanks/${gift.paymentId}`);
    }
    const credits = await creditsOf(db, 'gateway', gift.authority);
    expect(credits).toHaveLength(1);
    expect(credits[0]!.amount_rials).toBe(5_000_000n);
    expect(await paymentStatus(db, gift.paymentId)).toBe('verified');
    expect(await auditActions(db, gift.paymentId)).toEqual(['payment.start', 'payment.verified', 'payment.callback_repeat', 'payment.callback_repeat']);
    // one receipt SMS, with the public receipt link
    const status = (await app.inject({ url: `/api/portal/payments/${gift.paymentId}` })).json();
    expect(status).toMatchObject({ status: 'verified', amountRials: '5000000', unitName: 'استان اصفهان' });
    expect(sms.to(MOBILE).filter((m) => m.kind === 'receipt').map((m) => m.text)).toEqual([expect.stringContaining(`/r/${status.receipt.code}`)]);
  });

  it('should credit a burst of paid payments together, each once, with its audit rows', async () => {
    const { app, db } = await giftTestApp();
    const isfahan = await unitId(db, 'P10');
    // the fund exists (its first gift opened it)
    const first = await startGift(app, { purposeCode: 'general', unitId: isfahan, amountRials: '100000', anonymous: true });
    expect((await deliver(app, await decideAtGateway(app, first.authority, 'pay'))).statusCode).toBe(303);
    const grouped = app.gifts.stats.grouped;
    const gifts = [];
    for (let i = 0; i < 20; i++) gifts.push(await startGift(app, { purposeCode: 'general', unitId: isfahan, amountRials: String(100_000 + i), anonymous: true }));
    const callbacks = await Promise.all(gifts.map((g) => decideAtGateway(app, g.authority, 'pay')));
    // every callback delivered twice at the same moment
    const answers = await Promise.all([...callbacks, ...callbacks].map((c) => deliver(app, c)));
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 303));
    expect(app.gifts.stats.grouped - grouped).toBeGreaterThan(1);
    for (const g of gifts) {
      expect(await creditsOf(db, 'gateway', g.authority)).toHaveLength(1);
      expect(await paymentStatus(db, g.paymentId)).toBe('verified');
      expect((await auditActions(db, g.paymentId)).filter((a) => a === 'payment.verified')).toHaveLength(1);
    }
    const { rows } = await db.pool.query<{ ok: boolean }>(
      `SELECT bool_and(c.id = p.contribution_id AND c.amount_rials = p.amount_rials) AS ok FROM payment p JOIN contribution c ON c.channel = 'gateway' AND c.channel_ref = p.authority WHERE p.id = ANY($1::uuid[])`,
      [gifts.map((g) => g.paymentId)]);
    expect(rows[0]!.ok).toBe(true);
    expect(await runLedgerCheck(db.owner)).toEqual([]);
  });

  it('should credit once when three callbacks arrive at the same moment', async () => {
    const { app, db } = await giftTestApp();
    const gift = await orphansGift('09121234500');
    const callback = await decideAtGateway(app, gift.authority, 'pay');
    const answers = await Promise.all([deliver(app, callback), deliver(app, callback), deliver(app, callback)]);
    expect(answers.map((r) => r.statusCode)).toEqual([303, 303, 303]);
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(1);
    expect(await paymentStatus(db, gift.paymentId)).toBe('verified');
  });

  it('should credit nothing when the callback names an unknown authority', async () => {
    const { app, db } = await giftTestApp();
    const gift = await orphansGift('09121234501');
    await decideAtGateway(app, gift.authority, 'pay');
    const forged = 'A00000000000000000000000000000000001';
    const res = await deliver(app, `/api/portal/payments/${gift.paymentId}/callback?Authority=${forged}&Status=OK`);
    expect(res.statusCode).toBe(303);
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(0);
    expect(await creditsOf(db, 'gateway', forged)).toHaveLength(0);
    expect(await paymentStatus(db, gift.paymentId)).toBe('pending');
    expect(await auditActions(db, gift.paymentId)).toContain('payment.callback_forged');
    // a callback for a payment that does not exist changes nothing either
    const ghost = await deliver(app, `/api/portal/payments/00000000-0000-4000-8000-000000000000/callback?Authority=${forged}&Status=OK`);
    expect(ghost.statusCode).toBe(303);
  });

  it('should credit nothing when Status=OK but the gateway says the payment was not made', async () => {
    const { app, db } = await giftTestApp();
    const gift = await orphansGift('09121234502');
    // the donor never paid; someone sends the browser back with Status=OK anyway
    const res = await deliver(app, `/api/portal/payments/${gift.paymentId}/callback?Authority=${gift.authority}&Status=OK`);
    expect(res.statusCode).toBe(303);
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(0);
    expect(await paymentStatus(db, gift.paymentId)).toBe('pending');
    expect(await auditActions(db, gift.paymentId)).toContain('payment.callback_unverified');
    // paying for real afterwards still works, once
    const callback = await decideAtGateway(app, gift.authority, 'pay');
    await deliver(app, callback);
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(1);
  });

  it('should credit nothing when the amount paid at the gateway is not the amount we stored', async () => {
    const { app, db } = await giftTestApp();
    const gift = await orphansGift('09121234503', '50000000');
    // the session at the gateway was for 10,000 rials only (a tampered amount), while we expect 50,000,000
    await db.owner.query('UPDATE sandbox_gateway_payment SET amount_rials = 10000 WHERE authority = $1', [gift.authority]);
    const callback = await decideAtGateway(app, gift.authority, 'pay');
    // an amount in the URL is ignored: we verify OUR stored amount
    await deliver(app, `${callback}&Amount=10000&amount=10000`);
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(0);
    expect(await paymentStatus(db, gift.paymentId)).toBe('pending');
    const { rows } = await db.pool.query<{ last_code: number }>('SELECT last_code FROM payment WHERE id = $1', [gift.paymentId]);
    expect(rows[0]!.last_code).toBe(-50);
  });

  it('should mark the payment failed and credit nothing when the donor cancels', async () => {
    const { app, db } = await giftTestApp();
    const gift = await orphansGift('09121234504');
    const callback = await decideAtGateway(app, gift.authority, 'cancel');
    expect(callback).toContain('Status=NOK');
    await deliver(app, callback);
    expect(await paymentStatus(db, gift.paymentId)).toBe('failed');
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(0);
    expect((await app.inject({ url: `/api/portal/payments/${gift.paymentId}` })).json()).toMatchObject({ status: 'failed', receipt: null });
  });

  it('should not mark a payment failed on a NOK callback that the gateway contradicts', async () => {
    const { app, db } = await giftTestApp();
    const gift = await orphansGift('09121234505');
    await decideAtGateway(app, gift.authority, 'pay');
    // a forged NOK for a payment that was in fact made: verify says paid, so it is credited
    await deliver(app, `/api/portal/payments/${gift.paymentId}/callback?Authority=${gift.authority}&Status=NOK`);
    expect(await paymentStatus(db, gift.paymentId)).toBe('verified');
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(1);
  });

  it('should credit nothing for a callback that comes after the payment expired', async () => {
    const { app, db } = await giftTestApp();
    const gift = await orphansGift('09121234506');
    await db.owner.query(`UPDATE payment SET created_at = now() - interval '31 minutes' WHERE id = $1`, [gift.paymentId]);
    await runOnlineGivingJobs(app, { minAgeSeconds: 0 });
    expect(await paymentStatus(db, gift.paymentId)).toBe('expired');
    // the donor pays at the gateway after all and comes back: too late, we do not verify (capture) it
    const callback = await decideAtGateway(app, gift.authority, 'pay');
    await deliver(app, callback);
    expect(await paymentStatus(db, gift.paymentId)).toBe('expired');
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(0);
    const { rows } = await db.pool.query<{ status: string }>('SELECT status FROM sandbox_gateway_payment WHERE authority = $1', [gift.authority]);
    expect(rows[0]!.status).toBe('paid'); // never verified: the PSP returns unverified money to the payer
    expect(await auditActions(db, gift.paymentId)).toEqual(['payment.start', 'payment.expired', 'payment.callback_late']);
  });

  it('should credit a payment whose callback never came, once, from the repair job', async () => {
    const { app, db, sms } = await giftTestApp();
    const mobile = '09121234507';
    const gift = await orphansGift(mobile);
    await decideAtGateway(app, gift.authority, 'pay'); // the browser never comes back
    // too young for the repair job by default: it leaves the payment to its callback
    expect((await runOnlineGivingJobs(app)).checked).toBe(0);
    const first = await runOnlineGivingJobs(app, { minAgeSeconds: 0 });
    expect(first.credited).toBeGreaterThanOrEqual(1);
    const second = await runOnlineGivingJobs(app, { minAgeSeconds: 0 });
    expect(second.credited).toBe(0);
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(1);
    expect(await paymentStatus(db, gift.paymentId)).toBe('verified');
    expect(sms.to(mobile).filter((m) => m.kind === 'receipt')).toHaveLength(1);
  });

  it('should credit once when we crashed after the gateway verified but before our commit (code 101)', async () => {
    const { app, db } = await giftTestApp();
    const gift = await orphansGift('09121234508');
    const callback = await decideAtGateway(app, gift.authority, 'pay');
    // our verify reached the gateway, then the process died before committing
    const lost = await gatewayOf(app).verify({ authority: gift.authority, amountRials: 5_000_000n });
    expect(lost).toMatchObject({ kind: 'paid', code: 100 });
    expect(await paymentStatus(db, gift.paymentId)).toBe('pending');
    await deliver(app, callback); // verify now answers 101: verified before
    await deliver(app, callback);
    expect(await creditsOf(db, 'gateway', gift.authority)).toHaveLength(1);
    const { rows } = await db.pool.query<{ last_code: number; ref_id: string }>('SELECT last_code, ref_id FROM payment WHERE id = $1', [gift.paymentId]);
    expect(rows[0]).toMatchObject({ last_code: 101, ref_id: expect.stringMatching(/^\d+$/) });
  });

  it('should keep a verified payment final, even for the database owner', async () => {
    const { app, db } = await giftTestApp();
    const gift = await orphansGift('09121234509');
    await deliver(app, await decideAtGateway(app, gift.authority, 'pay'));
    await expect(db.owner.query(`UPDATE payment SET status = 'failed' WHERE id = $1`, [gift.paymentId])).rejects.toThrow(/final/);
    await expect(db.pool.query('DELETE FROM payment WHERE id = $1', [gift.paymentId])).rejects.toThrow();
  });
});

describe('starting a gift', () => {
  it('should refuse an amount under the minimum and an inactive or unknown unit', async () => {
    const { app, db } = await giftTestApp();
    const small = await app.inject({ method: 'POST', url: '/api/portal/payments', payload: { purposeCode: 'sadaqa', unitId: await unitId(db, 'P10'), amountRials: '9990' } });
    expect(small.statusCode).toBe(400);
    expect(small.json().error).toMatchObject({ code: 'PAYMENT_AMOUNT_TOO_SMALL', message: 'کمترین مبلغ پرداخت ۱,۰۰۰ تومان است.' });
    const hq = await app.inject({ method: 'POST', url: '/api/portal/payments', payload: { purposeCode: 'sadaqa', unitId: await unitId(db, 'HQ'), amountRials: '100000' } });
    expect(hq.json().error.code).toBe('PAYMENT_UNIT_INVALID');
    const purpose = await app.inject({ method: 'POST', url: '/api/portal/payments', payload: { purposeCode: 'nope', unitId: await unitId(db, 'P10'), amountRials: '100000' } });
    expect(purpose.json().error.code).toBe('PAYMENT_PURPOSE_INVALID');
    const mobile = await app.inject({ method: 'POST', url: '/api/portal/payments', payload: { purposeCode: 'sadaqa', unitId: await unitId(db, 'P10'), amountRials: '100000', mobile: '12345' } });
    expect(mobile.json().error.fields[0]).toMatchObject({ field: 'mobile', code: 'PORTAL_MOBILE_INVALID' });
  });

  it('should limit payment starts per mobile and per address with a Persian 429', async () => {
    const { app, db } = await giftTestApp();
    const body = { purposeCode: 'general', unitId: await unitId(db, 'C1010'), amountRials: '100000', mobile: '09350000001' };
    for (let i = 0; i < 10; i++) await startGift(app, body);
    const refused = await app.inject({ method: 'POST', url: '/api/portal/payments', payload: body, remoteAddress: '198.51.100.1' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json().error.message).toBe('درخواست‌های پرداخت بیش از حد مجاز بوده است؛ ۱۰ دقیقه دیگر دوباره تلاش کنید.');
    const ip = '198.51.100.2';
    for (let i = 0; i < 30; i++) await startGift(app, { ...body, mobile: undefined }, ip);
    expect((await app.inject({ method: 'POST', url: '/api/portal/payments', payload: { ...body, mobile: undefined }, remoteAddress: ip })).statusCode).toBe(429);
  });

  it('should keep personal data out of URLs, audit rows and the payment table\'s plain columns', async () => {
    const { app, db } = await giftTestApp();
    const mobile = '09127776655';
    const gift = await startGift(app, { purposeCode: 'housing', unitId: await unitId(db, 'P23'), amountRials: '2000000', mobile, nationalCode: '0499370899', donorName: 'علی کریمی' });
    const callback = await decideAtGateway(app, gift.authority, 'pay');
    for (const url of [gift.redirectUrl, callback]) {
      expect(url).not.toContain('0912');
      expect(url).not.toContain('0499370899');
    }
    await deliver(app, callback);
    const { rows: audit } = await db.pool.query<{ summary: unknown }>(`SELECT summary FROM audit_log WHERE entity_id = $1`, [gift.paymentId]);
    expect(JSON.stringify(audit)).not.toMatch(/7776655|0499370899|کریمی/);
    const { rows } = await db.pool.query('SELECT * FROM payment WHERE id = $1', [gift.paymentId]);
    expect(JSON.stringify(rows[0], (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : typeof v === 'bigint' ? v.toString() : v))).not.toMatch(/7776655|0499370899/);
    // the specific fund of Tehran province for housing got it
    const credit = (await creditsOf(db, 'gateway', gift.authority))[0]!;
    const { rows: fund } = await db.pool.query<{ purpose_code: string; kind: string }>('SELECT purpose_code, kind FROM fund WHERE id = $1', [credit.fund_id]);
    expect(fund[0]).toEqual({ purpose_code: 'housing', kind: 'specific' });
    expect(credit.unit_id).toBe(await unitId(db, 'P23'));
  });

  it('should render the sandbox page in Persian with the amount in words', async () => {
    const { app } = await giftTestApp();
    const gift = await orphansGift('09121234510', '5000000');
    const page = await app.inject({ url: gift.redirectUrl });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('پرداخت موفق');
    expect(page.body).toContain('انصراف');
    expect(page.body).toContain('پانصد هزار تومان');
    expect((await app.inject({ url: '/sandbox-gateway/pg/StartPay/A404' })).statusCode).toBe(404);
  });
});
