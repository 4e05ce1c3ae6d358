import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import type { OpContext } from '../access/actor.ts';
import { judgeSpendingRequest, spendingDetail } from './get-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { canSubmit, chooseAuthority } from './spending-rules.ts';
import { loadSpendingRequest, refuse, requestState } from './spending-row.ts';

export interface SubmitSpendingInput {
  id: string;
  /** name the authority to spend under (else a resolution is preferred to a delegation) */
  resolutionId?: string | undefined;
  delegationId?: string | undefined;
  note?: string | undefined;
}

/**
 * The requester sends the request on. Its rules must hold: the donors' intent for specific money,
 * a live resolution or delegation of the governing council for general money (the authority is
 * fixed on the request here: a delegation route next needs the delegate's order).
 */
export async function submitSpendingRequest(tx: Queryable, ctx: OpContext, input: SubmitSpendingInput) {
  const r = await loadSpendingRequest(tx, ctx.actor, input.id, 'spending.read', true);
  const now = new Date();
  const preferred = { resolutionId: input.resolutionId, delegationId: input.delegationId };
  const { money, req, rules } = await judgeSpendingRequest(tx, ctx.actor, r, now, preferred);
  const d = canSubmit(ctx.actor, requestState(r), { now, rules });
  if (!d.ok) refuse(d);
  const chosen = money.fund.kind === 'general' ? chooseAuthority(req, money.facts, preferred)! : null;
  const authority = chosen?.kind ?? 'specific';
  await tx.query(
    `UPDATE spending_request SET status = 'submitted', authority = $2, resolution_id = $3, delegation_id = $4, allowance_id = $5, submitted_at = now(), updated_at = now()
      WHERE id = $1`,
    [r.id, authority, chosen?.kind === 'resolution' ? chosen.id : null, chosen?.kind === 'delegation' ? chosen.id : null, chosen?.allowanceId ?? null]);
  await recordSpendingEvent(tx, ctx, {
    requestId: r.id, unitId: r.unit_id, action: 'submit', from: r.status, to: 'submitted', note: input.note ? normalizeFa(input.note) : null,
    details: { authority, resolutionNumber: chosen?.number ?? null, delegate: chosen?.delegateName ?? null },
  });
  return spendingDetail(tx, ctx.actor, await loadSpendingRequest(tx, ctx.actor, r.id));
}
