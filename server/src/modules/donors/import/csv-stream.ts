import { TextDecoder } from 'node:util';

/**
 * Streaming CSV (RFC 4180): records are yielded as they complete, so a file of any size is read
 * in constant memory. Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF
 * and CR all end a record. The delimiter is taken from the header line: the most frequent of
 * ',', ';' and tab (Excel in some locales writes ';').
 */
export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let delimiter: string | null = null;
  let head = ''; // text held back until the header line is complete (to pick the delimiter)
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let quoteSeen = false; // inside quotes, the previous char was a quote (either "" or the end)
  let lastWasCR = false;

  function* feed(text: string): Generator<string[]> {
    const d = delimiter!;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (lastWasCR) {
        lastWasCR = false;
        if (ch === '\n') continue;
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') { field += '"'; continue; }
          inQuotes = false; // the quote closed the field: fall through to handle ch
        } else if (ch === '"') { quoteSeen = true; continue; } else { field += ch; continue; }
      }
      if (ch === '"' && field === '') { inQuotes = true; continue; }
      if (ch === d) { record.push(field); field = ''; continue; }
      if (ch === '\n' || ch === '\r') {
        lastWasCR = ch === '\r';
        record.push(field);
        field = '';
        yield record;
        record = [];
        continue;
      }
      field += ch;
    }
  }

  for await (const chunk of chunks) {
    if (delimiter === null) {
      head += chunk;
      const end = head.search(/[\r\n]/);
      if (end < 0 && head.length < 1_000_000) continue;
      delimiter = pickDelimiter(end < 0 ? head : head.slice(0, end));
      yield* feed(head);
      head = '';
      continue;
    }
    yield* feed(chunk);
  }
  if (delimiter === null) {
    delimiter = pickDelimiter(head);
    yield* feed(head);
  }
  if (inQuotes && quoteSeen) inQuotes = false;
  if (field !== '' || record.length) {
    record.push(field);
    yield record;
  }
}

function pickDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const n = line.split(d).length - 1;
    if (n > bestCount) { best = d; bestCount = n; }
  }
  return best;
}

/**
 * Bytes to text: UTF-8 (with or without BOM), or Windows-1256 — what Persian Excel writes when
 * asked for plain "CSV" — when the start of the file is not valid UTF-8. Throws when a later
 * part is not valid in the chosen encoding.
 */
export async function* decodeText(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of chunks) {
    if (!decoder) {
      try {
        decoder = new TextDecoder('utf-8', { fatal: true });
        yield decoder.decode(chunk, { stream: true });
        continue;
      } catch {
        decoder = new TextDecoder('windows-1256', { fatal: true });
      }
    }
    yield decoder.decode(chunk, { stream: true });
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}
