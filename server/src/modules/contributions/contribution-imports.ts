import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Pool, Queryable } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import { AppError, messageOf, type ErrorCode } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import type { Channel } from './contributions.schemas.ts';
import { csvImportRows } from './csv-rows.ts';
import { importContributions } from './import-contributions.ts';

/** Saves an uploaded file to a temporary path while hashing it (the hash identifies re-uploads). */
async function spool(stream: Readable): Promise<{ file: string; sha256: Buffer; bytes: number }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'msk-import-')), 'upload.csv');
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  await pipeline(stream, fs.createWriteStream(file));
  return { file, sha256: hash.digest(), bytes };
}

/**
 * Starts importing a settlement file: the file is stored, an import row is created and the rows
 * are processed in the background, a batch per transaction; progress is on the import row.
 */
export async function startContributionImport(pool: Pool, ctx: OpContext, input: { unitId: string; channel: Channel; dryRun: boolean; fileName: string | null; body: Readable }) {
  const unit = await loadOrgUnit(pool, ctx.actor, input.unitId, 'contributions.record');
  const { file, sha256, bytes } = await spool(input.body);
  if (bytes === 0) throw new AppError('VALIDATION_FAILED', { field: 'file' });
  const id = await withTx(pool, async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO contribution_import (unit_id, channel, file_name, file_sha256, dry_run, status, created_by) VALUES ($1, $2, $3, $4, $5, 'running', $6) RETURNING id`,
      [unit.id, input.channel, input.fileName, sha256, input.dryRun, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
    await writeAudit(tx, ctx, { action: 'contribution.import_start', entityType: 'contribution_import', entityId: rows[0]!.id, unitId: unit.id, summary: { channel: input.channel, dryRun: input.dryRun, fileName: input.fileName, bytes } });
    return rows[0]!.id;
  });
  const done = importContributions(pool, ctx, input.channel, csvImportRows(file), { dryRun: input.dryRun, importId: id })
    .then(() => pool.query(`UPDATE contribution_import SET status = 'done', finished_at = now() WHERE id = $1`, [id]))
    .catch((err: unknown) => pool.query(`UPDATE contribution_import SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [id, String((err as Error).message).slice(0, 500)]))
    .finally(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
  return { id, done };
}

export async function getContributionImport(db: Queryable, ctx: OpContext, id: string) {
  const { rows } = await db.query<{ id: string; unit_id: string; path: string[]; channel: string; file_name: string | null; dry_run: boolean; status: string; rows_total: bigint; rows_imported: bigint; rows_duplicate: bigint; rows_invalid: bigint; total_rials: bigint; error: string | null; created_at: Date; finished_at: Date | null }>(
    `SELECT i.*, u.path FROM contribution_import i JOIN org_unit u ON u.id = i.unit_id WHERE i.id = $1`, [id]);
  const r = rows[0];
  if (!r || !holdsAt(ctx.actor, 'contributions.read', r.path)) throw new AppError('NOT_FOUND');
  return {
    id: r.id, unitId: r.unit_id, channel: r.channel, fileName: r.file_name, dryRun: r.dry_run, status: r.status,
    rowsTotal: Number(r.rows_total), rowsImported: Number(r.rows_imported), rowsDuplicate: Number(r.rows_duplicate), rowsInvalid: Number(r.rows_invalid),
    totalRials: r.total_rials.toString(), error: r.status === 'failed' ? 'import failed; see the server log' : null, createdAt: r.created_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

export async function listContributionImportErrors(db: Queryable, ctx: OpContext, id: string, lang: 'fa' | 'en', page: number, pageSize: number) {
  await getContributionImport(db, ctx, id);
  const { rows } = await db.query<{ row_no: bigint; field: string; code: string; total: number }>(
    'SELECT row_no, field, code, count(*) OVER ()::int AS total FROM contribution_import_error WHERE import_id = $1 ORDER BY row_no, field LIMIT $2 OFFSET $3',
    [id, pageSize, (page - 1) * pageSize]);
  return {
    items: rows.map((r) => ({ rowNo: Number(r.row_no), field: r.field, code: r.code, message: messageOf(r.code as ErrorCode)[lang] })),
    total: rows[0]?.total ?? 0, page, pageSize,
  };
}
