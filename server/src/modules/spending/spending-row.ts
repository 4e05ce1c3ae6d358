import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import { holdsAt } from '../access/scope.ts';
import type { SpendingRequestDto } from './spending.schemas.ts';
import { requiredSlots, spendingStatusLabels, type ApprovalSlot, type Authority, type Decision, type RequestFacts, type RequestState, type SpendingStatus } from './spending-rules.ts';

export const spendingSelect = `
  SELECT s.*, u.name AS unit_name, u.code AS unit_code, u.kind AS unit_kind, u.path AS unit_path,
         f.kind AS fund_kind, f.name AS fund_name, f.purpose_code AS fund_purpose_code, p.label_fa AS purpose_label_fa,
         rq.full_name AS requested_by_name, ob.full_name AS ordered_by_name,
         r.fiscal_year AS resolution_fy, r.serial AS resolution_serial, r.chain_id AS resolution_chain_id,
         d.delegate_user_id, ds.full_name AS delegate_name, dr.chain_id AS delegation_chain_id, dr.fiscal_year AS delegation_fy, dr.serial AS delegation_serial,
         (SELECT coalesce(json_agg(json_build_object('slot', a.slot, 'userId', a.approved_by, 'name', au.full_name, 'at', a.approved_at, 'note', a.note) ORDER BY a.approved_at), '[]')
            FROM spending_approval a JOIN staff_user au ON au.id = a.approved_by WHERE a.request_id = s.id) AS approvals
    FROM spending_request s
    JOIN org_unit u ON u.id = s.unit_id
    JOIN fund f ON f.id = s.fund_id
    JOIN purpose p ON p.code = s.purpose_code
    JOIN staff_user rq ON rq.id = s.requested_by
    LEFT JOIN staff_user ob ON ob.id = s.ordered_by
    LEFT JOIN council_resolution r ON r.id = s.resolution_id
    LEFT JOIN council_delegation d ON d.id = s.delegation_id
    LEFT JOIN council_resolution dr ON dr.id = d.resolution_id
    LEFT JOIN staff_user ds ON ds.id = d.delegate_user_id`;

export interface SpendingRow {
  id: string; unit_id: string; fund_id: string; amount_rials: bigint; title: string; description: string | null; purpose_code: string;
  target_group_code: string | null; place_unit_id: string | null; place_geo_id: number | null; project: string | null; beneficiaries: string | null;
  beneficiary_count: number | null; payee_name: string; payee_sheba: string; payee_bank_name: string | null; status: SpendingStatus;
  authority: Authority | null; resolution_id: string | null; delegation_id: string | null; allowance_id: string | null; allowance_reserved: boolean;
  hold_id: string | null; journal_id: bigint | null; payment_document_no: string | null; requested_by: string; ordered_by: string | null;
  submitted_at: Date | null; ordered_at: Date | null; approved_at: Date | null; approval_expires_at: Date | null; paid_at: Date | null;
  closed_at: Date | null; created_at: Date; updated_at: Date;
  unit_name: string; unit_code: string; unit_kind: string; unit_path: string[]; fund_kind: 'general' | 'specific'; fund_name: string;
  fund_purpose_code: string; purpose_label_fa: string; requested_by_name: string; ordered_by_name: string | null;
  resolution_fy: number | null; resolution_serial: number | null; resolution_chain_id: string | null;
  delegate_user_id: string | null; delegate_name: string | null; delegation_chain_id: string | null; delegation_fy: number | null; delegation_serial: number | null;
  approvals: { slot: ApprovalSlot; userId: string; name: string; at: string; note: string | null }[];
}

export function requestState(r: SpendingRow): RequestState {
  return {
    status: r.status, authority: r.authority, unitPath: r.unit_path, requestedBy: r.requested_by, orderedBy: r.ordered_by,
    delegateUserId: r.delegate_user_id, approvals: r.approvals.map((a) => ({ slot: a.slot, userId: a.userId })), approvalExpiresAt: r.approval_expires_at,
  };
}

