import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../../db/pool.ts';
import { decryptBytes } from '../../../lib/crypto-keys.ts';
import { decodeText, parseCsv } from './csv-stream.ts';

export const IMPORT_CHUNK_PURPOSE = 'donor.import_file';

/** The stored (encrypted) file of an import, chunk by chunk, one chunk in memory at a time. */
export async function* importFileChunks(db: Queryable, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const { rows } = await db.query<{ data: Buffer }>('SELECT data FROM donor_import_chunk WHERE import_id = $1 AND seq = $2', [importId, seq]);
    if (!rows[0]) return;
    yield decryptBytes(rows[0].data, IMPORT_CHUNK_PURPOSE);
  }
}

export interface SheetRow {
  /** 1-based row number in the file (1 = header) */
  rowNo: number;
  cells: unknown[];
}

/** Rows of a CSV or of the first worksheet of an XLSX, streamed. */
export async function* readSheetRows(chunks: AsyncIterable<Buffer>, format: 'csv' | 'xlsx'): AsyncGenerator<SheetRow> {
  if (format === 'csv') {
    let rowNo = 0;
    for await (const cells of parseCsv(decodeText(chunks))) {
      rowNo += 1;
      yield { rowNo, cells };
    }
    return;
  }
  const input = Readable.from(chunks);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' }); // styles tell dates from numbers
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        yield { rowNo: row.number, cells: Array.isArray(values) ? values.slice(1) : [] };
      }
      return; // the first worksheet only
    }
  } finally {
    input.destroy();
  }
}
