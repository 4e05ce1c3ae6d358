import type { Queryable } from '../../db/pool.ts';
import { decryptText } from '../../lib/crypto-keys.ts';
import { decryptMobile } from '../donors/donor-pii.ts';

export type PaymentStatus = 'pending' | 'verified' | 'failed' | 'expired';

export interface PaymentRow {
  id: string;
  gateway: 'sandbox' | 'zarinpal';
  authority: string;
  amount_rials: bigint;
  purpose_code: string;
  unit_id: string;
  donor_name_enc: Buffer | null;
  mobile_hash: Buffer | null;
  mobile_enc: Buffer | null;
  national_code_enc: Buffer | null;
  status: PaymentStatus;
  ref_id: string | null;
  card_pan: string | null;
  contribution_id: string | null;
  last_code: number | null;
  checks: number;
  last_checked_at: Date | null;
  created_at: Date;
  closed_at: Date | null;
}

export async function loadPayment(db: Queryable, id: string, forUpdate = false): Promise<PaymentRow | null> {
  const { rows } = await db.query<PaymentRow>(`SELECT * FROM payment WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/**
 * Purposes under which personal data is encrypted (a value copied to another column does not
 * decrypt). Mobiles use the donor registry's own purpose and hash (donors/donor-pii.ts), so a gift
 * and a registered donor with the same mobile can later be matched by hash alone.
 */
export const piiPurpose = { name: 'payment.donor_name', nationalCode: 'payment.national_code' } as const;

export function donorNameOf(p: Pick<PaymentRow, 'donor_name_enc'>): string | null {
  return p.donor_name_enc ? decryptText(p.donor_name_enc, piiPurpose.name) : null;
}

export function mobileOf(p: Pick<PaymentRow, 'mobile_enc'>): string | null {
  return p.mobile_enc ? decryptMobile(p.mobile_enc) : null;
}
