import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadMeeting } from './council-row.ts';
import { getMeeting } from './get-meeting.ts';
import { meetingInstant } from './schedule-meeting.ts';

/** Changes a meeting that has not been held yet: date, time, place, agenda. */
export async function updateMeeting(tx: Queryable, ctx: OpContext, input: { id: string; scheduledOn?: string | undefined; time?: string | undefined; location?: string | undefined; agenda?: string | undefined }) {
  const { meeting, council } = await loadMeeting(tx, ctx.actor, input.id, 'councils.manage', true);
  if (meeting.status !== 'scheduled') throw new AppError('MEETING_NOT_SCHEDULED');
  const at = input.scheduledOn ? meetingInstant(input.scheduledOn, input.time) : meeting.scheduled_at;
  const agenda = input.agenda !== undefined ? normalizeFa(input.agenda) : meeting.agenda;
  const location = input.location !== undefined ? normalizeFa(input.location) || null : meeting.location;
  await tx.query('UPDATE council_meeting SET scheduled_at = $2, agenda = $3, location = $4 WHERE id = $1', [meeting.id, at, agenda, location]);
  await writeAudit(tx, ctx, {
    action: 'council_meeting.update', entityType: 'council_meeting', entityId: meeting.id, unitId: council.unit_id,
    summary: { scheduledAt: { from: meeting.scheduled_at.toISOString(), to: at.toISOString() }, agendaChanged: agenda !== meeting.agenda, location },
  });
  return getMeeting(tx, ctx.actor, meeting.id);
}
