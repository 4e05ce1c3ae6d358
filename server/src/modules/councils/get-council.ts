import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';
import { loadCouncil, toCouncilDto, toMeetingSummary, type MeetingRow } from './council-row.ts';
import type { MemberDto } from './councils.schemas.ts';

export interface MemberRow {
  id: string; staff_user_id: string | null; full_name: string; organization: string | null; role: MemberDto['role'];
  joined_at: Date; left_at: Date | null; left_reason: string | null;
}

export function toMemberDto(m: MemberRow): MemberDto {
  return {
    id: m.id, staffUserId: m.staff_user_id, fullName: m.full_name, organization: m.organization, role: m.role,
    joinedAt: m.joined_at.toISOString(), leftAt: m.left_at?.toISOString() ?? null, leftReason: m.left_reason,
  };
}

/** A council with its members (past ones too) and its last meetings. */
export async function getCouncil(db: Queryable, actor: Actor | SystemActor, id: string) {
  const c = await loadCouncil(db, actor, id, 'councils.read');
  const { rows: members } = await db.query<MemberRow>(
    `SELECT * FROM council_member WHERE council_id = $1 ORDER BY left_at NULLS FIRST, CASE role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END, joined_at`, [c.id]);
  const { rows: meetings } = await db.query<MeetingRow>(
    `SELECT * FROM council_meeting WHERE council_id = $1 ORDER BY coalesce(held_at, scheduled_at) DESC LIMIT 50`, [c.id]);
  const manage = holdsAt(actor, 'councils.manage', c.unit_path);
  return {
    council: toCouncilDto(c),
    members: members.map(toMemberDto),
    meetings: meetings.map(toMeetingSummary),
    nextActions: manage ? (['edit', 'add_member', 'schedule_meeting', 'report'] as const).filter((a) => a !== 'report' || c.level !== 'central' && holdsAt(actor, 'reports.council', c.unit_path)) : [],
  };
}
