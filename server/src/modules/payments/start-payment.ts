import crypto from 'node:crypto';
import { formatToman, normalizeFa } from '@mosharekat/fa';
import type { Pool } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import { encryptText } from '../../lib/crypto-keys.ts';
import { AppError, isAppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { encryptMobile, mobileHash } from '../donors/donor-pii.ts';
import { listCatalogues } from '../ledger/catalogues.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import type { PaymentGateway } from './gateway.ts';
import { piiPurpose } from './payment-row.ts';

/** Smallest and largest online gift: below 1,000 toman a gift costs more than it brings; the top is the PSP's cap. */
export const giftLimits = { minRials: 10_000n, maxRials: 5_000_000_000n } as const;

export interface StartPaymentInput {
  amountRials: bigint;
  /** a purpose code from the catalogue; 'general' for money the council decides on */
  purposeCode: string;
  /** an active province or county */
  unitId: string;
  /** normalised already (parseMobile, parseNationalCode); all optional: a gift may be anonymous */
  donorName?: string | null | undefined;
  mobile?: string | null | undefined;
  nationalCode?: string | null | undefined;
  /** scheme://host the donor's browser reaches us at; the callback URL carries only the payment id */
  baseUrl: string;
}

const toman = (rials: bigint) => formatToman(rials, { digits: 'latin', unit: false });

/**
 * Opens a payment: asks the gateway for an authority for OUR amount and stores the payment as
 * pending. Nothing is credited here; only a successful server-to-server verify does that
 * (settle-payment.ts).
 */
export async function startPayment(pool: Pool, gateway: PaymentGateway, ctx: OpContext, input: StartPaymentInput): Promise<{ paymentId: string; redirectUrl: string }> {
  if (input.amountRials < giftLimits.minRials) throw new AppError('PAYMENT_AMOUNT_TOO_SMALL', { field: 'amountRials', params: { min: toman(giftLimits.minRials) } });
  if (input.amountRials > giftLimits.maxRials) throw new AppError('PAYMENT_AMOUNT_TOO_LARGE', { field: 'amountRials', params: { max: toman(giftLimits.maxRials) } });
  const { purposes } = await listCatalogues(pool);
  const purpose = purposes.find((p) => p.code === input.purposeCode);
  if (!purpose) throw new AppError('PAYMENT_PURPOSE_INVALID', { field: 'purposeCode' });
  let unit;
  try {
    unit = await loadOrgUnit(pool, ctx.actor, input.unitId, 'org.read');
  } catch (err) {
    if (isAppError(err) && err.code === 'ORG_UNIT_NOT_FOUND') throw new AppError('PAYMENT_UNIT_INVALID', { field: 'unitId' });
    throw err;
  }
  if (unit.status !== 'active' || (unit.kind !== 'province' && unit.kind !== 'county')) throw new AppError('PAYMENT_UNIT_INVALID', { field: 'unitId' });

  const paymentId = crypto.randomUUID();
  const start = await gateway.request({
    paymentId, amountRials: input.amountRials, mobile: input.mobile ?? null,
    callbackUrl: `${input.baseUrl}/api/portal/payments/${paymentId}/callback`,
    description: `مشارکت مردمی — ${purpose.labelFa} — ${unit.name}`,
  });
  const name = input.donorName ? normalizeFa(input.donorName) : null;
  await withTx(pool, async (tx) => {
    await tx.query(
      `INSERT INTO payment (id, gateway, authority, amount_rials, purpose_code, unit_id, donor_name_enc, mobile_hash, mobile_enc, national_code_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [paymentId, gateway.name, start.authority, input.amountRials, purpose.code, unit.id,
        name ? encryptText(name, piiPurpose.name) : null,
        input.mobile ? mobileHash(input.mobile) : null, input.mobile ? encryptMobile(input.mobile) : null,
        input.nationalCode ? encryptText(input.nationalCode, piiPurpose.nationalCode) : null],
    );
    await writeAudit(tx, ctx, {
      action: 'payment.start', entityType: 'payment', entityId: paymentId, unitId: unit.id,
      summary: { amountRials: input.amountRials, purposeCode: purpose.code, gateway: gateway.name, authority: start.authority, identified: Boolean(name || input.mobile || input.nationalCode) },
    });
  });
  return { paymentId, redirectUrl: start.redirectUrl };
}
