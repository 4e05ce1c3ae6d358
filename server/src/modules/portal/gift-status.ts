import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import { systemContext } from '../access/actor.ts';
import { listCatalogues } from '../ledger/catalogues.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { loadPayment } from '../payments/payment-row.ts';
import { getReceiptByContribution } from '../receipts/get-receipt.ts';

/**
 * What the thank-you page shows for a payment: its state and, once verified, its receipt. The
 * payment id (random, from the callback URL) is the only key; nothing personal is returned.
 */
export async function giftStatus(db: Queryable, paymentId: string) {
  const p = await loadPayment(db, paymentId);
  if (!p) throw new AppError('PAYMENT_NOT_FOUND');
  const { purposes } = await listCatalogues(db);
  const unit = await loadOrgUnit(db, systemContext('portal').actor, p.unit_id, 'org.read');
  const receipt = p.contribution_id ? await getReceiptByContribution(db, p.contribution_id) : null;
  return {
    id: p.id,
    status: p.status,
    amountRials: p.amount_rials.toString(),
    purposeCode: p.purpose_code,
    purposeLabel: purposes.find((x) => x.code === p.purpose_code)?.labelFa ?? p.purpose_code,
    unitName: unit.name,
    createdAt: p.created_at.toISOString(),
    refId: p.ref_id,
    receipt: receipt ? { code: receipt.code, receiptNo: receipt.receiptNo, receivedAt: receipt.receivedAt.toISOString(), verifyUrl: `/r/${receipt.code}`, pdfUrl: `/api/portal/payments/${p.id}/receipt.pdf` } : null,
  };
}
