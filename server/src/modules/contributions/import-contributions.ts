import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { jalaliToInstant, parseJalaliDate, parseRials, toLatinDigits } from '@mosharekat/fa';
import type { Client, Pool } from '../../db/pool.ts';
import { deferSql, withTx } from '../../db/pool.ts';
import type { ErrorCode } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { Channel } from './contributions.schemas.ts';
import { ImportContext, postingAccounts, receiptNumbers, type UnitInfo } from './import-context.ts';
import { ReceiptAllocator } from './receipt-allocator.ts';
import { receivedAtFromJalali } from './received-at.ts';

/*
 * Bulk import of a PSP settlement or bank file: the same rules as recording one gift (validation,
 * one credit per external reference, a balanced journal per gift, balances, numbered receipts),
 * applied set-wise a batch at a time so a million rows go in at close to the speed of COPY. A
 * batch is one transaction: its validated rows are COPYed into a temporary table, one statement
 * claims their references and writes the gifts, journals and lines, and the balances and the
 * audit row travel with the COMMIT (so balance rows stay locked only for the commit).
 */

export interface ImportRow {
  rowNo: number;
  reference: string;
  amountRials: string;
  /** ISO 8601 instant, or a Jalali day with optional time: "1404/07/15 14:30" */
  paidAt: string;
  unitCode: string;
  purpose: string;
  targetGroup?: string | undefined;
}

export interface RowError { rowNo: number; field: string; code: ErrorCode }

export interface BatchResult { imported: number; duplicates: number; errors: RowError[]; totalRials: bigint }

export function parsePaidAt(raw: string, now: Date): Date | null {
  const s = toLatinDigits(raw.trim());
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) || d > now ? null : d;
  }
  const m = /^(\d{4}[/-]\d{1,2}[/-]\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  if (!m) return null;
  if (!m[2]) {
    // a day without a time is dated as a day an officer types: now when it is today, else its noon
    try {
      return receivedAtFromJalali(m[1]!, now);
    } catch {
      return null;
    }
  }
  const day = parseJalaliDate(m[1]!);
  if (!day) return null;
  const d = jalaliToInstant(day.jy, day.jm, day.jd, Number(m[2]), Number(m[3]));
  return d > now ? null : d;
}

interface Valid { rowNo: number; reference: string; amount: bigint; at: Date; unit: UnitInfo; purpose: string; targetGroup: string | null }

// control characters never occur in a payment reference; refused here, they would otherwise fail the whole batch in SQL
const CONTROL = /[\u0000-\u001f\u007f]/;

function validate(c: ImportContext, ctx: OpContext, rows: ImportRow[], now: Date): { valid: Valid[]; errors: RowError[] } {
  const valid: Valid[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const before = errors.length;
    const reference = toLatinDigits(row.reference ?? '').trim();
    if (!reference || reference.length > 100 || CONTROL.test(reference)) errors.push({ rowNo: row.rowNo, field: 'reference', code: 'CONTRIBUTION_REFERENCE_REQUIRED' });
    let amount = 0n;
    try {
      amount = parseRials(row.amountRials);
      if (amount <= 0n) throw new RangeError('not positive');
    } catch {
      errors.push({ rowNo: row.rowNo, field: 'amountRials', code: 'FIELD_AMOUNT' });
    }
    const at = parsePaidAt(row.paidAt ?? '', now);
    if (!at) errors.push({ rowNo: row.rowNo, field: 'paidAt', code: 'CONTRIBUTION_DATE_INVALID' });
    const unit = c.units.get(row.unitCode?.trim() ?? '');
    if (!unit || !c.mayRecord(ctx.actor, unit)) errors.push({ rowNo: row.rowNo, field: 'unitCode', code: 'ORG_UNIT_NOT_FOUND' });
    else if (unit.status !== 'active') errors.push({ rowNo: row.rowNo, field: 'unitCode', code: 'CONTRIBUTION_UNIT_RETIRED' });
    const purpose = (row.purpose?.trim() || 'general').toLowerCase();
    if (!c.purposes.has(purpose)) errors.push({ rowNo: row.rowNo, field: 'purpose', code: 'LEDGER_PURPOSE_UNKNOWN' });
    const tg = row.targetGroup?.trim().toLowerCase() || null;
    if (tg && (!c.targetGroups.has(tg) || purpose === 'general')) errors.push({ rowNo: row.rowNo, field: 'targetGroup', code: 'LEDGER_TARGET_GROUP_UNKNOWN' });
    if (errors.length === before) valid.push({ rowNo: row.rowNo, reference, amount, at: at!, unit: unit!, purpose, targetGroup: tg });
  }
  return { valid, errors };
}

// The public verification codes of receipt-number.ts (newReceiptCode: 12 Crockford base32
// characters, 60 random bits), drawn from one random buffer per batch instead of one per gift.
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function receiptCodes(n: number): string[] {
  const bytes = crypto.randomBytes(12 * n);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    let code = '';
    for (let j = 12 * i; j < 12 * i + 12; j++) code += codeAlphabet[bytes[j]! & 31];
    out[i] = code;
  }
  return out;
}

