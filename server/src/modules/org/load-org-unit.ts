import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import { holdsAt } from '../access/scope.ts';
import { orgUnitColumns, type OrgUnitRow } from './org-unit-row.ts';

/**
 * Loads a unit the actor may act on with `permission`. A unit outside the actor's scope answers
 * exactly like a unit that does not exist, so ids cannot be probed. `forUpdate` locks the row.
 */
export async function loadOrgUnit(db: Queryable, actor: Actor | SystemActor, id: string, permission: Permission, forUpdate = false): Promise<OrgUnitRow> {
  const { rows } = await db.query<OrgUnitRow>(
    `SELECT ${orgUnitColumns} FROM org_unit u WHERE u.id = $1 ${forUpdate ? 'FOR UPDATE OF u' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row || !holdsAt(actor, 'org.read', row.path)) throw new AppError('ORG_UNIT_NOT_FOUND');
  if (!holdsAt(actor, permission, row.path)) throw new AppError('FORBIDDEN');
  return row;
}
