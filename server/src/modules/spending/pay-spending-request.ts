import { jalaliDayRange, normalizeFa } from '@mosharekat/fa';
import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { latinDay } from '../councils/council-row.ts';
import { pastDayInstant } from '../councils/council-rules.ts';
import { payHold } from '../ledger/holds.ts';
import { spendingDetail } from './get-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { canPay } from './spending-rules.ts';
import { loadSpendingRequest, refuse, requestState } from './spending-row.ts';

export interface PaySpendingInput {
  id: string;
  /** the financial document (سند) of the payment */
  documentNo: string;
  /** Jalali day of the payment; today when absent; not before the approval */
  paidOn?: string | undefined;
  note?: string | undefined;
}

/** Finance pays an approved request: the held amount is posted as the spending journal (debit fund, credit the paying custody). */
export async function paySpendingRequest(tx: Queryable, ctx: OpContext, input: PaySpendingInput) {
  const r = await loadSpendingRequest(tx, ctx.actor, input.id, 'spending.read', true);
  const now = new Date();
  const d = canPay(ctx.actor, requestState(r), { now });
  if (!d.ok) refuse(d);
  const documentNo = input.documentNo.trim();
  const taken = await tx.query('SELECT 1 FROM spending_request WHERE unit_id = $1 AND payment_document_no = $2', [r.unit_id, documentNo]);
  if (taken.rowCount) throw new AppError('SPENDING_PAYMENT_DOCUMENT_TAKEN', { field: 'documentNo' });
  let occurredAt = now;
  if (input.paidOn) {
    const at = pastDayInstant(input.paidOn, now);
    const approvedDayStart = jalaliDayRange(latinDay(r.approved_at!), latinDay(r.approved_at!))[0];
    if (at === null || at === 'future' || at < approvedDayStart) throw new AppError('SPENDING_PAID_ON_INVALID', { field: 'paidOn' });
    occurredAt = at;
  }
  const journalId = await payHold(tx, ctx, r.hold_id!, { unitId: r.unit_id, documentNo, occurredAt, description: `هزینه‌کرد — ${r.title} — ${r.payee_name}` });
  try {
    await tx.query(`UPDATE spending_request SET status = 'paid', journal_id = $2, payment_document_no = $3, paid_at = $4, closed_at = now(), updated_at = now() WHERE id = $1`,
      [r.id, journalId, documentNo, occurredAt]);
  } catch (err) {
    if ((err as DatabaseError).constraint === 'spending_request_payment_document') throw new AppError('SPENDING_PAYMENT_DOCUMENT_TAKEN', { field: 'documentNo' });
    throw err;
  }
  await recordSpendingEvent(tx, ctx, {
    requestId: r.id, unitId: r.unit_id, action: 'pay', from: r.status, to: 'paid', note: input.note ? normalizeFa(input.note) : null,
    details: { journalId, documentNo, amountRials: r.amount_rials, paidAt: occurredAt.toISOString() },
  });
  return spendingDetail(tx, ctx.actor, await loadSpendingRequest(tx, ctx.actor, r.id));
}
