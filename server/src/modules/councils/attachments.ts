import crypto from 'node:crypto';
import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, OpContext, SystemActor } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadMeeting } from './council-row.ts';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** base64 of 5 MB plus the JSON around it: the per-route body limit of upload routes */
export const ATTACHMENT_BODY_LIMIT = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

const acceptedTypes = new Set([
  'application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'text/plain',
  'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

export interface DecodedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256: Buffer;
}

/** Checks and decodes an uploaded file sent as base64 in JSON (meeting attachments, spending documents). */
export function decodeUpload(input: { fileName: string; contentType: string; contentBase64: string }): DecodedFile {
  const contentType = input.contentType.toLowerCase().split(';')[0]!.trim();
  if (!acceptedTypes.has(contentType)) throw new AppError('ATTACHMENT_INVALID', { field: 'contentType' });
  const b64 = input.contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new AppError('ATTACHMENT_INVALID', { field: 'contentBase64' });
  const content = Buffer.from(b64, 'base64');
  if (content.length === 0) throw new AppError('ATTACHMENT_INVALID', { field: 'contentBase64' });
  if (content.length > MAX_ATTACHMENT_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE', { field: 'contentBase64' });
  // keep only the last path segment and no control characters: it goes into Content-Disposition
  const fileName = normalizeFa(input.fileName.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}"]/gu, '').slice(0, 200) || 'file';
  return { fileName, contentType, content, sha256: crypto.createHash('sha256').update(content).digest() };
}

/** Attaches a file (minutes scan, invitation, presentation) to a meeting. */
export async function addMeetingAttachment(tx: Queryable, ctx: OpContext, input: { meetingId: string; fileName: string; contentType: string; contentBase64: string }) {
  const { meeting, council } = await loadMeeting(tx, ctx.actor, input.meetingId, 'councils.manage');
  if (meeting.status === 'cancelled') throw new AppError('MEETING_NOT_SCHEDULED');
  const file = decodeUpload(input);
  const { rows } = await tx.query<{ id: string; uploaded_at: Date }>(
    `INSERT INTO council_attachment (meeting_id, file_name, content_type, size_bytes, sha256, content, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, uploaded_at`,
    [meeting.id, file.fileName, file.contentType, file.content.length, file.sha256, file.content, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
  const id = rows[0]!.id;
  await writeAudit(tx, ctx, { action: 'council_meeting.attach', entityType: 'council_meeting', entityId: meeting.id, unitId: council.unit_id, summary: { attachmentId: id, fileName: file.fileName, sizeBytes: file.content.length, sha256: file.sha256.toString('hex') } });
  return { id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.content.length, uploadedAt: rows[0]!.uploaded_at.toISOString() };
}

/** The bytes of an attachment, for download (scope-checked through its meeting). */
export async function getMeetingAttachment(db: Queryable, actor: Actor | SystemActor, id: string) {
  const { rows } = await db.query<{ meeting_id: string; file_name: string; content_type: string; content: Buffer }>(
    'SELECT meeting_id, file_name, content_type, content FROM council_attachment WHERE id = $1', [id]);
  const a = rows[0];
  if (!a) throw new AppError('ATTACHMENT_NOT_FOUND');
  await loadMeeting(db, actor, a.meeting_id, 'councils.read').catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'MEETING_NOT_FOUND' ? new AppError('ATTACHMENT_NOT_FOUND') : err;
  });
  return { fileName: a.file_name, contentType: a.content_type, content: a.content };
}
