// `npm run bench [-- --size quick|full] [--only ingest,online,reports,search,startup] [--merge]`
// Measures the system against what this machine's PostgreSQL can do without it, in the same run,
// and writes bench/results/latest.json and latest.md. Not part of `npm test`; needs no network.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../server/src/config.ts';
import { benchDatabase } from './lib/bench-db.ts';
import { measureIngest, type IngestResult } from './measures/ingest.ts';
import { measureOnline, type OnlineResult } from './measures/online.ts';
import { measureReports, type ReportsResult } from './measures/reports.ts';
import { measureStartup, type StartupResult } from './measures/startup.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const size = (arg('size') ?? 'quick') as 'quick' | 'full';
const only = new Set((arg('only') ?? 'ingest,online,reports,search,startup').split(','));
const sizes = {
  quick: { ingestGifts: 50_000, ingestRuns: 3, onlineSeconds: 5, reportGifts: 300_000, reportRepeats: 40, donors: 100_000, startRuns: 2 },
  full: { ingestGifts: 1_000_000, ingestRuns: 3, onlineSeconds: 20, reportGifts: 10_000_000, reportRepeats: 100, donors: 1_000_000, startRuns: 3 },
}[size];
// any size can be overridden, e.g. --reportGifts 5000000 --ingestRuns 1
for (const key of Object.keys(sizes) as (keyof typeof sizes)[]) {
  const v = arg(key);
  if (v !== undefined) sizes[key] = Number(v);
}

const log = (m: string) => console.log(m);
const results: {
  sizes: typeof sizes;
  size: string; startedAt: string; machine: Record<string, unknown>;
  ingest?: IngestResult; online?: OnlineResult; reports?: ReportsResult; search?: unknown; startup?: StartupResult;
} = {
  size, sizes, startedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL 17' },
};

