import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { createOrgUnit } from './create-org-unit.ts';
import { loadOrgUnit } from './load-org-unit.ts';
import type { OrgUnitDto } from './org.schemas.ts';
import { retireOrgUnit } from './retire-org-unit.ts';
import { updateOrgUnit } from './update-org-unit.ts';

export interface SplitOrgUnitInput {
  id: string;
  parts: { name: string; amarCode?: string | null | undefined }[];
  reason: string;
  /** index into parts that takes over the unit's active children (departments, counties) */
  childrenTo?: number | undefined;
}

/**
 * Splits a unit into new sibling units of the same kind (a county divided in two, as the Ministry
 * of Interior does most years). The original is retired with the new units as its successors; its
 * records stay with it, so past figures are still reported under the original.
 */
export async function splitOrgUnit(tx: Queryable, ctx: OpContext, input: SplitOrgUnitInput): Promise<{ created: OrgUnitDto[]; retired: OrgUnitDto }> {
  const unit = await loadOrgUnit(tx, ctx.actor, input.id, 'org.manage', true);
  if (unit.kind === 'hq') throw new AppError('ORG_UNIT_HQ_FIXED');
  if (unit.status === 'retired') throw new AppError('ORG_UNIT_RETIRED');
  if (input.parts.length < 2) throw new AppError('VALIDATION_FAILED', { field: 'parts' });
  if (input.childrenTo !== undefined && !input.parts[input.childrenTo]) throw new AppError('VALIDATION_FAILED', { field: 'childrenTo' });
  const created: OrgUnitDto[] = [];
  for (const part of input.parts) {
    created.push(await createOrgUnit(tx, ctx, { kind: unit.kind as Exclude<OrgUnitDto['kind'], 'hq'>, name: part.name, parentId: unit.parent_id!, amarCode: part.amarCode ?? null, geoId: unit.geo_id }));
  }
  const { rows: kids } = await tx.query<{ id: string }>(`SELECT id FROM org_unit WHERE parent_id = $1 AND status = 'active'`, [unit.id]);
  if (kids.length) {
    if (input.childrenTo === undefined) throw new AppError('ORG_UNIT_HAS_ACTIVE_CHILDREN', { field: 'childrenTo' });
    for (const k of kids) await updateOrgUnit(tx, ctx, { id: k.id, parentId: created[input.childrenTo]!.id });
  }
  const retired = await retireOrgUnit(tx, ctx, { id: unit.id, reason: input.reason, successorIds: created.map((c) => c.id) });
  await writeAudit(tx, ctx, { action: 'org_unit.split', entityType: 'org_unit', entityId: unit.id, unitId: unit.id, summary: { into: created.map((c) => ({ id: c.id, name: c.name })) } });
  return { created, retired };
}
