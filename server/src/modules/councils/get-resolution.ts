import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { spendingUnderChain } from '../spending/spending-summary.ts';
import { latinDay } from './council-row.ts';
import type { DelegationDto, ResolutionDto } from './councils.schemas.ts';
import { loadResolution, resolutionSelect, resolutionStatus, toResolutionSummary, type ResolutionRow } from './resolution-row.ts';

export const delegationSelect = `
  SELECT d.id, d.resolution_id, d.delegate_user_id, s.full_name AS delegate_name, d.purpose_codes, d.ceiling_rials, d.expires_at,
         coalesce(a.used_rials, 0) AS used_rials, r.fiscal_year, r.serial, r.council_id, c.unit_id, u.name AS unit_name, u.code AS unit_code,
         u.kind AS unit_kind, u.path AS unit_path, r.kind AS resolution_kind, n.kind AS superseded_by_kind
    FROM council_delegation d
    JOIN council_resolution r ON r.id = d.resolution_id
    JOIN council c ON c.id = r.council_id
    JOIN org_unit u ON u.id = c.unit_id
    JOIN staff_user s ON s.id = d.delegate_user_id
    LEFT JOIN council_allowance a ON a.chain_id = r.chain_id AND a.delegate_user_id = d.delegate_user_id
    LEFT JOIN council_resolution n ON n.supersedes_id = r.id`;

export interface DelegationRow {
  id: string; resolution_id: string; delegate_user_id: string; delegate_name: string; purpose_codes: string[]; ceiling_rials: bigint; expires_at: Date;
  used_rials: bigint; fiscal_year: number; serial: number; council_id: string; unit_id: string; unit_name: string; unit_code: string; unit_kind: string;
  unit_path: string[]; resolution_kind: ResolutionDto['kind']; superseded_by_kind: ResolutionDto['kind'] | null;
}

export function toDelegationDto(d: DelegationRow, now: Date = new Date()): DelegationDto {
  const inForce = resolutionStatus({ kind: d.resolution_kind, superseded_by_kind: d.superseded_by_kind }) === 'in_force' && now < d.expires_at;
  return {
    id: d.id, resolutionId: d.resolution_id, resolutionNumber: `${d.fiscal_year}/${d.serial}`, councilId: d.council_id,
    unit: { id: d.unit_id, name: d.unit_name, code: d.unit_code, kind: d.unit_kind },
    delegate: { id: d.delegate_user_id, fullName: d.delegate_name }, purposeCodes: d.purpose_codes,
    ceilingRials: d.ceiling_rials.toString(), usedRials: d.used_rials.toString(), remainingRials: (d.ceiling_rials - d.used_rials).toString(),
    expiresOn: latinDay(new Date(d.expires_at.getTime() - 1)), inForceNow: inForce,
  };
}

/** A resolution with what it authorizes, the ceiling used and remaining, its delegations and its history. */
export async function getResolution(db: Queryable, actor: Actor | SystemActor, id: string, now: Date = new Date()): Promise<ResolutionDto> {
  const r = await loadResolution(db, actor, id);
  const status = resolutionStatus(r);
  let authorization: ResolutionDto['authorization'] = null;
  if (r.ceiling_rials !== null) {
    const { rows } = await db.query<{ used_rials: bigint }>('SELECT used_rials FROM council_allowance WHERE chain_id = $1 AND delegate_user_id IS NULL', [r.chain_id]);
    const used = rows[0]?.used_rials ?? 0n;
    authorization = {
      ceilingRials: r.ceiling_rials.toString(), usedRials: used.toString(), remainingRials: (r.ceiling_rials - used).toString(), purposeCodes: r.purpose_codes,
      validFrom: latinDay(r.valid_from!), validTo: latinDay(new Date(r.valid_until!.getTime() - 1)),
      inForceNow: status === 'in_force' && now >= r.valid_from! && now < r.valid_until!,
    };
  }
  const { rows: delegations } = await db.query<DelegationRow>(`${delegationSelect} WHERE d.resolution_id = $1 ORDER BY s.full_name`, [r.id]);
  const { rows: history } = await db.query<ResolutionRow>(`${resolutionSelect} WHERE r.chain_id = $1 ORDER BY r.created_at, r.serial`, [r.chain_id]);
  return {
    ...toResolutionSummary(r), councilId: r.council_id, councilName: r.council_name,
    unit: { id: r.unit_id, name: r.unit_name, code: r.unit_code, kind: r.unit_kind }, meetingId: r.meeting_id, fiscalYear: r.fiscal_year, serial: r.serial,
    chainId: r.chain_id, supersedesId: r.supersedes_id, supersededById: r.superseded_by_id, authorization,
    delegations: delegations.map((d) => toDelegationDto(d, now)),
    history: history.map(toResolutionSummary),
    spending: await spendingUnderChain(db, r.chain_id),
    createdAt: r.created_at.toISOString(),
  };
}
