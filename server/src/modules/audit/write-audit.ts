import { deferSql, type Queryable } from '../../db/pool.ts';
import type { OpContext } from '../access/actor.ts';

export interface AuditEvent {
  /** dotted verb, e.g. 'org_unit.create', 'auth.login' */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** the unit the change belongs to (for scoping the log) */
  unitId?: string | null;
  /** what changed: small, no secrets, bigint allowed (stored as strings) */
  summary?: Record<string, unknown>;
  /** send with the COMMIT (hot paths): saves a round trip, same transaction */
  deferred?: boolean;
}

function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/**
 * Appends an audit row. Call it with the transaction that makes the change, so the row exists if
 * and only if the change was committed.
 */
export async function writeAudit(tx: Queryable, ctx: OpContext, event: AuditEvent): Promise<void> {
  const actor = ctx.actor;
  await (event.deferred ? deferSql : (db: Queryable, text: string, params: unknown[]) => db.query(text, params))(
    tx,
    `INSERT INTO audit_log (actor_id, actor_name, unit_id, action, entity_type, entity_id, summary, request_id, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      actor.kind === 'staff' ? actor.userId : null,
      actor.kind === 'staff' ? actor.username : actor.name,
      event.unitId ?? null,
      event.action,
      event.entityType,
      event.entityId ?? null,
      jsonSafe(event.summary),
      ctx.requestId,
      ctx.ip,
    ],
  );
}
