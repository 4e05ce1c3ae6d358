import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { judgeSpendingRequest, spendingDetail } from './get-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { canOrder, chooseAuthority } from './spending-rules.ts';
import { loadSpendingRequest, refuse, requestState } from './spending-row.ts';

/** The delegate orders a delegation-route request (seed §5: «با دستور این افراد … و تأیید حوزه مشارکت»). */
export async function orderSpendingRequest(tx: Queryable, ctx: OpContext, input: { id: string; note?: string | undefined }) {
  const r = await loadSpendingRequest(tx, ctx.actor, input.id, 'spending.read', true);
  const now = new Date();
  const { money, req, rules } = await judgeSpendingRequest(tx, ctx.actor, r, now);
  const d = canOrder(ctx.actor, requestState(r), { now, rules });
  if (!d.ok) refuse(d);
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  // the delegation in force on the chain it was submitted under (an amendment may have restated it)
  const live = chooseAuthority(req, money.facts)!;
  await tx.query(`UPDATE spending_request SET status = 'ordered', ordered_by = $2, ordered_at = now(), delegation_id = $3, allowance_id = $4, updated_at = now() WHERE id = $1`,
    [r.id, ctx.actor.userId, live.id, live.allowanceId]);
  await recordSpendingEvent(tx, ctx, { requestId: r.id, unitId: r.unit_id, action: 'order', from: r.status, to: 'ordered', note: input.note ? normalizeFa(input.note) : null, details: { delegationId: live.id } });
  return spendingDetail(tx, ctx.actor, await loadSpendingRequest(tx, ctx.actor, r.id));
}
