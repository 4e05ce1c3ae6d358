import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { scopeRoots } from '../access/scope.ts';
import { councilSelect, toCouncilDto, type CouncilRow } from './council-row.ts';
import type { CouncilLevel } from './council-rules.ts';

export interface ListCouncilsInput {
  unitId?: string | undefined;
  level?: CouncilLevel | undefined;
  /** only councils whose quarterly meeting is overdue */
  overdue?: boolean | undefined;
  /** only councils whose next meeting is overdue or due within two weeks */
  reminders?: boolean | undefined;
  page: number;
  pageSize: number;
}

/**
 * Councils in the caller's scope with their meeting duty (every three months): last meeting held
 * with quorum, when the next is due and whether it is overdue. At most one council per unit
 * (~480 in all), so the duty is computed on read and filtered here; most overdue first.
 */
export async function listCouncils(db: Queryable, actor: Actor | SystemActor, input: ListCouncilsInput, now: Date = new Date()) {
  const scope = scopeRoots(actor, 'councils.read');
  const { rows } = await db.query<CouncilRow>(
    `${councilSelect}
      WHERE ($1::uuid[] IS NULL OR u.path && $1::uuid[])
        AND ($2::uuid IS NULL OR u.path @> ARRAY[$2::uuid])
        AND ($3::text IS NULL OR c.level = $3)
      ORDER BY u.depth, u.name`,
    [scope, input.unitId ?? null, input.level ?? null],
  );
  let items = rows.map((r) => toCouncilDto(r, now));
  if (input.overdue) items = items.filter((c) => c.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue);
  if (input.reminders) items = items.filter((c) => c.overdue || c.dueSoon).sort((a, b) => b.daysOverdue - a.daysOverdue || a.nextDueOn.localeCompare(b.nextDueOn));
  const start = (input.page - 1) * input.pageSize;
  return { items: items.slice(start, start + input.pageSize), total: items.length, page: input.page, pageSize: input.pageSize };
}
