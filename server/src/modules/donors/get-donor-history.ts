import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { loadDonor } from './donor-scope.ts';

/** What happened to a donor record (created, edited, revealed, merged…): its audit rows, newest first. */
export async function getDonorHistory(db: Queryable, actor: Actor | SystemActor, id: string) {
  await loadDonor(db, actor, id, 'donors.read');
  const { rows } = await db.query<{ at: Date; action: string; actor_name: string | null; summary: Record<string, unknown> }>(
    `SELECT at, action, actor_name, summary FROM audit_log WHERE entity_type = 'donor' AND entity_id = $1 ORDER BY id DESC LIMIT 200`, [id]);
  return { items: rows.map((r) => ({ at: r.at.toISOString(), action: r.action, actorName: r.actor_name, summary: r.summary })) };
}
