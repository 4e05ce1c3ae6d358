import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';
import { loadCouncil, loadMeeting, quorumRuleOf, toMeetingSummary, type MeetingRow } from './council-row.ts';
import { quorumOf, type MemberRole, type QuorumResult } from './council-rules.ts';
import type { MeetingDto } from './councils.schemas.ts';
import { resolutionSelect, toResolutionSummary, type ResolutionRow } from './resolution-row.ts';

/** A meeting with attendance, quorum, attachments (metadata), its resolutions and what the caller may do next. */
export async function getMeeting(db: Queryable, actor: Actor | SystemActor, id: string): Promise<MeetingDto> {
  const { meeting, council } = await loadMeeting(db, actor, id, 'councils.read');
  // a held meeting shows who was recorded; a scheduled one every sitting member, recorded or not
  const { rows: people } = await db.query<{ member_id: string; full_name: string; role: MemberRole; present: boolean | null; note: string | null }>(
    meeting.status === 'held'
      ? `SELECT m.id AS member_id, m.full_name, m.role, a.present, a.note FROM council_attendance a JOIN council_member m ON m.id = a.member_id
          WHERE a.meeting_id = $2 AND m.council_id = $1 ORDER BY m.role, m.full_name`
      : `SELECT m.id AS member_id, m.full_name, m.role, a.present, a.note FROM council_member m
          LEFT JOIN council_attendance a ON a.member_id = m.id AND a.meeting_id = $2
          WHERE m.council_id = $1 AND m.left_at IS NULL ORDER BY m.role, m.full_name`,
    [council.id, meeting.id]);
  const { rows: detail } = await db.query<{ quorum_detail: QuorumResult | null }>('SELECT quorum_detail FROM council_meeting WHERE id = $1', [meeting.id]);
  const quorum = detail[0]?.quorum_detail
    ?? quorumOf(quorumRuleOf(council), people.map((p) => ({ id: p.member_id, role: p.role })), new Set(people.filter((p) => p.present).map((p) => p.member_id)));
  const { rows: files } = await db.query<{ id: string; file_name: string; content_type: string; size_bytes: number; uploaded_at: Date }>(
    'SELECT id, file_name, content_type, size_bytes, uploaded_at FROM council_attachment WHERE meeting_id = $1 ORDER BY uploaded_at', [meeting.id]);
  const { rows: resolutions } = await db.query<ResolutionRow>(`${resolutionSelect} WHERE r.meeting_id = $1 ORDER BY r.serial`, [meeting.id]);
  const manage = holdsAt(actor, 'councils.manage', council.unit_path);
  const nextActions: MeetingDto['nextActions'] = [];
  if (manage && meeting.status === 'scheduled') nextActions.push('edit', 'record_attendance', 'close', 'cancel');
  if (manage && meeting.status !== 'cancelled') nextActions.push('attach');
  if (manage && meeting.status === 'held' && meeting.quorum_met) nextActions.push('pass_resolution');
  return {
    ...toMeetingSummary(meeting),
    minutes: meeting.minutes, cancelReason: meeting.cancel_reason,
    attendance: people.map((p) => ({ memberId: p.member_id, fullName: p.full_name, role: p.role, present: p.present, note: p.note })),
    quorum: { met: quorum.met, required: quorum.required, presentCount: quorum.presentCount, memberCount: quorum.memberCount, reasonFa: quorum.reasonFa, reasonEn: quorum.reasonEn },
    attachments: files.map((f) => ({ id: f.id, fileName: f.file_name, contentType: f.content_type, sizeBytes: f.size_bytes, uploadedAt: f.uploaded_at.toISOString() })),
    resolutions: resolutions.map(toResolutionSummary),
    nextActions,
  };
}

/** The meetings of a council, newest first. */
export async function listMeetings(db: Queryable, actor: Actor | SystemActor, input: { councilId: string; status?: 'scheduled' | 'held' | 'cancelled' | undefined; page: number; pageSize: number }) {
  const c = await loadCouncil(db, actor, input.councilId, 'councils.read');
  const { rows } = await db.query<MeetingRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM council_meeting WHERE council_id = $1 AND ($2::text IS NULL OR status = $2)
      ORDER BY coalesce(held_at, scheduled_at) DESC LIMIT $3 OFFSET $4`,
    [c.id, input.status ?? null, input.pageSize, (input.page - 1) * input.pageSize]);
  return { items: rows.map(toMeetingSummary), total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
