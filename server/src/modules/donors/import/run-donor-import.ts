import type { Pool, Queryable } from '../../../db/pool.ts';
import { withTx } from '../../../db/pool.ts';
import type { Job, JobContext } from '../../../jobs/job-queue.ts';
import type { ErrorCode } from '../../../lib/errors.ts';
import { buildActor, type Actor, type Grant, type OpContext } from '../../access/actor.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { checkedDataKeys } from '../donor-pii.ts';
import { applyImportBatch, type ImportState } from './apply-import-batch.ts';
import { cellText, mapHeader, missingColumn } from './import-columns.ts';
import { loadImportReferences } from './import-references.ts';
import { importFileChunks, readSheetRows, type SheetRow } from './read-import-rows.ts';

/** Rows per transaction: big enough for fast multi-row inserts, small enough to hold no memory. */
export const IMPORT_BATCH_ROWS = 1000;

/** The importer as an actor with their current roles (an import runs after the request ended). */
async function loadStaffActor(db: Queryable, userId: string): Promise<Actor | null> {
  const { rows } = await db.query<{ id: string; username: string; full_name: string; unit_id: string; grants: Grant[] | null }>(
    `SELECT u.id, u.username, u.full_name, u.unit_id,
            (SELECT json_agg(json_build_object('role', r.role, 'unitId', r.unit_id)) FROM role_assignment r
               JOIN org_unit ou ON ou.id = r.unit_id WHERE r.user_id = u.id AND ou.status = 'active') AS grants
       FROM staff_user u WHERE u.id = $1 AND u.status = 'active'`, [userId]);
  const u = rows[0];
  return u ? buildActor({ id: u.id, username: u.username, fullName: u.full_name, unitId: u.unit_id }, u.grants ?? []) : null;
}

class UnreadableFile extends Error {}

/** Rows of the stored file; a failure to parse becomes UnreadableFile (final, not retried). */
async function* rowsOf(pool: Pool, importId: string, format: 'csv' | 'xlsx'): AsyncGenerator<SheetRow> {
  const it = readSheetRows(importFileChunks(pool, importId), format)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<SheetRow>;
    try {
      next = await it.next();
    } catch (err) {
      throw new UnreadableFile(String(err), { cause: err });
    }
    if (next.done) return;
    yield next.value;
  }
}

async function finish(pool: Pool, ctx: OpContext, importId: string, unitId: string, failure: { code: ErrorCode; params?: Record<string, string> } | null) {
  await withTx(pool, async (tx) => {
    const { rows } = await tx.query<{ created_count: number; updated_count: number; rows_invalid: number; dry_run: boolean }>(
      `UPDATE donor_import SET status = $2, failure_code = $3, failure_params = $4, finished_at = now(), updated_at = now()
        WHERE id = $1 RETURNING created_count, updated_count, rows_invalid, dry_run`,
      [importId, failure ? 'failed' : 'done', failure?.code ?? null, failure?.params ?? null]);
    // the file holds personal data in the clear (once decrypted): keep it no longer than needed
    await tx.query('DELETE FROM donor_import_chunk WHERE import_id = $1', [importId]);
    const r = rows[0]!;
    await writeAudit(tx, ctx, {
      action: 'donor.import_finish', entityType: 'donor_import', entityId: importId, unitId,
      summary: { status: failure ? 'failed' : 'done', failure: failure?.code ?? null, dryRun: r.dry_run, created: r.created_count, updated: r.updated_count, invalidRows: r.rows_invalid },
    });
  });
}

/**
 * The job of the 'donors.import' queue: streams the stored file, reads the header, and applies
 * the rows in batches of IMPORT_BATCH_ROWS (see applyImportBatch). Resumes after the last
 * committed batch when it runs again after a crash.
 */
export async function runDonorImport(job: Job, jctx: JobContext): Promise<void> {
  const pool = jctx.pool;
  const importId = String(job.payload.importId);
  const { rows } = await pool.query<{ unit_id: string; created_by: string; format: 'csv' | 'xlsx'; dry_run: boolean; status: string; next_row: number }>(
    'SELECT unit_id, created_by, format, dry_run, status, next_row FROM donor_import WHERE id = $1', [importId]);
  const imp = rows[0];
  if (!imp || imp.status === 'done' || imp.status === 'failed') return;
  const actor = await loadStaffActor(pool, imp.created_by);
  const ctx: OpContext = actor ? { actor, requestId: `import:${importId}`, ip: null } : { actor: { kind: 'system', name: 'donor-import' }, requestId: `import:${importId}`, ip: null };
  if (!actor) return finish(pool, ctx, importId, imp.unit_id, { code: 'FORBIDDEN' });
  await pool.query(`UPDATE donor_import SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now() WHERE id = $1`, [importId]);

  const state: Omit<ImportState, 'header'> = { id: importId, unitId: imp.unit_id, dryRun: imp.dry_run, refs: await loadImportReferences(pool), keys: await checkedDataKeys(pool) };
  let header: ImportState['header'] | null = null;
  let batch: SheetRow[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rowsOfBatch = batch;
    batch = [];
    await withTx(pool, (tx) => applyImportBatch(tx, ctx, { ...state, header: header! }, rowsOfBatch));
    await jctx.heartbeat();
  };
  try {
    for await (const row of rowsOf(pool, importId, imp.format)) {
      if (!header) {
        header = mapHeader(row.cells.map((c) => cellText(c, null)));
        const missing = missingColumn(header);
        if (missing) return await finish(pool, ctx, importId, imp.unit_id, { code: 'DONOR_IMPORT_HEADER', params: { column: missing } });
        await pool.query('UPDATE donor_import SET columns = $2, ignored_columns = $3 WHERE id = $1', [importId, header.recognised, header.ignored]);
        continue;
      }
      if (row.rowNo < imp.next_row) continue; // committed by an earlier run of this job
      batch.push(row);
      if (batch.length >= IMPORT_BATCH_ROWS) {
        await flush();
        if (jctx.signal.aborted) throw new Error('worker stopping; the import resumes on the next run');
      }
    }
    await flush();
  } catch (err) {
    if (err instanceof UnreadableFile) return finish(pool, ctx, importId, imp.unit_id, { code: 'DONOR_IMPORT_UNREADABLE' });
    if (job.attempts >= job.maxAttempts && !jctx.signal.aborted) await finish(pool, ctx, importId, imp.unit_id, { code: 'INTERNAL' }).catch(() => {});
    throw err;
  }
  if (!header) return finish(pool, ctx, importId, imp.unit_id, { code: 'DONOR_IMPORT_EMPTY' });
  await finish(pool, ctx, importId, imp.unit_id, null);
}
