import { normalizeFa, searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Grant, OpContext } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { hashPassword, isStrongEnough } from '../auth/passwords.ts';
import { checkGrants } from './create-user.ts';
import { selectUser, toUserDto } from './user-row.ts';

export interface UpdateUserInput {
  id: string;
  fullName?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  roles?: Grant[] | undefined;
  password?: string | undefined;
}

/** Edits a user; disabling or a new password ends their open sessions. Passwords are never audited. */
export async function updateUser(tx: Queryable, ctx: OpContext, input: UpdateUserInput) {
  const user = await selectUser(tx, input.id);
  if (!user || !holdsAt(ctx.actor, 'users.read', user.unit_path)) throw new AppError('USER_NOT_FOUND');
  if (!holdsAt(ctx.actor, 'users.manage', user.unit_path)) throw new AppError('FORBIDDEN');
  const self = ctx.actor.kind === 'staff' && ctx.actor.userId === user.id;
  const changes: Record<string, unknown> = {};

  if (input.fullName !== undefined && normalizeFa(input.fullName) !== user.full_name) {
    const fullName = normalizeFa(input.fullName);
    await tx.query('UPDATE staff_user SET full_name = $2, name_key = $3, updated_at = now() WHERE id = $1', [user.id, fullName, searchKey(fullName)]);
    changes.fullName = { from: user.full_name, to: fullName };
  }
  if (input.status !== undefined && input.status !== user.status) {
    if (self && input.status === 'disabled') throw new AppError('USER_SELF_LOCKOUT', { field: 'status' });
    await tx.query('UPDATE staff_user SET status = $2, updated_at = now() WHERE id = $1', [user.id, input.status]);
    changes.status = { from: user.status, to: input.status };
  }
  if (input.roles !== undefined) {
    const before = user.roles.map((r) => ({ role: r.role, unitId: r.unitId }));
    const key = (g: Grant) => `${g.role}@${g.unitId}`;
    const added = input.roles.filter((g) => !before.some((b) => key(b) === key(g)));
    const removed = before.filter((b) => !input.roles!.some((g) => key(g) === key(b)));
    if (self && removed.some((r) => r.role === 'admin')) throw new AppError('USER_SELF_LOCKOUT', { field: 'roles' });
    await checkGrants(tx, ctx, [...added, ...removed]);
    for (const g of removed) await tx.query('DELETE FROM role_assignment WHERE user_id = $1 AND role = $2 AND unit_id = $3', [user.id, g.role, g.unitId]);
    for (const g of added) await tx.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3)', [user.id, g.role, g.unitId]);
    if (added.length || removed.length) changes.roles = { added, removed };
  }
  if (input.password !== undefined) {
    if (!isStrongEnough(input.password)) throw new AppError('USER_PASSWORD_WEAK', { field: 'password' });
    await tx.query('UPDATE staff_user SET password_hash = $2, updated_at = now() WHERE id = $1', [user.id, await hashPassword(input.password)]);
    changes.password = 'changed';
  }
  if (changes.status || changes.password) {
    await tx.query('UPDATE staff_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
  }
  if (Object.keys(changes).length) {
    await writeAudit(tx, ctx, { action: 'user.update', entityType: 'staff_user', entityId: user.id, unitId: user.unit_id, summary: changes });
  }
  return toUserDto((await selectUser(tx, user.id))!);
}
