import { searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { Role } from '../access/permissions.ts';
import { scopeRoots } from '../access/scope.ts';
import { toUserDto, userSelect, type UserRow } from './user-row.ts';

export interface ListUsersInput {
  q?: string | undefined;
  unitId?: string | undefined;
  role?: Role | undefined;
  status?: 'active' | 'disabled' | undefined;
  page: number;
  pageSize: number;
}

/** Staff of the units in the caller's scope; `unitId` narrows to that unit's subtree. */
export async function listUsers(db: Queryable, actor: Actor | SystemActor, input: ListUsersInput) {
  const scope = scopeRoots(actor, 'users.read');
  const q = input.q?.trim() || null;
  const { rows } = await db.query<UserRow & { total: number }>(
    `${userSelect.replace('SELECT u.id', 'SELECT count(*) OVER ()::int AS total, u.id')}
      WHERE ($1::uuid[] IS NULL OR ou.path && $1::uuid[])
        AND ($2::uuid IS NULL OR ou.path @> ARRAY[$2::uuid])
        AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.role = $3))
        AND ($4::text IS NULL OR u.status = $4)
        AND ($5::text IS NULL OR lower(u.username) LIKE lower($5) || '%' OR u.name_key LIKE '%' || $6 || '%')
      ORDER BY u.username
      LIMIT $7 OFFSET $8`,
    [scope, input.unitId ?? null, input.role ?? null, input.status ?? null, q, q ? searchKey(q) : null, input.pageSize, (input.page - 1) * input.pageSize],
  );
  return { items: rows.map(toUserDto), total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
