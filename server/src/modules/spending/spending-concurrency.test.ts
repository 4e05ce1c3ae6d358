import { describe, expect, it } from 'vitest';
import { unitByCode } from '../../testing/factories.ts';
import { testApp, type Session } from '../../testing/test-app.ts';
import { runLedgerCheck } from '../ledger/ledger-check.ts';
import { runSpendingCheck } from './spending-check.ts';
import { councilMeeting, fundUnit, key, periodAroundNow, person, spendingBody } from './governance-fixtures.ts';

/*
 * Races. Both tests fire the approvals that reserve money all at once, as many officers would on
 * the last day of a month, and count what got through. They fail if the reservation is a read
 * followed by a write in the application: under READ COMMITTED every approval reads the same
 * "used so far" and all of them fit; under REPEATABLE READ too, because each approval writes rows
 * of its own (its request, its approval) and PostgreSQL sees no conflict between them (write
 * skew). What makes them pass is that every approval writes the same row — the resolution's
 * allowance (locked FOR UPDATE, CHECK used <= ceiling) and the fund's balance rows (CHECK amount
 * + held <= 0) — so they queue on its lock and each one checks the value the previous one left.
 */

async function inBatches<T>(n: number, size: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < n; start += size) out.push(...await Promise.all(Array.from({ length: Math.min(size, n - start) }, (_, k) => fn(start + k))));
  return out;
}

async function submittedRequests(requester: Session, n: number, body: Record<string, unknown>): Promise<string[]> {
  return inBatches(n, 20, async (i) => {
    const c = await requester.post('/api/spending-requests', { ...body, title: `درخواست همزمان ${i + 1}` });
    if (c.statusCode !== 201) throw new Error(c.body);
    const id = c.json().request.id as string;
    const s = await requester.post(`/api/spending-requests/${id}/submit`, {});
    if (s.statusCode !== 200) throw new Error(s.body);
    return id;
  });
}

describe('spending under races', () => {
  it('should never approve past a resolution\'s ceiling when 40 approvals race for it', { timeout: 120_000 }, async () => {
    const { db } = await testApp();
    const rey = await unitByCode(db.pool, 'C2303');
    const requester = await person('participation_officer', 'C2303');
    const approver = await person('participation_officer', 'P23');
    const secretary = await person('council_secretary', 'C2303');
    const finance = await person('finance_officer', 'P23');
    // plenty of money: only the ceiling can stop them
    const { funds } = await fundUnit(requester, finance, rey.id, [{ fundKind: 'general', amountRials: '100000000' }]);
    const { meeting } = await councilMeeting(secretary, 'C2303', { members: 3, present: 2 });
    const resolution = (await secretary.post(`/api/meetings/${meeting.id}/resolutions`, {
      text: 'سقف یک میلیون تومان برای معیشت', authorization: { ceilingRials: '10000000', purposeCodes: ['livelihood'], ...periodAroundNow() },
    })).json();
    const ids = await submittedRequests(requester, 40, spendingBody(rey.id, funds.general!, { amountRials: '1000000' }));
    await inBatches(40, 20, async (i) => {
      const r = await approver.post(`/api/spending-requests/${ids[i]}/approve`, {}, key());
      if (r.statusCode !== 200) throw new Error(r.body);
    });

    // the last approvals, which reserve the money, all at once
    const results = await Promise.all(ids.map((id) => secretary.post(`/api/spending-requests/${id}/approve`, {}, key())));
    const ok = results.filter((r) => r.statusCode === 200);
    const refused = results.filter((r) => r.statusCode !== 200);
    expect(ok).toHaveLength(10);
    expect(new Set(refused.map((r) => `${r.statusCode} ${r.json().error.code}`))).toEqual(new Set(['409 RESOLUTION_CEILING_EXCEEDED']));
    expect(refused[0]!.json().error.message).toMatch(/سقف مصوبه یا تفویض اختیار کافی نیست؛ باقی‌مانده ۰ ریال است/);

    const { rows } = await db.pool.query(
      `SELECT (SELECT used_rials FROM council_allowance WHERE chain_id = $1) AS used,
              (SELECT count(*)::int FROM spending_request WHERE resolution_id = $1 AND status = 'approved') AS approved,
              (SELECT held FROM ledger_balance WHERE account_id = $2 AND fund_id = $2) AS held`, [resolution.id, funds.general]);
    expect(rows[0]).toEqual({ used: 10_000_000n, approved: 10, held: 10_000_000n });
    expect((await secretary.get(`/api/resolutions/${resolution.id}`)).json().authorization).toMatchObject({ usedRials: '10000000', remainingRials: '0' });
    expect(await runLedgerCheck(db.pool)).toEqual([]);
    expect(await runSpendingCheck(db.pool)).toEqual([]);
  });

  it('should never overdraw a fund when 200 approvals race for it', { timeout: 180_000 }, async () => {
    const { db } = await testApp();
    const county = await unitByCode(db.pool, 'C2310');
    const requester = await person('participation_officer', 'C2310');
    const approver = await person('participation_officer', 'C2310');
    const finance = await person('finance_officer', 'P23');
    const { funds } = await fundUnit(requester, finance, county.id, [{ fundKind: 'specific', purposeCode: 'orphans', amountRials: '50000000' }]);
    const ids = await submittedRequests(requester, 200, spendingBody(county.id, funds.orphans!, { amountRials: '1000000', purposeCode: 'orphans' }));

    const results = await Promise.all(ids.map((id) => approver.post(`/api/spending-requests/${id}/approve`, {}, key())));
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(50);
    expect(new Set(results.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.json().error.code}`))).toEqual(new Set(['409 SPENDING_INSUFFICIENT_FUNDS']));

    const { rows } = await db.pool.query<{ kind: string; amount: bigint; held: bigint }>(
      'SELECT kind, amount, held FROM ledger_balance WHERE fund_id = $1 ORDER BY kind', [funds.orphans]);
    // the county's spending account holds the 50,000,000 passed down (the central account is empty of it)
    expect(rows.filter((r) => r.amount !== 0n)).toEqual([
      { kind: 'custody', amount: 50_000_000n, held: 50_000_000n },
      { kind: 'fund', amount: -50_000_000n, held: 50_000_000n },
    ]);
    const approved = await db.pool.query(`SELECT count(*)::int AS n FROM spending_request WHERE fund_id = $1 AND status = 'approved'`, [funds.orphans]);
    expect(approved.rows[0].n).toBe(50);
    expect(await runLedgerCheck(db.pool)).toEqual([]);
    expect(await runSpendingCheck(db.pool)).toEqual([]);
  });
});
