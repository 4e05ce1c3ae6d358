import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, OpContext, SystemActor } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';
import { decodeUpload } from '../councils/attachments.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { spendingStatusLabels } from './spending-rules.ts';
import { loadSpendingRequest } from './spending-row.ts';

/**
 * Attaches a supporting document (invoice, quote, beneficiary list, payment slip) to a request.
 * Whoever may ask, approve, confirm or pay at the unit may add one until the request is closed;
 * documents are never removed.
 */
export async function addSpendingDocument(tx: Queryable, ctx: OpContext, input: { requestId: string; fileName: string; contentType: string; contentBase64: string }) {
  const r = await loadSpendingRequest(tx, ctx.actor, input.requestId, 'spending.read', true);
  const may = (['spending.request', 'spending.approve', 'spending.confirm', 'spending.pay', 'spending.order'] as const).some((p) => holdsAt(ctx.actor, p, r.unit_path));
  if (!may) throw new AppError('FORBIDDEN');
  if (['rejected', 'cancelled', 'expired'].includes(r.status)) throw new AppError('SPENDING_WRONG_STATE', { params: { statusFa: spendingStatusLabels[r.status].fa, statusEn: spendingStatusLabels[r.status].en } });
  const file = decodeUpload(input);
  const { rows } = await tx.query<{ id: string; uploaded_at: Date }>(
    `INSERT INTO spending_document (request_id, file_name, content_type, size_bytes, sha256, content, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, uploaded_at`,
    [r.id, file.fileName, file.contentType, file.content.length, file.sha256, file.content, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
  const id = rows[0]!.id;
  await recordSpendingEvent(tx, ctx, { requestId: r.id, unitId: r.unit_id, action: 'attach', from: r.status, to: r.status, details: { documentId: id, fileName: file.fileName, sizeBytes: file.content.length, sha256: file.sha256.toString('hex') } });
  return { id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.content.length, uploadedAt: rows[0]!.uploaded_at.toISOString(), uploadedBy: ctx.actor.kind === 'staff' ? ctx.actor.fullName : null };
}

/** The bytes of a document, for download (scope-checked through its request). */
export async function getSpendingDocument(db: Queryable, actor: Actor | SystemActor, id: string) {
  const { rows } = await db.query<{ request_id: string; file_name: string; content_type: string; content: Buffer }>(
    'SELECT request_id, file_name, content_type, content FROM spending_document WHERE id = $1', [id]);
  const d = rows[0];
  if (!d) throw new AppError('SPENDING_DOCUMENT_NOT_FOUND');
  await loadSpendingRequest(db, actor, d.request_id).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'SPENDING_REQUEST_NOT_FOUND' ? new AppError('SPENDING_DOCUMENT_NOT_FOUND') : err;
  });
  return { fileName: d.file_name, contentType: d.content_type, content: d.content };
}
