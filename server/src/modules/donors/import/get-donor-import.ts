import type { Queryable } from '../../../db/pool.ts';
import { AppError, messageOf, type ErrorCode, type Lang } from '../../../lib/errors.ts';
import type { Actor, SystemActor } from '../../access/actor.ts';
import { holdsAt, scopeRoots } from '../../access/scope.ts';
import type { DonorImportDto } from '../donors.schemas.ts';

interface ImportRow {
  id: string; status: DonorImportDto['status']; dry_run: boolean; file_name: string | null; format: 'csv' | 'xlsx'; size_bytes: bigint;
  unit_id: string; unit_name: string; unit_code: string; unit_path: string[]; created_by: string;
  rows_read: number; rows_valid: number; rows_invalid: number; created_count: number; updated_count: number; unchanged_count: number;
  columns: string[]; ignored_columns: string[]; failure_code: string | null; failure_params: Record<string, string> | null; created_at: Date; started_at: Date | null; finished_at: Date | null;
}

const importSelect = `SELECT i.id, i.status, i.dry_run, i.file_name, i.format, i.size_bytes, i.unit_id, u.name AS unit_name, u.code AS unit_code,
    u.path AS unit_path, i.created_by, i.rows_read, i.rows_valid, i.rows_invalid, i.created_count, i.updated_count, i.unchanged_count,
    i.columns, i.ignored_columns, i.failure_code, i.failure_params, i.created_at, i.started_at, i.finished_at
  FROM donor_import i JOIN org_unit u ON u.id = i.unit_id`;

function toDto(r: ImportRow, lang: Lang): DonorImportDto {
  return {
    id: r.id, status: r.status, dryRun: r.dry_run, fileName: r.file_name, format: r.format, sizeBytes: Number(r.size_bytes),
    unit: { id: r.unit_id, name: r.unit_name, code: r.unit_code },
    rowsRead: r.rows_read, rowsValid: r.rows_valid, rowsInvalid: r.rows_invalid,
    created: r.created_count, updated: r.updated_count, unchanged: r.unchanged_count,
    columns: r.columns, ignoredColumns: r.ignored_columns,
    failure: r.failure_code ? { code: r.failure_code, message: messageOf(r.failure_code as ErrorCode, r.failure_params ?? {})[lang] } : null,
    createdAt: r.created_at.toISOString(), startedAt: r.started_at?.toISOString() ?? null, finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** An import is seen by whoever started it and by holders of donors.import above its unit. */
export async function loadDonorImport(db: Queryable, actor: Actor | SystemActor, id: string): Promise<ImportRow> {
  const { rows } = await db.query<ImportRow>(`${importSelect} WHERE i.id = $1`, [id]);
  const r = rows[0];
  const own = actor.kind === 'staff' && r?.created_by === actor.userId;
  if (!r || !(own || holdsAt(actor, 'donors.import', r.unit_path))) throw new AppError('DONOR_IMPORT_NOT_FOUND');
  return r;
}

export async function getDonorImport(db: Queryable, actor: Actor | SystemActor, id: string, lang: Lang = 'fa'): Promise<DonorImportDto> {
  return toDto(await loadDonorImport(db, actor, id), lang);
}

/** Recent imports in the caller's units, newest first. */
export async function listDonorImports(db: Queryable, actor: Actor | SystemActor, input: { page: number; pageSize: number }, lang: Lang = 'fa') {
  const scope = scopeRoots(actor, 'donors.import');
  const { rows } = await db.query<ImportRow & { total: number }>(
    `${importSelect.replace('SELECT i.id', 'SELECT count(*) OVER ()::int AS total, i.id')}
      WHERE ($1::uuid[] IS NULL OR u.path && $1::uuid[]) ORDER BY i.created_at DESC LIMIT $2 OFFSET $3`,
    [scope, input.pageSize, (input.page - 1) * input.pageSize],
  );
  return { items: rows.map((r) => toDto(r, lang)), total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
