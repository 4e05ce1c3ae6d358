import type { FastifyInstance } from 'fastify';
import { gatewayOf } from '../payments/gateway-of.ts';
import { repairPayments, type RepairOptions } from '../payments/repair-payments.ts';
import { jobBaseUrl, notifyGatewayGift } from './notify-gift.ts';

/**
 * The periodic job of online giving (server.ts runs it every 30 s): re-verify pending payments
 * whose callback has not come (crediting them once, with their receipt SMS) and expire those still
 * unpaid after 30 minutes; then drop rate-limit events, codes and sessions nobody needs any more.
 */
export async function runOnlineGivingJobs(app: FastifyInstance, opts: Omit<RepairOptions, 'onCredited'> = {}) {
  const repaired = await repairPayments(app.pool, gatewayOf(app), {
    ...opts,
    receipts: app.receipts,
    onCredited: (r) => notifyGatewayGift(app, r.payment, r.credited!, jobBaseUrl(app)),
  });
  await app.pool.query(`DELETE FROM rate_event WHERE at < now() - interval '1 day'`);
  await app.pool.query(`DELETE FROM donor_otp WHERE expires_at < now() - interval '1 day'`);
  await app.pool.query(`DELETE FROM donor_session WHERE expires_at < now() - interval '1 day'`);
  return repaired;
}
