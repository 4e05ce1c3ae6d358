import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadOrgUnit } from './load-org-unit.ts';
import { orgUnitColumns, toOrgUnitDto, type OrgUnitRow } from './org-unit-row.ts';

export interface RetireOrgUnitInput {
  id: string;
  reason: string;
  successorIds?: string[] | undefined;
}

/**
 * Retires a unit: it keeps its records and stays reportable, but takes no new ones and its roles
 * stop granting access. A unit with active children must have them moved or retired first.
 */
export async function retireOrgUnit(tx: Queryable, ctx: OpContext, input: RetireOrgUnitInput) {
  const unit = await loadOrgUnit(tx, ctx.actor, input.id, 'org.manage', true);
  if (unit.kind === 'hq') throw new AppError('ORG_UNIT_HQ_FIXED');
  if (unit.status === 'retired') throw new AppError('ORG_UNIT_RETIRED');
  const { rows: kids } = await tx.query(`SELECT 1 FROM org_unit WHERE parent_id = $1 AND status = 'active' LIMIT 1`, [unit.id]);
  if (kids.length) throw new AppError('ORG_UNIT_HAS_ACTIVE_CHILDREN');
  const successors = input.successorIds ?? [];
  for (const s of successors) await loadOrgUnit(tx, ctx.actor, s, 'org.read');
  await tx.query(
    `UPDATE org_unit SET status = 'retired', retired_at = now(), retire_reason = $2, successor_ids = $3, updated_at = now() WHERE id = $1`,
    [unit.id, input.reason, successors],
  );
  await writeAudit(tx, ctx, { action: 'org_unit.retire', entityType: 'org_unit', entityId: unit.id, unitId: unit.id, summary: { reason: input.reason, successorIds: successors } });
  const { rows } = await tx.query<OrgUnitRow>(`SELECT ${orgUnitColumns} FROM org_unit u WHERE u.id = $1`, [unit.id]);
  return toOrgUnitDto(rows[0]!);
}
