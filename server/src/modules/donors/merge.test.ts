import { generateMobile, generateNationalCode } from '@mosharekat/fa';
import { describe, expect, it } from 'vitest';
import { withTx } from '../../db/pool.ts';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp } from '../../testing/test-app.ts';
import type { Role } from '../access/permissions.ts';
import { runLedgerCheck } from '../ledger/ledger-check.ts';
import { donorIdsOf, linkDonorToUnit } from './link-donor-to-unit.ts';
import { fakeDonor, testRng } from './testing/fake-donor.ts';

async function as(role: Role, unitCode: string) {
  const { app, db } = await testApp();
  const u = await fakeUser(db.pool, { role, unitCode });
  return signInAs(app, u.username, testPassword);
}

describe('duplicate finder', () => {
  it('should pair donors that share a mobile or have similar names in the same county, but not two different national codes', async () => {
    const { db } = await testApp();
    const mobile = generateMobile(testRng);
    const a = await fakeDonor(db.pool, { unitCode: 'C1010', firstName: 'زهرا', lastName: 'موسوی', nationalCode: null, mobiles: [mobile] });
    const b = await fakeDonor(db.pool, { unitCode: 'C1010', firstName: 'فاطمه', lastName: 'کاظمی', mobiles: [mobile] });
    const c = await fakeDonor(db.pool, { unitCode: 'C1010', firstName: 'حسن', lastName: 'طباطبایی‌نژاد', nationalCode: null, mobiles: [] });
    const d = await fakeDonor(db.pool, { unitCode: 'C1010', firstName: 'حسن', lastName: 'طباطبائی نژاد', mobiles: [] });
    // same name, but both have (different) national codes: two people
    await fakeDonor(db.pool, { unitCode: 'C1010', firstName: 'رضا', lastName: 'همنام', mobiles: [] });
    await fakeDonor(db.pool, { unitCode: 'C1010', firstName: 'رضا', lastName: 'همنام', mobiles: [] });
    const kashan = await unitByCode(db.pool, 'C1010');
    const s = await as('participation_officer', 'P10');
    const res = await s.get(`/api/donors/duplicates?unitId=${kashan.id}`);
    expect(res.statusCode).toBe(200);
    const pairs = res.json().items.map((p: { a: { id: string }; b: { id: string }; reasons: string[] }) => ({ ids: [p.a.id, p.b.id].sort(), reasons: p.reasons }));
    expect(pairs).toEqual([
      { ids: [a.id, b.id].sort(), reasons: ['same_mobile'] },
      { ids: [c.id, d.id].sort(), reasons: ['similar_name'] },
    ]);
    // another province's officer sees none of them
    const rey = await as('participation_officer', 'C2303');
    expect((await rey.get(`/api/donors/duplicates?unitId=${kashan.id}`)).statusCode).toBe(404);
  });
});

