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

/** A gift's channel reference as stored (a reference typed with Persian digits is the same payment as one with Latin digits) and its intent. */
export function giftIdentity(input: RecordCashContributionInput): { channelRef: string | null; intent: Intent } {
  const channelRef = input.channelRef ? toLatinDigits(input.channelRef).trim() || null : null;
  const intent: Intent = input.fundKind === 'general'
    ? { purposeCode: 'general' }
    : { purposeCode: input.purposeCode ?? '', targetGroupCode: input.targetGroupCode, placeUnitId: input.placeUnitId, placeGeoId: input.placeGeoId, project: input.project };
  return { channelRef, intent };
}

/**
 * The rules a gift must pass before anything is written, in the order their errors are reported;
 * returns the instant it is dated by. Pure: the one-at-a-time path and the group committer share it.
 */
export function checkGift(ctx: OpContext, unit: Pick<OrgUnitRow, 'path' | 'status'> | undefined, input: RecordCashContributionInput, channelRef: string | null, now = new Date()): Date {
  if (!unit || !holdsAt(ctx.actor, 'org.read', unit.path)) throw new AppError('ORG_UNIT_NOT_FOUND');
  if (!holdsAt(ctx.actor, 'contributions.record', unit.path)) throw new AppError('FORBIDDEN');
  if (unit.status === 'retired') throw new AppError('CONTRIBUTION_UNIT_RETIRED', { field: 'unitId' });
  if (input.amountRials <= 0n) throw new AppError('FIELD_AMOUNT', { field: 'amountRials' });
  if (!channelRef && channelsNeedingRef.includes(input.channel)) throw new AppError('CONTRIBUTION_REFERENCE_REQUIRED', { field: 'channelRef' });
  if (input.fundKind === 'specific' && (!input.purposeCode || input.purposeCode === 'general')) throw new AppError('CONTRIBUTION_PURPOSE_REQUIRED', { field: 'purposeCode' });
  return receivedAtFromJalali(input.receivedOn, now);
}

export interface GiftRecord {
  id: string;
  unit: Pick<OrgUnitRow, 'id' | 'name' | 'code'>;
  provinceId: string;
  donorId: string | null;
  donorName: string | null;
  fund: ContributionDto['fund'];
  input: RecordCashContributionInput;
  channelRef: string | null;
  receivedAt: Date;
  fiscalYear: number;
  fiscalMonth: number;
  receiptNo: string;
  receiptCode: string;
  notes: string | null;
  createdAt: Date;
}

/** A new gift's identifiers and numbers, decided before it is written. */
export async function newGiftRecord(ctx: OpContext, args: Omit<GiftRecord, 'id' | 'fiscalYear' | 'fiscalMonth' | 'receiptNo' | 'receiptCode' | 'notes' | 'createdAt'>,
  nextSerial: (provinceId: string, fiscalYear: number) => Promise<bigint>): Promise<GiftRecord> {
  const { fiscalYear, fiscalMonth } = fiscalPeriod(args.receivedAt);
  const serial = await nextSerial(args.provinceId, fiscalYear);
  return {
    ...args, id: crypto.randomUUID(), fiscalYear, fiscalMonth, receiptNo: formatReceiptNo(fiscalYear, fiscalMonth, serial), receiptCode: newReceiptCode(),
    notes: args.input.notes ? normalizeFa(args.input.notes) : null, createdAt: new Date(),
  };
}

/** The journal description of a gift: shown on statements. */
export const giftDescription = (fundName: string) => `مشارکت نقدی — ${fundName}`;

/** The audit summary of a recorded gift. */
export function giftAuditSummary(g: GiftRecord, journalId: bigint | string) {
  return { amountRials: g.input.amountRials.toString(), fundId: g.fund.id, channel: g.input.channel, channelRef: g.channelRef, donorId: g.donorId, journalId: journalId.toString() };
}

