import { z } from 'zod';
import { rials } from '../../http/schemas.ts';

export const councilLevel = z.enum(['central', 'provincial', 'county']);
export const memberRole = z.enum(['chair', 'secretary', 'member']);
const unitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), kind: z.string() });
/** A Jalali day as typed: "1404/07/15" (Persian digits accepted). */
export const jalaliDay = z.string().trim().min(8).max(12);
const purposeCode = z.string().regex(/^[a-z][a-z0-9_]*$/, 'FIELD_INVALID');

export const quorumRule = z.object({
  kind: z.enum(['majority', 'min_members']),
  minMembers: z.number().int().min(1).max(100).nullable(),
  requiresChair: z.boolean(),
});

export const council = z.object({
  id: z.uuid(),
  unit: unitRef,
  level: councilLevel,
  name: z.string(),
  quorum: quorumRule,
  memberCount: z.number().int(),
  /** the last meeting held with quorum */
  lastMeetingAt: z.string().nullable(),
  lastMeetingOn: z.string().nullable(),
  /** the next meeting is due by this day (three months after the last) */
  nextDueOn: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  dueSoon: z.boolean(),
  nextScheduled: z.object({ id: z.uuid(), scheduledAt: z.string(), scheduledOn: z.string() }).nullable(),
  createdAt: z.string(),
});
export type CouncilDto = z.infer<typeof council>;

export const member = z.object({
  id: z.uuid(),
  staffUserId: z.uuid().nullable(),
  fullName: z.string(),
  organization: z.string().nullable(),
  role: memberRole,
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
  leftReason: z.string().nullable(),
});
export type MemberDto = z.infer<typeof member>;

export const meetingSummary = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  scheduledAt: z.string(),
  scheduledOn: z.string(),
  heldAt: z.string().nullable(),
  heldOn: z.string().nullable(),
  location: z.string().nullable(),
  agenda: z.string(),
  quorumMet: z.boolean().nullable(),
  presentCount: z.number().int().nullable(),
  memberCount: z.number().int().nullable(),
});
export type MeetingSummaryDto = z.infer<typeof meetingSummary>;

export const authorization = z.object({
  ceilingRials: rials,
  usedRials: rials,
  remainingRials: rials,
  purposeCodes: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  inForceNow: z.boolean(),
});

export const delegation = z.object({
  id: z.uuid(),
  resolutionId: z.uuid(),
  resolutionNumber: z.string(),
  councilId: z.uuid(),
  unit: unitRef,
  delegate: z.object({ id: z.uuid(), fullName: z.string() }),
  purposeCodes: z.array(z.string()),
  ceilingRials: rials,
  usedRials: rials,
  remainingRials: rials,
  expiresOn: z.string(),
  /** its resolution is the chain's version in force and it has not expired */
  inForceNow: z.boolean(),
});
export type DelegationDto = z.infer<typeof delegation>;

export const resolutionStatus = z.enum(['in_force', 'amended', 'revoked', 'revocation']);
export const resolutionSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(['decision', 'amendment', 'revocation']),
  status: resolutionStatus,
  text: z.string(),
  passedOn: z.string(),
});

export const resolution = resolutionSummary.extend({
  councilId: z.uuid(),
  councilName: z.string(),
  unit: unitRef,
  meetingId: z.uuid(),
  fiscalYear: z.number().int(),
  serial: z.number().int(),
  chainId: z.uuid(),
  supersedesId: z.uuid().nullable(),
  supersededById: z.uuid().nullable(),
  authorization: authorization.nullable(),
  delegations: z.array(delegation),
  /** every version of this decision, oldest first */
  history: z.array(resolutionSummary),
  /** spending requests approved or paid under this decision (all versions) */
  spending: z.object({ approvedCount: z.number().int(), paidCount: z.number().int() }),
  createdAt: z.string(),
});
export type ResolutionDto = z.infer<typeof resolution>;

export const meeting = meetingSummary.extend({
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  attendance: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), role: memberRole, present: z.boolean().nullable(), note: z.string().nullable() })),
  /** quorum as the recorded attendance stands (frozen once held) */
  quorum: z.object({ met: z.boolean(), required: z.number().int(), presentCount: z.number().int(), memberCount: z.number().int(), reasonFa: z.string(), reasonEn: z.string() }),
  attachments: z.array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })),
  resolutions: z.array(resolutionSummary),
  /** what the caller can do with it now */
  nextActions: z.array(z.enum(['edit', 'record_attendance', 'close', 'cancel', 'attach', 'pass_resolution'])),
});
export type MeetingDto = z.infer<typeof meeting>;

export const authorizationInput = z.object({
  ceilingRials: rials,
  /** purposes it may pay for; ['general'] = any purpose */
  purposeCodes: z.array(purposeCode).min(1).max(20),
  validFrom: jalaliDay,
  validTo: jalaliDay,
}).strict();

export const delegationInput = z.object({
  delegateUserId: z.uuid(),
  purposeCodes: z.array(purposeCode).min(1).max(20),
  ceilingRials: rials,
  /** last Jalali day the delegation holds */
  expiresOn: jalaliDay,
}).strict();

export const resolutionBody = z.object({
  text: z.string().trim().min(5).max(5000),
  authorization: authorizationInput.optional(),
  delegations: z.array(delegationInput).max(10).optional(),
}).strict();

export const attachmentBody = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.string().trim().min(3).max(100),
  contentBase64: z.string().min(4),
}).strict();

export const attachmentMeta = z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() });

const byPurpose = z.object({ purposeCode: z.string(), labelFa: z.string(), fundKind: z.enum(['general', 'specific']), rials });
export const reportFigures = z.object({
  period: z.object({ fiscalYear: z.number().int(), half: z.union([z.literal(1), z.literal(2)]), fromOn: z.string(), toOn: z.string() }),
  received: z.object({ generalRials: rials, specificRials: rials, totalRials: rials, byPurpose: z.array(byPurpose) }),
  spending: z.object({ generalRials: rials, specificRials: rials, totalRials: rials, byPurpose: z.array(byPurpose.extend({ count: z.number().int() })) }),
  resolutions: z.object({ count: z.number().int(), items: z.array(z.object({ id: z.uuid(), number: z.string(), kind: z.string(), text: z.string(), ceilingRials: rials.nullable() })) }),
  meetings: z.object({ held: z.number().int(), withQuorum: z.number().int(), items: z.array(z.object({ id: z.uuid(), heldOn: z.string(), quorumMet: z.boolean(), presentCount: z.number().int(), memberCount: z.number().int() })) }),
  generatedAt: z.string(),
});

const councilRef = z.object({ id: z.uuid(), name: z.string(), level: councilLevel, unit: unitRef });
export const councilReport = z.object({
  id: z.uuid(),
  council: councilRef,
  fiscalYear: z.number().int(),
  half: z.number().int(),
  status: z.enum(['draft', 'submitted', 'acknowledged']),
  narrative: z.string(),
  /** live for a draft; as submitted afterwards (figuresFrozen) */
  figures: reportFigures,
  figuresFrozen: z.boolean(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgeNote: z.string().nullable(),
  nextActions: z.array(z.enum(['edit', 'submit', 'acknowledge'])),
});

export const councilReportRow = z.object({
  council: councilRef,
  reportId: z.uuid().nullable(),
  status: z.enum(['missing', 'draft', 'submitted', 'acknowledged']),
  submittedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