export function requestFacts(r: SpendingRow): RequestFacts {
  const pinned = r.authority === 'resolution' && r.resolution_chain_id ? { kind: 'resolution' as const, chainId: r.resolution_chain_id, delegateUserId: null }
    : r.authority === 'delegation' && r.delegation_chain_id ? { kind: 'delegation' as const, chainId: r.delegation_chain_id, delegateUserId: r.delegate_user_id }
      : null;
  return {
    unitId: r.unit_id, amountRials: r.amount_rials, purposeCode: r.purpose_code, targetGroupCode: r.target_group_code, project: r.project,
    status: r.status, authority: r.authority, pinned,
  };
}

export function toSpendingDto(r: SpendingRow): SpendingRequestDto {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: r.id, unit: { id: r.unit_id, name: r.unit_name, code: r.unit_code, kind: r.unit_kind },
    fund: { id: r.fund_id, kind: r.fund_kind, name: r.fund_name, purposeCode: r.fund_purpose_code },
    amountRials: r.amount_rials.toString(), title: r.title, description: r.description, purposeCode: r.purpose_code, purposeLabelFa: r.purpose_label_fa,
    targetGroupCode: r.target_group_code, placeUnitId: r.place_unit_id, placeGeoId: r.place_geo_id, project: r.project,
    beneficiaries: r.beneficiaries, beneficiaryCount: r.beneficiary_count,
    payee: { name: r.payee_name, sheba: r.payee_sheba, bankName: r.payee_bank_name },
    status: r.status, statusLabelFa: spendingStatusLabels[r.status].fa, authority: r.authority,
    resolution: r.resolution_id ? { id: r.resolution_id, number: `${r.resolution_fy}/${r.resolution_serial}` } : null,
    delegation: r.delegation_id ? { id: r.delegation_id, delegate: { id: r.delegate_user_id!, name: r.delegate_name! }, resolutionNumber: `${r.delegation_fy}/${r.delegation_serial}` } : null,
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    orderedBy: r.ordered_by ? { id: r.ordered_by, name: r.ordered_by_name ?? '' } : null,
    approvals: r.approvals.map((a) => ({ slot: a.slot, by: { id: a.userId, name: a.name }, at: new Date(a.at).toISOString(), note: a.note })),
    // a general-fund draft does not know its route (resolution or delegation) until it is submitted
    requiredApprovals: r.authority ? requiredSlots(r.authority) : r.fund_kind === 'specific' ? requiredSlots('specific') : [],
    submittedAt: iso(r.submitted_at), orderedAt: iso(r.ordered_at), approvedAt: iso(r.approved_at), approvalExpiresAt: iso(r.approval_expires_at),
    paidAt: iso(r.paid_at), paymentDocumentNo: r.payment_document_no, journalId: r.journal_id?.toString() ?? null, closedAt: iso(r.closed_at),
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Loads a request the actor may act on with `permission`; outside the actor's scope it answers
 * like a missing one. `forUpdate` locks the row: every state change of one request queues there.
 */
export async function loadSpendingRequest(db: Queryable, actor: Actor | SystemActor, id: string, permission: Permission = 'spending.read', forUpdate = false): Promise<SpendingRow> {
  if (forUpdate) await db.query('SELECT 1 FROM spending_request WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<SpendingRow>(`${spendingSelect} WHERE s.id = $1`, [id]);
  const r = rows[0];
  if (!r || !holdsAt(actor, 'spending.read', r.unit_path)) throw new AppError('SPENDING_REQUEST_NOT_FOUND');
  if (!holdsAt(actor, permission, r.unit_path)) throw new AppError('FORBIDDEN');
  return r;
}

/** Throws the error a refused can… decision stands for. */
export function refuse(d: Decision): never {
  if (d.ok) throw new Error('refuse() called with an allowed decision');
  throw new AppError(d.code, { params: d.params });
}
