import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import type { OpContext } from '../access/actor.ts';
import { spendingDetail } from './get-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { canReject } from './spending-rules.ts';
import { loadSpendingRequest, refuse, requestState } from './spending-row.ts';

/** An approver (or the delegate, before ordering) turns a request down, with the reason. Nothing was reserved yet. */
export async function rejectSpendingRequest(tx: Queryable, ctx: OpContext, input: { id: string; note: string }) {
  const r = await loadSpendingRequest(tx, ctx.actor, input.id, 'spending.read', true);
  const d = canReject(ctx.actor, requestState(r));
  if (!d.ok) refuse(d);
  await tx.query(`UPDATE spending_request SET status = 'rejected', closed_at = now(), updated_at = now() WHERE id = $1`, [r.id]);
  await recordSpendingEvent(tx, ctx, { requestId: r.id, unitId: r.unit_id, action: 'reject', from: r.status, to: 'rejected', note: normalizeFa(input.note) });
  return spendingDetail(tx, ctx.actor, await loadSpendingRequest(tx, ctx.actor, r.id));
}
