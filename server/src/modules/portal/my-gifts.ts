import { formatJalaliDate } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import { donorNameOf } from '../payments/payment-row.ts';
import { getReceiptByContribution, type ReceiptView } from '../receipts/get-receipt.ts';
import { ussdGiftsOfMobile } from '../ussd/record-ussd-gift.ts';
import { fundedSpendingOf } from './funded-spending.ts';

interface OwnGift { contributionId: string; paymentId: string | null; donorNameEnc: Buffer | null }

/** The gifts made with this mobile: verified online payments and USSD gifts, newest first. */
async function ownGifts(db: Queryable, mobileHash: Buffer): Promise<OwnGift[]> {
  const { rows } = await db.query<{ id: string; contribution_id: string; donor_name_enc: Buffer | null }>(
    `SELECT id, contribution_id, donor_name_enc FROM payment WHERE mobile_hash = $1 AND status = 'verified' ORDER BY created_at DESC LIMIT 200`, [mobileHash]);
  const ussd = await ussdGiftsOfMobile(db, mobileHash);
  return [
    ...rows.map((r) => ({ contributionId: r.contribution_id, paymentId: r.id, donorNameEnc: r.donor_name_enc })),
    ...ussd.map((u) => ({ contributionId: u.contributionId, paymentId: null, donorNameEnc: null })),
  ];
}

function giftDto(r: ReceiptView, g: OwnGift) {
  return {
    contributionId: g.contributionId,
    channel: r.channel as 'gateway' | 'ussd',
    amountRials: r.amountRials.toString(),
    receivedAt: r.receivedAt.toISOString(),
    receivedOn: formatJalaliDate(r.receivedAt, { digits: 'latin' }),
    fundKind: r.fundKind,
    intent: r.intentFa,
    unitName: r.unitName,
    provinceName: r.provinceName,
    receiptNo: r.receiptNo,
    receiptCode: r.code,
    status: r.status,
    verifyUrl: `/r/${r.code}`,
    pdfUrl: `/api/portal/me/gifts/${g.contributionId}/receipt.pdf`,
  };
}

/**
 * "My gifts": each gift with its receipt and, for specific gifts, what it has paid for so far
 * (fundedSpending; empty until the spending module installs its lookup, see funded-spending.ts).
 */
export async function myGifts(db: Queryable, mobileHash: Buffer) {
  const gifts = await ownGifts(db, mobileHash);
  const receipts = await Promise.all(gifts.map((g) => getReceiptByContribution(db, g.contributionId)));
  const specific = gifts.filter((_g, i) => receipts[i]!.fundKind === 'specific').map((g) => g.contributionId);
  const funded = await fundedSpendingOf(db, specific);
  const items = gifts.map((g, i) => {
    const r = receipts[i]!;
    const f = r.fundKind === 'specific' ? funded.get(g.contributionId) ?? { spentRials: 0n, items: [] } : null;
    return {
      ...giftDto(r, g),
      spentRials: f ? f.spentRials.toString() : null,
      fundedSpending: (f?.items ?? []).map((s) => ({ title: s.title, unitName: s.unitName, amountRials: s.amountRials.toString(), paidAt: s.paidAt.toISOString() })),
    };
  });
  items.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
  const total = items.filter((x) => x.status === 'valid').reduce((sum, x) => sum + BigInt(x.amountRials), 0n);
  return { items, totalRials: total.toString() };
}

/** One of this mobile's gifts, for its receipt; another's answers like a missing one. */
export async function ownGift(db: Queryable, mobileHash: Buffer, contributionId: string): Promise<{ receipt: ReceiptView; donorName: string | null }> {
  const gift = (await ownGifts(db, mobileHash)).find((g) => g.contributionId === contributionId);
  if (!gift) throw new AppError('PORTAL_GIFT_NOT_FOUND');
  return { receipt: await getReceiptByContribution(db, contributionId), donorName: donorNameOf({ donor_name_enc: gift.donorNameEnc }) };
}
