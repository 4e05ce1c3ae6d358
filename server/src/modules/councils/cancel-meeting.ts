import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadMeeting } from './council-row.ts';
import { getMeeting } from './get-meeting.ts';

/** Calls off a meeting that has not been held. */
export async function cancelMeeting(tx: Queryable, ctx: OpContext, input: { id: string; reason: string }) {
  const { meeting, council } = await loadMeeting(tx, ctx.actor, input.id, 'councils.manage', true);
  if (meeting.status !== 'scheduled') throw new AppError('MEETING_NOT_SCHEDULED');
  const reason = normalizeFa(input.reason);
  await tx.query(`UPDATE council_meeting SET status = 'cancelled', cancel_reason = $2 WHERE id = $1`, [meeting.id, reason]);
  await writeAudit(tx, ctx, { action: 'council_meeting.cancel', entityType: 'council_meeting', entityId: meeting.id, unitId: council.unit_id, summary: { reason } });
  return getMeeting(tx, ctx.actor, meeting.id);
}
