// Donor search at scale: `npx tsx bench/donors/search.bench.ts [--donors 1000000] [--queries 300] [--keep DIR]`.
// Loads N donors into a fresh database (the embedded PostgreSQL in a temporary directory, or the
// server DATABASE_URL names), then times searches by name fragment, national code and mobile
// through the real listing function (listDonors) and over HTTP, and writes
// bench/results/donors-search.json. Not part of `npm test`. Bar: p95 < 50 ms.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateMobile, generateNationalCode, searchKey } from '@mosharekat/fa';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig, repoRoot } from '../../server/src/config.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../server/src/db/embedded.ts';
import { migrate } from '../../server/src/db/migrate.ts';
import { createPool, type Pool } from '../../server/src/db/pool.ts';
import { installDataKey } from '../../server/src/lib/crypto-keys.ts';
import { buildActor, type Actor } from '../../server/src/modules/access/actor.ts';
import { hashPassword } from '../../server/src/modules/auth/passwords.ts';
import { encryptIdent, encryptMobile, identHash, mobileHash } from '../../server/src/modules/donors/donor-pii.ts';
import { listDonors } from '../../server/src/modules/donors/list-donors.ts';
import { loadReferenceData } from '../../server/src/seed/load-reference.ts';
import { onServer, quoteIdent, withDatabase } from '../../server/src/testing/admin.ts';
import { percentile } from '../lib/stats.ts';
import { rng } from '../lib/synth.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DONORS = arg('donors', 1_000_000);
const QUERIES = arg('queries', 300);
const BATCH = 10_000;
const log = (m: string) => console.log(`  ${m}`);

// Name parts: 80 first names, ~700 family names (stems × suffixes), as common in Iran.
const firstNames = ['علی', 'محمد', 'حسین', 'رضا', 'مهدی', 'امیر', 'حسن', 'محمدرضا', 'علیرضا', 'مرتضی', 'مصطفی', 'سعید', 'احمد', 'جواد', 'مجید',
  'حمید', 'محسن', 'هادی', 'ابراهیم', 'اکبر', 'عباس', 'یوسف', 'کاظم', 'داود', 'بهروز', 'فرهاد', 'کامران', 'بهزاد', 'پرویز', 'سیامک',
  'رحیم', 'کریم', 'نادر', 'منصور', 'مسعود', 'ناصر', 'جعفر', 'صادق', 'باقر', 'محمدعلی', 'زهرا', 'فاطمه', 'مریم', 'معصومه', 'زینب',
  'سمیه', 'لیلا', 'نرگس', 'سارا', 'مینا', 'مهسا', 'الهام', 'نسرین', 'پروین', 'اعظم', 'طاهره', 'شهلا', 'فریبا', 'ژیلا', 'رقیه',
  'سکینه', 'کبری', 'صغری', 'اشرف', 'منیژه', 'گلناز', 'نازنین', 'پریسا', 'نگین', 'هانیه', 'کوثر', 'ریحانه', 'فرزانه', 'آزاده',
  'راضیه', 'مرضیه', 'عاطفه', 'ملیکه', 'یاسمن', 'هستی'];
const stems = ['رضا', 'محمد', 'حسین', 'احمد', 'کریم', 'موسو', 'جعفر', 'صادق', 'رحیم', 'نور', 'قاسم', 'کاظم', 'عباس', 'اکبر', 'طاهر',
  'هاشم', 'شریف', 'امین', 'سلیم', 'نصیر', 'فرهاد', 'بهرام', 'شیراز', 'اصفهان', 'تهران', 'کرمان', 'یزد', 'قزوین', 'زنجان', 'همدان',
  'تبریز', 'رشت', 'گیلان', 'ساری', 'مشهد', 'خراسان', 'بابا', 'دهقان', 'کشاورز', 'آهنگر', 'نجار', 'زرگر', 'عطار', 'بزرگ', 'خسرو',
  'جهان', 'ایزد', 'یزدان', 'مهر', 'نیک', 'پاک', 'روشن', 'سپهر', 'آسمان', 'دریا', 'کوه', 'باغ', 'گل', 'شاه', 'میر', 'سید', 'حاج',
  'ملک', 'فتح', 'نصر', 'ظفر', 'منصور', 'مظفر', 'اسد', 'شیر', 'پلنگ', 'باز', 'شاهین', 'عقاب', 'طوس', 'فردوس', 'بهشت', 'خرم', 'شاد',
  'امید', 'صبور', 'حکیم', 'دانش', 'ادیب', 'فاضل', 'عالم', 'کمال', 'جمال', 'جلال', 'اقبال'];