export function giftDto(ctx: OpContext, g: GiftRecord, journalId: bigint | string): ContributionDto {
  return {
    id: g.id, unit: { id: g.unit.id, name: g.unit.name, code: g.unit.code }, provinceUnitId: g.provinceId, donorId: g.donorId, donorName: g.donorName, fund: g.fund,
    amountRials: g.input.amountRials.toString(), channel: g.input.channel, channelRef: g.channelRef, receivedAt: g.receivedAt.toISOString(),
    receivedOn: formatJalaliDate(g.receivedAt, { digits: 'latin' }), fiscalYear: g.fiscalYear, receiptNo: g.receiptNo, receiptCode: g.receiptCode, status: 'posted', reversal: null,
    journalId: journalId.toString(), batchId: g.input.batchId ?? null, notes: g.notes, recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.username : null,
    createdAt: g.createdAt.toISOString(),
  };
}

export async function recordCashContribution(tx: Queryable, ctx: OpContext, input: RecordCashContributionInput, deps: RecordDeps = {}): Promise<ContributionDto> {
  // one round trip for what a gift needs to know: the unit (and scope), a repeated reference, and
  // the accounts it posts to
  const { channelRef, intent } = giftIdentity(input);
  const { rows: found } = await tx.query<OrgUnitRow & { dup_id: string | null }>(
    `SELECT ${orgUnitColumns}, (SELECT c.id FROM contribution c WHERE c.channel = $2 AND c.channel_ref = $3) AS dup_id FROM org_unit u WHERE u.id = $1`,
    [input.unitId, input.channel, channelRef]);
  const unit = found[0];
  const receivedAt = checkGift(ctx, unit, input, channelRef);
  if (unit!.dup_id) throw new AppError('CONTRIBUTION_DUPLICATE_REFERENCE', { field: 'channelRef', details: { existingId: unit!.dup_id } });
  if (input.placeUnitId) await loadOrgUnit(tx, ctx.actor, input.placeUnitId, 'org.read');
  // a named donor must be one the recorder may see; giving here makes the donor visible to this unit
  let donorId: string | null = null;
  let donorName: string | null = null;
  if (input.donorId) {
    const donor = await loadDonor(tx, ctx.actor, input.donorId, 'donors.read');
    donorId = await linkDonorToUnit(tx, donor.id, unit!.id);
    donorName = donor.display_name;
  }

  const { provinceId, centralAccountId, fund } = await postingTargets(tx, unit!.id, intent);

  // the gift's balance effects are applied last, just before commit (see postJournalDeferred)
  const journalId = await postJournalDeferred(tx, ctx, {
    kind: 'contribution', unitId: unit!.id, occurredAt: receivedAt, description: giftDescription(fund.name),
    lines: [
      { accountId: centralAccountId, fundId: fund.id, amount: input.amountRials },
      { accountId: fund.id, fundId: fund.id, amount: -input.amountRials },
    ],
  });
  const g = await newGiftRecord(ctx, { unit: unit!, provinceId, donorId, donorName, fund, input, channelRef, receivedAt },
    (p, fy) => (deps.receipts ? deps.receipts.next(p, fy) : nextReceiptSerial(tx, p, fy)));
  const recordedBy = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
  // Inserted last, just before commit, like the balances: its figures (contribution_stats, kept by
  // a trigger) are contended rows during a campaign. The check above catches a repeated reference;
  // the unique index still guards a concurrent one.
  await deferSql(tx,
    `INSERT INTO contribution (id, unit_id, province_unit_id, donor_id, fund_id, amount_rials, channel, channel_ref, received_at, fiscal_year,
                               fiscal_month, journal_id, receipt_no, receipt_code, batch_id, notes, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [g.id, unit!.id, provinceId, donorId, fund.id, input.amountRials, input.channel, channelRef, receivedAt, g.fiscalYear, g.fiscalMonth, journalId,
      g.receiptNo, g.receiptCode, input.batchId ?? null, g.notes, recordedBy, g.createdAt],
    (err) => ((err as DatabaseError).code === '23505' && (err as DatabaseError).constraint === 'contribution_channel_ref_key'
      ? new AppError('CONTRIBUTION_DUPLICATE_REFERENCE', { field: 'channelRef' }) : null));
  await writeAudit(tx, ctx, {
    deferred: true,
    action: 'contribution.record', entityType: 'contribution', entityId: g.id, unitId: unit!.id,
    summary: giftAuditSummary(g, journalId),
  });
  return giftDto(ctx, g, journalId);
}
