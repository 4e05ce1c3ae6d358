import { describe, expect, it } from 'vitest';
import { withTx } from '../../db/pool.ts';
import { unitByCode } from '../../testing/factories.ts';
import { testDb } from '../../testing/test-db.ts';
import { systemContext } from '../access/actor.ts';
import { ensureCustodyAccount } from './accounts.ts';
import { resolveFund } from './funds.ts';
import { runLedgerCheck } from './ledger-check.ts';
import { postJournal, unbalancedReason, type Line } from './post-journal.ts';
import { AppError } from '../../lib/errors.ts';

const ctx = systemContext('test');

describe('unbalancedReason', () => {
  const a = { accountId: 'a', fundId: 'f' };
  const b = { accountId: 'b', fundId: 'f' };
  const cases: [string, Line[], string | null][] = [
    ['a balanced pair', [{ ...a, amount: 5n }, { ...b, amount: -5n }], null],
    ['one line', [{ ...a, amount: 5n }], 'a journal needs at least two lines'],
    ['a zero line', [{ ...a, amount: 0n }, { ...b, amount: 0n }], 'a line of zero'],
    ['lines that do not sum to zero', [{ ...a, amount: 5n }, { ...b, amount: -4n }], 'lines sum to 1'],
    ['balanced overall but not per fund', [{ ...a, amount: 5n }, { accountId: 'b', fundId: 'g', amount: -5n }], 'lines of fund f sum to 5'],
    ['amounts beyond 2^53 kept exact', [{ ...a, amount: 9007199254740993n }, { ...b, amount: -9007199254740993n }], null],
  ];
  for (const [name, lines, expected] of cases) {
    it(`should say ${expected ?? 'nothing'} when given ${name}`, () => expect(unbalancedReason(lines)).toBe(expected));
  }
});

describe('posting journals', () => {
  async function fundedFund(amount: bigint) {
    const db = await testDb();
    const kashan = await unitByCode(db.pool, 'C1010');
    const p10 = await unitByCode(db.pool, 'P10');
    return withTx(db.pool, async (tx) => {
      const fund = await resolveFund(tx, kashan.id, { purposeCode: 'housing', project: `race-${Math.random()}` });
      const central = await ensureCustodyAccount(tx, p10.id, 'central');
      await postJournal(tx, ctx, { kind: 'contribution', unitId: kashan.id, occurredAt: new Date(), lines: [
        { accountId: central, fundId: fund.id, amount: amount }, { accountId: fund.id, fundId: fund.id, amount: -amount }] });
      return { fund, central, unitId: kashan.id };
    });
  }

  it('should let exactly the affordable debits through when 200 race at one fund', async () => {
    const db = await testDb();
    const { fund, central, unitId } = await fundedFund(100n * 1_000n);
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => withTx(db.pool, (tx) =>
      postJournal(tx, ctx, { kind: 'spending', unitId, occurredAt: new Date(), lines: [
        { accountId: fund.id, fundId: fund.id, amount: 1_000n }, { accountId: central, fundId: fund.id, amount: -1_000n }] }))));
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toBe(100);
    expect(refused).toHaveLength(100);
    expect(refused.every((r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'LEDGER_INSUFFICIENT_FUNDS')).toBe(true);
    const { rows } = await db.pool.query('SELECT amount FROM ledger_balance WHERE account_id = $1 AND fund_id = $1', [fund.id]);
    expect(rows[0].amount).toBe(0n);
    expect(await runLedgerCheck(db.pool)).toEqual([]);
  });

  it('should refuse a debit larger than the fund and change nothing', async () => {
    const db = await testDb();
    const { fund, central, unitId } = await fundedFund(10n);
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM journal')).rows[0].n;
    await expect(withTx(db.pool, (tx) => postJournal(tx, ctx, { kind: 'spending', unitId, occurredAt: new Date(), lines: [
      { accountId: fund.id, fundId: fund.id, amount: 11n }, { accountId: central, fundId: fund.id, amount: -11n }] }))).rejects.toMatchObject({ code: 'LEDGER_INSUFFICIENT_FUNDS' });
    expect((await db.pool.query('SELECT count(*)::int AS n FROM journal')).rows[0].n).toBe(before);
  });

  it('should keep journals and lines append-only for the application role', async () => {
    const db = await testDb();
    await fundedFund(5n);
    await expect(db.pool.query('UPDATE journal_line SET amount = amount * 2')).rejects.toThrow(/permission denied/);
    await expect(db.pool.query('DELETE FROM journal')).rejects.toThrow(/permission denied/);
    await expect(db.owner.query('UPDATE journal_line SET amount = amount * 2')).rejects.toThrow(/append-only/);
  });

  it('should store the Jalali fiscal year and month of the journal in Tehran time', async () => {
    const db = await testDb();
    const kashan = await unitByCode(db.pool, 'C1010');
    const p10 = await unitByCode(db.pool, 'P10');
    // 2025-03-20T20:30:00Z is 1404/01/01 00:00 in Tehran; a minute earlier is still 1403/12/30
    const id = await withTx(db.pool, async (tx) => {
      const fund = await resolveFund(tx, kashan.id, { purposeCode: 'general' });
      const central = await ensureCustodyAccount(tx, p10.id, 'central');
      const lines = [{ accountId: central, fundId: fund.id, amount: 1n }, { accountId: fund.id, fundId: fund.id, amount: -1n }];
      return [
        await postJournal(tx, ctx, { kind: 'contribution', unitId: kashan.id, occurredAt: new Date('2025-03-20T20:29:00Z'), lines }),
        await postJournal(tx, ctx, { kind: 'contribution', unitId: kashan.id, occurredAt: new Date('2025-03-20T20:30:00Z'), lines }),
      ];
    });
    const { rows } = await db.pool.query('SELECT fiscal_year, fiscal_month FROM journal WHERE id = ANY($1::bigint[]) ORDER BY id', [id.map(String)]);
    expect(rows).toEqual([{ fiscal_year: 1403, fiscal_month: 12 }, { fiscal_year: 1404, fiscal_month: 1 }]);
  });
});
