import type { Queryable } from '../../db/pool.ts';
import type { UserDto } from './users.schemas.ts';

export const userSelect = `
  SELECT u.id, u.username, u.full_name, u.status, u.created_at, u.last_login_at, u.unit_id,
         ou.kind AS unit_kind, ou.name AS unit_name, ou.code AS unit_code, ou.path AS unit_path,
         coalesce((SELECT json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'unitName', ru.name) ORDER BY r.role)
                     FROM role_assignment r JOIN org_unit ru ON ru.id = r.unit_id WHERE r.user_id = u.id), '[]') AS roles
    FROM staff_user u JOIN org_unit ou ON ou.id = u.unit_id`;

export interface UserRow {
  id: string; username: string; full_name: string; status: 'active' | 'disabled'; created_at: Date; last_login_at: Date | null;
  unit_id: string; unit_kind: UserDto['unit']['kind']; unit_name: string; unit_code: string; unit_path: string[];
  roles: UserDto['roles'];
}

export function toUserDto(r: UserRow): UserDto {
  return {
    id: r.id, username: r.username, fullName: r.full_name, status: r.status,
    unit: { id: r.unit_id, kind: r.unit_kind, name: r.unit_name, code: r.unit_code },
    roles: r.roles, createdAt: r.created_at.toISOString(), lastLoginAt: r.last_login_at?.toISOString() ?? null,
  };
}

export async function selectUser(db: Queryable, id: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`${userSelect} WHERE u.id = $1`, [id]);
  return rows[0];
}
