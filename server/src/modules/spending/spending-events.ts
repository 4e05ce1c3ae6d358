import type { Queryable } from '../../db/pool.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { SpendingStatus } from './spending-rules.ts';

export interface SpendingEvent {
  requestId: string;
  unitId: string;
  /** create, edit, submit, order, approve, confirm, reject, cancel, pay, expire, attach */
  action: string;
  from: SpendingStatus | null;
  to: SpendingStatus;
  note?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/**
 * One step of a request: a row of its visible history (who, when, what, note) and an audit row,
 * both in the caller's transaction.
 */
export async function recordSpendingEvent(tx: Queryable, ctx: OpContext, e: SpendingEvent): Promise<void> {
  const actor = ctx.actor;
  await tx.query(
    `INSERT INTO spending_request_event (request_id, actor_id, actor_name, action, from_status, to_status, note, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.requestId, actor.kind === 'staff' ? actor.userId : null, actor.kind === 'staff' ? actor.fullName : 'سامانه', e.action, e.from, e.to, e.note ?? null, jsonSafe(e.details)]);
  await writeAudit(tx, ctx, {
    action: `spending_request.${e.action}`, entityType: 'spending_request', entityId: e.requestId, unitId: e.unitId,
    summary: { from: e.from, to: e.to, note: e.note ?? null, ...(e.details ?? {}) },
  });
}
