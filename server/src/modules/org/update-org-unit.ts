import { normalizeFa, searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadOrgUnit } from './load-org-unit.ts';
import { orgUnitColumns, parentKindAllowed, toOrgUnitDto, type OrgUnitRow } from './org-unit-row.ts';

export interface UpdateOrgUnitInput {
  id: string;
  name?: string | undefined;
  parentId?: string | undefined;
}

/**
 * Renames and/or moves a unit. A move carries the whole subtree along (their paths are rewritten);
 * records keep pointing at the same unit ids, so nothing is lost and the audit row keeps the old
 * name and parent.
 */
export async function updateOrgUnit(tx: Queryable, ctx: OpContext, input: UpdateOrgUnitInput) {
  const unit = await loadOrgUnit(tx, ctx.actor, input.id, 'org.manage', true);
  if (unit.status === 'retired') throw new AppError('ORG_UNIT_RETIRED');
  const changes: Record<string, unknown> = {};

  if (input.name !== undefined) {
    const name = normalizeFa(input.name);
    if (name !== unit.name) {
      await tx.query('UPDATE org_unit SET name = $2, name_key = $3, updated_at = now() WHERE id = $1', [unit.id, name, searchKey(name)]);
      changes.name = { from: unit.name, to: name };
    }
  }

  if (input.parentId !== undefined && input.parentId !== unit.parent_id) {
    if (unit.kind === 'hq') throw new AppError('ORG_UNIT_HQ_FIXED');
    const parent = await loadOrgUnit(tx, ctx.actor, input.parentId, 'org.manage', true);
    if (parent.path.includes(unit.id)) throw new AppError('ORG_UNIT_CYCLE', { field: 'parentId' });
    if (parent.status === 'retired') throw new AppError('ORG_UNIT_RETIRED', { field: 'parentId' });
    if (!parentKindAllowed(unit.kind, parent.kind)) throw new AppError('ORG_UNIT_INVALID_PARENT', { field: 'parentId', params: { kind: unit.kind } });
    const oldDepth = unit.path.length; // the unit sits at index oldDepth (1-based) of each descendant's path
    await tx.query(
      `UPDATE org_unit SET path = $2::uuid[] || path[$3:], depth = array_length($2::uuid[], 1) + array_length(path[$3:], 1) - 1,
              parent_id = CASE WHEN id = $1 THEN $4::uuid ELSE parent_id END, updated_at = now()
        WHERE path @> ARRAY[$1::uuid]`,
      [unit.id, parent.path, oldDepth, parent.id],
    );
    changes.parentId = { from: unit.parent_id, to: parent.id };
    // the unit's gifts now count under its new ancestors
    await tx.query('SELECT contribution_stats_rebuild()');
  }

  if (Object.keys(changes).length) {
    await writeAudit(tx, ctx, { action: Object.keys(changes).includes('parentId') ? 'org_unit.move' : 'org_unit.rename', entityType: 'org_unit', entityId: unit.id, unitId: unit.id, summary: changes });
  }
  const { rows } = await tx.query<OrgUnitRow>(`SELECT ${orgUnitColumns} FROM org_unit u WHERE u.id = $1`, [unit.id]);
  return toOrgUnitDto(rows[0]!);
}
