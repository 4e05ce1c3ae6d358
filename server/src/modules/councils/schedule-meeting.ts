import { jalaliToInstant, normalizeFa, parseJalaliDate } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadCouncil } from './council-row.ts';
import { parseTimeOfDay } from './council-rules.ts';
import { getMeeting } from './get-meeting.ts';

/** Jalali day + optional 'HH:MM' (Tehran) → the instant; default 10:00. */
export function meetingInstant(day: string, time: string | undefined, field = 'scheduledOn'): Date {
  const d = parseJalaliDate(day);
  if (!d) throw new AppError('MEETING_DATE_INVALID', { field });
  const t = time ? parseTimeOfDay(time) : [10, 0];
  if (!t) throw new AppError('MEETING_DATE_INVALID', { field: 'time' });
  return jalaliToInstant(d.jy, d.jm, d.jd, t[0], t[1]);
}

export interface ScheduleMeetingInput {
  councilId: string;
  scheduledOn: string;
  time?: string | undefined;
  location?: string | undefined;
  agenda: string;
}

/** Puts a meeting on the council's calendar. */
export async function scheduleMeeting(tx: Queryable, ctx: OpContext, input: ScheduleMeetingInput) {
  const c = await loadCouncil(tx, ctx.actor, input.councilId, 'councils.manage');
  const at = meetingInstant(input.scheduledOn, input.time);
  const agenda = normalizeFa(input.agenda);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO council_meeting (council_id, scheduled_at, location, agenda, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [c.id, at, input.location ? normalizeFa(input.location) : null, agenda, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
  const id = rows[0]!.id;
  await writeAudit(tx, ctx, { action: 'council_meeting.schedule', entityType: 'council_meeting', entityId: id, unitId: c.unit_id, summary: { councilId: c.id, scheduledAt: at.toISOString(), agenda } });
  return getMeeting(tx, ctx.actor, id);
}
