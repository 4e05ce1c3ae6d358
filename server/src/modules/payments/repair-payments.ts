import type { Pool } from '../../db/pool.ts';
import { systemContext } from '../access/actor.ts';
import type { ReceiptAllocator } from '../contributions/receipt-allocator.ts';
import type { PaymentGateway } from './gateway.ts';
import { settlePayment, type SettleResult } from './settle-payment.ts';

export const paymentTimeouts = {
  /** a payment the gateway still calls unpaid this long after it started is expired */
  expireAfterMinutes: 30,
  /** the repair job leaves younger payments to their callback */
  repairAfterSeconds: 60,
} as const;

export interface RepairOptions {
  now?: Date;
  minAgeSeconds?: number;
  limit?: number;
  receipts?: ReceiptAllocator | undefined;
  /** called after each payment this run credited (sends the donor's receipt SMS) */
  onCredited?: (result: SettleResult) => Promise<void>;
}

/**
 * The safety net for callbacks that never came (the donor closed the tab, the network dropped) and
 * for crashes between the gateway's verify and our commit: re-verifies pending payments; code 101
 * ("verified before") credits them as 100 would, once. Pending payments the gateway still calls
 * unpaid after 30 minutes expire. Safe to run on several nodes at once: settling is idempotent.
 */
export async function repairPayments(pool: Pool, gateway: PaymentGateway, opts: RepairOptions = {}) {
  const now = opts.now ?? new Date();
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM payment WHERE status = 'pending' AND created_at < $1::timestamptz - make_interval(secs => $2) ORDER BY created_at LIMIT $3`,
    [now, opts.minAgeSeconds ?? paymentTimeouts.repairAfterSeconds, opts.limit ?? 200],
  );
  const expireBefore = new Date(now.getTime() - paymentTimeouts.expireAfterMinutes * 60_000);
  const out = { checked: 0, credited: 0, expired: 0 };
  for (const { id } of rows) {
    const result = await settlePayment(pool, gateway, id, { source: 'repair', expireBefore, ctx: systemContext('payment-repair'), receipts: opts.receipts });
    out.checked++;
    if (result.credited) {
      out.credited++;
      await opts.onCredited?.(result);
    }
    if (result.payment.status === 'expired') out.expired++;
  }
  return out;
}
