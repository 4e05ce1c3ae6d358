import type { Pool } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import { systemContext } from '../access/actor.ts';
import { releaseReservation } from './cancel-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { loadSpendingRequest } from './spending-row.ts';

/**
 * Approved requests left unpaid past their approval's expiry give their reservation back (hold
 * and allowance) and become `expired`. Runs periodically on every node: each request is taken
 * with SKIP LOCKED in its own transaction, so nodes share the work and a request being paid
 * right now is left alone.
 */
export async function expireSpendingApprovals(pool: Pool, now: Date = new Date(), limit = 200): Promise<number> {
  const ctx = systemContext('spending-expiry');
  let done = 0;
  for (let i = 0; i < limit; i++) {
    const expired = await withTx(pool, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `SELECT id FROM spending_request WHERE status = 'approved' AND approval_expires_at <= $1 ORDER BY approval_expires_at LIMIT 1 FOR UPDATE SKIP LOCKED`, [now]);
      if (!rows[0]) return false;
      const r = await loadSpendingRequest(tx, ctx.actor, rows[0].id);
      await releaseReservation(tx, ctx, r, 'expired', 'approval expired');
      await tx.query(`UPDATE spending_request SET status = 'expired', allowance_reserved = false, closed_at = now(), updated_at = now() WHERE id = $1`, [r.id]);
      await recordSpendingEvent(tx, ctx, { requestId: r.id, unitId: r.unit_id, action: 'expire', from: 'approved', to: 'expired', details: { approvalExpiresAt: r.approval_expires_at?.toISOString() } });
      return true;
    });
    if (!expired) break;
    done++;
  }
  return done;
}
