import { normalizeFa } from '@mosharekat/fa';
import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { consumeAllowance } from '../councils/allowances.ts';
import { placeHold } from '../ledger/holds.ts';
import { judgeSpendingRequest, spendingDetail } from './get-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { APPROVAL_VALID_DAYS, canApprove, chooseAuthority } from './spending-rules.ts';
import { loadSpendingRequest, refuse, requestState } from './spending-row.ts';

const DAY_MS = 86_400_000;

/**
 * Fills the approval slot the actor may fill (see spending-rules.ts). The last slot reserves the
 * money, in this transaction: first the authority's allowance (resolution or delegation ceiling),
 * then a hold on the fund and on the custody that will pay. Both are guarded by row locks and
 * CHECK constraints, so concurrent approvals can neither pass a ceiling nor overdraw a fund.
 */
export async function approveSpendingRequest(tx: Queryable, ctx: OpContext, input: { id: string; note?: string | undefined }) {
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const r = await loadSpendingRequest(tx, ctx.actor, input.id, 'spending.read', true);
  const now = new Date();
  const { money, req, rules } = await judgeSpendingRequest(tx, ctx.actor, r, now);
  const d = canApprove(ctx.actor, requestState(r), { now, rules });
  if (!d.ok) refuse(d);
  const note = input.note ? normalizeFa(input.note) : null;
  try {
    await tx.query('INSERT INTO spending_approval (request_id, slot, approved_by, note) VALUES ($1, $2, $3, $4)', [r.id, d.slot, ctx.actor.userId, note]);
  } catch (err) {
    const e = err as DatabaseError;
    if (e.constraint === 'spending_approval_distinct_people') throw new AppError('SPENDING_ALREADY_APPROVED_BY_YOU');
    if (e.constraint === 'spending_approval_not_requester') throw new AppError('SPENDING_REQUESTER_CANNOT_ACT');
    if (e.code === '23505') throw new AppError('CONFLICT');
    throw err;
  }
  const action = d.slot === 'confirmation' ? 'confirm' : 'approve';
  if (!d.final) {
    await recordSpendingEvent(tx, ctx, { requestId: r.id, unitId: r.unit_id, action, from: r.status, to: r.status, note, details: { slot: d.slot } });
    return spendingDetail(tx, ctx.actor, await loadSpendingRequest(tx, ctx.actor, r.id));
  }

  const authority = r.authority === 'specific' ? null : chooseAuthority(req, money.facts);
  if (r.authority !== 'specific' && !authority) {
    // canApprove checked the rules a moment ago under the row lock; kept for the type, and in case
    const rule = rules.find((x) => x.rule === 'general_authority');
    throw new AppError('SPENDING_NOT_AUTHORIZED', { params: { reasonFa: rule?.reasonFa ?? '', reasonEn: rule?.reasonEn ?? '' } });
  }
  if (authority) await consumeAllowance(tx, authority.allowanceId, r.amount_rials);
  const expiresAt = new Date(now.getTime() + APPROVAL_VALID_DAYS * DAY_MS);
  // the balance rows change at commit (placeHold): a shortage found then answers as this
  const holdId = await placeHold(tx, ctx, { fundId: r.fund_id, custodyAccountId: money.custodyId, amount: r.amount_rials, reference: `spending_request:${r.id}`, expiresAt },
    () => new AppError('SPENDING_INSUFFICIENT_FUNDS', { params: { reasonFa: 'مانده آزاد صندوق یا حساب پرداخت‌کننده برای این مبلغ کافی نیست.', reasonEn: 'the fund or the paying account has not enough money free.' } }));
  await tx.query(
    `UPDATE spending_request SET status = 'approved', hold_id = $2, approved_at = now(), approval_expires_at = $3, allowance_id = $4, allowance_reserved = $5,
            resolution_id = coalesce($6, resolution_id), delegation_id = coalesce($7, delegation_id), updated_at = now()
      WHERE id = $1`,
    [r.id, holdId, expiresAt, authority?.allowanceId ?? null, authority !== null,
      authority?.kind === 'resolution' ? authority.id : null, authority?.kind === 'delegation' ? authority.id : null]);
  await recordSpendingEvent(tx, ctx, {
    requestId: r.id, unitId: r.unit_id, action, from: r.status, to: 'approved', note,
    details: { slot: d.slot, holdId, amountRials: r.amount_rials, allowanceId: authority?.allowanceId ?? null, expiresAt: expiresAt.toISOString() },
  });
  return spendingDetail(tx, ctx.actor, await loadSpendingRequest(tx, ctx.actor, r.id));
}
