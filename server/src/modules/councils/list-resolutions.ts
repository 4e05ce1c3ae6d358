import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { scopeRoots } from '../access/scope.ts';
import { delegationSelect, toDelegationDto, type DelegationRow } from './get-resolution.ts';
import { resolutionSelect, toResolutionSummary, type ResolutionRow } from './resolution-row.ts';

export interface ListResolutionsInput {
  councilId?: string | undefined;
  unitId?: string | undefined;
  fiscalYear?: number | undefined;
  /** only versions in force (latest of their chain, not revoked or a revocation) */
  inForce?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** Resolutions in the caller's scope, newest first, with the ceiling each still has. */
export async function listResolutions(db: Queryable, actor: Actor | SystemActor, input: ListResolutionsInput) {
  const scope = scopeRoots(actor, 'councils.read');
  const { rows } = await db.query<ResolutionRow & { used_rials: bigint | null; total: number }>(
    `${resolutionSelect.replace('SELECT r.id', 'SELECT count(*) OVER ()::int AS total, al.used_rials, r.id')}
       LEFT JOIN council_allowance al ON al.chain_id = r.chain_id AND al.delegate_user_id IS NULL
      WHERE ($1::uuid[] IS NULL OR u.path && $1::uuid[])
        AND ($2::uuid IS NULL OR r.council_id = $2)
        AND ($3::uuid IS NULL OR u.path @> ARRAY[$3::uuid])
        AND ($4::int IS NULL OR r.fiscal_year = $4)
        AND (NOT $5::boolean OR (n.id IS NULL AND r.kind <> 'revocation'))
      ORDER BY r.created_at DESC, r.serial DESC
      LIMIT $6 OFFSET $7`,
    [scope, input.councilId ?? null, input.unitId ?? null, input.fiscalYear ?? null, Boolean(input.inForce), input.pageSize, (input.page - 1) * input.pageSize]);
  return {
    items: rows.map((r) => ({
      ...toResolutionSummary(r), councilId: r.council_id, councilName: r.council_name, unit: { id: r.unit_id, name: r.unit_name, code: r.unit_code, kind: r.unit_kind },
      ceilingRials: r.ceiling_rials?.toString() ?? null,
      remainingRials: r.ceiling_rials !== null ? (r.ceiling_rials - (r.used_rials ?? 0n)).toString() : null,
    })),
    total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize,
  };
}

/** Delegations in the caller's scope (or the caller's own: delegateUserId = me), newest first. */
export async function listDelegations(db: Queryable, actor: Actor | SystemActor, input: { delegateUserId?: string | undefined; unitId?: string | undefined; inForce?: boolean | undefined }, now: Date = new Date()) {
  const scope = scopeRoots(actor, 'councils.read');
  // a delegate always sees their own delegations, wherever they sit
  const me = actor.kind === 'staff' ? actor.userId : null;
  const { rows } = await db.query<DelegationRow>(
    `${delegationSelect}
      WHERE ($1::uuid[] IS NULL OR u.path && $1::uuid[] OR d.delegate_user_id = $2)
        AND ($3::uuid IS NULL OR d.delegate_user_id = $3)
        AND ($4::uuid IS NULL OR u.path @> ARRAY[$4::uuid])
      ORDER BY d.expires_at DESC LIMIT 500`,
    [scope, me, input.delegateUserId ?? null, input.unitId ?? null]);
  const items = rows.map((d) => toDelegationDto(d, now));
  return { items: input.inForce ? items.filter((d) => d.inForceNow) : items };
}
