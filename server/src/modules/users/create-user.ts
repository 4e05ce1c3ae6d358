import { normalizeFa, searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Grant, OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { hashPassword, isStrongEnough } from '../auth/passwords.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { selectUser, toUserDto } from './user-row.ts';

export interface CreateUserInput {
  username: string;
  fullName: string;
  password: string;
  unitId: string;
  roles: Grant[];
}

/** Checks that every role is granted at a unit the actor manages users for (and that is active). */
export async function checkGrants(tx: Queryable, ctx: OpContext, grants: Grant[]) {
  for (const [i, g] of grants.entries()) {
    try {
      const unit = await loadOrgUnit(tx, ctx.actor, g.unitId, 'users.manage');
      if (unit.status === 'retired') throw new AppError('ORG_UNIT_RETIRED', { field: `roles.${i}.unitId` });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'FORBIDDEN' || err.code === 'ORG_UNIT_NOT_FOUND')) {
        throw new AppError('USER_ROLE_OUT_OF_SCOPE', { field: `roles.${i}.unitId` });
      }
      throw err;
    }
  }
}

export async function createUser(tx: Queryable, ctx: OpContext, input: CreateUserInput) {
  const unit = await loadOrgUnit(tx, ctx.actor, input.unitId, 'users.manage');
  if (unit.status === 'retired') throw new AppError('ORG_UNIT_RETIRED', { field: 'unitId' });
  if (!isStrongEnough(input.password)) throw new AppError('USER_PASSWORD_WEAK', { field: 'password' });
  await checkGrants(tx, ctx, input.roles);
  const taken = await tx.query('SELECT 1 FROM staff_user WHERE lower(username) = lower($1)', [input.username]);
  if (taken.rowCount) throw new AppError('USER_USERNAME_TAKEN', { field: 'username' });
  const fullName = normalizeFa(input.fullName);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO staff_user (username, full_name, name_key, password_hash, unit_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.username, fullName, searchKey(fullName), await hashPassword(input.password), unit.id],
  );
  const id = rows[0]!.id;
  for (const g of input.roles) {
    await tx.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, g.role, g.unitId]);
  }
  await writeAudit(tx, ctx, { action: 'user.create', entityType: 'staff_user', entityId: id, unitId: unit.id, summary: { username: input.username, fullName, roles: input.roles } });
  return toUserDto((await selectUser(tx, id))!);
}
