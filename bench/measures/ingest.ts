import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { fiscalPeriod } from '@mosharekat/fa';
import { intentKey } from '../../server/src/modules/ledger/funds.ts';
import { formatReceiptNo } from '../../server/src/modules/contributions/receipt-number.ts';
import { csvImportRows } from '../../server/src/modules/contributions/csv-rows.ts';
import { importContributions } from '../../server/src/modules/contributions/import-contributions.ts';
import { benchActor, type BenchDb } from '../lib/bench-db.ts';
import { rssMb, summarize, type Summary } from '../lib/stats.ts';
import { giftGenerator, loadCounties, type SynthGift } from '../lib/synth.ts';

export interface IngestResult {
  gifts: number;
  app: Summary;        // gifts per second through the real import path
  raw: Summary;        // gifts per second by COPY into equivalent tables
  ratio: number;
  rssGrowthMb: number; // peak RSS during the largest run minus RSS before it
}

/** Writes a settlement file (the input of the real import path) of `n` synthetic gifts. */
async function writeSettlementFile(file: string, next: () => SynthGift, n: number) {
  const lines = (function* () {
    yield 'reference,amount_rials,paid_at,unit_code,purpose\n';
    for (let i = 0; i < n; i++) {
      const g = next();
      yield `${g.reference},${g.amountRials},${g.paidAt.toISOString()},${g.county.code},${g.purpose}\n`;
    }
  })();
  await pipeline(Readable.from(lines), fs.createWriteStream(file));
}

/**
 * The baseline: the same gifts COPYed straight into copies of journal, journal_line and
 * contribution that carry every key, index, CHECK and foreign key of the real tables (bench_equiv,
 * see bench-db.ts), with the same column values the import writes (real fund and central account
 * ids, the acting user, receipt numbers and random receipt codes), everything precomputed but the
 * COPY text — what PostgreSQL can take when nothing is validated, deduplicated, numbered, balanced
 * or summed into the figures. One transaction of three COPYs.
 */
async function rawCopy(db: BenchDb, next: () => SynthGift, n: number, firstJournalId: bigint, userId: string): Promise<number> {
  const funds = new Map<string, string>();
  for (const r of (await db.owner.query<{ id: string; unit_id: string; intent_key: string }>('SELECT id, unit_id, intent_key FROM fund')).rows) funds.set(`${r.unit_id}|${r.intent_key}`, r.id);
  const centrals = new Map<string, string>();
  for (const r of (await db.owner.query<{ id: string; unit_id: string }>(`SELECT id, unit_id FROM custody_account WHERE kind = 'central'`)).rows) centrals.set(r.unit_id, r.id);
  const periods = new Map<number, { fiscalYear: number; fiscalMonth: number }>();
  const gifts = Array.from({ length: n }, () => {
    const g = next();
    // the import ran first on gifts of the same seed, so every fund and central account exists
    const fund = funds.get(`${g.county.id}|${intentKey({ purposeCode: g.purpose })}`);
    const central = centrals.get(g.county.provinceId);
    if (!fund || !central) throw new Error(`no fund or central account for ${g.county.code} ${g.purpose}`);
    const slot = Math.floor(g.paidAt.getTime() / 1_800_000);
    let p = periods.get(slot);
    if (!p) periods.set(slot, (p = fiscalPeriod(g.paidAt)));
    return { g, fund, central, p, at: g.paidAt.toISOString() };
  });
  const codes = crypto.randomBytes(12 * n);
  const code = (i: number) => Array.from(codes.subarray(12 * i, 12 * i + 12), (b) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[b & 31]).join('');
  const client = await db.owner.connect();
  const t0 = performance.now();
  try {
    await client.query('BEGIN');
    const copy = async (sql: string, rows: Iterable<string>) => pipeline(Readable.from(rows), client.query(copyFrom(sql)));
    await copy('COPY bench_equiv.journal (id, kind, unit_id, occurred_at, fiscal_year, fiscal_month, description, created_by, request_id) FROM STDIN', (function* () {
      let j = firstJournalId;
      for (const { g, p, at } of gifts) yield `${j++}\tcontribution\t${g.county.id}\t${at}\t${p.fiscalYear}\t${p.fiscalMonth}\tمشارکت (ورود از فایل تسویه)\t${userId}\tbench-ingest\n`;
    })());
    await copy('COPY bench_equiv.journal_line (journal_id, line_no, account_id, fund_id, amount, occurred_at) FROM STDIN', (function* () {
      let j = firstJournalId;
      for (const { g, fund, central, at } of gifts) {
        yield `${j}\t1\t${central}\t${fund}\t${g.amountRials}\t${at}\n${j}\t2\t${fund}\t${fund}\t-${g.amountRials}\t${at}\n`;
        j++;
      }
    })());
    await copy('COPY bench_equiv.contribution (unit_id, province_unit_id, fund_id, amount_rials, channel, channel_ref, received_at, fiscal_year, fiscal_month, journal_id, receipt_no, receipt_code, recorded_by) FROM STDIN', (function* () {
      let j = firstJournalId;
      let i = 0;
      for (const { g, fund, p, at } of gifts) {
        yield `${g.county.id}\t${g.county.provinceId}\t${fund}\t${g.amountRials}\tussd\t${g.reference}\t${at}\t${p.fiscalYear}\t${p.fiscalMonth}\t${j++}\t${formatReceiptNo(p.fiscalYear, p.fiscalMonth, firstJournalId + BigInt(i))}\t${code(i)}\t${userId}\n`;
        i++;
      }
    })());
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return n / ((performance.now() - t0) / 1000);
}

export async function measureIngest(db: BenchDb, opts: { gifts: number; runs: number; log: (m: string) => void }): Promise<IngestResult> {
  const { pickCounty } = await loadCounties(db.pool);
  const actor = await benchActor(db);
  const ctx = { actor, requestId: 'bench-ingest', ip: null };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msk-bench-'));
  const app: number[] = [];
  const raw: number[] = [];
  let rssGrowthMb = 0;
  try {
    for (let run = 0; run < opts.runs; run++) {
      const file = path.join(dir, `settlement-${run}.csv`);
      await writeSettlementFile(file, giftGenerator(1000 + run, pickCounty, `USSD-${run}`), opts.gifts);
      global.gc?.();
      const before = rssMb();
      let peak = before;
      const sampler = setInterval(() => { peak = Math.max(peak, rssMb()); }, 200);
      const t0 = performance.now();
      // the import's own batch size and parallelism: the figures are those of the production path
      const totals = await importContributions(db.pool, ctx, 'ussd', csvImportRows(file), { dryRun: false, importId: null });
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      if (totals.imported !== opts.gifts) throw new Error(`imported ${totals.imported} of ${opts.gifts}`);
      app.push(opts.gifts / seconds);
      rssGrowthMb = Math.max(rssGrowthMb, peak - before);
      opts.log(`  ingest run ${run + 1}: ${Math.round(opts.gifts / seconds)} gifts/s through the import path (RSS +${Math.round(peak - before)} MB)`);
      fs.rmSync(file);
      const rawRate = await rawCopy(db, giftGenerator(1000 + run, pickCounty, `RAW-${run}`), opts.gifts, BigInt(run * opts.gifts + 1), actor.userId);
      raw.push(rawRate);
      opts.log(`  ingest run ${run + 1}: ${Math.round(rawRate)} gifts/s by raw COPY`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const a = summarize(app);
  const r = summarize(raw);
  return { gifts: opts.gifts, app: a, raw: r, ratio: a.median / r.median, rssGrowthMb };
}
