import { fiscalPeriod, jalaliToInstant, parseJalaliDate, parseRials, toLatinDigits } from '@mosharekat/fa';
import type { Pool, Queryable } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import type { ErrorCode } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { ensureCustodyAccount } from '../ledger/accounts.ts';
import { resolveFund } from '../ledger/funds.ts';
import type { Channel } from './contributions.schemas.ts';
import { formatReceiptNo, newReceiptCode, nextReceiptSerial } from './receipt-number.ts';
import { ReceiptAllocator } from './receipt-allocator.ts';

/*
 * Bulk import of a PSP settlement or bank file: the same rules as recording one gift (validation,
 * one credit per external reference, a balanced journal per gift, balances, numbered receipts),
 * applied set-wise a batch at a time so a million rows go in at close to the speed of COPY:
 * each batch is one transaction of a handful of multi-row statements.
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

export interface BatchResult {
  imported: number; duplicates: number; errors: RowError[]; totalRials: bigint;
  /** funds and accounts this batch created: shared with other batches only once it has committed */
  created?: { funds: Map<string, string>; centrals: Map<string, string> };
}

interface UnitInfo { id: string; path: string[]; status: string; provinceId: string }

/** Per-import caches: units, central accounts, funds and fiscal periods are looked up once. */
export class ImportContext {
  units = new Map<string, UnitInfo>();
  purposes = new Set<string>();
  targetGroups = new Set<string>();
  centrals = new Map<string, string>();
  funds = new Map<string, string>();
  /** receipt serial ranges come from their own connection, so parallel batches never queue on a counter row */
  receipts: ReceiptAllocator | null = null;
  /** for creating funds and accounts outside the batches' transactions (parallel imports) */
  pool: Pool | null = null;
  private periods = new Map<number, { fiscalYear: number; fiscalMonth: number }>();

  static async load(db: Queryable): Promise<ImportContext> {
    const c = new ImportContext();
    const { rows } = await db.query<{ id: string; code: string; path: string[]; status: string; province_id: string }>(
      `SELECT u.id, u.code, u.path, u.status,
              coalesce((SELECT p.id FROM org_unit p WHERE p.id = ANY(u.path) AND p.kind = 'province'), u.path[1]) AS province_id
         FROM org_unit u`);
    for (const r of rows) c.units.set(r.code, { id: r.id, path: r.path, status: r.status, provinceId: r.province_id });
    for (const r of (await db.query<{ code: string }>('SELECT code FROM purpose WHERE active')).rows) c.purposes.add(r.code);
    for (const r of (await db.query<{ code: string }>('SELECT code FROM target_group')).rows) c.targetGroups.add(r.code);
    return c;
  }

  /** Tehran's offset is a multiple of 30 minutes, so every instant of a 30-minute slot shares a day. */
  period(at: Date) {
    const slot = Math.floor(at.getTime() / 1_800_000);
    let p = this.periods.get(slot);
    if (!p) {
      p = fiscalPeriod(at);
      this.periods.set(slot, p);
    }
    return p;
  }
}

function parsePaidAt(raw: string, now: Date): Date | null {
  const s = toLatinDigits(raw.trim());
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) || d > now ? null : d;
  }
  const m = /^(\d{4}[/-]\d{1,2}[/-]\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  if (!m) return null;
  const day = parseJalaliDate(m[1]!);
  if (!day) return null;
  const d = jalaliToInstant(day.jy, day.jm, day.jd, m[2] ? Number(m[2]) : 12, m[3] ? Number(m[3]) : 0);
  return d > now ? null : d;
}

interface Valid { row: ImportRow; amount: bigint; at: Date; unit: UnitInfo; purpose: string; targetGroup: string | null }

function validate(c: ImportContext, ctx: OpContext, rows: ImportRow[], now: Date): { valid: Valid[]; errors: RowError[] } {
  const valid: Valid[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const before = errors.length;
    const reference = toLatinDigits(row.reference ?? '').trim();
    if (!reference || reference.length > 100) errors.push({ rowNo: row.rowNo, field: 'reference', code: 'CONTRIBUTION_REFERENCE_REQUIRED' });
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
    if (!unit || !holdsAt(ctx.actor, 'contributions.record', unit.path)) errors.push({ rowNo: row.rowNo, field: 'unitCode', code: 'ORG_UNIT_NOT_FOUND' });
    else if (unit.status !== 'active') errors.push({ rowNo: row.rowNo, field: 'unitCode', code: 'CONTRIBUTION_UNIT_RETIRED' });
    const purpose = (row.purpose?.trim() || 'general').toLowerCase();
    if (!c.purposes.has(purpose)) errors.push({ rowNo: row.rowNo, field: 'purpose', code: 'LEDGER_PURPOSE_UNKNOWN' });
    const tg = row.targetGroup?.trim().toLowerCase() || null;
    if (tg && (!c.targetGroups.has(tg) || purpose === 'general')) errors.push({ rowNo: row.rowNo, field: 'targetGroup', code: 'LEDGER_TARGET_GROUP_UNKNOWN' });
    if (errors.length === before) valid.push({ row: { ...row, reference }, amount, at: at!, unit: unit!, purpose, targetGroup: tg });
  }
  return { valid, errors };
}

