import crypto from 'node:crypto';
import { fiscalPeriod, formatJalaliDate, normalizeFa, toLatinDigits } from '@mosharekat/fa';
import type { DatabaseError } from 'pg';
import { deferSql, type Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { Intent } from '../ledger/funds.ts';
import { postingTargets } from '../ledger/posting-targets.ts';
import { postJournalDeferred } from '../ledger/post-journal.ts';
import { holdsAt } from '../access/scope.ts';
import { loadDonor } from '../donors/donor-scope.ts';
import { linkDonorToUnit } from '../donors/link-donor-to-unit.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { orgUnitColumns, type OrgUnitRow } from '../org/org-unit-row.ts';
import { channelsNeedingRef, type Channel, type ContributionDto } from './contributions.schemas.ts';
import type { ReceiptAllocator } from './receipt-allocator.ts';
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
export interface RecordDeps {
  /** hands out receipt serials without locking the province's counter in this transaction */
  receipts?: ReceiptAllocator | undefined;
}

export async function recordCashContribution(tx: Queryable, ctx: OpContext, input: RecordCashContributionInput, deps: RecordDeps = {}): Promise<ContributionDto> {
  // one round trip for what a gift needs to know: the unit (and scope), a repeated reference, and
  // the accounts it posts to
  // a reference typed with Persian digits is the same payment as one with Latin digits
  const channelRef = input.channelRef ? toLatinDigits(input.channelRef).trim() || null : null;
  const intent: Intent = input.fundKind === 'general'
    ? { purposeCode: 'general' }
    : { purposeCode: input.purposeCode ?? '', targetGroupCode: input.targetGroupCode, placeUnitId: input.placeUnitId, placeGeoId: input.placeGeoId, project: input.project };
  const { rows: found } = await tx.query<OrgUnitRow & { dup_id: string | null }>(
    `SELECT ${orgUnitColumns}, (SELECT c.id FROM contribution c WHERE c.channel = $2 AND c.channel_ref = $3) AS dup_id FROM org_unit u WHERE u.id = $1`,
    [input.unitId, input.channel, channelRef]);
  const unit = found[0];
  if (!unit || !holdsAt(ctx.actor, 'org.read', unit.path)) throw new AppError('ORG_UNIT_NOT_FOUND');
  if (!holdsAt(ctx.actor, 'contributions.record', unit.path)) throw new AppError('FORBIDDEN');
  if (unit.status === 'retired') throw new AppError('CONTRIBUTION_UNIT_RETIRED', { field: 'unitId' });
  if (input.amountRials <= 0n) throw new AppError('FIELD_AMOUNT', { field: 'amountRials' });
  if (!channelRef && channelsNeedingRef.includes(input.channel)) throw new AppError('CONTRIBUTION_REFERENCE_REQUIRED', { field: 'channelRef' });
  if (input.fundKind === 'specific' && (!input.purposeCode || input.purposeCode === 'general')) throw new AppError('CONTRIBUTION_PURPOSE_REQUIRED', { field: 'purposeCode' });
  const receivedAt = receivedAtFromJalali(input.receivedOn);

  if (unit.dup_id) throw new AppError('CONTRIBUTION_DUPLICATE_REFERENCE', { field: 'channelRef', details: { existingId: unit.dup_id } });
  if (input.placeUnitId) await loadOrgUnit(tx, ctx.actor, input.placeUnitId, 'org.read');
  // a named donor must be one the recorder may see; giving here makes the donor visible to this unit
  let donorId: string | null = null;
  let donorName: string | null = null;
  if (input.donorId) {
    const donor = await loadDonor(tx, ctx.actor, input.donorId, 'donors.read');
    donorId = await linkDonorToUnit(tx, donor.id, unit.id);
    donorName = donor.display_name;
  }

  const { provinceId, centralAccountId, fund } = await postingTargets(tx, unit.id, intent);

  // the gift's balance effects are applied last, just before commit (see postJournalDeferred)
  const journalId = await postJournalDeferred(tx, ctx, {
    kind: 'contribution', unitId: unit.id, occurredAt: receivedAt, description: `مشارکت نقدی — ${fund.name}`,
    lines: [
      { accountId: centralAccountId, fundId: fund.id, amount: input.amountRials },
      { accountId: fund.id, fundId: fund.id, amount: -input.amountRials },
    ],
  });
  const { fiscalYear, fiscalMonth } = fiscalPeriod(receivedAt);
  const serial = deps.receipts ? await deps.receipts.next(provinceId, fiscalYear) : await nextReceiptSerial(tx, provinceId, fiscalYear);
  const id = crypto.randomUUID();
  const receiptNo = formatReceiptNo(fiscalYear, fiscalMonth, serial);
  const receiptCode = newReceiptCode();
  const notes = input.notes ? normalizeFa(input.notes) : null;
  const recordedBy = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
  const createdAt = new Date();
  // Inserted last, just before commit, like the balances: its figures (contribution_stats, kept by
  // a trigger) are contended rows during a campaign. The check above catches a repeated reference;
  // the unique index still guards a concurrent one.
  await deferSql(tx,
    `INSERT INTO contribution (id, unit_id, province_unit_id, donor_id, fund_id, amount_rials, channel, channel_ref, received_at, fiscal_year,
                               fiscal_month, journal_id, receipt_no, receipt_code, batch_id, notes, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [id, unit.id, provinceId, donorId, fund.id, input.amountRials, input.channel, channelRef, receivedAt, fiscalYear, fiscalMonth, journalId,
      receiptNo, receiptCode, input.batchId ?? null, notes, recordedBy, createdAt],
    (err) => ((err as DatabaseError).code === '23505' && (err as DatabaseError).constraint === 'contribution_channel_ref_key'
      ? new AppError('CONTRIBUTION_DUPLICATE_REFERENCE', { field: 'channelRef' }) : null));
  await writeAudit(tx, ctx, {
    deferred: true,
    action: 'contribution.record', entityType: 'contribution', entityId: id, unitId: unit.id,
    summary: { amountRials: input.amountRials, fundId: fund.id, channel: input.channel, channelRef, donorId, journalId },
  });
  return {
    id, unit: { id: unit.id, name: unit.name, code: unit.code }, provinceUnitId: provinceId, donorId, donorName, fund,
    amountRials: input.amountRials.toString(), channel: input.channel, channelRef, receivedAt: receivedAt.toISOString(),
    receivedOn: formatJalaliDate(receivedAt, { digits: 'latin' }), fiscalYear, receiptNo, receiptCode, status: 'posted', reversal: null,
    journalId: journalId.toString(), batchId: input.batchId ?? null, notes, recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.username : null,
    createdAt: createdAt.toISOString(),
  };
}
