import { z } from 'zod';
import { rials } from '../../http/schemas.ts';
import { approvalSlots, authorities, spendingActions, spendingStatuses } from './spending-rules.ts';

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'FIELD_INVALID');
const unitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), kind: z.string() });
const person = z.object({ id: z.uuid(), name: z.string() });

export const spendingStatus = z.enum(spendingStatuses);
export const spendingAction = z.enum(spendingActions);

export const createSpendingBody = z.object({
  unitId: z.uuid(),
  /** the general fund of the unit or one of its specific funds (ids from GET /api/balances) */
  fundId: z.uuid(),
  amountRials: rials,
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(4000).optional(),
  purposeCode: code,
  targetGroupCode: code.optional(),
  placeUnitId: z.uuid().optional(),
  placeGeoId: z.number().int().positive().optional(),
  project: z.string().trim().max(200).optional(),
  /** who benefits: names, a household file number, or the target group in words */
  beneficiaries: z.string().trim().max(2000).optional(),
  beneficiaryCount: z.number().int().min(1).max(10_000_000).optional(),
  payeeName: z.string().trim().min(2).max(200),
  /** IR + 24 digits (the IR may be left out; Persian digits accepted) */
  payeeSheba: z.string().trim().min(24).max(40),
}).strict();

export const updateSpendingBody = createSpendingBody.omit({ unitId: true }).partial().strict();

const rule = z.object({
  rule: z.enum(['fund_of_unit', 'specific_intent_match', 'general_authority', 'funds_available']),
  ok: z.boolean(),
  stage: z.enum(['submit', 'approve']),
  code: z.string().nullable(),
  reasonFa: z.string(),
  reasonEn: z.string(),
  authority: z.object({ kind: z.enum(['resolution', 'delegation']), id: z.uuid(), number: z.string(), delegateName: z.string().nullable() }).optional(),
});

export const spendingRequest = z.object({
  id: z.uuid(),
  unit: unitRef,
  fund: z.object({ id: z.uuid(), kind: z.enum(['general', 'specific']), name: z.string(), purposeCode: z.string() }),
  amountRials: rials,
  title: z.string(),
  description: z.string().nullable(),
  purposeCode: z.string(),
  purposeLabelFa: z.string(),
  targetGroupCode: z.string().nullable(),
  placeUnitId: z.uuid().nullable(),
  placeGeoId: z.number().int().nullable(),
  project: z.string().nullable(),
  beneficiaries: z.string().nullable(),
  beneficiaryCount: z.number().int().nullable(),
  payee: z.object({ name: z.string(), sheba: z.string(), bankName: z.string().nullable() }),
  status: spendingStatus,
  statusLabelFa: z.string(),
  /** which rule lets it spend; null while a draft */
  authority: z.enum(authorities).nullable(),
  resolution: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  delegation: z.object({ id: z.uuid(), delegate: person, resolutionNumber: z.string() }).nullable(),
  requestedBy: person,
  orderedBy: person.nullable(),
  approvals: z.array(z.object({ slot: z.enum(approvalSlots), by: person, at: z.string(), note: z.string().nullable() })),
  /** the approval slots its route needs (see spending-rules.ts); empty for a general-fund draft, whose route is fixed at submission */
  requiredApprovals: z.array(z.enum(approvalSlots)),
  submittedAt: z.string().nullable(),
  orderedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvalExpiresAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  paymentDocumentNo: z.string().nullable(),
  journalId: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SpendingRequestDto = z.infer<typeof spendingRequest>;

export const spendingRequestDetail = z.object({
  request: spendingRequest,
  events: z.array(z.object({ at: z.string(), actorName: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), note: z.string().nullable(), details: z.record(z.string(), z.unknown()) })),
  documents: z.array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string(), uploadedBy: z.string().nullable() })),
  /** which rule allows or blocks it, as things stand now */
  rules: z.array(rule),
  /** every action with whether the caller may take it now, and why not */
  actions: z.array(z.object({ action: spendingAction, allowed: z.boolean(), code: z.string().nullable(), reasonFa: z.string().nullable(), reasonEn: z.string().nullable() })),
  /** the actions the caller may take now */
  nextActions: z.array(spendingAction),
});
export type SpendingRequestDetailDto = z.infer<typeof spendingRequestDetail>;
