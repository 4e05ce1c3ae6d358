import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { loadOrgUnit } from './load-org-unit.ts';
import { toOrgUnitDto } from './org-unit-row.ts';
import type { OrgUnitDto } from './org.schemas.ts';

/** A unit with its path from the root (HQ) down to itself. */
export async function getOrgUnit(db: Queryable, actor: Actor | SystemActor, id: string) {
  const row = await loadOrgUnit(db, actor, id, 'org.read');
  const { rows: path } = await db.query<Pick<OrgUnitDto, 'id' | 'kind' | 'name' | 'code'>>(
    `SELECT p.id, p.kind, p.name, p.code FROM unnest($1::uuid[]) WITH ORDINALITY AS a(id, n)
       JOIN org_unit p ON p.id = a.id ORDER BY a.n`,
    [row.path],
  );
  return { unit: toOrgUnitDto(row), path };
}

/** What happened to a unit: its audit rows, newest first. */
export async function getOrgUnitHistory(db: Queryable, actor: Actor | SystemActor, id: string) {
  await loadOrgUnit(db, actor, id, 'org.read');
  const { rows } = await db.query<{ at: Date; action: string; actor_name: string | null; summary: Record<string, unknown> }>(
    `SELECT at, action, actor_name, summary FROM audit_log
      WHERE entity_type = 'org_unit' AND entity_id = $1 ORDER BY id DESC LIMIT 200`,
    [id],
  );
  return { items: rows.map((r) => ({ at: r.at.toISOString(), action: r.action, actorName: r.actor_name, summary: r.summary })) };
}
