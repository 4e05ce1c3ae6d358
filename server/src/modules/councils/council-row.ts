import { formatJalaliDate } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import { holdsAt } from '../access/scope.ts';
import { meetingDue, type CouncilLevel, type QuorumRule } from './council-rules.ts';
import type { CouncilDto, MeetingSummaryDto } from './councils.schemas.ts';

export const latinDay = (d: Date) => formatJalaliDate(d, { digits: 'latin' });

/** Columns selected wherever a council is returned; keep in step with CouncilRow. */
export const councilSelect = `
  SELECT c.id, c.unit_id, c.level, c.name, c.quorum_kind, c.quorum_min, c.quorum_requires_chair, c.created_at,
         u.name AS unit_name, u.code AS unit_code, u.kind AS unit_kind, u.path AS unit_path,
         (SELECT count(*)::int FROM council_member m WHERE m.council_id = c.id AND m.left_at IS NULL) AS member_count,
         (SELECT max(h.held_at) FROM council_meeting h WHERE h.council_id = c.id AND h.status = 'held' AND h.quorum_met) AS last_quorate_at,
         n.id AS next_id, n.scheduled_at AS next_at
    FROM council c
    JOIN org_unit u ON u.id = c.unit_id
    LEFT JOIN LATERAL (SELECT s.id, s.scheduled_at FROM council_meeting s WHERE s.council_id = c.id AND s.status = 'scheduled'
                        ORDER BY s.scheduled_at LIMIT 1) n ON true`;

export interface CouncilRow {
  id: string; unit_id: string; level: CouncilLevel; name: string; quorum_kind: QuorumRule['kind']; quorum_min: number | null;
  quorum_requires_chair: boolean; created_at: Date; unit_name: string; unit_code: string; unit_kind: string; unit_path: string[];
  member_count: number; last_quorate_at: Date | null; next_id: string | null; next_at: Date | null;
}

export function quorumRuleOf(r: Pick<CouncilRow, 'quorum_kind' | 'quorum_min' | 'quorum_requires_chair'>): QuorumRule {
  return { kind: r.quorum_kind, minMembers: r.quorum_min, requiresChair: r.quorum_requires_chair };
}

export function toCouncilDto(r: CouncilRow, now: Date = new Date()): CouncilDto {
  const due = meetingDue(r.last_quorate_at, r.created_at, now);
  return {
    id: r.id, unit: { id: r.unit_id, name: r.unit_name, code: r.unit_code, kind: r.unit_kind }, level: r.level, name: r.name,
    quorum: quorumRuleOf(r), memberCount: r.member_count,
    lastMeetingAt: r.last_quorate_at?.toISOString() ?? null, lastMeetingOn: r.last_quorate_at ? latinDay(r.last_quorate_at) : null,
    nextDueOn: latinDay(due.dueAt), overdue: due.overdue, daysOverdue: due.daysOverdue, dueSoon: due.dueSoon,
    nextScheduled: r.next_id && r.next_at ? { id: r.next_id, scheduledAt: r.next_at.toISOString(), scheduledOn: latinDay(r.next_at) } : null,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Loads a council the actor may act on with `permission`. Out of scope answers like missing, so
 * ids cannot be probed. `forUpdate` locks the council row (numbering, membership changes).
 */
export async function loadCouncil(db: Queryable, actor: Actor | SystemActor, id: string, permission: Permission, forUpdate = false): Promise<CouncilRow> {
  if (forUpdate) await db.query('SELECT 1 FROM council WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<CouncilRow>(`${councilSelect} WHERE c.id = $1`, [id]);
  const row = rows[0];
  if (!row || !holdsAt(actor, 'councils.read', row.unit_path)) throw new AppError('COUNCIL_NOT_FOUND');
  if (!holdsAt(actor, permission, row.unit_path)) throw new AppError('FORBIDDEN');
  return row;
}

export interface MeetingRow {
  id: string; council_id: string; scheduled_at: Date; location: string | null; agenda: string; status: 'scheduled' | 'held' | 'cancelled';
  held_at: Date | null; minutes: string | null; member_count: number | null; present_count: number | null; quorum_met: boolean | null;
  cancel_reason: string | null;
}

export function toMeetingSummary(m: MeetingRow): MeetingSummaryDto {
  return {
    id: m.id, councilId: m.council_id, status: m.status, scheduledAt: m.scheduled_at.toISOString(), scheduledOn: latinDay(m.scheduled_at),
    heldAt: m.held_at?.toISOString() ?? null, heldOn: m.held_at ? latinDay(m.held_at) : null, location: m.location, agenda: m.agenda,
    quorumMet: m.quorum_met, presentCount: m.present_count, memberCount: m.member_count,
  };
}

/** A meeting and its council, checked like loadCouncil; `forUpdate` locks the meeting row. */
export async function loadMeeting(db: Queryable, actor: Actor | SystemActor, id: string, permission: Permission, forUpdate = false): Promise<{ meeting: MeetingRow; council: CouncilRow }> {
  const { rows } = await db.query<MeetingRow>(`SELECT * FROM council_meeting WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  const meeting = rows[0];
  if (!meeting) throw new AppError('MEETING_NOT_FOUND');
  let council: CouncilRow;
  try {
    council = await loadCouncil(db, actor, meeting.council_id, permission);
  } catch (err) {
    if (err instanceof AppError && err.code === 'COUNCIL_NOT_FOUND') throw new AppError('MEETING_NOT_FOUND');
    throw err;
  }
  return { meeting, council };
}
