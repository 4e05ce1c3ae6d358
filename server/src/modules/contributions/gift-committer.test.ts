import { formatJalaliDate } from '@mosharekat/fa';
import { describe, expect, it } from 'vitest';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp } from '../../testing/test-app.ts';
import { runLedgerCheck } from '../ledger/ledger-check.ts';

const today = () => formatJalaliDate(new Date(), { digits: 'latin' });
let seq = 0;
const key = () => `group-key-${Date.now()}-${++seq}`;

async function setup() {
  const { app, db } = await testApp();
  const u = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P23' });
  const officer = await signInAs(app, u.username, testPassword);
  const rey = await unitByCode(db.pool, 'C2303');
  const { rows } = await db.pool.query<{ id: string }>(`SELECT id FROM org_unit WHERE kind = 'county' AND NOT ($1 = ANY(path)) LIMIT 1`, [officer.me.unit.id]);
  return { app, db, officer, rey, elsewhere: rows[0]!.id };
}

const gift = (unitId: string, over: Record<string, unknown> = {}) =>
  ({ unitId, amountRials: '1000000', fundKind: 'general', channel: 'gateway', channelRef: `GW-${++seq}`, receivedOn: today(), ...over });

describe('gifts recorded together (group commit)', () => {
  it('should write a burst of gifts in groups and still answer each by its own rules', async () => {
    const { app, db, officer, rey, elsewhere } = await setup();
    // the general fund exists, and one reference is already recorded
    const first = await officer.post('/api/contributions', gift(rey.id, { channelRef: 'GW-EARLIER' }), { 'idempotency-key': key() });
    expect(first.statusCode, first.body).toBe(201);
    const before = { ...app.gifts.stats };

    const sameKey = key();
    const sameKeyBody = gift(rey.id, { amountRials: '3000000' });
    const reusedKey = key();
    const plain = Array.from({ length: 40 }, (_, i) => officer.post('/api/contributions', gift(rey.id, { amountRials: String(1_000_000 + i) }), { 'idempotency-key': key() }));
    const [plainRes, twins, reused, sameRef, notMine, future, repeated, newFund] = await Promise.all([
      Promise.all(plain),
      Promise.all([0, 1].map(() => officer.post('/api/contributions', sameKeyBody, { 'idempotency-key': sameKey }))),
      Promise.all(['5000000', '6000000'].map((amountRials) => officer.post('/api/contributions', gift(rey.id, { amountRials, channelRef: 'GW-REUSED-KEY' }), { 'idempotency-key': reusedKey }))),
      Promise.all([0, 1].map(() => officer.post('/api/contributions', gift(rey.id, { channelRef: 'GW-TWICE' }), { 'idempotency-key': key() }))),
      officer.post('/api/contributions', gift(elsewhere), { 'idempotency-key': key() }),
      officer.post('/api/contributions', gift(rey.id, { receivedOn: formatJalaliDate(new Date(Date.now() + 2 * 86_400_000), { digits: 'latin' }) }), { 'idempotency-key': key() }),
      officer.post('/api/contributions', gift(rey.id, { channelRef: 'GW-EARLIER' }), { 'idempotency-key': key() }),
      Promise.all([0, 1, 2].map(() => officer.post('/api/contributions', gift(rey.id, { fundKind: 'specific', purposeCode: 'orphans' }), { 'idempotency-key': key() }))),
    ]);

    expect(plainRes.map((r) => r.statusCode)).toEqual(plainRes.map(() => 201));
    // one key, one answer: the second is a replay of the first
    expect(twins.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(twins[0]!.json().id).toBe(twins[1]!.json().id);
    expect(twins.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    // one key with another body is refused
    expect(reused.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    // one reference counts once
    expect(sameRef.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(sameRef.find((r) => r.statusCode === 409)!.json().error.code).toBe('CONTRIBUTION_DUPLICATE_REFERENCE');
    expect(notMine.statusCode).toBe(404);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('CONTRIBUTION_DATE_IN_FUTURE');
    expect(repeated.statusCode).toBe(409);
    expect(repeated.json().error.details.existingId).toBe(first.json().id);
    // the first gift of a new intent creates its fund once
    expect(newFund.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(newFund.map((r) => r.json().fund.id)).size).toBe(1);

    // grouping happened
    expect(app.gifts.stats.groups - before.groups).toBeLessThan(40);
    expect(app.gifts.stats.largest).toBeGreaterThan(1);

    // every accepted gift has its journal, receipt, audit row and stored answer
    const accepted = [first, ...plainRes, twins[0]!, ...reused, ...sameRef, ...newFund].filter((r) => r.statusCode === 201).map((r) => r.json());
    const { rows } = await db.owner.query<{ id: string; journal_id: string; receipt_no: string; audit_journal: string | null }>(
      `SELECT c.id, c.journal_id::text, c.receipt_no, (SELECT a.summary->>'journalId' FROM audit_log a WHERE a.entity_type = 'contribution' AND a.entity_id = c.id::text AND a.action = 'contribution.record') AS audit_journal
         FROM contribution c WHERE c.unit_id = $1`, [rey.id]);
    expect(rows).toHaveLength(accepted.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const a of accepted) {
      const r = byId.get(a.id)!;
      expect(r.journal_id).toBe(a.journalId);
      expect(r.audit_journal).toBe(a.journalId);
      expect(r.receipt_no).toBe(a.receiptNo);
    }
    expect(new Set(rows.map((r) => r.receipt_no)).size).toBe(rows.length);

    // a retry of a grouped gift gets the same answer
    const retry = await officer.post('/api/contributions', sameKeyBody, { 'idempotency-key': sameKey });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(twins[0]!.json());

    // balances, figures and journals agree
    expect(await runLedgerCheck(db.owner)).toEqual([]);
    const { rows: bal } = await db.owner.query<{ balance: string; gifts: string }>(
      `SELECT (-b.amount)::text AS balance, (SELECT sum(amount_rials)::text FROM contribution c WHERE c.fund_id = f.id) AS gifts
         FROM fund f JOIN ledger_balance b ON b.account_id = f.id AND b.fund_id = f.id WHERE f.unit_id = $1 AND f.kind = 'general'`, [rey.id]);
    expect(bal[0]!.balance).toBe(bal[0]!.gifts);
  });

  it('should refuse gifts to a unit retired after the committer remembered it, and write none of them', async () => {
    const { app, db, officer } = await setup();
    const shemiranat = await unitByCode(db.pool, 'C2302');
    // remembered with its fund
    const res = await Promise.all([0, 1].map(() => officer.post('/api/contributions', gift(shemiranat.id), { 'idempotency-key': key() })));
    expect(res.map((r) => r.statusCode)).toEqual([201, 201]);
    expect((await officer.post('/api/contributions', gift(shemiranat.id), { 'idempotency-key': key() })).statusCode).toBe(201);
    await db.owner.query(`UPDATE org_unit SET status = 'retired', retired_at = now(), retire_reason = 'test' WHERE id = $1`, [shemiranat.id]);
    const grouped = app.gifts.stats.grouped;
    const after = await Promise.all([0, 1, 2].map(() => officer.post('/api/contributions', gift(shemiranat.id), { 'idempotency-key': key() })));
    expect(after.map((r) => [r.statusCode, r.json().error?.code])).toEqual(after.map(() => [409, 'CONTRIBUTION_UNIT_RETIRED']));
    expect(app.gifts.stats.grouped).toBe(grouped);
    const { rows } = await db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM contribution WHERE unit_id = $1`, [shemiranat.id]);
    expect(rows[0]!.n).toBe(3);
    expect(await runLedgerCheck(db.owner)).toEqual([]);
  });

  it('should read a unit afresh when it moved to another province after the committer remembered it', async () => {
    const { app, db, officer } = await setup();
    const damavand = await unitByCode(db.pool, 'C2304');
    const isfahan = await unitByCode(db.pool, 'P10');
    const first = await officer.post('/api/contributions', gift(damavand.id), { 'idempotency-key': key() });
    expect(first.statusCode, first.body).toBe(201);
    expect((await officer.post('/api/contributions', gift(damavand.id), { 'idempotency-key': key() })).statusCode).toBe(201);
    // an administrator moves the county under Isfahan; an Isfahan officer now records there
    const admin = await signInAs(app, (await fakeUser(db.pool, { role: 'admin', unitCode: 'HQ' })).username, testPassword);
    const moved = await admin.patch(`/api/org-units/${damavand.id}`, { parentId: isfahan.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const isfahanOfficer = await signInAs(app, (await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' })).username, testPassword);
    const there = await isfahanOfficer.post('/api/contributions', gift(damavand.id), { 'idempotency-key': key() });
    expect(there.statusCode, there.body).toBe(201);
    expect(there.json().provinceUnitId).toBe(isfahan.id);
    // and the Tehran officer no longer can
    const notMine = await officer.post('/api/contributions', gift(damavand.id), { 'idempotency-key': key() });
    expect(notMine.statusCode).toBe(404);
    expect(await runLedgerCheck(db.owner)).toEqual([]);
  });

  it('should write nothing of a group whose statement fails and answer each of its gifts on its own', async () => {
    const { app, db, officer, rey } = await setup();
    const warm = await officer.post('/api/contributions', gift(rey.id), { 'idempotency-key': key() });
    expect(warm.statusCode).toBe(201);
    await db.owner.query(`CREATE FUNCTION test_refuse_gift() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await db.owner.query(`CREATE TRIGGER test_refuse_gift BEFORE INSERT ON contribution FOR EACH ROW WHEN (NEW.amount_rials = 7777777) EXECUTE FUNCTION test_refuse_gift()`);
    try {
      const fallbacks = app.gifts.stats.fallbacks;
      const res = await Promise.all(Array.from({ length: 12 }, (_, i) =>
        officer.post('/api/contributions', gift(rey.id, { amountRials: i === 5 ? '7777777' : '2000000' }), { 'idempotency-key': key() })));
      expect(res.map((r) => r.statusCode)).toEqual(res.map((_, i) => (i === 5 ? 500 : 201)));
      expect(app.gifts.stats.fallbacks).toBeGreaterThan(fallbacks);
      const { rows } = await db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM contribution WHERE unit_id = $1 AND amount_rials = 2000000`, [rey.id]);
      expect(rows[0]!.n).toBe(11);
      expect(await runLedgerCheck(db.owner)).toEqual([]);
    } finally {
      await db.owner.query('DROP TRIGGER test_refuse_gift ON contribution; DROP FUNCTION test_refuse_gift()');
    }
  });
});
