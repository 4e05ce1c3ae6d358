import fs from 'node:fs';
import readline from 'node:readline';
import type { ImportRow } from './import-contributions.ts';

/** Splits one CSV line (RFC 4180 quoting, no newlines inside fields — settlement files have none). */
export function splitCsvLine(line: string): string[] {
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

/** Streams ImportRows from a CSV file, one line at a time (memory stays flat for any size). */
export async function* csvImportRows(file: string): AsyncGenerator<ImportRow> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let index: Partial<Record<keyof typeof aliases, number>> | null = null;
  let rowNo = 0;
  for await (const raw of rl) {
    const line = raw.replace(/^\uFEFF/, '');
    if (!line.trim()) continue;
    const cells = splitCsvLine(line);
    if (!index) {
      const names = cells.map((c) => c.trim().toLowerCase());
      index = {};
      for (const [field, names_] of Object.entries(aliases) as [keyof typeof aliases, string[]][]) {
        const i = names.findIndex((n) => names_.includes(n));
        if (i >= 0) index[field] = i;
      }
      continue;
    }
    rowNo++;
    const get = (f: keyof typeof aliases) => (index![f] === undefined ? '' : (cells[index![f]!] ?? '').trim());
    yield { rowNo, reference: get('reference'), amountRials: get('amountRials'), paidAt: get('paidAt'), unitCode: get('unitCode'), purpose: get('purpose'), targetGroup: get('targetGroup') || undefined };
  }
}
