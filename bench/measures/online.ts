import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { formatJalaliDate } from '@mosharekat/fa';
import { repoRoot } from '../../server/src/config.ts';
import { hashPassword } from '../../server/src/modules/auth/passwords.ts';
import type { BenchDb } from '../lib/bench-db.ts';
import { percentile, rssMb } from '../lib/stats.ts';
import { loadCounties, rng, type County } from '../lib/synth.ts';

export interface LoadResult { accepted: number; errors: number; perSecond: number; p50Ms: number; p99Ms: number }

export interface OnlineResult {
  concurrency: number;
  seconds: number;
  spread: LoadResult;      // POST /api/contributions over HTTP, gifts spread over counties by population
  raw: LoadResult;         // a plain transaction per gift (journal, two lines, contribution) from 32 clients
  ratio: number;
  hot: LoadResult;         // every gift to one fund (one balance row)
  hotRatio: number;        // hot ÷ spread
  hotConsistent: boolean;  // the hot fund's balance equals the sum of its gifts
  gateway: LoadResult & { prepared: number; credited: number }; // the gateway verify path (callback → verify → credit)
  serverRssIdleMb: number;
  serverRssPeakMb: number;
  startMs: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/** Starts the real server as its own process on the bench database; resolves when it is listening. */
export async function startServerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; startMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it under load
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(repoRoot, 'server/src/main.ts')], {
    cwd: repoRoot, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', MOSHAREKAT_DEMO: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('is ready at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, startMs: performance.now() - t0 };
}

// The load generator shares the machine with the server: plain keep-alive HTTP/1.1 (node:http)
// costs it a fraction of what fetch does, leaving the CPU to the system under test.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

interface Answer { status: number; body: string; location: string | undefined }

function send(url: string, method: string, headers: Record<string, string | number>, payload?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), location: res.headers.location }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<Answer> {
  const payload = JSON.stringify(body);
  return send(url, 'POST', { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }, payload);
}

/** A donor's own address (the server trusts X-Forwarded-For from its proxy): limits per address apply per donor. */
const donorAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function signIn(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, csrf: me.csrfToken };
}

/** Runs `worker` from `concurrency` loops for `seconds` (after a warm-up) and measures each call. */
async function load(concurrency: number, seconds: number, warmupSeconds: number, worker: (loop: number, i: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let accepted = 0;
  let errors = 0;
  const warmEnd = performance.now() + warmupSeconds * 1000;
  const end = warmEnd + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async (_, loop) => {
    for (let i = 0; performance.now() < end; i++) {
      const t = performance.now();
      let ok = false;
      try {
        ok = await worker(loop, i);
      } catch {
        ok = false;
      }
      if (t < warmEnd) continue;
      latencies.push(performance.now() - t);
      if (ok) accepted++; else errors++;
    }
  }));
  latencies.sort((a, b) => a - b);
  return { accepted, errors, perSecond: accepted / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

/**
 * The gateway verify path: donors' payments are opened on the portal and paid at the gateway (the
 * built-in sandbox, which speaks Zarinpal v4 in-process) beforehand; what is measured is the
 * gateway's callback, which verifies server to server and credits the gift, from `concurrency`
 * donors at once until the prepared payments run out or `seconds` pass.
 */
async function measureGateway(db: BenchDb, url: string, pickCounty: (x: number) => County, r: () => number,
  opts: { seconds: number; concurrency: number; log: (m: string) => void }): Promise<OnlineResult['gateway']> {
  const prepared: { callback: string; address: string }[] = [];
  const want = Math.max(1000, opts.seconds * 600);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let i = next++; i < want; i = next++) {
      const address = donorAddress(i + 1);
      const start = await postJson(`${url}/api/portal/payments`, { 'x-forwarded-for': address },
        { purposeCode: i % 3 ? 'general' : 'orphans', unitId: pickCounty(r()).id, amountRials: String(10_000 * (1 + (i % 500))), anonymous: true });
      if (start.status !== 201) throw new Error(`payment start refused: ${start.status} ${start.body}`);
      const authority = (JSON.parse(start.body) as { redirectUrl: string }).redirectUrl.split('/').pop()!;
      const paid = await send(`${url}/sandbox-gateway/pg/StartPay/${authority}`, 'POST', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 10 }, 'action=pay');
      if (paid.status !== 303 || !paid.location) throw new Error(`sandbox payment failed: ${paid.status} ${paid.body}`);
      prepared.push({ callback: new URL(paid.location, url).pathname + new URL(paid.location, url).search, address });
    }
  }));
  opts.log(`  ${prepared.length} payments opened and paid at the sandbox gateway in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const latencies: number[] = [];
  let credited: number;
  let errors = 0;
  const t1 = performance.now();
  const end = t1 + opts.seconds * 1000;
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    for (let p = prepared.pop(); p && performance.now() < end; p = prepared.pop()) {
      const t = performance.now();
      const res = await send(`${url}${p.callback}`, 'GET', { 'x-forwarded-for': p.address });
      latencies.push(performance.now() - t);
      // the donor is sent on to the thank-you page whatever happened: what counts is what was credited
      if (res.status !== 303) errors++;
    }
  }));
  const seconds = (performance.now() - t1) / 1000;
  const { rows } = await db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM payment WHERE status = 'verified'`);
  credited = rows[0]!.n;
  errors = latencies.length - credited; // callbacks answered without a credit
  latencies.sort((a, b) => a - b);
  return { accepted: credited, errors, perSecond: credited / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), prepared: want, credited };
}

