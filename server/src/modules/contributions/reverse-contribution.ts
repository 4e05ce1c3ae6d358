import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { reverseJournal } from '../ledger/post-journal.ts';
import { selectContribution, toContributionDto } from './contribution-row.ts';

/**
 * Undoes a contribution recorded in error with a reversing journal; the receipt becomes void.
 * Four eyes: someone other than the recorder must do it. If the money has already been passed
 * down or spent the reversal is refused (the ledger would go negative): undo those first.
 */
export async function reverseContribution(tx: Queryable, ctx: OpContext, input: { id: string; reason: string }) {
  // no row lock needed (the app role may not lock append-only rows): contribution_reversal's primary
  // key and journal.reverses_id make a second, concurrent reversal fail
  const c = await selectContribution(tx, input.id);
  if (!c || !holdsAt(ctx.actor, 'contributions.read', c.unit_path)) throw new AppError('CONTRIBUTION_NOT_FOUND');
  if (!holdsAt(ctx.actor, 'contributions.reverse', c.unit_path)) throw new AppError('FORBIDDEN');
  if (c.reversed_at) throw new AppError('CONTRIBUTION_ALREADY_REVERSED');
  if (ctx.actor.kind === 'staff' && ctx.actor.userId === c.recorded_by) throw new AppError('CONTRIBUTION_REVERSE_SAME_USER');
  const reason = normalizeFa(input.reason);
  const journalId = await reverseJournal(tx, ctx, { journalId: c.journal_id, kind: 'contribution_reversal', description: `برگشت مشارکت ${c.receipt_no}: ${reason}` });
  await tx.query(
    'INSERT INTO contribution_reversal (contribution_id, journal_id, reason, reversed_by) VALUES ($1, $2, $3, $4)',
    [c.id, journalId, reason, ctx.actor.kind === 'staff' ? ctx.actor.userId : null],
  );
  await writeAudit(tx, ctx, { action: 'contribution.reverse', entityType: 'contribution', entityId: c.id, unitId: c.unit_id, summary: { reason, amountRials: c.amount_rials, journalId } });
  return toContributionDto((await selectContribution(tx, c.id))!);
}
