import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { recordCashContribution, type RecordCashContributionInput } from './record-cash-contribution.ts';
import { receivedAtFromJalali } from './received-at.ts';

/*
 * Paper receipt books: an officer types the stubs of a book into a batch with the count and total
 * written on its cover. Items are drafts (no money moves) until the batch is posted, and it posts
 * only when both the count and the total match — the check a finance office does by hand today.
 */

export interface BatchDto {
  id: string; unitId: string; bookNo: string; expectedCount: number; expectedTotalRials: string; status: 'open' | 'posted' | 'cancelled';
  itemCount: number; itemTotalRials: string; createdAt: string; postedAt: string | null;
  items: { id: string; amountRials: string; input: Record<string, unknown> }[];
}

async function loadBatch(tx: Queryable, ctx: OpContext, id: string, lock = false) {
  const { rows } = await tx.query<{ id: string; unit_id: string; book_no: string; expected_count: number; expected_total: bigint; status: BatchDto['status']; created_at: Date; posted_at: Date | null; path: string[] }>(
    `SELECT b.*, u.path FROM contribution_batch b JOIN org_unit u ON u.id = b.unit_id WHERE b.id = $1 ${lock ? 'FOR UPDATE OF b' : ''}`, [id]);
  const b = rows[0];
  if (!b || !holdsAt(ctx.actor, 'contributions.read', b.path)) throw new AppError('CONTRIBUTION_BATCH_NOT_FOUND');
  return b;
}

export async function getBatch(tx: Queryable, ctx: OpContext, id: string): Promise<BatchDto> {
  const b = await loadBatch(tx, ctx, id);
  const { rows: items } = await tx.query<{ id: string; amount_rials: bigint; input: Record<string, unknown> }>(
    'SELECT id, amount_rials, input FROM contribution_batch_item WHERE batch_id = $1 ORDER BY created_at, id', [id]);
  const total = items.reduce((s, i) => s + i.amount_rials, 0n);
  return {
    id: b.id, unitId: b.unit_id, bookNo: b.book_no, expectedCount: b.expected_count, expectedTotalRials: b.expected_total.toString(), status: b.status,
    itemCount: items.length, itemTotalRials: total.toString(), createdAt: b.created_at.toISOString(), postedAt: b.posted_at?.toISOString() ?? null,
    items: items.map((i) => ({ id: i.id, amountRials: i.amount_rials.toString(), input: i.input })),
  };
}

export async function createBatch(tx: Queryable, ctx: OpContext, input: { unitId: string; bookNo: string; expectedCount: number; expectedTotalRials: bigint }) {
  const unit = await loadOrgUnit(tx, ctx.actor, input.unitId, 'contributions.record');
  if (unit.status === 'retired') throw new AppError('CONTRIBUTION_UNIT_RETIRED', { field: 'unitId' });
  const taken = await tx.query('SELECT 1 FROM contribution_batch WHERE unit_id = $1 AND book_no = $2', [unit.id, input.bookNo]);
  if (taken.rowCount) throw new AppError('CONTRIBUTION_BATCH_BOOK_TAKEN', { field: 'bookNo' });
  const { rows } = await tx.query<{ id: string }>(
    'INSERT INTO contribution_batch (unit_id, book_no, expected_count, expected_total, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [unit.id, input.bookNo, input.expectedCount, input.expectedTotalRials, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
  await writeAudit(tx, ctx, { action: 'contribution_batch.create', entityType: 'contribution_batch', entityId: rows[0]!.id, unitId: unit.id, summary: { bookNo: input.bookNo, expectedCount: input.expectedCount, expectedTotalRials: input.expectedTotalRials } });
  return getBatch(tx, ctx, rows[0]!.id);
}

/** Adds a stub; validated now (date, channel reference) so that posting does not fail on it later. */
export async function addBatchItem(tx: Queryable, ctx: OpContext, batchId: string, item: Omit<RecordCashContributionInput, 'unitId' | 'batchId'>) {
  const b = await loadBatch(tx, ctx, batchId, true);
  await loadOrgUnit(tx, ctx.actor, b.unit_id, 'contributions.record');
  if (b.status !== 'open') throw new AppError('CONTRIBUTION_BATCH_CLOSED');
  receivedAtFromJalali(item.receivedOn);
  const stored = { ...item, amountRials: item.amountRials.toString() };
  await tx.query('INSERT INTO contribution_batch_item (batch_id, input, amount_rials) VALUES ($1, $2, $3)', [b.id, JSON.stringify(stored), item.amountRials]);
  await writeAudit(tx, ctx, { action: 'contribution_batch.add_item', entityType: 'contribution_batch', entityId: b.id, unitId: b.unit_id, summary: { amountRials: item.amountRials } });
  return getBatch(tx, ctx, b.id);
}

export async function removeBatchItem(tx: Queryable, ctx: OpContext, batchId: string, itemId: string) {
  const b = await loadBatch(tx, ctx, batchId, true);
  await loadOrgUnit(tx, ctx.actor, b.unit_id, 'contributions.record');
  if (b.status !== 'open') throw new AppError('CONTRIBUTION_BATCH_CLOSED');
  const del = await tx.query('DELETE FROM contribution_batch_item WHERE id = $1 AND batch_id = $2', [itemId, b.id]);
  if (!del.rowCount) throw new AppError('NOT_FOUND');
  await writeAudit(tx, ctx, { action: 'contribution_batch.remove_item', entityType: 'contribution_batch', entityId: b.id, unitId: b.unit_id, summary: { itemId } });
  return getBatch(tx, ctx, b.id);
}

/** Posts every stub as a contribution, all or nothing, when the count and total match the cover. */
export async function postBatch(tx: Queryable, ctx: OpContext, batchId: string) {
  const b = await loadBatch(tx, ctx, batchId, true);
  await loadOrgUnit(tx, ctx.actor, b.unit_id, 'contributions.record');
  if (b.status !== 'open') throw new AppError('CONTRIBUTION_BATCH_CLOSED');
  const current = await getBatch(tx, ctx, b.id);
  const total = BigInt(current.itemTotalRials);
  if (current.itemCount !== b.expected_count || total !== b.expected_total) {
    throw new AppError('CONTRIBUTION_BATCH_MISMATCH', {
      params: { expectedCount: b.expected_count, actualCount: current.itemCount, expectedTotal: b.expected_total, actualTotal: total },
      details: { expectedCount: b.expected_count, actualCount: current.itemCount, expectedTotalRials: b.expected_total.toString(), actualTotalRials: total.toString() },
    });
  }
  const ids: string[] = [];
  for (const item of current.items) {
    const input = item.input as unknown as Omit<RecordCashContributionInput, 'amountRials'>;
    const c = await recordCashContribution(tx, ctx, { ...input, unitId: b.unit_id, amountRials: BigInt(item.amountRials), batchId: b.id });
    ids.push(c.id);
  }
  await tx.query(`UPDATE contribution_batch SET status = 'posted', posted_at = now() WHERE id = $1`, [b.id]);
  await writeAudit(tx, ctx, { action: 'contribution_batch.post', entityType: 'contribution_batch', entityId: b.id, unitId: b.unit_id, summary: { count: ids.length, totalRials: total } });
  return { batch: await getBatch(tx, ctx, b.id), contributionIds: ids };
}