export async function measureOnline(db: BenchDb, opts: { seconds: number; concurrency: number; log: (m: string) => void }): Promise<OnlineResult> {
  const { counties, pickCounty } = await loadCounties(db.pool);
  const { rows: hq } = await db.owner.query<{ id: string }>(`SELECT id FROM org_unit WHERE kind = 'hq'`);
  const password = 'bench-pass-1234';
  const { rows: u } = await db.owner.query<{ id: string }>(
    `INSERT INTO staff_user (username, full_name, name_key, password_hash, unit_id) VALUES ('bench.officer', 'bench', 'bench', $1, $2) RETURNING id`,
    [await hashPassword(password), hq[0]!.id]);
  await db.owner.query(`INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, 'participation_officer', $2)`, [u[0]!.id, hq[0]!.id]);

  const server = await startServerProcess({ DATABASE_URL: db.url, GATEWAY: 'sandbox', TRUST_PROXY: '1' });
  const pid = server.child.pid!;
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const serverRssIdleMb = rssMb(pid);
    let serverRssPeakMb = serverRssIdleMb;
    const sampler = setInterval(() => { serverRssPeakMb = Math.max(serverRssPeakMb, rssMb(pid)); }, 250);
    const session = await signIn(server.url, 'bench.officer', password);
    const today = formatJalaliDate(new Date(), { digits: 'latin' });
    const r = rng(7);
    let seq = 0;
    const post = async (county: County, hot: boolean) => {
      const n = ++seq;
      const specific = !hot && r() < 0.6;
      const res = await postJson(`${server.url}/api/contributions`, { cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': `bench-${hot ? 'h' : 's'}-${n}` },
        { unitId: county.id, amountRials: String(10_000 * (1 + Math.floor(r() * 500))), fundKind: specific ? 'specific' : 'general', ...(specific ? { purposeCode: 'orphans' } : {}), channel: 'gateway', channelRef: `GW-${hot ? 'H' : 'S'}-${n}`, receivedOn: today });
      return res.status === 201;
    };
    // Steady state of a campaign: every county's funds exist (the first gift of an intent at a unit
    // creates its fund, once). Each county receives its first general and first specific gift here.
    const t0 = performance.now();
    let c = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let i = c++; i < counties.length * 2; i = c++) {
        const res = await postJson(`${server.url}/api/contributions`, { cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': `bench-first-${i}` },
          { unitId: counties[i >> 1]!.id, amountRials: '10000', fundKind: i % 2 ? 'specific' : 'general', ...(i % 2 ? { purposeCode: 'orphans' } : {}), channel: 'gateway', channelRef: `GW-FIRST-${i}`, receivedOn: today });
        if (res.status !== 201) throw new Error(`first gift refused: ${res.status} ${res.body}`);
      }
    }));
    opts.log(`  funds of ${counties.length} counties opened by their first gifts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const spread = await load(opts.concurrency, opts.seconds, 2, () => post(pickCounty(r()), false));
    opts.log(`  online spread: ${Math.round(spread.perSecond)}/s accepted, p50 ${spread.p50Ms.toFixed(1)} ms, p99 ${spread.p99Ms.toFixed(1)} ms, ${spread.errors} errors`);
    const hotCounty = counties.find((c) => c.code === 'C2301') ?? counties[0]!;
    const hot = await load(opts.concurrency, opts.seconds, 2, () => post(hotCounty, true));
    opts.log(`  online hot fund: ${Math.round(hot.perSecond)}/s accepted, p50 ${hot.p50Ms.toFixed(1)} ms, p99 ${hot.p99Ms.toFixed(1)} ms, ${hot.errors} errors`);
    const gateway = await measureGateway(db, server.url, pickCounty, r, opts);
    opts.log(`  gateway verify path: ${Math.round(gateway.perSecond)}/s credited, p50 ${gateway.p50Ms.toFixed(1)} ms, p99 ${gateway.p99Ms.toFixed(1)} ms, ${gateway.credited} of ${gateway.prepared} payments credited`);
    clearInterval(sampler);

    const { rows: check } = await db.owner.query<{ ok: boolean }>(
      `SELECT (SELECT -amount FROM ledger_balance b WHERE b.account_id = f.id AND b.fund_id = f.id) =
              (SELECT sum(c.amount_rials) FROM contribution c WHERE c.fund_id = f.id) AS ok
         FROM fund f WHERE f.unit_id = $1 AND f.kind = 'general'`, [hotCounty.id]);

    // the baseline: the same number of clients, each gift one plain transaction
    const clients = await Promise.all(Array.from({ length: opts.concurrency }, () => db.owner.connect()));
    const raw = await load(opts.concurrency, opts.seconds, 2, async (loop) => {
      const c = clients[loop]!;
      const county = pickCounty(r());
      const n = ++seq;
      await c.query('BEGIN');
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO bench_raw.journal (id, kind, unit_id, occurred_at, fiscal_year, fiscal_month) VALUES (nextval('bench_raw.journal_id_seq') + 100000000, 'contribution', $1, now(), 1405, 9) RETURNING id`, [county.id]);
      const j = rows[0]!.id;
      await c.query(`INSERT INTO bench_raw.journal_line (journal_id, line_no, account_id, fund_id, amount, occurred_at) VALUES ($1, 1, $2, $3, 10000, now()), ($1, 2, $3, $3, -10000, now())`, [j, county.provinceId, county.id]);
      await c.query(`INSERT INTO bench_raw.contribution (unit_id, province_unit_id, fund_id, amount_rials, channel, channel_ref, received_at, fiscal_year, journal_id, receipt_no, receipt_code)
                     VALUES ($1, $2, $1, 10000, 'gateway', $3, now(), 1405, $4, $3, $3)`, [county.id, county.provinceId, `RAWGW-${n}`, j]);
      await c.query('COMMIT');
      return true;
    });
    clients.forEach((c) => c.release());
    opts.log(`  raw transactions: ${Math.round(raw.perSecond)}/s, p50 ${raw.p50Ms.toFixed(1)} ms, p99 ${raw.p99Ms.toFixed(1)} ms`);
    return {
      concurrency: opts.concurrency, seconds: opts.seconds, spread, raw, ratio: spread.perSecond / raw.perSecond, hot, hotRatio: hot.perSecond / spread.perSecond,
      hotConsistent: check[0]?.ok === true, gateway, serverRssIdleMb, serverRssPeakMb, startMs: server.startMs,
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
}
