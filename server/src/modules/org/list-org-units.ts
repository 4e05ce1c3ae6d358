import { searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { scopeRoots } from '../access/scope.ts';
import { orgUnitColumns, toOrgUnitDto, type OrgUnitRow } from './org-unit-row.ts';
import type { OrgUnitDto } from './org.schemas.ts';

export interface ListOrgUnitsInput {
  kind?: OrgUnitDto['kind'] | undefined;
  parentId?: string | undefined;
  status?: 'active' | 'retired' | undefined;
  q?: string | undefined;
  /** only the top units of the actor's scope (the roots of the unit picker) */
  roots?: boolean | undefined;
  page: number;
  pageSize: number;
}

export async function listOrgUnits(db: Queryable, actor: Actor | SystemActor, input: ListOrgUnitsInput) {
  const scope = scopeRoots(actor, 'org.read');
  const key = input.q ? searchKey(input.q) : null;
  const { rows } = await db.query<OrgUnitRow & { total: number }>(
    `SELECT ${orgUnitColumns}, count(*) OVER ()::int AS total
       FROM org_unit u
      WHERE ($1::uuid[] IS NULL OR u.path && $1::uuid[])
        AND ($2::text IS NULL OR u.kind = $2)
        AND ($3::uuid IS NULL OR u.parent_id = $3)
        AND ($4::text IS NULL OR u.status = $4)
        AND ($5::text IS NULL OR u.name_key LIKE '%' || $5 || '%' OR u.code ILIKE $6 || '%' OR u.amar_code = $6)
        AND (NOT $7::boolean OR u.id = ANY($1::uuid[]) AND NOT (u.path[1:array_length(u.path, 1) - 1] && $1::uuid[]))
      ORDER BY u.depth, u.status, u.name
      LIMIT $8 OFFSET $9`,
    [scope, input.kind ?? null, input.parentId ?? null, input.status ?? null, key || null, input.q?.trim() ?? null,
      Boolean(input.roots) && scope !== null, input.pageSize, (input.page - 1) * input.pageSize],
  );
  return { items: rows.map(toOrgUnitDto), total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
