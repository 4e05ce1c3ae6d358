import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../../db/pool.ts';
import type { Lang } from '../../../lib/errors.ts';
import type { Actor, SystemActor } from '../../access/actor.ts';
import { loadDonorImport } from './get-donor-import.ts';

interface ErrorRow { id: bigint; row_no: number; field: string; column_title: string; code: string; message_fa: string; message_en: string }

/** The per-row problems of an import (row number, column, Persian or English message), paged. */
export async function listImportErrors(db: Queryable, actor: Actor | SystemActor, id: string, input: { page: number; pageSize: number }, lang: Lang = 'fa') {
  await loadDonorImport(db, actor, id);
  const { rows } = await db.query<ErrorRow & { total: number }>(
    `SELECT count(*) OVER ()::int AS total, id, row_no, field, column_title, code, message_fa, message_en FROM donor_import_error
      WHERE import_id = $1 ORDER BY row_no, id LIMIT $2 OFFSET $3`,
    [id, input.pageSize, (input.page - 1) * input.pageSize],
  );
  return {
    items: rows.map((r) => ({ row: r.row_no, field: r.field, column: r.column_title, code: r.code, message: lang === 'en' ? r.message_en : r.message_fa })),
    total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize,
  };
}

/**
 * The same report as an Excel file (right-to-left, Persian headers), streamed to `out` in pages
 * of 5,000 rows, so a report of 100,000 errors needs no more memory than one of ten.
 */
export async function writeImportErrorsXlsx(db: Queryable, actor: Actor | SystemActor, id: string, out: Writable): Promise<void> {
  await loadDonorImport(db, actor, id);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('خطاها', { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'ردیف', key: 'row', width: 10 },
    { header: 'ستون', key: 'column', width: 24 },
    { header: 'خطا', key: 'message', width: 80 },
    { header: 'کد', key: 'code', width: 34 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let after: [number, bigint] = [0, 0n];
  for (;;) {
    const { rows } = await db.query<ErrorRow>(
      `SELECT id, row_no, field, column_title, code, message_fa, message_en FROM donor_import_error
        WHERE import_id = $1 AND (row_no, id) > ($2, $3) ORDER BY row_no, id LIMIT 5000`,
      [id, after[0], after[1].toString()],
    );
    for (const r of rows) ws.addRow({ row: r.row_no, column: r.column_title, message: r.message_fa, code: r.code }).commit();
    if (rows.length < 5000) break;
    const last = rows.at(-1)!;
    after = [last.row_no, last.id];
  }
  ws.commit();
  await wb.commit();
}
