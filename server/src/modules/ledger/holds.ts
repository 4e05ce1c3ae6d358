import type { DatabaseError } from 'pg';
import { deferSql, type Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { ensureCustodyAccount, provinceOf } from './accounts.ts';
import { isOverdraft, postJournalDeferred } from './post-journal.ts';

/*
 * Reservations of money for approved spending. Placing a hold raises `held` on the fund row and on
 * the paying custody row; the CHECK on ledger_balance refuses a hold the money cannot cover, also
 * under races. Ending a hold (paid, released, expired) lowers `held` again; paying also posts the
 * spending journal, in the same transaction.
 */

export interface HoldRow {
  id: string; fund_id: string; custody_account_id: string; amount: bigint; reference: string; expires_at: Date | null; outcome: string | null;
}

/** The custody that pays a unit's spending: a county's spending account, else its province's (or HQ's) central account. */
export async function payingCustodyOf(tx: Queryable, unitId: string): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT p.id FROM org_unit u JOIN org_unit p ON p.id = ANY(u.path) AND p.kind = 'county' WHERE u.id = $1`, [unitId]);
  if (rows[0]) return ensureCustodyAccount(tx, rows[0].id, 'spending');
  return ensureCustodyAccount(tx, (await provinceOf(tx, unitId)).id, 'central');
}

/** A refusal of a hold by the balance rows: the CHECK on them, or (1 / 0) a row that does not exist. */
function holdRefused(err: unknown): boolean {
  return isOverdraft(err) || (err as DatabaseError)?.code === '22012';
}

/**
 * Changes `held` on the fund row and the paying custody row as the transaction's last statements
 * (deferSql, sent with COMMIT): these rows are a campaign's hottest (every gift to the fund updates
 * the fund row), so they are locked only for the commit, not while the rest of an approval or
 * payment is written and read back. A refusal then comes from the COMMIT batch as `refused()`.
 */
async function adjustHeld(tx: Queryable, fundId: string, custodyId: string, delta: bigint, refused: () => Error = () => new AppError('LEDGER_INSUFFICIENT_FUNDS')) {
  // fixed order (account id) like ledger_post, so holds and postings cannot deadlock each other
  const rows = [[fundId, fundId], [custodyId, fundId]].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  for (const [accountId, fund] of rows) {
    await deferSql(tx,
      `WITH u AS (UPDATE ledger_balance SET held = held + $3, updated_at = now() WHERE account_id = $1 AND fund_id = $2 RETURNING 1)
       SELECT 1 / count(*) FROM u`,
      [accountId, fund, delta.toString()], (err) => (holdRefused(err) ? refused() : null));
  }
}

/**
 * Reserves money for approved spending. The balance rows change when the transaction commits, so a
 * shortage found then (another approval took the money first) is reported as `refused()`.
 */
export async function placeHold(tx: Queryable, ctx: OpContext, input: { fundId: string; custodyAccountId: string; amount: bigint; reference: string; expiresAt?: Date | null },
  refused?: () => Error): Promise<string> {
  if (input.amount <= 0n) throw new AppError('FIELD_AMOUNT');
  await adjustHeld(tx, input.fundId, input.custodyAccountId, input.amount, refused);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO ledger_hold (fund_id, custody_account_id, amount, reference, expires_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.fundId, input.custodyAccountId, input.amount, input.reference, input.expiresAt ?? null, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
  return rows[0]!.id;
}

async function loadOpenHold(tx: Queryable, holdId: string): Promise<HoldRow> {
  const { rows } = await tx.query<HoldRow>(
    `SELECT h.*, e.outcome FROM ledger_hold h LEFT JOIN ledger_hold_end e ON e.hold_id = h.id WHERE h.id = $1`, [holdId]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  if (rows[0].outcome) throw new AppError('CONFLICT');
  return rows[0];
}

async function endHold(tx: Queryable, hold: HoldRow, outcome: 'released' | 'expired' | 'paid', journalId: bigint | null, reason: string | null) {
  try {
    await tx.query('INSERT INTO ledger_hold_end (hold_id, outcome, journal_id, reason) VALUES ($1, $2, $3, $4)', [hold.id, outcome, journalId, reason]);
  } catch (err) {
    if ((err as DatabaseError).code === '23505') throw new AppError('CONFLICT'); // ended concurrently
    throw err;
  }
}

/** Gives reserved money back to the fund's available balance (rejected, cancelled or expired). */
export async function releaseHold(tx: Queryable, _ctx: OpContext, holdId: string, outcome: 'released' | 'expired', reason: string | null = null): Promise<void> {
  const hold = await loadOpenHold(tx, holdId);
  await endHold(tx, hold, outcome, null, reason);
  await adjustHeld(tx, hold.fund_id, hold.custody_account_id, -hold.amount);
}

/** Pays a held amount: the spending journal (debit fund, credit custody) and the end of the hold, together. */
export async function payHold(tx: Queryable, ctx: OpContext, holdId: string, input: { unitId: string; documentNo: string; occurredAt?: Date; description: string }): Promise<bigint> {
  const hold = await loadOpenHold(tx, holdId);
  await adjustHeld(tx, hold.fund_id, hold.custody_account_id, -hold.amount);
  const journalId = await postJournalDeferred(tx, ctx, {
    kind: 'spending', unitId: input.unitId, occurredAt: input.occurredAt ?? new Date(), documentNo: input.documentNo, description: input.description,
    lines: [
      { accountId: hold.fund_id, fundId: hold.fund_id, amount: hold.amount },
      { accountId: hold.custody_account_id, fundId: hold.fund_id, amount: -hold.amount },
    ],
  });
  await endHold(tx, hold, 'paid', journalId, null);
  return journalId;
}
