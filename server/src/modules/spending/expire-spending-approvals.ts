import type { Pool } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import { systemContext } from '../access/actor.ts';
import { releaseReservation } from './cancel-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { loadSpendingRequest } from './spending-row.ts';

/**
 * Approved requests left unpaid past their approval's expiry give their reservation back (hold
 * and allowance) and become `expired`. Runs periodically on every node: each request is taken
 * with SKIP LOCKED in its own transaction, so nodes share the work, a request being paid right
 * now is left alone, and one request that fails does not stop the others.
 */
export async function expireSpendingApprovals(pool: Pool, now: Date = new Date(), limit = 500): Promise<number> {
  const ctx = systemContext('spending-expiry');
  const { rows: due } = await pool.query<{ id: string }>(
    `SELECT id FROM spending_request WHERE status = 'approved' AND approval_expires_at <= $1 ORDER BY approval_expires_at LIMIT $2`, [now, limit]);
  let expired = 0;
  const failures: unknown[] = [];
  for (const { id } of due) {
    try {
      const done = await withTx(pool, async (tx) => {
        const { rows } = await tx.query(`SELECT 1 FROM spending_request WHERE id = $1 AND status = 'approved' AND approval_expires_at <= $2 FOR UPDATE SKIP LOCKED`, [id, now]);
        if (!rows.length) return false; // paid, cancelled or taken by another node meanwhile
        const r = await loadSpendingRequest(tx, ctx.actor, id);
        await releaseReservation(tx, ctx, r, 'expired', 'approval expired');
        await tx.query(`UPDATE spending_request SET status = 'expired', allowance_reserved = false, closed_at = now(), updated_at = now() WHERE id = $1`, [id]);
        await recordSpendingEvent(tx, ctx, { requestId: id, unitId: r.unit_id, action: 'expire', from: 'approved', to: 'expired', details: { approvalExpiresAt: r.approval_expires_at?.toISOString() } });
        return true;
      });
      if (done) expired++;
    } catch (err) {
      failures.push(err);
    }
  }
  if (failures.length) throw new AggregateError(failures, `${failures.length} spending approvals could not be expired (${expired} were)`);
  return expired;
}