describe('merging donors', () => {
  it('should move every reference, fill blanks, keep the duplicate as merged and keep the history', async () => {
    const { db } = await testApp();
    // Tables other modules will add later, made up for this test: a plain one, an append-only one
    // that opted in to merge re-pointing, and an append-only one that did not.
    await db.owner.query(`
      CREATE TABLE test_pledge (id serial PRIMARY KEY, donor_id uuid NOT NULL REFERENCES donor (id), amount_rials bigint NOT NULL);
      CREATE TABLE test_gift (id serial PRIMARY KEY, donor_id uuid REFERENCES donor (id), amount_rials bigint NOT NULL);
      CREATE TRIGGER test_gift_append_only BEFORE UPDATE OR DELETE ON test_gift FOR EACH ROW EXECUTE FUNCTION forbid_change_except_donor_repoint('donor_id');
      REVOKE UPDATE, DELETE ON test_gift FROM mosharekat_app;
      GRANT UPDATE (donor_id) ON test_gift TO mosharekat_app;
      CREATE TABLE test_receipt (id serial PRIMARY KEY, donor_id uuid REFERENCES donor (id));
      CREATE TRIGGER test_receipt_append_only BEFORE UPDATE OR DELETE ON test_receipt FOR EACH ROW EXECUTE FUNCTION forbid_change();
      GRANT SELECT, INSERT, UPDATE ON test_pledge, test_gift, test_receipt TO mosharekat_app;
      REVOKE UPDATE ON test_gift FROM mosharekat_app;
      GRANT UPDATE (donor_id) ON test_gift TO mosharekat_app;
      GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO mosharekat_app;`);
    const nationalCode = generateNationalCode(testRng);
    const survivor = await fakeDonor(db.pool, { unitCode: 'C2303', firstName: 'علی', lastName: 'رضایی', nationalCode: null, tags: ['الف'], publicConsent: true });
    const dup = await fakeDonor(db.pool, {
      unitCode: 'P23', firstName: 'علي', lastName: 'رضايي', nationalCode, fatherName: 'حسین', tags: ['ب'], notes: 'از فهرست قدیمی', publicConsent: true,
    });
    const reyUnit = await unitByCode(db.pool, 'C2303');
    await withTx(db.pool, (tx) => linkDonorToUnit(tx, dup.id, reyUnit.id));
    await db.pool.query('INSERT INTO test_pledge (donor_id, amount_rials) VALUES ($1, 100), ($1, 200), ($2, 300)', [dup.id, survivor.id]);
    await db.pool.query('INSERT INTO test_gift (donor_id, amount_rials) VALUES ($1, 5)', [dup.id]);
    await db.pool.query('INSERT INTO test_receipt (donor_id) VALUES ($1)', [dup.id]);
    await expect(db.pool.query('UPDATE test_gift SET amount_rials = 6')).rejects.toThrow(/permission denied/);

    const s = await as('participation_officer', 'P23');
    const res = await s.post(`/api/donors/${survivor.id}/merge`, { duplicateId: dup.id, reason: 'یک نفرند' }, { 'x-request-id': 'req-merge-0001' });
    expect(res.statusCode).toBe(200);
    const { survivor: kept, merge } = res.json();
    expect(kept).toMatchObject({
      id: survivor.id, status: 'active', fatherName: 'حسین', nationalCode: `******${nationalCode.slice(-4)}`,
      tags: ['الف', 'ب'], notes: 'از فهرست قدیمی', publicConsent: true,
    });
    expect(kept.mobiles).toHaveLength(2);
    expect(kept.units.map((u: { code: string }) => u.code).sort()).toEqual(['C2303', 'P23']);
    // the duplicate's province now finds the survivor by name (known_units follows the moved links)
    const p23 = await as('participation_officer', 'P23');
    const found = (await p23.get(`/api/donors?q=${encodeURIComponent('رضایی')}`)).json().items.map((x: { id: string }) => x.id);
    expect(found).toContain(survivor.id);
    expect(found).not.toContain(dup.id);
    const known = await db.pool.query<{ id: string; n: number }>('SELECT id, cardinality(known_units) AS n FROM donor WHERE id = ANY($1::uuid[])', [[survivor.id, dup.id]]);
    expect(Object.fromEntries(known.rows.map((r) => [r.id, r.n]))).toEqual({ [survivor.id]: 2, [dup.id]: 0 });
    expect(await runLedgerCheck(db.pool)).toEqual([]);
    expect(merge).toMatchObject({
      survivorId: survivor.id, mergedId: dup.id, reason: 'یک نفرند', filledFields: ['father_name', 'national_code'],
      moved: { 'test_pledge.donor_id': 2, 'test_gift.donor_id': 1, 'donor_mobile.donor_id': 1, 'donor_unit_link.donor_id': 1 },
      frozen: { 'test_receipt.donor_id': 1 },
    });
    const pledges = await db.pool.query('SELECT donor_id, count(*)::int AS n FROM test_pledge GROUP BY donor_id');
    expect(pledges.rows).toEqual([{ donor_id: survivor.id, n: 3 }]);
    expect((await db.pool.query('SELECT donor_id FROM test_gift')).rows).toEqual([{ donor_id: survivor.id }]);
    expect((await db.pool.query('SELECT donor_id FROM test_receipt')).rows).toEqual([{ donor_id: dup.id }]);
    expect(await withTx(db.pool, (tx) => donorIdsOf(tx, dup.id))).toEqual([survivor.id, dup.id]);

    // the duplicate is kept, pointing at the survivor; searches find the survivor only
    const old = await s.get(`/api/donors/${dup.id}`);
    expect(old.json()).toMatchObject({ status: 'merged', mergedIntoId: survivor.id, can: { edit: false } });
    expect((await s.patch(`/api/donors/${dup.id}`, { notes: 'x' })).json().error.code).toBe('DONOR_MERGED');
    expect((await s.get(`/api/donors?q=${nationalCode}`)).json().items.map((x: { id: string }) => x.id)).toEqual([survivor.id]);
    expect((await s.get(`/api/donors?q=${encodeURIComponent('رضایی')}`)).json().items.map((x: { id: string }) => x.id)).toEqual([survivor.id]);
    expect((await s.get(`/api/donors/${survivor.id}`)).json().mergeHistory).toMatchObject([{ mergedId: dup.id, mergedDisplayName: 'علی رضایی' }]);
    const audit = await db.pool.query(`SELECT action, entity_id FROM audit_log WHERE request_id = 'req-merge-0001' ORDER BY id`);
    expect(audit.rows).toEqual([{ action: 'donor.merge', entity_id: survivor.id }, { action: 'donor.merged_into', entity_id: dup.id }]);
    const history = await db.pool.query('SELECT survivor_id, merged_id FROM donor_merge');
    expect(history.rows).toEqual([{ survivor_id: survivor.id, merged_id: dup.id }]);

    // a later merge of the survivor into a third record carries the earlier history along
    const third = await fakeDonor(db.pool, { unitCode: 'C2303', firstName: 'علی', lastName: 'رضایی پور', nationalCode: null });
    const again = await s.post(`/api/donors/${third.id}/merge`, { duplicateId: survivor.id });
    expect(again.statusCode).toBe(200);
    expect(again.json().survivor.mergeHistory.map((m: { mergedId: string }) => m.mergedId).sort()).toEqual([dup.id, survivor.id].sort());
    expect((await db.pool.query('SELECT merged_into FROM donor WHERE id = $1', [dup.id])).rows[0].merged_into).toBe(third.id);
    expect((await db.pool.query('SELECT DISTINCT donor_id FROM test_pledge')).rows).toEqual([{ donor_id: third.id }]);
  });

  it('should refuse to merge two national codes, a person with an organization, or a record with itself', async () => {
    const { db } = await testApp();
    const a = await fakeDonor(db.pool, { unitCode: 'C2303' });
    const b = await fakeDonor(db.pool, { unitCode: 'C2303' });
    const org = await fakeDonor(db.pool, { unitCode: 'C2303', type: 'legal', legalName: 'خیریه امید', legalType: 'charity', firstName: undefined, lastName: undefined, nationalCode: undefined });
    const s = await as('participation_officer', 'C2303');
    expect((await s.post(`/api/donors/${a.id}/merge`, { duplicateId: b.id })).json().error.code).toBe('DONOR_MERGE_IDENTITY_CONFLICT');
    expect((await s.post(`/api/donors/${a.id}/merge`, { duplicateId: org.id })).json().error.code).toBe('DONOR_MERGE_TYPE_MISMATCH');
    expect((await s.post(`/api/donors/${a.id}/merge`, { duplicateId: a.id })).json().error.code).toBe('DONOR_MERGE_SELF');
    const finance = await as('finance_officer', 'C2303');
    expect((await finance.post(`/api/donors/${a.id}/merge`, { duplicateId: b.id })).statusCode).toBe(403);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM donor WHERE status = 'merged' AND id = ANY($1::uuid[])`, [[a.id, b.id, org.id]])).rows[0].n).toBe(0);
  });
});
