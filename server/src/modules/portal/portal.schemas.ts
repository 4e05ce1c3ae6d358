import { z } from 'zod';
import { rials } from '../../http/schemas.ts';

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'FIELD_INVALID');

export const givingCatalogueSchema = z.object({
  purposes: z.array(z.object({ code: z.string(), labelFa: z.string(), labelEn: z.string() })),
  provinces: z.array(z.object({ id: z.uuid(), name: z.string() })),
  presetsRials: z.array(rials),
  minRials: rials,
  maxRials: rials,
});

export const countiesSchema = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });

export const startGiftBody = z.object({
  purposeCode: code,
  /** a province, or a county within it */
  unitId: z.uuid(),
  amountRials: rials,
  anonymous: z.boolean().default(false),
  donorName: z.string().trim().max(100).optional(),
  mobile: z.string().trim().max(20).optional(),
  nationalCode: z.string().trim().max(20).optional(),
}).strict();

export const startGiftAnswer = z.object({ paymentId: z.uuid(), redirectUrl: z.string() });

export const giftStatusSchema = z.object({
  id: z.uuid(),
  status: z.enum(['pending', 'verified', 'failed', 'expired']),
  amountRials: rials,
  purposeCode: z.string(),
  purposeLabel: z.string(),
  unitName: z.string(),
  createdAt: z.string(),
  refId: z.string().nullable(),
  receipt: z.object({ code: z.string(), receiptNo: z.string(), receivedAt: z.string(), verifyUrl: z.string(), pdfUrl: z.string() }).nullable(),
});

export const callbackQuery = z.object({ Authority: z.string().max(100).optional(), Status: z.string().max(20).optional() });

export const otpBody = z.object({ mobile: z.string().trim().min(1).max(20) }).strict();
export const otpVerifyBody = z.object({ mobile: z.string().trim().min(1).max(20), code: z.string().trim().min(1).max(12) }).strict();
export const donorMe = z.object({ mobile: z.string(), csrfToken: z.string() });

export const myGiftsSchema = z.object({
  totalRials: rials,
  items: z.array(z.object({
    contributionId: z.uuid(),
    channel: z.enum(['gateway', 'ussd']),
    amountRials: rials,
    receivedAt: z.string(),
    receivedOn: z.string(),
    fundKind: z.enum(['general', 'specific']),
    intent: z.string(),
    unitName: z.string(),
    provinceName: z.string(),
    receiptNo: z.string(),
    receiptCode: z.string(),
    status: z.enum(['valid', 'void']),
    verifyUrl: z.string(),
    pdfUrl: z.string(),
    /** specific gifts: how much of this gift has been spent so far (null for general gifts) */
    spentRials: rials.nullable(),
    /** specific gifts: the spending it helped pay for */
    fundedSpending: z.array(z.object({ title: z.string(), unitName: z.string(), amountRials: rials, paidAt: z.string() })),
  })),
});
