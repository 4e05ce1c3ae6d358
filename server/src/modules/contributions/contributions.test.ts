import { formatJalaliDate } from '@mosharekat/fa';
import { describe, expect, it } from 'vitest';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { postingsTable } from '../../testing/postings.ts';
import { signInAs, testApp, type Session } from '../../testing/test-app.ts';
import { runLedgerCheck } from '../ledger/ledger-check.ts';

const today = () => formatJalaliDate(new Date(), { digits: 'latin' });
let keySeq = 0;
const key = () => `test-key-${Date.now()}-${++keySeq}`;

async function session(role: Parameters<typeof fakeUser>[1]['role'], unitCode: string): Promise<Session> {
  const { app, db } = await testApp();
  const u = await fakeUser(db.pool, { role, unitCode });
  return signInAs(app, u.username, testPassword);
}

function gift(unitId: string, over: Record<string, unknown> = {}) {
  return { unitId, amountRials: '5000000', fundKind: 'general', channel: 'counter_cash', receivedOn: today(), ...over };
}

describe('recording contributions and passing them down', () => {
  it('should hold gifts at the province, earmark them at the county, pass them down and roll up to HQ', async () => {
    const { db } = await testApp();
    const rey = await unitByCode(db.pool, 'C2303');
    const officer = await session('participation_officer', 'C2303');
    const finance = await session('finance_officer', 'P23');
    const hq = await session('inspector', 'HQ');

    const orphans = await officer.post('/api/contributions', gift(rey.id, { fundKind: 'specific', purposeCode: 'orphans', amountRials: '50000000', channel: 'pos', channelRef: 'POS-778812' }), { 'idempotency-key': key() });
    expect(orphans.statusCode, orphans.body).toBe(201);
    expect(orphans.json()).toMatchObject({ amountRials: '50000000', fund: { kind: 'specific', purposeCode: 'orphans' }, status: 'posted', unit: { code: 'C2303' } });
    expect(orphans.json().receiptNo).toMatch(/^14\d\d-\d\d-000001$/);
    const general = await officer.post('/api/contributions', gift(rey.id, { amountRials: '20000000' }), { 'idempotency-key': key() });
    expect(general.statusCode).toBe(201);

    // the province's central account holds both; the county's funds own them
    const tehran = (await finance.get('/api/balances?rollup=false')).json();
    expect(tehran.custody.find((c: { kind: string }) => c.kind === 'central').balanceRials).toBe('70000000');
    const reyBalances = (await officer.get(`/api/balances?unitId=${rey.id}`)).json();
    expect(reyBalances.totals).toEqual({ generalRials: '20000000', specificRials: '50000000', totalRials: '70000000' });

    // the province sees what it still holds for Rey, and hands it on
    const pending = (await finance.get('/api/pass-downs/pending')).json();
    const forRey = pending.items.filter((i: { countyUnitId: string }) => i.countyUnitId === rey.id);
    expect(forRey.map((i: { heldRials: string }) => i.heldRials).sort()).toEqual(['20000000', '50000000']);
    const pd = await finance.post('/api/pass-downs', { countyUnitId: rey.id, documentNo: 'S-1404-0012', items: forRey.map((i: { fundId: string; heldRials: string }) => ({ fundId: i.fundId, amountRials: i.heldRials })) }, { 'idempotency-key': key() });
    expect(pd.statusCode).toBe(201);
    expect(pd.json().totalRials).toBe('70000000');
    const after = (await finance.get('/api/pass-downs/pending')).json();
    expect(after.items.filter((i: { countyUnitId: string }) => i.countyUnitId === rey.id)).toEqual([]);

    // the earmarks did not move; custody did
    const reyAfter = (await officer.get(`/api/balances?unitId=${rey.id}`)).json();
    expect(reyAfter.totals.totalRials).toBe('70000000');
    expect(reyAfter.custody.find((c: { kind: string }) => c.kind === 'spending').balanceRials).toBe('70000000');

    // HQ's roll-up adds up: Tehran province's row carries Rey's money
    const national = (await hq.get('/api/balances?rollup=true')).json();
    const tehranRow = national.byUnit.find((u: { unitName: string }) => u.unitName === 'استان تهران');
    expect(BigInt(tehranRow.totalRials)).toBeGreaterThanOrEqual(70000000n);
    expect(BigInt(national.totals.totalRials)).toBe(national.byUnit.reduce((s: bigint, u: { totalRials: string }) => s + BigInt(u.totalRials), 0n));

    const table = await postingsTable(db.pool, [orphans.json().journalId, general.json().journalId, pd.json().journalId]);
    expect(table).toMatchInlineSnapshot(`
      "
      journal         | account               | fund                                                   |      debit |     credit
      #1 contribution | central @ استان تهران | خاص: ایتام و فرزندان بی‌سرپرست و بدسرپرست @ شهرستان ری | 50,000,000 |
      #1 contribution | fund @ شهرستان ری     | خاص: ایتام و فرزندان بی‌سرپرست و بدسرپرست @ شهرستان ری |            | 50,000,000
      #2 contribution | central @ استان تهران | عام @ شهرستان ری                                       | 20,000,000 |
      #2 contribution | fund @ شهرستان ری     | عام @ شهرستان ری                                       |            | 20,000,000
      #3 pass_down    | spending @ شهرستان ری | خاص: ایتام و فرزندان بی‌سرپرست و بدسرپرست @ شهرستان ری | 50,000,000 |
      #3 pass_down    | central @ استان تهران | خاص: ایتام و فرزندان بی‌سرپرست و بدسرپرست @ شهرستان ری |            | 50,000,000
      #3 pass_down    | spending @ شهرستان ری | عام @ شهرستان ری                                       | 20,000,000 |
      #3 pass_down    | central @ استان تهران | عام @ شهرستان ری                                       |            | 20,000,000
      "
    `);
    expect(await runLedgerCheck(db.pool)).toEqual([]);
  });

  it('should credit once when a POST is retried with the same Idempotency-Key, and refuse the key for another body', async () => {
    const { db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await session('participation_officer', 'C1010');
    const k = key();
    const body = gift(kashan.id, { amountRials: '1230000' });
    const [a, b] = await Promise.all([officer.post('/api/contributions', body, { 'idempotency-key': k }), officer.post('/api/contributions', body, { 'idempotency-key': k })]);
    const c = await officer.post('/api/contributions', body, { 'idempotency-key': k });
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1);
    expect(c.headers['idempotent-replayed']).toBe('true');
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM contribution WHERE unit_id = $1 AND amount_rials = 1230000`, [kashan.id]);
    expect(rows[0].n).toBe(1);
    const other = await officer.post('/api/contributions', { ...body, amountRials: '999' }, { 'idempotency-key': k });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const missing = await officer.post('/api/contributions', body);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('IDEMPOTENCY_KEY_MISSING');
  });

  it('should count an external payment reference once', async () => {
    const { db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await session('participation_officer', 'C1010');
    const body = gift(kashan.id, { channel: 'card_to_card', channelRef: 'C2C-0098123', amountRials: '3000000' });
    expect((await officer.post('/api/contributions', body, { 'idempotency-key': key() })).statusCode).toBe(201);
    const again = await officer.post('/api/contributions', body, { 'idempotency-key': key() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONTRIBUTION_DUPLICATE_REFERENCE', fields: [{ field: 'channelRef' }] });
    const noRef = await officer.post('/api/contributions', gift(kashan.id, { channel: 'pos' }), { 'idempotency-key': key() });
    expect(noRef.json().error).toMatchObject({ code: 'CONTRIBUTION_REFERENCE_REQUIRED', fields: [{ field: 'channelRef' }] });
  });

  it('should refuse bad input field by field and write nothing', async () => {
    const { db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await session('participation_officer', 'C1010');
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM journal')).rows[0].n;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amountRials: '12.5' }, 'amountRials', 'FIELD_AMOUNT'],
      [{ amountRials: 1000 }, 'amountRials', 'FIELD_INVALID'],
      [{ receivedOn: '1404/13/01' }, 'receivedOn', 'CONTRIBUTION_DATE_INVALID'],
      [{ receivedOn: '1499/01/01' }, 'receivedOn', 'CONTRIBUTION_DATE_IN_FUTURE'],
      [{ fundKind: 'specific' }, 'purposeCode', 'CONTRIBUTION_PURPOSE_REQUIRED'],
      [{ fundKind: 'specific', purposeCode: 'casino' }, 'purposeCode', 'LEDGER_PURPOSE_UNKNOWN'],
      [{ channel: 'bitcoin' }, 'channel', 'FIELD_ENUM'],
    ];
    for (const [over, field, code] of cases) {
      const res = await officer.post('/api/contributions', gift(kashan.id, over), { 'idempotency-key': key() });
      expect(res.statusCode, JSON.stringify(over)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(over)).toBeLessThan(500);
      expect(res.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]), JSON.stringify(over)).toContainEqual([field, code]);
      expect(res.json().error.fields[0].message).toMatch(/[\u0600-\u06FF]/);
    }
    expect((await db.pool.query('SELECT count(*)::int AS n FROM journal')).rows[0].n).toBe(before);
  });

  it('should not let a county officer record at another county', async () => {
    const { db } = await testApp();
    const rey = await unitByCode(db.pool, 'C2303');
    const officer = await session('participation_officer', 'C1010');
    const res = await officer.post('/api/contributions', gift(rey.id), { 'idempotency-key': key() });
    expect(res.statusCode).toBe(404);
    const list = (await officer.get('/api/contributions?pageSize=200')).json();
    expect(list.items.every((c: { unit: { code: string } }) => c.unit.code === 'C1010')).toBe(true);
  });

  it('should reverse a contribution only by another user, and void its receipt', async () => {
    const { db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const recorder = await session('participation_officer', 'C1010');
    const other = await session('finance_officer', 'P10');
    const c = (await recorder.post('/api/contributions', gift(kashan.id, { amountRials: '4000000' }), { 'idempotency-key': key() })).json();
    const self = await recorder.post(`/api/contributions/${c.id}/reverse`, { reason: 'ثبت تکراری اشتباه' }, { 'idempotency-key': key() });
    expect(self.json().error.code, self.body).toBe('CONTRIBUTION_REVERSE_SAME_USER');
    const rev = await other.post(`/api/contributions/${c.id}/reverse`, { reason: 'ثبت تکراری اشتباه' }, { 'idempotency-key': key() });
    expect(rev.statusCode).toBe(200);
    expect(rev.json()).toMatchObject({ status: 'reversed', reversal: { reason: 'ثبت تکراری اشتباه' } });
    const twice = await other.post(`/api/contributions/${c.id}/reverse`, { reason: 'دوباره' + ' برگشت' }, { 'idempotency-key': key() });
    expect(twice.json().error.code).toBe('CONTRIBUTION_ALREADY_REVERSED');
    const table = await postingsTable(db.pool, [c.journalId, rev.json().reversal.journalId]);
    expect(table).toMatchInlineSnapshot(`
      "
      journal                  | account                | fund                |     debit |    credit
      #1 contribution          | central @ استان اصفهان | عام @ شهرستان کاشان | 4,000,000 |
      #1 contribution          | fund @ شهرستان کاشان   | عام @ شهرستان کاشان |           | 4,000,000
      #2 contribution_reversal | central @ استان اصفهان | عام @ شهرستان کاشان |           | 4,000,000
      #2 contribution_reversal | fund @ شهرستان کاشان   | عام @ شهرستان کاشان | 4,000,000 |
      "
    `);
    const receipt = (await (await testApp()).app.inject({ url: `/api/receipts/${c.receiptCode}` })).json();
    expect(receipt.status).toBe('void');
    expect(await runLedgerCheck(db.pool)).toEqual([]);
  });

  it('should post a receipt-book batch only when its count and total match', async () => {
    const { db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await session('participation_officer', 'C1010');
    const b = (await officer.post('/api/contribution-batches', { unitId: kashan.id, bookNo: 'BK-77', expectedCount: 3, expectedTotalRials: '600000' })).json();
    for (const amount of ['100000', '200000']) {
      const r = await officer.post(`/api/contribution-batches/${b.id}/items`, { amountRials: amount, fundKind: 'general', channel: 'counter_cash', receivedOn: today() });
      expect(r.statusCode).toBe(200);
    }
    const short = await officer.post(`/api/contribution-batches/${b.id}/post`, undefined, { 'idempotency-key': key() });
    expect(short.statusCode).toBe(422);
    expect(short.json().error).toMatchObject({ code: 'CONTRIBUTION_BATCH_MISMATCH', details: { expectedCount: 3, actualCount: 2 } });
    expect(short.json().error.message).toContain('تعداد ۲ از ۳');
    await officer.post(`/api/contribution-batches/${b.id}/items`, { amountRials: '300000', fundKind: 'specific', purposeCode: 'food', channel: 'counter_cash', receivedOn: today() });
    const posted = await officer.post(`/api/contribution-batches/${b.id}/post`, undefined, { 'idempotency-key': key() });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().contributionIds).toHaveLength(3);
    expect(posted.json().batch.status).toBe('posted');
    const late = await officer.post(`/api/contribution-batches/${b.id}/items`, { amountRials: '1', fundKind: 'general', channel: 'counter_cash', receivedOn: today() });
    expect(late.json().error.code).toBe('CONTRIBUTION_BATCH_CLOSED');
  });
});

describe('contributions of named donors', () => {
  it('should name the donor on the gift and its receipt, and refuse a donor the recorder cannot see', async () => {
    const { db } = await testApp();
    const { fakeDonor } = await import('../donors/testing/fake-donor.ts');
    const rey = await unitByCode(db.pool, 'C2303');
    const officer = await session('participation_officer', 'C2303');
    const donor = await fakeDonor(db.pool, { unitCode: 'C2303' });
    const c = await officer.post('/api/contributions', gift(rey.id, { donorId: donor.id, amountRials: '15000000' }), { 'idempotency-key': key() });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ donorId: donor.id, donorName: donor.displayName });
    const html = await officer.get(`/api/contributions/${c.json().id}/receipt.html`);
    expect(html.body).toContain(donor.displayName);
    const listed = (await officer.get(`/api/contributions?donorId=${donor.id}`)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([c.json().id]);

    const stranger = await fakeDonor(db.pool, { unitCode: 'C1010' });
    const refused = await officer.post('/api/contributions', gift(rey.id, { donorId: stranger.id }), { 'idempotency-key': key() });
    expect(refused.statusCode).toBe(404);
  });
});

describe('statements', () => {
  it('should start from zero without a start day and run to the closing balance, also in Persian-digit references', async () => {
    const { db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await session('participation_officer', 'C1010');
    const a = (await officer.post('/api/contributions', gift(kashan.id, { fundKind: 'specific', purposeCode: 'elderly', amountRials: '300000', channel: 'pos', channelRef: 'POS-۷۷۱' }), { 'idempotency-key': key() })).json();
    await officer.post('/api/contributions', gift(kashan.id, { fundKind: 'specific', purposeCode: 'elderly', amountRials: '200000' }), { 'idempotency-key': key() });
    const again = await officer.post('/api/contributions', gift(kashan.id, { fundKind: 'specific', purposeCode: 'elderly', amountRials: '300000', channel: 'pos', channelRef: 'POS-771' }), { 'idempotency-key': key() });
    expect(again.json().error.code).toBe('CONTRIBUTION_DUPLICATE_REFERENCE');
    const st = (await officer.get(`/api/ledger-accounts/${a.fund.id}/statement`)).json();
    expect(st).toMatchObject({ openingRials: '0', closingRials: '500000' });
    expect(st.lines.map((l: { inRials: string; runningRials: string }) => [l.inRials, l.runningRials])).toEqual([['300000', '300000'], ['200000', '500000']]);
  });

  it('should open a period with what came before it, count its lines and carry the running balance across pages', async () => {
    const { db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await session('participation_officer', 'C1010');
    const day = (ago: number) => formatJalaliDate(new Date(Date.now() - ago * 86_400_000), { digits: 'latin' });
    let fundId = '';
    for (const [ago, amount] of [[20, '1000'], [10, '2000'], [10, '3000'], [6, '4000'], [2, '5000'], [0, '6000']] as const) {
      const r = await officer.post('/api/contributions', gift(kashan.id, { fundKind: 'specific', purposeCode: 'disability', amountRials: amount, receivedOn: day(ago) }), { 'idempotency-key': key() });
      expect(r.statusCode, r.body).toBe(201);
      fundId = r.json().fund.id;
    }
    const base = `/api/ledger-accounts/${fundId}/statement?from=${day(10)}&to=${day(2)}`;
    const page1 = (await officer.get(`${base}&pageSize=2&page=1`)).json();
    expect(page1).toMatchObject({ openingRials: '1000', closingRials: '15000', total: 4 });
    expect(page1.lines.map((l: { inRials: string; runningRials: string }) => [l.inRials, l.runningRials])).toEqual([['2000', '3000'], ['3000', '6000']]);
    const page2 = (await officer.get(`${base}&pageSize=2&page=2`)).json();
    expect(page2.lines.map((l: { inRials: string; runningRials: string }) => [l.inRials, l.runningRials])).toEqual([['4000', '10000'], ['5000', '15000']]);
    const page3 = (await officer.get(`${base}&pageSize=2&page=3`)).json();
    expect(page3.lines).toEqual([]);
    // a period with no lines still opens and closes at the balance of its day
    const quiet = (await officer.get(`/api/ledger-accounts/${fundId}/statement?from=${day(5)}&to=${day(3)}`)).json();
    expect(quiet).toMatchObject({ openingRials: '10000', closingRials: '10000', total: 0, lines: [] });
  });
});
