import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';

/*
 * The ceilings of resolutions and delegations, under races.
 *
 * Every approval that spends under a resolution chain (or a delegate's share of it) adds its
 * amount to the one council_allowance row of that chain (and delegate); cancelling or expiring
 * an approval takes it off again. The row is locked FOR UPDATE before it is read, and its CHECK
 * (used_rials <= ceiling_rials) is the last word.
 *
 * Why not "read the approved total, compare, insert": two approvals that each read 9,000,000 used
 * of a 10,000,000 ceiling both see room for 1,000,000 and both commit. REPEATABLE READ does not
 * help: each transaction writes different rows (its own request and approval), so PostgreSQL sees
 * no write conflict — the anomaly is write skew, which only SERIALIZABLE detects (by aborting one).
 * Here both write the same row: the second UPDATE (or FOR UPDATE) waits for the first to commit,
 * then works on the committed value under READ COMMITTED, so approvals queue on the row and their
 * sum can never pass the ceiling. The lock order is always allowance row → ledger balance rows
 * (placeHold), so approvals do not deadlock one another.
 */

function isCeilingViolation(err: unknown): boolean {
  const e = err as DatabaseError;
  return e?.code === '23514' && e.constraint === 'council_allowance_within_ceiling';
}

/** Takes `amount` from an allowance, or RESOLUTION_CEILING_EXCEEDED with what remains. */
export async function consumeAllowance(tx: Queryable, allowanceId: string, amount: bigint): Promise<void> {
  const { rows } = await tx.query<{ ceiling_rials: bigint; used_rials: bigint }>('SELECT ceiling_rials, used_rials FROM council_allowance WHERE id = $1 FOR UPDATE', [allowanceId]);
  const a = rows[0];
  if (!a) throw new AppError('RESOLUTION_NOT_FOUND');
  const remaining = a.ceiling_rials - a.used_rials;
  if (amount > remaining) throw new AppError('RESOLUTION_CEILING_EXCEEDED', { params: { remainingRials: remaining }, details: { remainingRials: remaining.toString() } });
  try {
    await tx.query('UPDATE council_allowance SET used_rials = used_rials + $2, updated_at = now() WHERE id = $1', [allowanceId, amount]);
  } catch (err) {
    if (isCeilingViolation(err)) throw new AppError('RESOLUTION_CEILING_EXCEEDED', { params: { remainingRials: remaining } });
    throw err;
  }
}

/** Gives `amount` back to an allowance (an approval cancelled or expired before payment). */
export async function releaseAllowance(tx: Queryable, allowanceId: string, amount: bigint): Promise<void> {
  await tx.query('UPDATE council_allowance SET used_rials = used_rials - $2, updated_at = now() WHERE id = $1', [allowanceId, amount]);
}

/**
 * Sets the ceiling of a chain's allowance (delegate null) or of a delegate's, creating the row on
 * first use; an amendment may not lower it below what is already used.
 */
export async function setAllowanceCeiling(tx: Queryable, chainId: string, delegateUserId: string | null, ceiling: bigint, field: string): Promise<void> {
  const { rows } = await tx.query<{ used_rials: bigint }>(
    'SELECT used_rials FROM council_allowance WHERE chain_id = $1 AND delegate_user_id IS NOT DISTINCT FROM $2 FOR UPDATE', [chainId, delegateUserId]);
  const used = rows[0]?.used_rials ?? 0n;
  if (used > ceiling) throw new AppError('RESOLUTION_CEILING_BELOW_USED', { field, params: { usedRials: used } });
  await tx.query(
    `INSERT INTO council_allowance (chain_id, delegate_user_id, ceiling_rials) VALUES ($1, $2, $3)
     ON CONFLICT ON CONSTRAINT council_allowance_one_per_holder DO UPDATE SET ceiling_rials = EXCLUDED.ceiling_rials, updated_at = now()`,
    [chainId, delegateUserId, ceiling]);
}