const db = await benchDatabase();
try {
  const { rows } = await db.owner.query<{ v: string; sc: string }>(`SELECT version() AS v, current_setting('synchronous_commit') AS sc`);
  results.machine.postgres = rows[0]!.v.split(' on ')[0];
  results.machine.synchronousCommit = rows[0]!.sc;
  log(`benchmark (${size}) on ${results.machine.postgres}, synchronous_commit=${rows[0]!.sc}, ${os.cpus().length} cpus`);
  if (only.has('ingest')) {
    log('1. bulk ingestion');
    results.ingest = await measureIngest(db, { gifts: sizes.ingestGifts, runs: sizes.ingestRuns, log });
  }
  if (only.has('online')) {
    log('2–3. online gifts (spread, hot fund with spending, gateway verify path)');
    results.online = await measureOnline(db, { seconds: sizes.onlineSeconds, concurrency: 32, log });
  }
  if (only.has('reports')) {
    log(`4. reports at ${sizes.reportGifts.toLocaleString('en')} gifts`);
    results.reports = await measureReports(db, { gifts: sizes.reportGifts, repeats: sizes.reportRepeats, log });
  }
} finally {
  await db.close();
}
if (only.has('search')) {
  const script = path.join(repoRoot, 'bench', 'donors', 'search.bench.ts');
  if (fs.existsSync(script)) {
    log(`5. donor search at ${sizes.donors.toLocaleString('en')} donors`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--donors', String(sizes.donors), '--queries', size === 'full' ? '300' : '100'], { cwd: repoRoot, stdio: 'inherit' });
    const out = path.join(repoRoot, 'bench', 'results', 'donors-search.json');
    if (r.status === 0 && fs.existsSync(out)) results.search = JSON.parse(fs.readFileSync(out, 'utf8'));
  }
}
if (only.has('startup')) {
  log('6. start-up and footprint');
  results.startup = await measureStartup({ runs: sizes.startRuns, log });
}

// --merge: keep the measures of the previous latest.json that this run did not take (a long full
// run can be taken in parts, e.g. the 10-million-gift reports on their own); each part is listed.
const dir = path.join(repoRoot, 'bench', 'results');
const sections = ['ingest', 'online', 'reports', 'search', 'startup'] as const;
type Part = { startedAt: string; size: string; sizes: typeof sizes; measures: string[] };
let parts: Part[] = [{ startedAt: results.startedAt, size, sizes, measures: sections.filter((k) => results[k] !== undefined) }];
if (args.includes('--merge') && fs.existsSync(path.join(dir, 'latest.json'))) {
  const prev = JSON.parse(fs.readFileSync(path.join(dir, 'latest.json'), 'utf8')) as typeof results & { parts?: Part[] };
  const kept = sections.filter((k) => results[k] === undefined && prev[k] !== undefined);
  for (const k of kept) (results as Record<string, unknown>)[k] = prev[k];
  const prevParts = prev.parts ?? [{ startedAt: prev.startedAt, size: prev.size, sizes: prev.sizes, measures: sections.filter((k) => prev[k] !== undefined) }];
  parts = [...prevParts.map((p) => ({ ...p, measures: p.measures.filter((m) => (kept as readonly string[]).includes(m)) })).filter((p) => p.measures.length), ...parts];
}
(results as Record<string, unknown>).parts = parts;

const f0 = (n: number) => Math.round(n).toLocaleString('en');
const f1 = (n: number) => n.toFixed(1);
const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
const lines = [
  `# Benchmark results (${size})`, '',
  `Run ${results.startedAt} on ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGb} GB, ${results.machine.postgres} (${results.machine.database}), synchronous_commit=${results.machine.synchronousCommit}, Node ${results.machine.node}. The load generator shares the machine with the server and PostgreSQL.`, '',
  '| # | measure | application | raw PostgreSQL baseline | ratio | bar |', '|---|---|---|---|---|---|',
];
const { ingest, online, reports, startup } = results;
if (ingest) lines.push(`| 1 | bulk ingestion, ${f0(ingest.gifts)} gifts per run (median of ${ingest.app.runs.length}; min–max) | ${f0(ingest.app.median)} gifts/s (${f0(ingest.app.min)}–${f0(ingest.app.max)}); RSS +${f0(ingest.rssGrowthMb)} MB | ${f0(ingest.raw.median)} rows/s COPY (${f0(ingest.raw.min)}–${f0(ingest.raw.max)}) | ${ingest.ratio.toFixed(2)} | ≥ 0.5, RSS < 200 MB: ${mark(ingest.ratio >= 0.5 && ingest.rssGrowthMb < 200)} |`);
if (online) {
  lines.push(`| 2 | online gifts, POST /api/contributions, concurrency ${online.concurrency}, ${online.seconds} s | ${f0(online.spread.perSecond)}/s, p50 ${f1(online.spread.p50Ms)} ms, p99 ${f1(online.spread.p99Ms)} ms, ${online.spread.errors} errors | ${f0(online.raw.perSecond)} tx/s, p50 ${f1(online.raw.p50Ms)} ms, p99 ${f1(online.raw.p99Ms)} ms | ${online.ratio.toFixed(2)} | ≥ 0.5 at p99 ≤ 50 ms: ${mark(online.ratio >= 0.5 && online.spread.p99Ms <= 50)} |`);
  if (online.gateway) lines.push(`| 2 | gateway verify path: the gateway's callback, verified server to server at the built-in sandbox and credited, concurrency ${online.concurrency} | ${f0(online.gateway.perSecond)}/s, p50 ${f1(online.gateway.p50Ms)} ms, p99 ${f1(online.gateway.p99Ms)} ms; ${online.gateway.credited} of ${online.gateway.prepared} paid payments credited | ${f0(online.raw.perSecond)} tx/s | ${(online.gateway.perSecond / online.raw.perSecond).toFixed(2)} | — (the donor's way in; no bar of its own) |`);
  const h = online.hot;
  const mix = h.approvals === undefined ? '' : ` (${f0(h.giftsPerSecond)} gifts/s; ${f0(h.spendingPerSecond)} spending steps/s: ${f0(h.approvals)} approvals reserving, ${f0(h.payments)} payments posting, ${f0(h.refused)} refused)`;
  lines.push(`| 3 | hot fund (every gift and every spending to one fund) | ${f0(h.perSecond)} operations/s${mix}, p50 ${f1(h.p50Ms)} ms, p99 ${f1(h.p99Ms)} ms; balance = gifts − paid, hold = approved, never overdrawn, ledger check clean: ${online.hotConsistent ? 'yes' : '**NO**'} | spread case ${f0(online.spread.perSecond)}/s | ${online.hotRatio.toFixed(2)} of spread | no lost update, no overdraft: ${mark(online.hotConsistent)} |`);
}
if (reports) {
  for (const q of reports.queries) lines.push(`| 4 | ${q.name}, ${f0(reports.gifts)} gifts | p50 ${f1(q.app.p50Ms)} ms, p95 ${f1(q.app.p95Ms)} ms | p50 ${f1(q.raw.p50Ms)} ms, p95 ${f1(q.raw.p95Ms)} ms | ${(q.raw.p95Ms / q.app.p95Ms).toFixed(1)}× faster | p95 < 100 ms: ${mark(q.app.p95Ms < 100)} |`);
}
const search = results.search as { rows?: { name: string; p50Ms: number; p95Ms: number; rawP95Ms?: number }[]; donors?: number } | undefined;
if (search?.rows) for (const r of search.rows) lines.push(`| 5 | donor search: ${r.name}, ${f0(search.donors ?? 0)} donors | p50 ${f1(r.p50Ms)} ms, p95 ${f1(r.p95Ms)} ms | ${r.rawP95Ms === undefined ? '—' : `p95 ${f1(r.rawP95Ms)} ms`} | | p95 < 50 ms: ${mark(r.p95Ms < 50)} |`);
if (startup) lines.push(`| 6 | start-up (server on embedded PostgreSQL, to ready) | cold ${f1(startup.cold.median)} s (${f1(startup.cold.min)}–${f1(startup.cold.max)}), warm ${f1(startup.warm.median)} s (${f1(startup.warm.min)}–${f1(startup.warm.max)}) | | | warm < 10 s: ${mark(startup.warm.median < 10)} |`);
if (startup || online) lines.push(`| 6 | server RSS | idle ${f0(startup?.idleRssMb ?? online?.serverRssIdleMb ?? 0)} MB${online ? `, under load ${f0(online.serverRssPeakMb)} MB` : ''} | | | |`);
lines.push('', `Sizes: ${JSON.stringify(sizes)}. Raw JSON: \`latest.json\`. Reproduce: \`npm run bench -- --size ${size}\` (each size can be overridden: \`--reportGifts 5000000\`).`);

if (parts.length > 1) lines.push('', `Taken in ${parts.length} parts (\`--merge\`): ${parts.map((p) => `${p.measures.join(', ')} at ${p.startedAt} (${p.size})`).join('; ')}.`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
fs.writeFileSync(path.join(dir, 'latest.md'), lines.join('\n') + '\n');
console.log('\n' + lines.join('\n'));
process.exit(0);