/** A value in COPY's text format: backslash, tab and line breaks escaped. */
const copyText = (s: string) => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (ch) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[ch]!) : s);

const STAGE = `CREATE TEMP TABLE import_stage (
  n int NOT NULL, ref text NOT NULL, unit_id uuid NOT NULL, province_id uuid NOT NULL, fund_id uuid NOT NULL, central_id uuid NOT NULL,
  amount bigint NOT NULL, at timestamptz NOT NULL, fy smallint NOT NULL, fm smallint NOT NULL, receipt_no text NOT NULL, receipt_code text NOT NULL,
  claimed boolean NOT NULL DEFAULT false
) ON COMMIT DROP`;

// One statement for the whole batch. References are claimed first, in reference order (two
// batches, or a batch and an online gift, holding the same references wait for each other instead
// of deadlocking): a reference recorded meanwhile makes its row a duplicate here, atomically.
// Journals and lines are written for the claimed gifts only (contribution.journal_id is checked
// at commit); the claimed rows are marked in the stage for the balances.
const WRITE = `
WITH claimed AS (
  INSERT INTO contribution (unit_id, province_unit_id, fund_id, amount_rials, channel, channel_ref, received_at, fiscal_year, fiscal_month,
                            journal_id, receipt_no, receipt_code, recorded_by)
  SELECT s.unit_id, s.province_id, s.fund_id, s.amount, $1, s.ref, s.at, s.fy, s.fm,
         nextval(pg_get_serial_sequence('journal', 'id')), s.receipt_no, s.receipt_code, $2
    FROM import_stage s ORDER BY s.ref
  ON CONFLICT (channel, channel_ref) WHERE channel_ref IS NOT NULL DO NOTHING
  RETURNING channel_ref, journal_id, unit_id, fund_id, amount_rials, received_at, fiscal_year, fiscal_month
), mine AS (
  UPDATE import_stage s SET claimed = true FROM claimed c WHERE s.ref = c.channel_ref
  RETURNING s.n, s.central_id, c.journal_id, c.fund_id, c.amount_rials, c.received_at
), j AS (
  INSERT INTO journal (id, kind, unit_id, occurred_at, fiscal_year, fiscal_month, description, created_by, request_id)
  OVERRIDING SYSTEM VALUE
  SELECT journal_id, 'contribution', unit_id, received_at, fiscal_year, fiscal_month, 'مشارکت (ورود از فایل تسویه)', $2, $3 FROM claimed
), l AS (
  INSERT INTO journal_line (journal_id, line_no, account_id, fund_id, amount, occurred_at)
  SELECT journal_id, 1, central_id, fund_id, amount_rials, received_at FROM mine
   UNION ALL
  SELECT journal_id, 2, fund_id, fund_id, -amount_rials, received_at FROM mine
   ORDER BY 1, 2
)
SELECT count(*)::int AS imported, coalesce(sum(amount_rials), 0)::bigint AS total, min(n) AS first, max(n) AS last FROM mine`;

// the claimed gifts' balance effects, summed per position (ledger_apply_deltas sums again, in order)
const BALANCES = `
SELECT ledger_apply_deltas(array_agg(d.a), array_agg(d.f), array_agg(d.m))
  FROM (SELECT central_id AS a, fund_id AS f, sum(amount)::bigint AS m FROM import_stage WHERE claimed GROUP BY 1, 2
         UNION ALL
        SELECT fund_id, fund_id, -sum(amount)::bigint FROM import_stage WHERE claimed GROUP BY 1) d`;

/**
 * Imports one batch in the caller's transaction. References already recorded (in the database or
 * earlier in the batch) are counted as duplicates and skipped: importing a file twice credits once.
 * The balances and the audit row are sent with the transaction's COMMIT (withTx).
 */
