import type { Pool } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import type { OpContext } from '../access/actor.ts';
import type { ReceiptAllocator } from '../contributions/receipt-allocator.ts';
import type { GiftCommitter } from '../contributions/gift-committer.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { PaymentGateway } from './gateway.ts';
import { loadPayment } from './payment-row.ts';
import { settlePayment, type SettleResult } from './settle-payment.ts';

export interface GatewayCallback {
  paymentId: string;
  /** ?Authority= as received */
  authority: string | undefined;
  /** ?Status= as received */
  status: string | undefined;
}

/**
 * The gateway's browser callback. Its parameters are claims: an Authority that is not this
 * payment's is recorded as forged and changes nothing; otherwise the payment is settled by our own
 * verify (settle-payment.ts), whatever Status says. Null when no such payment exists.
 */
export async function handleGatewayCallback(pool: Pool, gateway: PaymentGateway, ctx: OpContext, cb: GatewayCallback, receipts?: ReceiptAllocator, gifts?: GiftCommitter): Promise<SettleResult | null> {
  const payment = await loadPayment(pool, cb.paymentId);
  if (!payment) return null;
  const status = cb.status === 'OK' ? 'OK' : cb.status === 'NOK' ? 'NOK' : null;
  if (cb.authority !== payment.authority) {
    await withTx(pool, (tx) => writeAudit(tx, { ...ctx, actor: { kind: 'system', name: 'gateway' } }, {
      action: 'payment.callback_forged', entityType: 'payment', entityId: payment.id, unitId: payment.unit_id,
      summary: { callbackStatus: status, authorityGiven: (cb.authority ?? '').slice(0, 64) },
    }));
    return { payment, credited: null };
  }
  return settlePayment(pool, gateway, payment.id, { source: 'callback', callbackStatus: status, ctx, receipts, gifts, loaded: payment });
}
