import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import type { OpContext } from '../access/actor.ts';
import { releaseAllowance } from '../councils/allowances.ts';
import { releaseHold } from '../ledger/holds.ts';
import { spendingDetail } from './get-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { canCancel } from './spending-rules.ts';
import { loadSpendingRequest, refuse, requestState, type SpendingRow } from './spending-row.ts';

/** Gives back what an approved request reserved: the hold on fund and custody, and the authority's allowance. */
export async function releaseReservation(tx: Queryable, ctx: OpContext, r: SpendingRow, outcome: 'released' | 'expired', reason: string | null) {
  if (r.hold_id) await releaseHold(tx, ctx, r.hold_id, outcome, reason);
  if (r.allowance_reserved && r.allowance_id) await releaseAllowance(tx, r.allowance_id, r.amount_rials);
}

/** The requester withdraws a request that is not paid; an approved one releases its reservation. */
export async function cancelSpendingRequest(tx: Queryable, ctx: OpContext, input: { id: string; note?: string | undefined }) {
  const r = await loadSpendingRequest(tx, ctx.actor, input.id, 'spending.read', true);
  const d = canCancel(ctx.actor, requestState(r));
  if (!d.ok) refuse(d);
  const note = input.note ? normalizeFa(input.note) : null;
  if (r.status === 'approved') await releaseReservation(tx, ctx, r, 'released', note ?? 'cancelled');
  await tx.query(`UPDATE spending_request SET status = 'cancelled', allowance_reserved = false, closed_at = now(), updated_at = now() WHERE id = $1`, [r.id]);
  await recordSpendingEvent(tx, ctx, { requestId: r.id, unitId: r.unit_id, action: 'cancel', from: r.status, to: 'cancelled', note, details: { released: r.status === 'approved' } });
  return spendingDetail(tx, ctx.actor, await loadSpendingRequest(tx, ctx.actor, r.id));
}