const suffixes = ['ی', 'یان', 'پور', 'زاده', 'نژاد', 'فر', 'نیا', 'راد'];
const lastNames = stems.flatMap((s) => suffixes.map((x) => s + x));

interface Sample { nationalCode: string; mobile: string }

// --keep DIR: keep the embedded server's data in DIR and the loaded database between runs (for
// studying query plans); without it everything is made fresh in a temporary directory and removed.
const keepDir = (() => {
  const i = args.indexOf('--keep');
  return i >= 0 ? path.resolve(args[i + 1]!) : null;
})();

async function database(): Promise<{ url: string; pool: Pool; owner: Pool; fresh: boolean; close(): Promise<void> }> {
  let embedded: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'msk-donor-bench-'));
    fs.mkdirSync(dataDir, { recursive: true });
    fs.chmodSync(dataDir, 0o777); // as root, PostgreSQL runs as its own user and must reach the directory
    embedded = await startEmbeddedPostgres(dataDir);
    adminUrl = embedded.url;
  }
  const name = keepDir ? `msk_donor_bench_${DONORS}` : `msk_donor_bench_${Date.now().toString(36)}`;
  const fresh = !(await onServer(adminUrl, (c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]))).rowCount;
  if (fresh) await onServer(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = withDatabase(adminUrl, name);
  await migrate(url);
  const pool = createPool(url, { max: 16 });
  const owner = createPool(url, { max: 4, appRole: false });
  // the embedded server's shutdown ends any connection still open: not an error of the benchmark
  for (const p of [pool, owner]) p.on('error', () => {});
  if (fresh) await loadReferenceData(pool);
  return {
    url, pool, owner, fresh,
    async close() {
      await pool.end();
      await owner.end();
      if (!keepDir) await onServer(adminUrl!, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
      if (embedded) await embedded.stop();
      if (dataDir && !keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * N donors (5% legal persons), spread over the counties, each with a national code / legal id,
 * a mobile and an address county, 2% of them known to a second county (they gave there), inserted by multi-row INSERT … SELECT FROM unnest batches on
 * two connections. The secondary indexes are dropped for the load and rebuilt afterwards (as a
 * bulk load would), with the definitions the migration gave them.
 */
async function load(pool: Pool, owner: Pool): Promise<{ samples: Sample[]; seconds: number }> {
  const t0 = performance.now();
  const { rows: counties } = await pool.query<{ id: string; geo_id: number; province_geo: number }>(
    `SELECT u.id, u.geo_id, g.parent_id AS province_geo FROM org_unit u JOIN geo_division g ON g.id = u.geo_id WHERE u.kind = 'county'`);
  const { rows: indexes } = await owner.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('donor', 'donor_mobile', 'donor_unit_link')
        AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'`);
  for (const ix of indexes) await owner.query(`DROP INDEX ${quoteIdent(ix.indexname)}`);

  const r = rng(1404);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  const makeBatch = (start: number) => {
    const n = Math.min(BATCH, DONORS - start);
    const cols = { id: [] as string[], type: [] as string[], unit: [] as string[], name: [] as string[], key: [] as string[], first: [] as (string | null)[],
      last: [] as (string | null)[], legalName: [] as (string | null)[], legalType: [] as (string | null)[], hash: [] as Buffer[], enc: [] as Buffer[],
      province: [] as number[], county: [] as number[], mobileHash: [] as Buffer[], mobileEnc: [] as Buffer[],
      extraDonor: [] as string[], extraUnit: [] as string[] };
    for (let i = 0; i < n; i++) {
      const legal = r() < 0.05;
      const county = counties[Math.floor(r() * counties.length)]!;
      const first = firstNames[Math.floor(r() * firstNames.length)]!;
      const last = lastNames[Math.floor(r() * lastNames.length)]!;
      const display = legal ? `شرکت ${last} ${start + i}` : `${first} ${last}`;
      let ident = legal ? `1${String(start + i).padStart(9, '0')}` : generateNationalCode(r);
      if (legal) ident += String((Number(ident[9]) + 1) % 10); // an 11-digit id, unique (search by it is not measured)
      while (!legal && seen.has(ident)) ident = generateNationalCode(r);
      if (!legal) seen.add(ident);
      const mobile = generateMobile(r);
      if (!legal && samples.length < 5000 && r() < 0.01) samples.push({ nationalCode: ident, mobile });
      cols.id.push(crypto.randomUUID());
      cols.type.push(legal ? 'legal' : 'natural');
      cols.unit.push(county.id);
      cols.name.push(display);
      cols.key.push(searchKey(display));
      cols.first.push(legal ? null : first);
      cols.last.push(legal ? null : last);
      cols.legalName.push(legal ? display : null);
      cols.legalType.push(legal ? 'company' : null);
      cols.hash.push(identHash(legal ? 'legal' : 'natural', ident));
      cols.enc.push(encryptIdent(legal ? 'legal' : 'natural', ident));
      cols.province.push(county.province_geo);
      cols.county.push(county.geo_id);
      cols.mobileHash.push(mobileHash(mobile));
      cols.mobileEnc.push(encryptMobile(mobile));
      if (r() < 0.02) { // gave in another county too
        cols.extraDonor.push(cols.id.at(-1)!);
        cols.extraUnit.push(counties[Math.floor(r() * counties.length)]!.id);
      }
    }
    return cols;
  };
  const insert = async (c: ReturnType<typeof makeBatch>) => {
    const client = await owner.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO donor (id, type, unit_id, display_name, name_key, first_name, last_name, legal_name, legal_type, ident_hash, ident_enc, province_geo_id, county_geo_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bytea[], $11::bytea[], $12::int[], $13::int[])`,
        [c.id, c.type, c.unit, c.name, c.key, c.first, c.last, c.legalName, c.legalType, c.hash, c.enc, c.province, c.county]);
      await client.query(`INSERT INTO donor_unit_link (donor_id, unit_id, reason) SELECT d, u, 'registration' FROM unnest($1::uuid[], $2::uuid[]) AS x(d, u)`, [c.id, c.unit]);
      await client.query(`INSERT INTO donor_unit_link (donor_id, unit_id, reason) SELECT d, u, 'contribution' FROM unnest($1::uuid[], $2::uuid[]) AS x(d, u)
                          ON CONFLICT DO NOTHING`, [c.extraDonor, c.extraUnit]);
      await client.query(`INSERT INTO donor_mobile (donor_id, mobile_hash, mobile_enc) SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::bytea[])`, [c.id, c.mobileHash, c.mobileEnc]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  let inFlight: Promise<void>[] = [];
  for (let start = 0; start < DONORS; start += BATCH) {
    inFlight.push(insert(makeBatch(start)));
    if (inFlight.length >= 2) { await inFlight.shift(); }
    if ((start / BATCH) % 10 === 9) log(`${(start + BATCH).toLocaleString('en')} donors inserted (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await Promise.all(inFlight);
  inFlight = [];
  log(`rebuilding ${indexes.length} indexes…`);
  await owner.query(`SET maintenance_work_mem = '512MB'`);
  for (const ix of indexes) await owner.query(ix.indexdef);
  await owner.query('VACUUM ANALYZE donor, donor_mobile, donor_unit_link');
  return { samples, seconds: (performance.now() - t0) / 1000 };
}

interface Row { name: string; via: 'function' | 'http'; scope: string; n: number; p50Ms: number; p95Ms: number; maxMs: number; rawP95Ms?: number; meanHits: number }

async function time(n: number, f: (i: number) => Promise<number>): Promise<{ p50: number; p95: number; max: number; hits: number }> {
  const ms: number[] = [];
  let hits = 0;
  for (let i = 0; i < Math.min(20, n); i++) await f(i); // warm the caches and the plans
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    hits += await f(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1)!, hits: hits / n };
}

/** The name queries of the benchmark: fragments, family names, full names typed with Arabic letters. */
export function fragments(count: number): string[] {
  const r = rng(77);
  const out: string[] = [];
  while (out.length < count) {
    const kind = r();
    const first = firstNames[Math.floor(r() * firstNames.length)]!;
    const last = lastNames[Math.floor(r() * lastNames.length)]!;
    if (kind < 0.4) {
      const len = 3 + Math.floor(r() * 3); // 3–5 letters from inside a family name
      const at = Math.floor(r() * Math.max(1, last.length - len + 1));
      out.push(last.slice(at, at + len));
    } else if (kind < 0.7) out.push(last);
    else out.push(`${first} ${last}`.replace(/ی/g, 'ي').replace(/ک/g, 'ك')); // typed on an Arabic keyboard
  }
  return out;
}

async function main() {
  installDataKey(crypto.createHash('sha256').update('mosharekat donor benchmark').digest());
  console.log(`donor search benchmark: ${DONORS.toLocaleString('en')} donors, ${QUERIES} queries per kind`);
  const db = await database();
  try {
    const samplesFile = keepDir ? path.join(keepDir, `samples-${DONORS}.json`) : null;
    const { samples, seconds: loadSeconds } = db.fresh || !samplesFile || !fs.existsSync(samplesFile)
      ? await load(db.pool, db.owner)
      : { samples: JSON.parse(fs.readFileSync(samplesFile, 'utf8')) as Sample[], seconds: 0 };
    if (samplesFile) fs.writeFileSync(samplesFile, JSON.stringify(samples));
    log(`loaded in ${loadSeconds.toFixed(0)} s`);
    const { rows: [sizes] } = await db.owner.query<{ table_mb: number; indexes_mb: number }>(
      `SELECT (pg_table_size('donor') / 1048576)::int AS table_mb, (pg_indexes_size('donor') / 1048576)::int AS indexes_mb`);

    // who searches: an HQ inspector (no scope filter) and a province officer (scope: a province's units)
    const { rows: units } = await db.pool.query<{ id: string; code: string }>(`SELECT id, code FROM org_unit WHERE code IN ('HQ', 'P10')`);
    const unitId = (code: string) => units.find((u) => u.code === code)!.id;
    const hq: Actor = buildActor({ id: crypto.randomUUID(), username: 'bench.hq', fullName: 'bench', unitId: unitId('HQ') }, [{ role: 'inspector', unitId: unitId('HQ') }]);
    const province: Actor = buildActor({ id: crypto.randomUUID(), username: 'bench.p10', fullName: 'bench', unitId: unitId('P10') }, [{ role: 'participation_officer', unitId: unitId('P10') }]);
    const names = fragments(QUERIES);
    const mobileForms = (m: string, i: number) => [m, `+98${m.slice(1)}`, `0098 ${m.slice(1, 4)} ${m.slice(4)}`, m.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)))][i % 4]!;
    const kinds: { name: string; q: (i: number) => string }[] = [
      { name: 'name fragment', q: (i) => names[i % names.length]! },
      { name: 'national code', q: (i) => samples[i % samples.length]!.nationalCode },
      { name: 'mobile (any form)', q: (i) => mobileForms(samples[(i * 7) % samples.length]!.mobile, i) },
    ];
    const rows: Row[] = [];
    for (const [scopeName, actor] of [['HQ', hq], ['province', province]] as const) {
      for (const k of kinds) {
        const t = await time(QUERIES, async (i) => (await listDonors(db.pool, actor, { q: k.q(i), page: 1, pageSize: 20 })).items.length);
        const row: Row = { name: k.name, via: 'function', scope: scopeName, n: QUERIES, p50Ms: t.p50, p95Ms: t.p95, maxMs: t.max, meanHits: t.hits };
        if (k.name === 'name fragment' && scopeName === 'HQ') {
          // the same page query written by hand, without the application around it
          const raw = await time(QUERIES, async (i) => (await db.pool.query(
            `SELECT id, display_name FROM donor WHERE merged_into IS NULL AND name_key LIKE $1 ORDER BY name_key, id LIMIT 20`,
            [`%${searchKey(k.q(i))}%`])).rowCount ?? 0);
          row.rawP95Ms = raw.p95;
        }
        rows.push(row);
        log(`${scopeName.padEnd(8)} ${k.name.padEnd(18)} p50 ${t.p50.toFixed(1)} ms  p95 ${t.p95.toFixed(1)} ms  max ${t.max.toFixed(1)} ms  (${t.hits.toFixed(1)} hits)`);
      }
    }

    // over HTTP: the real server on a socket, signed in as an HQ inspector
    const { rows: [user] } = await db.owner.query<{ id: string }>(
      `INSERT INTO staff_user (username, full_name, name_key, password_hash, unit_id) VALUES ('bench.inspector', 'bench', 'bench', $1, $2)
       ON CONFLICT ((lower(username))) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id`,
      [await hashPassword('bench-pass-1234'), unitId('HQ')]);
    await db.owner.query(`INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, 'inspector', $2) ON CONFLICT DO NOTHING`, [user!.id, unitId('HQ')]);
    const { app } = await buildApp({ ...loadConfig({}), logLevel: 'silent', webDist: '/nonexistent' }, db.pool, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.inspector', password: 'bench-pass-1234' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    for (const k of kinds) {
      const t = await time(QUERIES, async (i) => {
        const res = await fetch(`${base}/api/donors?q=${encodeURIComponent(k.q(i))}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
        return ((await res.json()) as { items: unknown[] }).items.length;
      });
      rows.push({ name: k.name, via: 'http', scope: 'HQ', n: QUERIES, p50Ms: t.p50, p95Ms: t.p95, maxMs: t.max, meanHits: t.hits });
      log(`HTTP     ${k.name.padEnd(18)} p50 ${t.p50.toFixed(1)} ms  p95 ${t.p95.toFixed(1)} ms  max ${t.max.toFixed(1)} ms`);
    }
    await app.close();

    const result = {
      donors: DONORS, queriesPerKind: QUERIES, loadSeconds: Math.round(loadSeconds), donorTableMb: sizes!.table_mb, donorIndexesMb: sizes!.indexes_mb,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL 17' },
      bar: 'p95 < 50 ms',
      rows: rows.map((r) => ({ ...r, name: `${r.name} (${r.via === 'http' ? 'HTTP' : 'listDonors'}, ${r.scope} scope)`, p50Ms: +r.p50Ms.toFixed(2), p95Ms: +r.p95Ms.toFixed(2), maxMs: +r.maxMs.toFixed(2), ...(r.rawP95Ms === undefined ? {} : { rawP95Ms: +r.rawP95Ms.toFixed(2) }) })),
      at: new Date().toISOString(),
    };
    const out = path.join(repoRoot, 'bench', 'results', 'donors-search.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    console.log(`\n| search | via | scope | p50 ms | p95 ms | max ms | hits/query | p95 < 50 ms |\n|---|---|---|---|---|---|---|---|`);
    for (const r of rows) console.log(`| ${r.name} | ${r.via} | ${r.scope} | ${r.p50Ms.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.maxMs.toFixed(1)} | ${r.meanHits.toFixed(1)} | ${r.p95Ms < 50 ? 'met' : 'NOT MET'} |`);
    console.log(`\n${DONORS.toLocaleString('en')} donors loaded in ${loadSeconds.toFixed(0)} s; donor table ${sizes!.table_mb} MB + indexes ${sizes!.indexes_mb} MB. Wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await db.close();
  }
}

// run when executed (not when imported to study single queries)
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
