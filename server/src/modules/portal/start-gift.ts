import { parseMobile, parseNationalCode } from '@mosharekat/fa';
import type { Pool } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import type { PaymentGateway } from '../payments/gateway.ts';
import { startPayment } from '../payments/start-payment.ts';
import { hitRateLimits, rateRules } from './rate-limit.ts';

export interface StartGiftInput {
  amountRials: bigint;
  purposeCode: string;
  unitId: string;
  /** no name or national code is kept; a mobile, if given, still receives the receipt */
  anonymous: boolean;
  donorName?: string | undefined;
  mobile?: string | undefined;
  nationalCode?: string | undefined;
  baseUrl: string;
}

/**
 * A donor starts a gift from the portal: the details are checked and normalised, the address and
 * mobile are held to their limits, and the payment is opened at the gateway. Returns where to send
 * the browser. The URL carries only the gateway's authority; the mobile and national code travel in
 * request bodies and are stored encrypted.
 */
export async function startGift(pool: Pool, gateway: PaymentGateway, ctx: OpContext, input: StartGiftInput) {
  let mobile: string | null = null;
  if (input.mobile?.trim()) {
    const m = parseMobile(input.mobile);
    if (!m.ok) throw new AppError('PORTAL_MOBILE_INVALID', { field: 'mobile' });
    mobile = m.value;
  }
  let nationalCode: string | null = null;
  if (!input.anonymous && input.nationalCode?.trim()) {
    const n = parseNationalCode(input.nationalCode);
    if (!n.ok) throw new AppError('PORTAL_NATIONAL_CODE_INVALID', { field: 'nationalCode' });
    nationalCode = n.value;
  }
  await hitRateLimits(pool, 'PORTAL_PAYMENTS_RATE_LIMITED', [
    { rule: rateRules.paymentPerIp, key: ctx.ip },
    { rule: rateRules.paymentPerMobile, key: mobile },
  ]);
  return startPayment(pool, gateway, ctx, {
    amountRials: input.amountRials, purposeCode: input.purposeCode, unitId: input.unitId,
    donorName: input.anonymous ? null : input.donorName?.trim() || null, mobile, nationalCode, baseUrl: input.baseUrl,
  });
}
