import { fiscalPeriod, normalizeFa } from '@mosharekat/fa';
import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { ensureCustodyAccount, provinceOf } from '../ledger/accounts.ts';
import { resolveFund, type Intent } from '../ledger/funds.ts';
import { postJournal } from '../ledger/post-journal.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { selectContribution, toContributionDto } from './contribution-row.ts';
import { channelsNeedingRef, type Channel } from './contributions.schemas.ts';
import { formatReceiptNo, newReceiptCode, nextReceiptSerial } from './receipt-number.ts';
import { receivedAtFromJalali } from './received-at.ts';

export interface RecordCashContributionInput {
  unitId: string;
  donorId?: string | null | undefined;
  amountRials: bigint;
  fundKind: 'general' | 'specific';
  purposeCode?: string | undefined;
  targetGroupCode?: string | undefined;
  placeUnitId?: string | undefined;
  placeGeoId?: number | undefined;
  project?: string | undefined;
  channel: Channel;
  channelRef?: string | undefined;
  /** Jalali day, "1404/07/15" */
  receivedOn: string;
  notes?: string | undefined;
  batchId?: string | undefined;
}

/**
 * Records money given: debits the central participation account of the receiving unit's province
 * (HQ's for HQ) and credits the fund that the donor's intent names at the receiving unit; numbers
 * the receipt. A channel reference already recorded is refused, so a payment counts once.
 */
export async function recordCashContribution(tx: Queryable, ctx: OpContext, input: RecordCashContributionInput) {
  const unit = await loadOrgUnit(tx, ctx.actor, input.unitId, 'contributions.record');
  if (unit.status === 'retired') throw new AppError('CONTRIBUTION_UNIT_RETIRED', { field: 'unitId' });
  if (input.amountRials <= 0n) throw new AppError('FIELD_AMOUNT', { field: 'amountRials' });
  const channelRef = input.channelRef?.trim() || null;
  if (!channelRef && channelsNeedingRef.includes(input.channel)) throw new AppError('CONTRIBUTION_REFERENCE_REQUIRED', { field: 'channelRef' });
  if (input.fundKind === 'specific' && (!input.purposeCode || input.purposeCode === 'general')) throw new AppError('CONTRIBUTION_PURPOSE_REQUIRED', { field: 'purposeCode' });
  const receivedAt = receivedAtFromJalali(input.receivedOn);

  if (channelRef) {
    const dup = await tx.query<{ id: string }>('SELECT id FROM contribution WHERE channel = $1 AND channel_ref = $2', [input.channel, channelRef]);
    if (dup.rows[0]) throw new AppError('CONTRIBUTION_DUPLICATE_REFERENCE', { field: 'channelRef', details: { existingId: dup.rows[0].id } });
  }
  if (input.placeUnitId) await loadOrgUnit(tx, ctx.actor, input.placeUnitId, 'org.read');

  const intent: Intent = input.fundKind === 'general'
    ? { purposeCode: 'general' }
    : { purposeCode: input.purposeCode!, targetGroupCode: input.targetGroupCode, placeUnitId: input.placeUnitId, placeGeoId: input.placeGeoId, project: input.project };
  const fund = await resolveFund(tx, unit.id, intent);
  const province = await provinceOf(tx, unit.id);
  const central = await ensureCustodyAccount(tx, province.id, 'central');

  const journalId = await postJournal(tx, ctx, {
    kind: 'contribution', unitId: unit.id, occurredAt: receivedAt, description: `مشارکت نقدی — ${fund.name}`,
    lines: [
      { accountId: central, fundId: fund.id, amount: input.amountRials },
      { accountId: fund.id, fundId: fund.id, amount: -input.amountRials },
    ],
  });
  const { fiscalYear, fiscalMonth } = fiscalPeriod(receivedAt);
  const serial = await nextReceiptSerial(tx, province.id, fiscalYear);
  let id: string;
  try {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO contribution (unit_id, province_unit_id, donor_id, fund_id, amount_rials, channel, channel_ref, received_at, fiscal_year,
                                 journal_id, receipt_no, receipt_code, batch_id, notes, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [unit.id, province.id, input.donorId ?? null, fund.id, input.amountRials, input.channel, channelRef, receivedAt, fiscalYear, journalId,
        formatReceiptNo(fiscalYear, fiscalMonth, serial), newReceiptCode(), input.batchId ?? null, input.notes ? normalizeFa(input.notes) : null,
        ctx.actor.kind === 'staff' ? ctx.actor.userId : null],
    );
    id = rows[0]!.id;
  } catch (err) {
    // a concurrent request recorded the same reference first
    if ((err as DatabaseError).code === '23505' && (err as DatabaseError).constraint === 'contribution_channel_ref_key') {
      throw new AppError('CONTRIBUTION_DUPLICATE_REFERENCE', { field: 'channelRef' });
    }
    throw err;
  }
  await writeAudit(tx, ctx, {
    action: 'contribution.record', entityType: 'contribution', entityId: id, unitId: unit.id,
    summary: { amountRials: input.amountRials, fundId: fund.id, channel: input.channel, channelRef, donorId: input.donorId ?? null, journalId },
  });
  return toContributionDto((await selectContribution(tx, id))!);
}