/**
 * Imports one batch in the caller's transaction. References already recorded (in the database or
 * earlier in the batch) are counted as duplicates and skipped: importing a file twice credits once.
 */
export async function importContributionBatch(tx: Queryable, ctx: OpContext, c: ImportContext, channel: Channel, rows: ImportRow[], opts: { dryRun: boolean; importId: string | null }): Promise<BatchResult> {
  const now = new Date();
  const { valid, errors } = validate(c, ctx, rows, now);
  const refs = valid.map((v) => v.row.reference);
  const { rows: existing } = await tx.query<{ channel_ref: string }>(
    'SELECT channel_ref FROM contribution WHERE channel = $1 AND channel_ref = ANY($2::text[])', [channel, refs]);
  const seen = new Set(existing.map((r) => r.channel_ref));
  const fresh: Valid[] = [];
  for (const v of valid) {
    if (seen.has(v.row.reference)) continue;
    seen.add(v.row.reference);
    fresh.push(v);
  }
  const duplicates = valid.length - fresh.length;
  const totalRials = fresh.reduce((s, v) => s + v.amount, 0n);
  if (opts.dryRun || fresh.length === 0) return { imported: opts.dryRun ? fresh.length : 0, duplicates, errors, totalRials };

  // Funds and central accounts, resolved once per import. A missing one is created in a short
  // transaction of its own, committed at once: parallel batches then all see it, and none holds
  // its creation lock while waiting for another.
  const created = { funds: new Map<string, string>(), centrals: new Map<string, string>() };
  const fundIds: string[] = [];
  const centralIds: string[] = [];
  for (const v of fresh) {
    const key = `${v.unit.id}|${v.purpose}|${v.targetGroup ?? ''}`;
    let fund = c.funds.get(key);
    if (!fund) {
      fund = c.pool
        ? (await withTx(c.pool, (t) => resolveFund(t, v.unit.id, { purposeCode: v.purpose, targetGroupCode: v.targetGroup }))).id
        : (await resolveFund(tx, v.unit.id, { purposeCode: v.purpose, targetGroupCode: v.targetGroup })).id;
      (c.pool ? c.funds : created.funds).set(key, fund);
    }
    let central = c.centrals.get(v.unit.provinceId);
    if (!central) {
      central = c.pool
        ? await withTx(c.pool, (t) => ensureCustodyAccount(t, v.unit.provinceId, 'central'))
        : await ensureCustodyAccount(tx, v.unit.provinceId, 'central');
      (c.pool ? c.centrals : created.centrals).set(v.unit.provinceId, central);
    }
    fundIds.push(fund);
    centralIds.push(central);
  }

  // receipt serials: one range per province and fiscal year
  const periods = fresh.map((v) => c.period(v.at));
  const counts = new Map<string, number>();
  fresh.forEach((v, i) => {
    const k = `${v.unit.provinceId}|${periods[i]!.fiscalYear}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const next = new Map<string, bigint>();
  for (const [k, n] of [...counts.entries()].sort()) {
    const [province, fy] = k.split('|');
    next.set(k, c.receipts ? await c.receipts.reserveRange(province!, Number(fy), n) : await nextReceiptSerial(tx, province!, Number(fy), n));
  }
  const receiptNos = fresh.map((v, i) => {
    const p = periods[i]!;
    const k = `${v.unit.provinceId}|${p.fiscalYear}`;
    const serial = next.get(k)!;
    next.set(k, serial + 1n);
    return formatReceiptNo(p.fiscalYear, p.fiscalMonth, serial);
  });

  const { rows: ids } = await tx.query<{ id: string }>(
    `SELECT nextval(pg_get_serial_sequence('journal', 'id'))::text AS id FROM generate_series(1, $1)`, [fresh.length]);
  const journalIds = ids.map((r) => r.id);
  const actorId = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
  const atIso = fresh.map((v) => v.at.toISOString());
  const amounts = fresh.map((v) => v.amount.toString());
  // Claim the references first: a gift recorded meanwhile (online, or by a parallel batch) makes
  // its row a duplicate here, atomically; journals are then written for the claimed gifts only
  // (contribution.journal_id is checked at commit).
  const { rows: claimed } = await tx.query<{ channel_ref: string }>(
    `INSERT INTO contribution (unit_id, province_unit_id, fund_id, amount_rials, channel, channel_ref, received_at, fiscal_year, fiscal_month, journal_id, receipt_no, receipt_code, recorded_by)
     SELECT u, p, f, amt, $13, ref, at, fy, fm, j, rno, rcode, $14
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::timestamptz[], $7::smallint[], $8::smallint[], $9::bigint[], $10::text[], $11::text[], $12::int[])
         AS t(u, p, f, amt, ref, at, fy, fm, j, rno, rcode, n)
     ON CONFLICT (channel, channel_ref) WHERE channel_ref IS NOT NULL DO NOTHING
     RETURNING channel_ref`,
    [fresh.map((v) => v.unit.id), fresh.map((v) => v.unit.provinceId), fundIds, amounts, fresh.map((v) => v.row.reference), atIso,
      periods.map((p) => p.fiscalYear), periods.map((p) => p.fiscalMonth), journalIds, receiptNos, fresh.map(() => newReceiptCode()),
      fresh.map((v) => v.row.rowNo), channel, actorId],
  );
  const position = new Map(fresh.map((v, i) => [v.row.reference, i]));
  const keep = claimed.map((r) => position.get(r.channel_ref)!).sort((a, b) => a - b);
  const pick = <T>(xs: T[]) => keep.map((i) => xs[i]!);
  const lateDuplicates = fresh.length - keep.length;
  if (keep.length) {
    await tx.query(
      `INSERT INTO journal (id, kind, unit_id, occurred_at, fiscal_year, fiscal_month, description, created_by, request_id)
       OVERRIDING SYSTEM VALUE
       SELECT id, 'contribution', u, at, fy, fm, 'مشارکت (ورود از فایل تسویه)', $6, $7
         FROM unnest($1::bigint[], $2::uuid[], $3::timestamptz[], $4::smallint[], $5::smallint[]) AS t(id, u, at, fy, fm)`,
      [pick(journalIds), pick(fresh).map((v) => v.unit.id), pick(atIso), pick(periods).map((p) => p.fiscalYear), pick(periods).map((p) => p.fiscalMonth), actorId, ctx.requestId],
    );
    const negAmounts = pick(fresh).map((v) => (-v.amount).toString());
    await tx.query(
      `INSERT INTO journal_line (journal_id, line_no, account_id, fund_id, amount, occurred_at)
       SELECT j, 1, central, fund, amt, at FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::bigint[], $6::timestamptz[]) AS t(j, central, fund, amt, at)
       UNION ALL
       SELECT j, 2, fund, fund, neg, at FROM unnest($1::bigint[], $3::uuid[], $5::bigint[], $6::timestamptz[]) AS t(j, fund, neg, at)`,
      [pick(journalIds), pick(centralIds), pick(fundIds), pick(amounts), negAmounts, pick(atIso)],
    );
    await tx.query('SELECT ledger_apply_deltas($1::uuid[], $2::uuid[], $3::bigint[])', [
      [...pick(centralIds), ...pick(fundIds)], [...pick(fundIds), ...pick(fundIds)], [...pick(amounts), ...negAmounts]]);
  }
  const imported = pick(fresh);
  const importedRials = imported.reduce((sum, v) => sum + v.amount, 0n);
  if (!imported.length) return { imported: 0, duplicates: duplicates + lateDuplicates, errors, totalRials: 0n, created };
  await writeAudit(tx, ctx, {
    action: 'contribution.import_batch', entityType: 'contribution_import', entityId: opts.importId, unitId: ctx.actor.kind === 'staff' ? ctx.actor.homeUnitId : null,
    summary: { channel, rows: imported.length, duplicates: duplicates + lateDuplicates, invalid: errors.length, totalRials: importedRials, firstReference: imported[0]!.row.reference, lastReference: imported.at(-1)!.row.reference },
  });
  return { imported: imported.length, duplicates: duplicates + lateDuplicates, errors, totalRials: importedRials, created };
}

export interface ImportTotals { rows: number; imported: number; duplicates: number; invalid: number; totalRials: bigint }

/**
 * Imports rows from any async source, a batch per transaction, recording progress and per-row
 * errors on the import (when it has an id). Memory stays flat: only one batch is held at a time.
 */
export async function importContributions(pool: Pool, ctx: OpContext, channel: Channel, source: AsyncIterable<ImportRow>,
  opts: { dryRun: boolean; importId: string | null; batchSize?: number; parallel?: number; onProgress?: (t: ImportTotals) => void }): Promise<ImportTotals> {
  const c = await ImportContext.load(pool);
  c.receipts = new ReceiptAllocator(pool);
  c.pool = pool;
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
        await tx.query(
          `UPDATE contribution_import SET rows_total = rows_total + $2, rows_imported = rows_imported + $3, rows_duplicate = rows_duplicate + $4,
                  rows_invalid = rows_invalid + $5, total_rials = total_rials + $6 WHERE id = $1`,
          [opts.importId, rows.length, result.imported, result.duplicates, new Set(result.errors.map((e) => e.rowNo)).size, result.totalRials]);
      }
      return result;
    });
    for (const [k, v] of r.created?.funds ?? []) c.funds.set(k, v);
    for (const [k, v] of r.created?.centrals ?? []) c.centrals.set(k, v);
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
