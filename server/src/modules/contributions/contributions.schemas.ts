import { z } from 'zod';
import { rials } from '../../http/schemas.ts';

export const channels = ['counter_cash', 'pos', 'card_to_card', 'bank_transfer', 'cheque', 'gateway', 'ussd', 'payroll', 'other'] as const;
export type Channel = (typeof channels)[number];
/** Channels whose payments carry a reference of their own that must be recorded (and counted once). */
export const channelsNeedingRef: readonly Channel[] = ['pos', 'card_to_card', 'bank_transfer', 'cheque', 'gateway', 'ussd', 'payroll'];

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'FIELD_INVALID');

export const recordContributionBody = z.object({
  unitId: z.uuid(),
  donorId: z.uuid().nullable().optional(),
  amountRials: rials,
  fundKind: z.enum(['general', 'specific']),
  purposeCode: code.optional(),
  targetGroupCode: code.optional(),
  placeUnitId: z.uuid().optional(),
  placeGeoId: z.number().int().positive().optional(),
  project: z.string().trim().max(200).optional(),
  channel: z.enum(channels),
  channelRef: z.string().trim().min(1).max(100).optional(),
  /** Jalali date the money was received, e.g. "1404/07/15" (Persian digits accepted) */
  receivedOn: z.string().trim().min(8).max(12),
  notes: z.string().trim().max(1000).optional(),
}).strict();
export type RecordContributionBody = z.infer<typeof recordContributionBody>;

export const contribution = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
  provinceUnitId: z.uuid(),
  donorId: z.uuid().nullable(),
  donorName: z.string().nullable(),
  fund: z.object({ id: z.uuid(), kind: z.enum(['general', 'specific']), name: z.string(), purposeCode: z.string(), targetGroupCode: z.string().nullable() }),
  amountRials: rials,
  channel: z.enum(channels),
  channelRef: z.string().nullable(),
  receivedAt: z.string(),
  receivedOn: z.string(),
  fiscalYear: z.number().int(),
  receiptNo: z.string(),
  receiptCode: z.string(),
  status: z.enum(['posted', 'reversed']),
  reversal: z.object({ reason: z.string(), reversedBy: z.string(), reversedAt: z.string(), journalId: z.string() }).nullable(),
  journalId: z.string(),
  batchId: z.uuid().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ContributionDto = z.infer<typeof contribution>;
