import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadMeeting, quorumRuleOf } from './council-row.ts';
import { pastDayInstant, quorumOf, type MemberRole } from './council-rules.ts';
import { getMeeting } from './get-meeting.ts';

export interface CloseMeetingInput {
  id: string;
  /** Jalali day it was held; today when absent */
  heldOn?: string | undefined;
  minutes: string;
}

/**
 * Records that a meeting was held, with its minutes, and freezes its quorum from the recorded
 * attendance (members without an entry count as absent). A meeting without quorum is still
 * recorded, but passes no resolutions and does not count as the quarterly meeting.
 */
export async function closeMeeting(tx: Queryable, ctx: OpContext, input: CloseMeetingInput) {
  const { meeting, council } = await loadMeeting(tx, ctx.actor, input.id, 'councils.manage', true);
  if (meeting.status !== 'scheduled') throw new AppError('MEETING_NOT_SCHEDULED');
  const heldAt = input.heldOn ? pastDayInstant(input.heldOn) : new Date();
  if (heldAt === null) throw new AppError('MEETING_DATE_INVALID', { field: 'heldOn' });
  if (heldAt === 'future') throw new AppError('MEETING_HELD_IN_FUTURE', { field: 'heldOn' });
  const { rows: members } = await tx.query<{ id: string; role: MemberRole; present: boolean | null }>(
    `SELECT m.id, m.role, a.present FROM council_member m LEFT JOIN council_attendance a ON a.member_id = m.id AND a.meeting_id = $2
      WHERE m.council_id = $1 AND m.left_at IS NULL`, [council.id, meeting.id]);
  const quorum = quorumOf(quorumRuleOf(council), members, new Set(members.filter((m) => m.present).map((m) => m.id)));
  const minutes = normalizeFa(input.minutes);
  await tx.query(
    `UPDATE council_meeting SET status = 'held', held_at = $2, minutes = $3, member_count = $4, present_count = $5, quorum_met = $6, quorum_detail = $7, closed_by = $8
      WHERE id = $1`,
    [meeting.id, heldAt, minutes, quorum.memberCount, quorum.presentCount, quorum.met, quorum, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
  await writeAudit(tx, ctx, { action: 'council_meeting.close', entityType: 'council_meeting', entityId: meeting.id, unitId: council.unit_id, summary: { heldAt: heldAt.toISOString(), quorum } });
  return getMeeting(tx, ctx.actor, meeting.id);
}
