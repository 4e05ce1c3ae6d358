import { formatJalaliDate, parseMobile } from '@mosharekat/fa';
import type { Pool, Queryable } from '../../db/pool.ts';
import { deferUntilCommit, withTx } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { recordCashContribution } from '../contributions/record-cash-contribution.ts';
import type { ContributionDto } from '../contributions/contributions.schemas.ts';
import type { ReceiptAllocator } from '../contributions/receipt-allocator.ts';
import { encryptMobile, mobileHash } from '../donors/donor-pii.ts';
import { normalizeUssdCode, resolveDialledCode } from './ussd-codes.ts';

export interface UssdGiftInput {
  /** the aggregator's transaction id: the gift's identity, so a redelivery credits nothing */
  transactionId: string;
  amountRials: bigint;
  /** as dialled, e.g. '*733*9*7#' or '*733*9*7*500000#' */
  dialledCode: string;
  mobile?: string | null | undefined;
  paidAt?: Date | null | undefined;
}

export type UssdGiftResult =
  | { status: 'credited'; contribution: ContributionDto; mobile: string | null }
  | { status: 'duplicate'; contributionId: string };

/**
 * Records one USSD gift in the fund its code names (channel 'ussd', reference = the transaction
 * id). Deliveries of one transaction are serialised on an advisory lock and the second finds the
 * first; the contribution's unique (channel, reference) backs that up. The same id with another
 * amount or code is refused rather than guessed at.
 */
export async function recordUssdGift(pool: Pool, ctx: OpContext, input: UssdGiftInput, deps: { receipts?: ReceiptAllocator | undefined } = {}): Promise<UssdGiftResult> {
  const mobile = input.mobile ? parseMobile(input.mobile) : null;
  const mobileValue = mobile?.ok ? mobile.value : null; // a mobile we cannot read still leaves a gift to record
  const dialled = normalizeUssdCode(input.dialledCode) ?? input.dialledCode.trim().slice(0, 60);
  const result = await withTx(pool, async (tx): Promise<UssdGiftResult | { status: 'unknown_code' }> => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ussd:${input.transactionId}`]);
    const prior = await findTransaction(tx, input.transactionId);
    if (prior) {
      if (prior.amount_rials !== input.amountRials || prior.dialled_code !== dialled) throw new AppError('USSD_TRANSACTION_CONFLICT', { field: 'transactionId' });
      return { status: 'duplicate', contributionId: prior.contribution_id };
    }
    const code = await resolveDialledCode(tx, dialled);
    if (!code || !code.unit_id) return { status: 'unknown_code' };
    const contribution = await recordCashContribution(tx, ctx, {
      unitId: code.unit_id, donorId: null, amountRials: input.amountRials,
      fundKind: code.purpose_code === 'general' ? 'general' : 'specific', purposeCode: code.purpose_code === 'general' ? undefined : code.purpose_code,
      channel: 'ussd', channelRef: input.transactionId, receivedOn: formatJalaliDate(new Date(), { digits: 'latin' }),
      notes: `کد دستوری ${code.code}${code.campaign ? ` — پویش ${code.campaign}` : ''}`,
    }, { receipts: deps.receipts });
    // after the contribution's own row, which recordCashContribution writes just before commit;
    // the advisory lock above is held until then, so a redelivery still finds this row
    await deferUntilCommit(tx, async () => {
      await tx.query(
        `INSERT INTO ussd_transaction (transaction_id, dialled_code, ussd_code_id, amount_rials, mobile_hash, mobile_enc, contribution_id, paid_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [input.transactionId, dialled, code.id, input.amountRials, mobileValue ? mobileHash(mobileValue) : null,
          mobileValue ? encryptMobile(mobileValue) : null, contribution.id, input.paidAt ?? null],
      );
    });
    await writeAudit(tx, ctx, {
      action: 'ussd.credit', entityType: 'ussd_transaction', entityId: input.transactionId, unitId: code.unit_id,
      summary: { amountRials: input.amountRials, code: code.code, purposeCode: code.purpose_code, contributionId: contribution.id, receiptNo: contribution.receiptNo },
    });
    return { status: 'credited', contribution, mobile: mobileValue };
  });
  if (result.status === 'unknown_code') {
    await withTx(pool, (tx) => writeAudit(tx, ctx, {
      action: 'ussd.reject', entityType: 'ussd_transaction', entityId: input.transactionId,
      summary: { amountRials: input.amountRials, dialledCode: dialled, reason: 'unknown_code' },
    }));
    throw new AppError('USSD_CODE_UNKNOWN', { field: 'ussdCode' });
  }
  return result;
}

async function findTransaction(db: Queryable, transactionId: string) {
  const { rows } = await db.query<{ amount_rials: bigint; dialled_code: string; contribution_id: string }>(
    'SELECT amount_rials, dialled_code, contribution_id FROM ussd_transaction WHERE transaction_id = $1', [transactionId]);
  return rows[0] ?? null;
}

/** The USSD gifts made from a mobile (for the donor's "my gifts"), newest first. */
export async function ussdGiftsOfMobile(db: Queryable, mobileHashValue: Buffer, limit = 200): Promise<{ contributionId: string; receivedAt: Date }[]> {
  const { rows } = await db.query<{ contribution_id: string; received_at: Date }>(
    'SELECT contribution_id, received_at FROM ussd_transaction WHERE mobile_hash = $1 ORDER BY received_at DESC LIMIT $2', [mobileHashValue, limit]);
  return rows.map((r) => ({ contributionId: r.contribution_id, receivedAt: r.received_at }));
}
