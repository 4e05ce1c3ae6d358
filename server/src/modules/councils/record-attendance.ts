import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadMeeting } from './council-row.ts';
import { getMeeting } from './get-meeting.ts';

export interface AttendanceInput {
  meetingId: string;
  entries: { memberId: string; present: boolean; note?: string | undefined }[];
}

/** Records who attended, before the meeting is closed (re-recording a member replaces the entry). */
export async function recordAttendance(tx: Queryable, ctx: OpContext, input: AttendanceInput) {
  const { meeting, council } = await loadMeeting(tx, ctx.actor, input.meetingId, 'councils.manage', true);
  if (meeting.status !== 'scheduled') throw new AppError('MEETING_NOT_SCHEDULED');
  const { rows: members } = await tx.query<{ id: string }>('SELECT id FROM council_member WHERE council_id = $1 AND left_at IS NULL', [council.id]);
  const sitting = new Set(members.map((m) => m.id));
  for (const [i, e] of input.entries.entries()) {
    if (!sitting.has(e.memberId)) throw new AppError('MEETING_NOT_A_MEMBER', { field: `entries.${i}.memberId` });
    await tx.query(
      `INSERT INTO council_attendance (meeting_id, member_id, present, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id, member_id) DO UPDATE SET present = EXCLUDED.present, note = EXCLUDED.note, recorded_at = now()`,
      [meeting.id, e.memberId, e.present, e.note ? normalizeFa(e.note) : null]);
  }
  await writeAudit(tx, ctx, { action: 'council_meeting.attendance', entityType: 'council_meeting', entityId: meeting.id, unitId: council.unit_id, summary: { entries: input.entries.map((e) => ({ memberId: e.memberId, present: e.present })) } });
  return getMeeting(tx, ctx.actor, meeting.id);
}
