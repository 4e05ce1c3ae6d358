import fs from 'node:fs';
import type { ImportRow } from './import-contributions.ts';

/** Splits one CSV line (RFC 4180 quoting, no newlines inside fields — settlement files have none). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Header names accepted for each field (English, and the Persian headers of bank exports). */
const aliases: Record<keyof Omit<ImportRow, 'rowNo'>, string[]> = {
  reference: ['reference', 'ref', 'channel_ref', 'شماره پیگیری', 'مرجع'],
  amountRials: ['amount_rials', 'amount', 'مبلغ', 'مبلغ (ریال)'],
  paidAt: ['paid_at', 'date', 'تاریخ'],
  unitCode: ['unit_code', 'unit', 'کد واحد'],
  purpose: ['purpose', 'intent', 'نیت'],
  targetGroup: ['target_group', 'گروه هدف'],
};

/**
 * Streams ImportRows from a CSV file. The file is read a chunk at a time and only as fast as rows
 * are taken (async iteration of the stream), so memory stays flat for any size.
 */
export async function* csvImportRows(file: string): AsyncGenerator<ImportRow> {
  let index: Partial<Record<keyof typeof aliases, number>> | null = null;
  let rowNo = 0;
  let rest = '';
  let first = true;
  const rowOf = (line: string): ImportRow | null => {
    if (!line.trim()) return null;
    const cells = splitCsvLine(line);
    if (!index) {
      const names = cells.map((c) => c.trim().toLowerCase());
      index = {};
      for (const [field, names_] of Object.entries(aliases) as [keyof typeof aliases, string[]][]) {
        const i = names.findIndex((n) => names_.includes(n));
        if (i >= 0) index[field] = i;
      }
      return null;
    }
    rowNo++;
    const at = index;
    const get = (f: keyof typeof aliases) => (at[f] === undefined ? '' : (cells[at[f]] ?? '').trim());
    return { rowNo, reference: get('reference'), amountRials: get('amountRials'), paidAt: get('paidAt'), unitCode: get('unitCode'), purpose: get('purpose'), targetGroup: get('targetGroup') || undefined };
  };
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }) as AsyncIterable<string>) {
    let text = rest + chunk;
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    // lines end in \n, \r\n or \r; a \r ending the chunk may be half of a \r\n, so it waits for the next
    const until = text.endsWith('\r') ? text.length - 1 : text.length;
    const breaks = /\r\n|\n|\r/g;
    let start = 0;
    for (let m = breaks.exec(text); m && m.index < until; m = breaks.exec(text)) {
      const row = rowOf(text.slice(start, m.index));
      start = m.index + m[0].length;
      if (row) yield row;
    }
    rest = text.slice(start);
  }
  const last = rowOf(rest.replace(/\r$/, ''));
  if (last) yield last;
}
