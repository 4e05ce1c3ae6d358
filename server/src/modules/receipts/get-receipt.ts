import { formatJalaliDate } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';

export interface ReceiptView {
  code: string;
  status: 'valid' | 'void';
  receiptNo: string;
  amountRials: bigint;
  receivedAt: Date;
  unitName: string;
  provinceName: string;
  fundKind: 'general' | 'specific';
  intentFa: string;
  channel: string;
  donorId: string | null;
  donorName: string | null;
  voidReason: string | null;
}

/** A receipt by its public code: what the verification page may show (no personal data). */
export async function getReceiptByCode(db: Queryable, code: string): Promise<ReceiptView> {
  const normalized = code.trim().toUpperCase();
  if (!/^[0-9A-Z]{6,20}$/.test(normalized)) throw new AppError('RECEIPT_NOT_FOUND');
  return loadReceipt(db, 'c.receipt_code = $1', normalized);
}

export async function getReceiptByContribution(db: Queryable, contributionId: string): Promise<ReceiptView> {
  return loadReceipt(db, 'c.id = $1', contributionId);
}

async function loadReceipt(db: Queryable, where: string, value: string): Promise<ReceiptView> {
  const { rows } = await db.query<{
    receipt_code: string; receipt_no: string; amount_rials: bigint; received_at: Date; unit_name: string; province_name: string;
    fund_kind: 'general' | 'specific'; fund_name: string; purpose_fa: string; channel: string; donor_id: string | null; donor_name: string | null; reversal_reason: string | null; reversed: boolean;
  }>(
    `SELECT c.receipt_code, c.receipt_no, c.amount_rials, c.received_at, u.name AS unit_name, p.name AS province_name,
            f.kind AS fund_kind, f.name AS fund_name, pu.label_fa AS purpose_fa, c.channel, c.donor_id,
            dn.display_name AS donor_name, r.reason AS reversal_reason, r.contribution_id IS NOT NULL AS reversed
       FROM contribution c JOIN org_unit u ON u.id = c.unit_id JOIN org_unit p ON p.id = c.province_unit_id
       JOIN fund f ON f.id = c.fund_id JOIN purpose pu ON pu.code = f.purpose_code
       LEFT JOIN donor dn ON dn.id = c.donor_id
       LEFT JOIN contribution_reversal r ON r.contribution_id = c.id
      WHERE ${where}`,
    [value],
  );
  const r = rows[0];
  if (!r) throw new AppError('RECEIPT_NOT_FOUND');
  return {
    code: r.receipt_code, status: r.reversed ? 'void' : 'valid', receiptNo: r.receipt_no, amountRials: r.amount_rials, receivedAt: r.received_at,
    unitName: r.unit_name, provinceName: r.province_name, fundKind: r.fund_kind, intentFa: r.fund_kind === 'general' ? 'عام (به تشخیص شورای مشارکت‌ها)' : r.fund_name.replace(/^خاص: /, ''),
    channel: r.channel, donorId: r.donor_id, donorName: r.donor_name, voidReason: r.reversal_reason,
  };
}

/** The public JSON answer: amount, date, unit, status — nothing about the donor. */
export function publicReceipt(r: ReceiptView) {
  return {
    code: r.code, status: r.status, receiptNo: r.receiptNo, amountRials: r.amountRials.toString(), receivedAt: r.receivedAt.toISOString(),
    receivedOn: formatJalaliDate(r.receivedAt, { digits: 'latin' }), unitName: r.unitName, provinceName: r.provinceName, fundKind: r.fundKind, intent: r.intentFa,
  };
}