export async function importContributionBatch(tx: Client, ctx: OpContext, c: ImportContext, channel: Channel, rows: ImportRow[], opts: { dryRun: boolean; importId: string | null }): Promise<BatchResult> {
  const { valid, errors } = validate(c, ctx, rows, new Date());
  const { rows: existing } = await tx.query<{ channel_ref: string }>(
    'SELECT channel_ref FROM contribution WHERE channel = $1 AND channel_ref = ANY($2::text[])', [channel, valid.map((v) => v.reference)]);
  const seen = new Set(existing.map((r) => r.channel_ref));
  const fresh: Valid[] = [];
  for (const v of valid) {
    if (seen.has(v.reference)) continue;
    seen.add(v.reference);
    fresh.push(v);
  }
  const duplicates = valid.length - fresh.length;
  if (opts.dryRun || fresh.length === 0) {
    return { imported: opts.dryRun ? fresh.length : 0, duplicates, errors, totalRials: opts.dryRun ? fresh.reduce((s, v) => s + v.amount, 0n) : 0n };
  }

  const { fundIds, centralIds } = await postingAccounts(tx, c, fresh);
  const periods = fresh.map((v) => c.period(v.at));
  const receiptNos = await receiptNumbers(tx, c, fresh, periods);
  const codes = receiptCodes(fresh.length);
  await tx.query(STAGE);
  const chunks: string[] = [];
  for (let start = 0; start < fresh.length; start += 1000) {
    let chunk = '';
    for (let i = start; i < Math.min(start + 1000, fresh.length); i++) {
      const v = fresh[i]!;
      chunk += `${i}\t${copyText(v.reference)}\t${v.unit.id}\t${v.unit.provinceId}\t${fundIds[i]}\t${centralIds[i]}\t${v.amount}\t${v.at.toISOString()}\t${periods[i]!.fiscalYear}\t${periods[i]!.fiscalMonth}\t${receiptNos[i]}\t${codes[i]}\n`;
    }
    chunks.push(chunk);
  }
  await pipeline(Readable.from(chunks), tx.query(copyFrom(
    'COPY import_stage (n, ref, unit_id, province_id, fund_id, central_id, amount, at, fy, fm, receipt_no, receipt_code) FROM STDIN')));
  const actorId = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
  const { rows: [w] } = await tx.query<{ imported: number; total: bigint; first: number | null; last: number | null }>(WRITE, [channel, actorId, ctx.requestId]);
  const late = fresh.length - w!.imported;
  if (!w!.imported) return { imported: 0, duplicates: duplicates + late, errors, totalRials: 0n };
  await deferSql(tx, BALANCES, []);
  await writeAudit(tx, ctx, {
    deferred: true,
    action: 'contribution.import_batch', entityType: 'contribution_import', entityId: opts.importId, unitId: ctx.actor.kind === 'staff' ? ctx.actor.homeUnitId : null,
    summary: { channel, rows: w!.imported, duplicates: duplicates + late, invalid: errors.length, totalRials: w!.total, firstReference: fresh[w!.first!]!.reference, lastReference: fresh[w!.last!]!.reference },
  });
  return { imported: w!.imported, duplicates: duplicates + late, errors, totalRials: w!.total };
}

export interface ImportTotals { rows: number; imported: number; duplicates: number; invalid: number; totalRials: bigint }

/**
 * Imports rows from any async source, a batch per transaction, recording progress and per-row
 * errors on the import (when it has an id). Memory stays flat: only the batches in flight and the
 * one being read are held.
 */
export async function importContributions(pool: Pool, ctx: OpContext, channel: Channel, source: AsyncIterable<ImportRow>,
  opts: { dryRun: boolean; importId: string | null; batchSize?: number; parallel?: number; onProgress?: (t: ImportTotals) => void }): Promise<ImportTotals> {
  const c = await ImportContext.load(pool);
  c.receipts = new ReceiptAllocator(pool);
  const totals: ImportTotals = { rows: 0, imported: 0, duplicates: 0, invalid: 0, totalRials: 0n };
  const size = opts.batchSize ?? 5000;
  const runBatch = async (rows: ImportRow[]) => {
    const r = await withTx(pool, async (tx) => {
      const result = await importContributionBatch(tx, ctx, c, channel, rows, opts);
      if (opts.importId) {
        if (result.errors.length) {
          await tx.query(
            `INSERT INTO contribution_import_error (import_id, row_no, field, code) SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
            [opts.importId, result.errors.map((e) => e.rowNo), result.errors.map((e) => e.field), result.errors.map((e) => e.code)]);
        }
        // parallel batches update the same import row: sent with the COMMIT, its lock is held only for that
        await deferSql(tx,
          `UPDATE contribution_import SET rows_total = rows_total + $2, rows_imported = rows_imported + $3, rows_duplicate = rows_duplicate + $4,
                  rows_invalid = rows_invalid + $5, total_rials = total_rials + $6 WHERE id = $1`,
          [opts.importId, rows.length, result.imported, result.duplicates, new Set(result.errors.map((e) => e.rowNo)).size, result.totalRials]);
      }
      return result;
    });
    totals.rows += rows.length;
    totals.imported += r.imported;
    totals.duplicates += r.duplicates;
    totals.invalid += new Set(r.errors.map((e) => e.rowNo)).size;
    totals.totalRials += r.totalRials;
    opts.onProgress?.(totals);
  };
  // Batches run on two connections at once (PostgreSQL works on one while Node prepares the
  // next); references are claimed atomically, so parallel batches never credit one twice.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  const launch = (rows: ImportRow[]) => {
    const p: Promise<void> = runBatch(rows).catch((err: unknown) => { failure ??= err; }).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  try {
    let batch: ImportRow[] = [];
    for await (const row of source) {
      batch.push(row);
      if (batch.length >= size) {
        while (inFlight.size >= (opts.parallel ?? 2)) await Promise.race(inFlight);
        if (failure) break;
        launch(batch);
        batch = [];
      }
    }
    if (batch.length && !failure) launch(batch);
    await Promise.all(inFlight);
    if (failure) throw failure;
    return totals;
  } finally {
    await c.receipts.close();
  }
}
