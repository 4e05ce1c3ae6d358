import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { fiscalPeriod } from '@mosharekat/fa';
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
 * The baseline: the same gifts COPYed straight into tables shaped like journal, journal_line and
 * contribution (with their keys and indexes), everything precomputed — what PostgreSQL can take
 * when nothing is validated, deduplicated, numbered or balanced.
 */
async function rawCopy(db: BenchDb, next: () => SynthGift, n: number, firstJournalId: bigint): Promise<number> {
  const funds = new Map<string, string>();
  const crypto = await import('node:crypto');
  const fundOf = (g: SynthGift) => {
    const k = `${g.county.id}|${g.purpose}`;
    let f = funds.get(k);
    if (!f) funds.set(k, (f = crypto.randomUUID()));
    return f;
  };
  const gifts: SynthGift[] = [];
  for (let i = 0; i < n; i++) gifts.push(next());
  const client = await db.owner.connect();
  const t0 = performance.now();
  try {
    await client.query('BEGIN');
    const copy = async (sql: string, rows: Iterable<string>) => pipeline(Readable.from(rows), client.query(copyFrom(sql)));
    let j = firstJournalId;
    await copy('COPY bench_raw.journal (id, kind, unit_id, occurred_at, fiscal_year, fiscal_month, description) FROM STDIN', (function* () {
      for (const g of gifts) {
        const p = fiscalPeriod(g.paidAt);
        yield `${j++}\tcontribution\t${g.county.id}\t${g.paidAt.toISOString()}\t${p.fiscalYear}\t${p.fiscalMonth}\tbench\n`;
      }
    })());
    j = firstJournalId;
    await copy('COPY bench_raw.journal_line (journal_id, line_no, account_id, fund_id, amount, occurred_at) FROM STDIN', (function* () {
      for (const g of gifts) {
        const f = fundOf(g);
        yield `${j}\t1\t${g.county.provinceId}\t${f}\t${g.amountRials}\t${g.paidAt.toISOString()}\n${j}\t2\t${f}\t${f}\t-${g.amountRials}\t${g.paidAt.toISOString()}\n`;
        j++;
      }
    })());
    j = firstJournalId;
    let serial = Number(firstJournalId);
    await copy('COPY bench_raw.contribution (unit_id, province_unit_id, fund_id, amount_rials, channel, channel_ref, received_at, fiscal_year, journal_id, receipt_no, receipt_code) FROM STDIN', (function* () {
      for (const g of gifts) {
        const p = fiscalPeriod(g.paidAt);
        yield `${g.county.id}\t${g.county.provinceId}\t${fundOf(g)}\t${g.amountRials}\tussd\t${g.reference}\t${g.paidAt.toISOString()}\t${p.fiscalYear}\t${j++}\t${p.fiscalYear}-${serial}\tR${serial++}\n`;
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
      const totals = await importContributions(db.pool, ctx, 'ussd', csvImportRows(file), { dryRun: false, importId: null, batchSize: 5000 });
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      if (totals.imported !== opts.gifts) throw new Error(`imported ${totals.imported} of ${opts.gifts}`);
      app.push(opts.gifts / seconds);
      rssGrowthMb = Math.max(rssGrowthMb, peak - before);
      opts.log(`  ingest run ${run + 1}: ${Math.round(opts.gifts / seconds)} gifts/s through the import path (RSS +${Math.round(peak - before)} MB)`);
      fs.rmSync(file);
      const rawRate = await rawCopy(db, giftGenerator(1000 + run, pickCounty, `RAW-${run}`), opts.gifts, BigInt(run * opts.gifts + 1));
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
