import crypto from 'node:crypto';
import type { Queryable } from '../../../db/pool.ts';
import { enqueueJob } from '../../../jobs/job-queue.ts';
import { encryptBytes } from '../../../lib/crypto-keys.ts';
import { AppError } from '../../../lib/errors.ts';
import type { OpContext } from '../../access/actor.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { loadOrgUnit } from '../../org/load-org-unit.ts';
import { checkedDataKeys } from '../donor-pii.ts';
import { getDonorImport } from './get-donor-import.ts';
import { IMPORT_CHUNK_PURPOSE } from './read-import-rows.ts';

export const IMPORT_QUEUE = 'donors.import';
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export interface StartDonorImportInput {
  /** new donors are registered at this unit; default: the actor's home unit */
  unitId?: string | undefined;
  dryRun: boolean;
  fileName?: string | undefined;
  /** the file, streamed (the HTTP body) */
  body: AsyncIterable<Buffer | string>;
}

function formatOf(head: Buffer): 'csv' | 'xlsx' {
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  // the old binary Excel format (OLE2) cannot be streamed; people can save it as xlsx
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw new AppError('DONOR_IMPORT_FORMAT');
  return 'csv';
}

/**
 * Receives an import file (CSV or XLSX, told apart by its first bytes), keeps it encrypted in the
 * database in 1 MB chunks while it streams in, and queues the job that validates (dryRun) or
 * imports it. Returns at once with the import's id; GET /api/donors/imports/:id shows progress.
 */
export async function startDonorImport(tx: Queryable, ctx: OpContext, input: StartDonorImportInput) {
  const unitId = input.unitId ?? (ctx.actor.kind === 'staff' ? ctx.actor.homeUnitId : undefined);
  if (!unitId) throw new AppError('FIELD_REQUIRED', { field: 'unitId' });
  const unit = await loadOrgUnit(tx, ctx.actor, unitId, 'donors.import');
  if (unit.status === 'retired') throw new AppError('ORG_UNIT_RETIRED', { field: 'unitId' });
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const keys = await checkedDataKeys(tx);

  const id = crypto.randomUUID();
  const sha = crypto.createHash('sha256');
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let format: 'csv' | 'xlsx' | null = null;
  const flush = async () => {
    if (!pendingBytes) return;
    const data = Buffer.concat(pending);
    if (format === null) {
      format = formatOf(data);
      await tx.query(
        `INSERT INTO donor_import (id, unit_id, created_by, file_name, format, dry_run) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, unit.id, ctx.actor.kind === 'staff' ? ctx.actor.userId : null, input.fileName?.slice(0, 200) ?? null, format, input.dryRun],
      );
    }
    await tx.query('INSERT INTO donor_import_chunk (import_id, seq, data) VALUES ($1, $2, $3)', [id, seq, encryptBytes(data, IMPORT_CHUNK_PURPOSE, keys)]);
    seq += 1;
    pending = [];
    pendingBytes = 0;
  };
  for await (const part of input.body) {
    const chunk = typeof part === 'string' ? Buffer.from(part) : part;
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES) throw new AppError('DONOR_IMPORT_TOO_LARGE', { params: { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 } });
    sha.update(chunk);
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  if (size === 0) throw new AppError('DONOR_IMPORT_EMPTY');

  await tx.query('UPDATE donor_import SET size_bytes = $2, sha256 = $3 WHERE id = $1', [id, size, sha.digest()]);
  await enqueueJob(tx, IMPORT_QUEUE, { importId: id });
  await writeAudit(tx, ctx, {
    action: 'donor.import_start', entityType: 'donor_import', entityId: id, unitId: unit.id,
    summary: { fileName: input.fileName ?? null, format, sizeBytes: size, dryRun: input.dryRun },
  });
  return getDonorImport(tx, ctx.actor, id);
}
