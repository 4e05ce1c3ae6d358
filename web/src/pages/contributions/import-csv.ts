// Settlement files: the sample the page offers, a row count for the progress bar, and the upload —
// the file itself as the request body (text/csv) through the one API client, so the session cookie,
// CSRF token and language go with it.
import { formatJalaliDate } from '@mosharekat/fa';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ImportQuery } from '../../api/types';

export const CSV_COLUMNS = ['reference', 'amount_rials', 'paid_at', 'unit_code', 'purpose', 'target_group'] as const;

/** The API names a refused row's field in camelCase; people see the CSV's column. */
const COLUMN_OF: Record<string, string> = { reference: 'reference', amountRials: 'amount_rials', paidAt: 'paid_at', unitCode: 'unit_code', purpose: 'purpose', targetGroup: 'target_group' };
export const csvColumn = (field: string) => COLUMN_OF[field] ?? field;

/** A small valid file for the unit: a general gift, a specific one with a target group, one in ISO time. */
export function sampleCsv(unitCode: string, now = new Date()): string {
  const stamp = now.getTime().toString(36).toUpperCase();
  const day = formatJalaliDate(now, { digits: 'latin', withTime: true });
  const rows = [
    CSV_COLUMNS.join(','),
    `SAMPLE-${stamp}-1,5000000,${day},${unitCode},general,`,
    `SAMPLE-${stamp}-2,12000000,${day},${unitCode},orphans,orphans`,
    `SAMPLE-${stamp}-3,2500000,${now.toISOString()},${unitCode},disability,disability`,
  ];
  return `${rows.join('\r\n')}\r\n`;
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Data rows in a CSV (non-empty lines after the header), read in the browser for the progress bar only. */
export async function countCsvRows(file: Blob): Promise<number> {
  const text = await file.text();
  let lines = 0;
  for (const line of text.split(/\r?\n/)) if (line.trim()) lines += 1;
  return Math.max(0, lines - 1);
}

/** Starts an import; the server answers 202 with its id and works in the background. */
export async function startImport(query: ImportQuery, file: Blob): Promise<string> {
  const answer = await unwrap(
    api.POST('/api/contribution-imports', {
      params: { query },
      // The OpenAPI document declares no JSON body here (the route reads text/csv): send the bytes as they are.
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': 'text/csv' },
    }),
  );
  return (answer as { id: string }).id;
}
