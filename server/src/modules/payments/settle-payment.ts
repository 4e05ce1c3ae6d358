import { formatJalaliDate } from '@mosharekat/fa';
import type { Pool } from '../../db/pool.ts';
import { deferUntilCommit, withTx } from '../../db/pool.ts';
import { AppError, isAppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { recordCashContribution, type RecordCashContributionInput } from '../contributions/record-cash-contribution.ts';
import type { GiftCommitter } from '../contributions/gift-committer.ts';
import type { ContributionDto } from '../contributions/contributions.schemas.ts';
import type { ReceiptAllocator } from '../contributions/receipt-allocator.ts';
import type { PaymentGateway, VerifyOutcome } from './gateway.ts';
import { loadPayment, type PaymentRow } from './payment-row.ts';

export interface SettleOptions {
  /** who asks: the donor's browser coming back, or the repair job */
  source: 'callback' | 'repair';
  /** the callback's Status (a claim, never trusted: only our verify decides) */
  callbackStatus?: 'OK' | 'NOK' | null;
  /** repair: a payment still unpaid at the gateway after this instant expires */
  expireBefore?: Date;
  /** request id and address for the audit rows */
  ctx: OpContext;
  /** the app's receipt-serial allocator (contributions/receipt-allocator.ts), when there is one */
  receipts?: ReceiptAllocator | undefined;
  /** the app's group committer: a paid payment is credited together with the gifts of the moment */
  gifts?: GiftCommitter | undefined;
  /** the payment as the caller has just read it (saves reading it again) */
  loaded?: PaymentRow | undefined;
}

export interface SettleResult {
  payment: PaymentRow;
  /** the contribution this call recorded (null if it recorded none: already settled, not paid, no answer) */
  credited: ContributionDto | null;
}

/**
 * Settles a pending payment by asking the gateway, server to server, whether it was paid for the
 * amount WE stored. The verify call happens outside any transaction (a slow gateway holds no lock);
 * the result is then applied under the payment row's lock, so of any number of concurrent callers
 * exactly one moves a payment out of pending and records its contribution; the others find it
 * settled. The contribution's unique (channel 'gateway', channel_ref = authority) would refuse a
 * second credit even if that lock were bypassed.
 *
 * A payment already failed or expired is not verified again (so its money is never captured: the
 * PSP returns unverified payments to the payer); should a verify that started while it was pending
 * still come back paid, the money is recorded, because it has been taken.
 */
export async function settlePayment(pool: Pool, gateway: PaymentGateway, paymentId: string, opts: SettleOptions): Promise<SettleResult> {
  const before = opts.loaded ?? await loadPayment(pool, paymentId);
  if (!before) throw new AppError('PAYMENT_NOT_FOUND');
  if (before.status !== 'pending') {
    if (opts.source === 'callback') {
      await withTx(pool, (tx) => writeAudit(tx, gatewayCtx(opts.ctx), {
        action: before.status === 'verified' ? 'payment.callback_repeat' : 'payment.callback_late', entityType: 'payment', entityId: before.id,
        unitId: before.unit_id, summary: { status: before.status, callbackStatus: opts.callbackStatus ?? null },
      }));
    }
    return { payment: before, credited: null };
  }
  const outcome = await gateway.verify({ authority: before.authority, amountRials: before.amount_rials }).catch((): VerifyOutcome => ({ kind: 'unknown', code: null }));
  if (outcome.kind === 'paid' && opts.gifts) {
    const ctx = gatewayCtx(opts.ctx);
    const credited = await opts.gifts.creditPayment(ctx, paymentGift(before), {
      paymentId: before.id, refId: outcome.refId, cardPan: outcome.cardPan, code: outcome.code,
      summary: { authority: before.authority, amountRials: before.amount_rials.toString(), source: opts.source, code: outcome.code, refId: outcome.refId, wasStatus: before.status },
    }, () => applyOutcome(pool, paymentId, outcome, opts));
    // credited here: the row is what this statement made it; otherwise someone else settled it
    const payment = credited
      ? { ...before, status: 'verified' as const, ref_id: outcome.refId, card_pan: outcome.cardPan, contribution_id: credited.id, last_code: outcome.code, checks: before.checks + 1, last_checked_at: new Date(), closed_at: new Date() }
      : (await loadPayment(pool, paymentId))!;
    return { payment, credited };
  }
  const credited = await applyOutcome(pool, paymentId, outcome, opts);
  return { payment: (await loadPayment(pool, paymentId))!, credited };
}

/** What the verify said, applied under the payment row's lock: the one-at-a-time path. */
async function applyOutcome(pool: Pool, paymentId: string, outcome: VerifyOutcome, opts: SettleOptions): Promise<ContributionDto | null> {
  return withTx(pool, async (tx) => {
    const p = (await loadPayment(tx, paymentId, true))!;
    if (p.status === 'verified') return null;
    const ctx = gatewayCtx(opts.ctx);
    const audit = (action: string, summary: Record<string, unknown>) =>
      writeAudit(tx, ctx, { action, entityType: 'payment', entityId: p.id, unitId: p.unit_id, summary: { authority: p.authority, amountRials: p.amount_rials, source: opts.source, ...summary } });

    if (outcome.kind === 'paid') {
      const contribution = await creditOnce(tx, p, ctx, opts.receipts);
      // after the contribution's own row, which recordCashContribution writes just before commit
      await deferUntilCommit(tx, async () => {
        await tx.query(
          `UPDATE payment SET status = 'verified', ref_id = $2, card_pan = $3, contribution_id = $4, last_code = $5, checks = checks + 1,
                  last_checked_at = now(), closed_at = now() WHERE id = $1`,
          [p.id, outcome.refId, outcome.cardPan, contribution.id, outcome.code],
        );
      });
      await audit('payment.verified', { code: outcome.code, refId: outcome.refId, contributionId: contribution.id, receiptNo: contribution.receiptNo, wasStatus: p.status });
      return contribution;
    }
    if (p.status !== 'pending') return null; // closed meanwhile by another caller
    await tx.query('UPDATE payment SET last_code = $2, checks = checks + 1, last_checked_at = now() WHERE id = $1', [p.id, outcome.code]);
    const definitive = outcome.kind === 'not_paid';
    if (definitive && opts.source === 'callback' && opts.callbackStatus === 'NOK') {
      await tx.query(`UPDATE payment SET status = 'failed', closed_at = now() WHERE id = $1`, [p.id]);
      await audit('payment.failed', { code: outcome.code });
    } else if (definitive && opts.expireBefore && p.created_at < opts.expireBefore) {
      await tx.query(`UPDATE payment SET status = 'expired', closed_at = now() WHERE id = $1`, [p.id]);
      await audit('payment.expired', { code: outcome.code });
    } else if (opts.source === 'callback') {
      // "OK" that the gateway does not confirm (forged, replayed with another amount, or premature): nothing moves
      await audit('payment.callback_unverified', { code: outcome.code, callbackStatus: opts.callbackStatus ?? null, outcome: outcome.kind });
    }
    return null;
  });
}

function gatewayCtx(ctx: OpContext): OpContext {
  return { actor: { kind: 'system', name: 'gateway' }, requestId: ctx.requestId, ip: ctx.ip };
}

/** The gift a paid payment is: the unit's fund for the purpose, channel 'gateway', reference = the authority. */
function paymentGift(p: PaymentRow): RecordCashContributionInput {
  return {
    unitId: p.unit_id, donorId: null, amountRials: p.amount_rials,
    fundKind: p.purpose_code === 'general' ? 'general' : 'specific', purposeCode: p.purpose_code === 'general' ? undefined : p.purpose_code,
    channel: 'gateway', channelRef: p.authority, receivedOn: formatJalaliDate(new Date(), { digits: 'latin' }),
    notes: `پرداخت اینترنتی (${p.gateway})`,
  };
}

/** Records the gift of a paid payment, in the caller's transaction. */
async function creditOnce(tx: Parameters<typeof recordCashContribution>[0], p: PaymentRow, ctx: OpContext, receipts: ReceiptAllocator | undefined): Promise<ContributionDto> {
  try {
    return await recordCashContribution(tx, ctx, paymentGift(p), { receipts });
  } catch (err) {
    // Cannot happen while the payment row is locked and still unverified; if it ever does, the
    // unique reference has done its job and this transaction must not pretend otherwise.
    if (isAppError(err) && err.code === 'CONTRIBUTION_DUPLICATE_REFERENCE') throw new Error(`payment ${p.id}: authority already credited`, { cause: err });
    throw err;
  }
}
