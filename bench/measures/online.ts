import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { formatJalaliDate } from '@mosharekat/fa';
import { repoRoot } from '../../server/src/config.ts';
import type { Role } from '../../server/src/modules/access/permissions.ts';
import { runLedgerCheck } from '../../server/src/modules/ledger/ledger-check.ts';
import { fakeUser, testPassword } from '../../server/src/testing/factories.ts';
import type { BenchDb } from '../lib/bench-db.ts';
import { percentile, rssMb } from '../lib/stats.ts';
import { loadCounties, rng, type County } from '../lib/synth.ts';

export interface LoadResult { accepted: number; errors: number; perSecond: number; p50Ms: number; p99Ms: number }

/** What the spending loops of the hot-fund load did: approvals (which reserve money) and payments (which post the journal). */
export interface HotSpending { gifts: number; approvals: number; payments: number; refused: number; giftsPerSecond: number; spendingPerSecond: number }

export interface OnlineResult {
  concurrency: number;
  seconds: number;
  spread: LoadResult;      // POST /api/contributions over HTTP, gifts spread over counties by population
  raw: LoadResult;         // a plain transaction per gift (journal, two lines, contribution) from 32 clients
  ratio: number;
  hot: LoadResult & HotSpending; // every gift and every spending to one fund (one balance row)
  hotRatio: number;        // hot ÷ spread (operations per second)
  hotConsistent: boolean;  // the hot fund's balance equals its gifts less its spending, its hold the approved requests, never overdrawn
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
async function load(concurrency: number, seconds: number, warmupSeconds: number, worker: (loop: number, i: number, measured: boolean) => Promise<boolean>): Promise<LoadResult> {
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
        ok = await worker(loop, i, t >= warmEnd);
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

/** A signed-in member of staff for the load: the session, and the headers of a state change (cookie, CSRF, a fresh Idempotency-Key). */
interface Staff { cookie: string; csrf: string; headers(): Record<string, string> }

async function staff(db: BenchDb, url: string, username: string, role: Role, unitCode: string): Promise<Staff> {
  await fakeUser(db.owner, { role, unitCode, username });
  const s = await signIn(url, username, testPassword);
  let n = 0;
  return { ...s, headers: () => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': `bench-${username}-${++n}` }) };
}

/**
 * The spending side of the hot-fund load, prepared through the API: a gift to the county's orphans
 * fund large enough for every request, passed down to the county's spending account by the province's
 * finance officer, and `count` requests written and submitted by one officer, to be approved by
 * another and paid by the finance officer during the load.
 */
async function prepareSpending(db: BenchDb, url: string, county: County, giver: { cookie: string; csrf: string }, today: string, count: number, log: (m: string) => void) {
  const t0 = performance.now();
  const requester = await staff(db, url, 'bench.requester', 'participation_officer', county.code);
  const approver = await staff(db, url, 'bench.approver', 'participation_officer', county.code);
  const finance = await staff(db, url, 'bench.finance', 'finance_officer', county.provinceCode);
  const amount = 1_000_000n;
  const total = amount * BigInt(count);
  const gift = await postJson(`${url}/api/contributions`, { cookie: giver.cookie, 'x-csrf-token': giver.csrf, 'idempotency-key': 'bench-spending-fund' },
    { unitId: county.id, amountRials: total.toString(), fundKind: 'specific', purposeCode: 'orphans', channel: 'counter_cash', receivedOn: today });
  if (gift.status !== 201) throw new Error(`spending fund gift refused: ${gift.status} ${gift.body}`);
  const fundId = (JSON.parse(gift.body) as { fund: { id: string } }).fund.id;
  const down = await postJson(`${url}/api/pass-downs`, finance.headers(), { countyUnitId: county.id, documentNo: 'BENCH-PD-1', items: [{ fundId, amountRials: total.toString() }] });
  if (down.status !== 201) throw new Error(`pass-down refused: ${down.status} ${down.body}`);
  const ids: string[] = [];
  let i = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let k = i++; k < count; k = i++) {
      const made = await postJson(`${url}/api/spending-requests`, requester.headers(), {
        unitId: county.id, fundId, amountRials: amount.toString(), title: `درخواست هزینه آزمون بار ${k + 1}`, purposeCode: 'orphans',
        beneficiaries: 'خانواده‌های تحت پوشش', beneficiaryCount: 1, payeeName: 'فروشگاه تعاونی کالای اساسی', payeeSheba: 'IR050170000000123456789012',
      });
      if (made.status !== 201) throw new Error(`spending request refused: ${made.status} ${made.body}`);
      const id = (JSON.parse(made.body) as { request: { id: string } }).request.id;
      const submitted = await postJson(`${url}/api/spending-requests/${id}/submit`, requester.headers(), {});
      if (submitted.status !== 200) throw new Error(`submit refused: ${submitted.status} ${submitted.body}`);
      ids.push(id);
    }
  }));
  log(`  ${count} spending requests written and submitted, ${total.toLocaleString('en')} rials passed down to the county, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { fundId, ids, approver, finance };
}

export async function measureOnline(db: BenchDb, opts: { seconds: number; concurrency: number; log: (m: string) => void }): Promise<OnlineResult> {
  const { counties, pickCounty } = await loadCounties(db.pool);

  const server = await startServerProcess({ DATABASE_URL: db.url, GATEWAY: 'sandbox', TRUST_PROXY: '1' });
  const pid = server.child.pid!;
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const serverRssIdleMb = rssMb(pid);
    let serverRssPeakMb = serverRssIdleMb;
    const sampler = setInterval(() => { serverRssPeakMb = Math.max(serverRssPeakMb, rssMb(pid)); }, 250);
    const session = await staff(db, server.url, 'bench.officer', 'participation_officer', 'HQ');
    const today = formatJalaliDate(new Date(), { digits: 'latin' });
    const r = rng(7);
    let seq = 0;
    const post = async (county: County, hot: boolean) => {
      const n = ++seq;
      const specific = hot || r() < 0.6;
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
    // Hot fund: every gift and every spending of the load goes to one county's orphans fund. A
    // quarter of the loops spend — approve a submitted request (which reserves the money on the
    // fund's balance row), then pay it (which posts the spending journal on the same row), one
    // request per call — while the others give. The requests are prepared beforehand, and money enough for all of them is
    // passed down to the county first, so a refusal would be a fault, not a shortage.
    const spending = await prepareSpending(db, server.url, hotCounty, session, today, Math.max(400, Math.round(opts.seconds * 120)), opts.log);
    let gifts = 0, approvals = 0, payments = 0, refused = 0, next = 0;
    // each call of a spending loop is one request: approve a new request, then pay it
    const toPay: (string | undefined)[] = [];
    const hot = await load(opts.concurrency, opts.seconds, 2, async (loop, _i, measured) => {
      const paying = toPay[loop];
      const id = paying ?? (loop % 4 === 3 ? spending.ids[next++] : undefined);
      if (!id) {
        const ok = await post(hotCounty, true);
        if (ok && measured) gifts++;
        return ok;
      }
      if (paying) {
        toPay[loop] = undefined;
        const paid = await postJson(`${server.url}/api/spending-requests/${id}/pay`, spending.finance.headers(), { documentNo: `BENCH-PAY-${id}` });
        if (measured && paid.status === 200) payments++;
        else if (measured) refused++;
        return paid.status === 200;
      }
      const approved = await postJson(`${server.url}/api/spending-requests/${id}/approve`, spending.approver.headers(), {});
      if (approved.status === 200) toPay[loop] = id;
      if (measured && approved.status === 200) approvals++;
      else if (measured) refused++;
      return approved.status === 200;
    });
    const hotSpending: HotSpending = { gifts, approvals, payments, refused, giftsPerSecond: gifts / opts.seconds, spendingPerSecond: (approvals + payments) / opts.seconds };
    opts.log(`  online hot fund: ${Math.round(hot.perSecond)}/s accepted (${gifts} gifts, ${approvals} approvals, ${payments} payments, ${refused} refused), p50 ${hot.p50Ms.toFixed(1)} ms, p99 ${hot.p99Ms.toFixed(1)} ms`);
    const gateway = await measureGateway(db, server.url, pickCounty, r, opts);
    opts.log(`  gateway verify path: ${Math.round(gateway.perSecond)}/s credited, p50 ${gateway.p50Ms.toFixed(1)} ms, p99 ${gateway.p99Ms.toFixed(1)} ms, ${gateway.credited} of ${gateway.prepared} payments credited`);
    clearInterval(sampler);

    // the fund's own row: what came in less what was paid out, what is reserved, never below zero
    const { rows: check } = await db.owner.query<{ ok: boolean }>(
      `SELECT b.amount = (SELECT -sum(c.amount_rials) FROM contribution c WHERE c.fund_id = f.id)
                       + (SELECT coalesce(sum(s.amount_rials), 0) FROM spending_request s WHERE s.fund_id = f.id AND s.status = 'paid')
          AND b.held = (SELECT coalesce(sum(s.amount_rials), 0) FROM spending_request s WHERE s.fund_id = f.id AND s.status = 'approved')
          AND b.amount + b.held <= 0 AS ok
         FROM fund f JOIN ledger_balance b ON b.account_id = f.id AND b.fund_id = f.id WHERE f.id = $1`, [spending.fundId]);
    const ledgerFaults = await runLedgerCheck(db.owner);
    if (ledgerFaults.length) opts.log(`  ledger check after the load: ${ledgerFaults.map((f) => f.name).join('; ')}`);

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
      concurrency: opts.concurrency, seconds: opts.seconds, spread, raw, ratio: spread.perSecond / raw.perSecond, hot: { ...hot, ...hotSpending }, hotRatio: hot.perSecond / spread.perSecond,
      hotConsistent: check[0]?.ok === true && ledgerFaults.length === 0 && refused === 0, gateway, serverRssIdleMb, serverRssPeakMb, startMs: server.startMs,
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
}
