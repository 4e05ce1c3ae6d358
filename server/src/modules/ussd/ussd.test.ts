import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { fakeUser, testPassword } from '../../testing/factories.ts';
import { signInAs } from '../../testing/test-app.ts';
import { testDb } from '../../testing/test-db.ts';
import { creditsOf, giftTestApp, TEST_USSD_SECRET, unitId } from '../payments/gift-test-kit.ts';
import { codeCandidates, normalizeUssdCode } from './ussd-codes.ts';
import { signUssd } from './ussd-signature.ts';

const now = () => String(Math.floor(Date.now() / 1000));

function signed(body: unknown, opts: { secret?: string; timestamp?: string } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = opts.timestamp ?? now();
  return { payload: raw, headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-signature': signUssd(opts.secret ?? TEST_USSD_SECRET, timestamp, raw) } };
}

async function callback(body: unknown, opts: { secret?: string; timestamp?: string } = {}) {
  const { app } = await giftTestApp();
  return app.inject({ method: 'POST', url: '/api/ussd/callback', ...signed(body, opts) });
}

describe('USSD codes', () => {
  it('should read dialled codes as people and aggregators write them', () => {
    expect(normalizeUssdCode('*733*9*7#')).toBe('*733*9*7#');
    expect(normalizeUssdCode(' *۷۳۳*۹*۷# ')).toBe('*733*9*7#');
    expect(normalizeUssdCode('733*9*7')).toBe('*733*9*7#');
    expect(normalizeUssdCode('*733**7#')).toBeNull();
    expect(codeCandidates('*733*9*7*500000#')).toEqual(['*733*9*7*500000#', '*733*9*7#', '*733*9#', '*733#']);
  });
});

describe('USSD callback', () => {
  it('should credit a gift to the fund its code names, once, however often it is delivered', async () => {
    const { db, sms } = await giftTestApp();
    const body = { transactionId: 'TX-1001', mobile: '09131112233', amount: '500000', ussdCode: '*733*9*7#' };
    const first = await callback(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'credited', receiptNo: expect.any(String), receiptCode: expect.any(String) });
    const again = await callback(body);
    expect(again.json()).toMatchObject({ status: 'duplicate', contributionId: first.json().contributionId, receiptCode: first.json().receiptCode });
    const credits = await creditsOf(db, 'ussd', 'TX-1001');
    expect(credits).toHaveLength(1);
    // *733*9*7# → orphans, Tehran province
    expect(credits[0]!.unit_id).toBe(await unitId(db, 'P23'));
    const { rows } = await db.pool.query<{ purpose_code: string; kind: string; unit_id: string }>('SELECT purpose_code, kind, unit_id FROM fund WHERE id = $1', [credits[0]!.fund_id]);
    expect(rows[0]).toEqual({ purpose_code: 'orphans', kind: 'specific', unit_id: await unitId(db, 'P23') });
    const { rows: bal } = await db.pool.query<{ amount: bigint }>('SELECT amount FROM ledger_balance WHERE account_id = $1 AND fund_id = $1', [credits[0]!.fund_id]);
    expect(bal[0]!.amount).toBe(-500_000n); // credit-normal: the fund owns 500,000 rials
    expect(sms.to('09131112233').map((m) => m.text)).toEqual([expect.stringContaining(`/r/${first.json().receiptCode}`)]);
  });

  it('should credit once when the same transaction is delivered concurrently', async () => {
    const { db } = await giftTestApp();
    const body = { transactionId: 'TX-RACE', amount: 1_000_000, ussdCode: '*733*9*1#' };
    const answers = await Promise.all([callback(body), callback(body), callback(body), callback(body)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => a.json().status).sort()).toEqual(['credited', 'duplicate', 'duplicate', 'duplicate']);
    const credits = await creditsOf(db, 'ussd', 'TX-RACE');
    expect(credits).toHaveLength(1);
    expect(credits[0]!.unit_id).toBe(await unitId(db, 'P10')); // livelihood, Isfahan
  });

  it('should map a dialled code with an amount suffix to its code', async () => {
    const { db } = await giftTestApp();
    const res = await callback({ transactionId: 'TX-SUFFIX', amount: '200000', ussdCode: '*733*9*7*20000#' });
    expect(res.json().status).toBe('credited');
    expect((await creditsOf(db, 'ussd', 'TX-SUFFIX'))[0]!.unit_id).toBe(await unitId(db, 'P23'));
  });

  it('should refuse a wrong signature and change nothing', async () => {
    const { db } = await giftTestApp();
    const res = await callback({ transactionId: 'TX-FORGED', amount: '500000', ussdCode: '*733*9*7#' }, { secret: 'not-the-secret' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('USSD_SIGNATURE_INVALID');
    // a body changed after signing
    const { app } = await giftTestApp();
    const s = signed({ transactionId: 'TX-FORGED', amount: '500', ussdCode: '*733*9*7#' });
    const tampered = await app.inject({ method: 'POST', url: '/api/ussd/callback', headers: s.headers, payload: s.payload.replace('"500"', '"5000000"') });
    expect(tampered.statusCode).toBe(401);
    const missing = await app.inject({ method: 'POST', url: '/api/ussd/callback', headers: { 'content-type': 'application/json' }, payload: s.payload });
    expect(missing.statusCode).toBe(401);
    expect(await creditsOf(db, 'ussd', 'TX-FORGED')).toHaveLength(0);
  });

  it('should refuse a timestamp more than five minutes old or ahead', async () => {
    const { db } = await giftTestApp();
    const body = { transactionId: 'TX-STALE', amount: '500000', ussdCode: '*733*9*7#' };
    const old = await callback(body, { timestamp: String(Math.floor(Date.now() / 1000) - 301) });
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('USSD_TIMESTAMP_STALE');
    const ahead = await callback(body, { timestamp: String(Math.floor(Date.now() / 1000) + 301) });
    expect(ahead.json().error.code).toBe('USSD_TIMESTAMP_STALE');
    expect(await creditsOf(db, 'ussd', 'TX-STALE')).toHaveLength(0);
    const fresh = await callback(body, { timestamp: String(Math.floor(Date.now() / 1000) - 200) });
    expect(fresh.statusCode).toBe(200);
  });

  it('should refuse an unknown code (422) and a reused transaction id with another amount (409)', async () => {
    const unknown = await callback({ transactionId: 'TX-UNKNOWN', amount: '500000', ussdCode: '*999*1#' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('USSD_CODE_UNKNOWN');
    expect((await callback({ transactionId: 'TX-REUSE', amount: '500000', ussdCode: '*741*5*5#' })).json().status).toBe('credited');
    const reused = await callback({ transactionId: 'TX-REUSE', amount: '900000', ussdCode: '*741*5*5#' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('USSD_TRANSACTION_CONFLICT');
  });

  it('should refuse every callback while no secret is configured', async () => {
    const db = await testDb();
    const { app } = await buildApp({ ...loadConfig({}), webDist: '/nonexistent', ussdHmacSecret: null }, db.pool, { logger: false });
    const res = await app.inject({ method: 'POST', url: '/api/ussd/callback', ...signed({ transactionId: 'TX-X', amount: '1000', ussdCode: '*733*9*7#' }) });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('USSD_NOT_CONFIGURED');
  });
});

describe('USSD code administration', () => {
  it('should let an administrator list, add and retire codes, and refuse others', async () => {
    const { app, db } = await giftTestApp();
    const admin = await signInAs(app, (await fakeUser(db.pool, { role: 'admin' })).username, testPassword);
    const list = await admin.get('/api/ussd-codes');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ code: '*733*9*7#', purposeCode: 'orphans', unit: expect.objectContaining({ code: 'P23' }) })]));
    const added = await admin.post('/api/ussd-codes', { code: '*۷۳۳*۹*۹#', purposeCode: 'marriage', unitId: await unitId(db, 'C1010'), campaign: 'جهیزیه' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ code: '*733*9*9#', purposeCode: 'marriage', unit: { code: 'C1010' }, active: true });
    expect((await admin.post('/api/ussd-codes', { code: '*733*9*9#', purposeCode: 'marriage', unitId: await unitId(db, 'C1010') })).json().error.code).toBe('USSD_CODE_TAKEN');
    expect((await callback({ transactionId: 'TX-NEWCODE', amount: '300000', ussdCode: '*733*9*9#' })).json().status).toBe('credited');
    const retired = await admin.patch(`/api/ussd-codes/${added.json().id}`, { active: false });
    expect(retired.json().active).toBe(false);
    expect((await callback({ transactionId: 'TX-RETIRED', amount: '300000', ussdCode: '*733*9*9#' })).statusCode).toBe(422);

    const officer = await signInAs(app, (await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' })).username, testPassword);
    expect((await officer.post('/api/ussd-codes', { code: '*733*9*8#', purposeCode: 'sadaqa', unitId: await unitId(db, 'P10') })).statusCode).toBe(403);
    // an officer reads only the codes of their own subtree
    expect((await officer.get('/api/ussd-codes')).json().items.map((c: { unit: { code: string } }) => c.unit.code).sort()).toEqual(['C1010', 'P10']);
  });
});
