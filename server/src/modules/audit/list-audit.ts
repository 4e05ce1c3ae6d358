import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { scopeRoots } from '../access/scope.ts';

export interface ListAuditInput {
  unitId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * The audit log within the caller's scope: rows of units in their subtree; rows without a unit
 * (e.g. a failed sign-in for an unknown name) only for those whose scope includes HQ.
 */
export async function listAudit(db: Queryable, actor: Actor | SystemActor, input: ListAuditInput) {
  const scope = scopeRoots(actor, 'audit.read');
  const { rows } = await db.query<{
    total: number; id: bigint; at: Date; actor_id: string | null; actor_name: string | null; unit_id: string | null; unit_name: string | null;
    action: string; entity_type: string; entity_id: string | null; summary: Record<string, unknown>; request_id: string | null; ip: string | null;
  }>(
    `SELECT count(*) OVER ()::int AS total, a.id, a.at, a.actor_id, a.actor_name, a.unit_id, ou.name AS unit_name, a.action,
            a.entity_type, a.entity_id, a.summary, a.request_id, host(a.ip) AS ip
       FROM audit_log a LEFT JOIN org_unit ou ON ou.id = a.unit_id
      WHERE ($1::uuid[] IS NULL OR ou.path && $1::uuid[]
             OR (a.unit_id IS NULL AND EXISTS (SELECT 1 FROM org_unit h WHERE h.kind = 'hq' AND h.id = ANY($1::uuid[]))))
        AND ($2::uuid IS NULL OR ou.path @> ARRAY[$2::uuid])
        AND ($3::uuid IS NULL OR a.actor_id = $3)
        AND ($4::text IS NULL OR a.action = $4)
        AND ($5::text IS NULL OR a.entity_type = $5)
        AND ($6::text IS NULL OR a.entity_id = $6)
        AND ($7::timestamptz IS NULL OR a.at >= $7)
        AND ($8::timestamptz IS NULL OR a.at < $8)
      ORDER BY a.id DESC
      LIMIT $9 OFFSET $10`,
    [scope, input.unitId ?? null, input.actorId ?? null, input.action ?? null, input.entityType ?? null, input.entityId ?? null,
      input.from ?? null, input.to ?? null, input.pageSize, (input.page - 1) * input.pageSize],
  );
  return {
    items: rows.map((r) => ({
      id: String(r.id), at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, unitId: r.unit_id, unitName: r.unit_name,
      action: r.action, entityType: r.entity_type, entityId: r.entity_id, summary: r.summary, requestId: r.request_id, ip: r.ip,
    })),
    total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize,
  };
}

export async function listAuditActions(db: Queryable) {
  const { rows } = await db.query<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action');
  return { items: rows.map((r) => r.action) };
}
