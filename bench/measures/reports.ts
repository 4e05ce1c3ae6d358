import { buildActor } from '../../server/src/modules/access/actor.ts';
import { contributionFigures } from '../../server/src/modules/contributions/contribution-figures.ts';
import { importContributions, type ImportRow } from '../../server/src/modules/contributions/import-contributions.ts';
import { accountStatement } from '../../server/src/modules/ledger/account-statement.ts';
import { benchActor, type BenchDb } from '../lib/bench-db.ts';
import { percentile } from '../lib/stats.ts';
import { giftGenerator, loadCounties } from '../lib/synth.ts';

export interface Timing { p50Ms: number; p95Ms: number }
export interface ReportsResult {
  gifts: number;
  queries: { name: string; app: Timing; raw: Timing }[];
  worstP95Ms: number;
}

async function time(n: number, fn: () => Promise<unknown>, warmups = 5): Promise<Timing> {
  const t: number[] = [];
  for (let i = 0; i < n + warmups; i++) {
    const s = performance.now();
    await fn();
    if (i >= warmups) t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { p50Ms: percentile(t, 50), p95Ms: percentile(t, 95) };
}

/** Tops the database up to `gifts` contributions through the real import path. */
async function topUp(db: BenchDb, gifts: number, log: (m: string) => void) {
  const { rows } = await db.owner.query<{ n: string }>('SELECT count(*)::text AS n FROM contribution');
  const have = Number(rows[0]!.n);
  if (have >= gifts) return have;
  const { pickCounty } = await loadCounties(db.pool);
  const actor = await benchActor(db);
  const next = giftGenerator(99, pickCounty, 'FILL');
  const need = gifts - have;
  async function* rowsOf(): AsyncGenerator<ImportRow> {
    for (let i = 0; i < need; i++) {
      const g = next();
      yield { rowNo: i + 1, reference: g.reference, amountRials: g.amountRials.toString(), paidAt: g.paidAt.toISOString(), unitCode: g.county.code, purpose: g.purpose };
    }
  }
  const t0 = performance.now();
  await importContributions(db.pool, { actor, requestId: 'bench-fill', ip: null }, 'bank_transfer', rowsOf(), {
    dryRun: false, importId: null, batchSize: 10_000,
    onProgress: (p) => { if (p.rows % 500_000 === 0) log(`  filling: ${have + p.rows} gifts (${Math.round(p.rows / ((performance.now() - t0) / 1000))}/s)`); },
  });
  await db.owner.query('VACUUM ANALYZE');
  return gifts;
}

export async function measureReports(db: BenchDb, opts: { gifts: number; repeats: number; log: (m: string) => void }): Promise<ReportsResult> {
  const gifts = await topUp(db, opts.gifts, opts.log);
  const { rows: units } = await db.pool.query<{ code: string; id: string; path: string[] }>(`SELECT code, id, path FROM org_unit WHERE code IN ('HQ', 'P23', 'C2301')`);
  const unit = (code: string) => units.find((u) => u.code === code)!;
  const hq = unit('HQ');
  const actor = buildActor({ id: '00000000-0000-4000-8000-000000000000', username: 'bench', fullName: 'bench', unitId: hq.id }, [{ role: 'inspector', unitId: hq.id }]);
  const { rows: fund } = await db.pool.query<{ id: string }>(`SELECT id FROM fund WHERE unit_id = $1 AND kind = 'general'`, [unit('C2301').id]);

  const rawFigures = (u: { id: string; path: string[] }) => db.pool.query(
    `WITH s AS (SELECT j.fiscal_month, f.kind, f.purpose_code, c.channel, c.amount_rials FROM contribution c JOIN journal j ON j.id = c.journal_id
                  JOIN fund f ON f.id = c.fund_id JOIN org_unit ou ON ou.id = c.unit_id WHERE c.fiscal_year = 1404 AND ou.path @> ARRAY[$1::uuid])
     SELECT 'm', fiscal_month::text, count(*), sum(amount_rials) FROM s GROUP BY 2 UNION ALL SELECT 'k', kind, count(*), sum(amount_rials) FROM s GROUP BY 2
     UNION ALL SELECT 'p', purpose_code, count(*), sum(amount_rials) FROM s GROUP BY 2 UNION ALL SELECT 'c', channel, count(*), sum(amount_rials) FROM s GROUP BY 2`, [u.id]);

  const queries: ReportsResult['queries'] = [];
  for (const [name, code] of [['national dashboard', 'HQ'], ['provincial dashboard (Tehran)', 'P23'], ['county dashboard (Tehran county)', 'C2301']] as const) {
    const u = unit(code);
    const app = await time(opts.repeats, () => contributionFigures(db.pool, u.id, 1404));
    // the scan takes seconds at millions of gifts: a few runs after one warm-up show its order of magnitude
    const raw = await time(Math.max(3, Math.floor(opts.repeats / 20)), () => rawFigures(u), 1);
    queries.push({ name, app, raw });
    opts.log(`  ${name}: p50 ${app.p50Ms.toFixed(1)} ms, p95 ${app.p95Ms.toFixed(1)} ms (scanning the gifts: p95 ${raw.p95Ms.toFixed(0)} ms)`);
  }
  const app = await time(opts.repeats, () => accountStatement(db.pool, actor, { accountId: fund[0]!.id, from: '1404/12/01', to: '1404/12/29', page: 1, pageSize: 100 }));
  const raw = await time(opts.repeats, () => db.pool.query(
    `SELECT * FROM journal_line WHERE account_id = $1 AND occurred_at >= '2026-02-19T20:30:00Z' AND occurred_at < '2026-03-20T20:30:00Z' ORDER BY occurred_at LIMIT 100`, [fund[0]!.id]));
  queries.push({ name: 'county statement (general fund, Esfand, first 100 lines)', app, raw });
  opts.log(`  county statement: p50 ${app.p50Ms.toFixed(1)} ms, p95 ${app.p95Ms.toFixed(1)} ms (plain page of lines: p95 ${raw.p95Ms.toFixed(1)} ms)`);
  return { gifts, queries, worstP95Ms: Math.max(...queries.map((q) => q.app.p95Ms)) };
}
