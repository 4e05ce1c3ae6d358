import crypto from 'node:crypto';
// Developer aid: profiles POST /api/contributions in-process (node --cpu-prof) to see where time goes.
import { formatJalaliDate } from '@mosharekat/fa';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { hashPassword } from '../server/src/modules/auth/passwords.ts';
import { benchDatabase } from './lib/bench-db.ts';
import { loadCounties } from './lib/synth.ts';

const db = await benchDatabase();
const { counties } = await loadCounties(db.pool);
const { rows: hq } = await db.owner.query<{ id: string }>(`SELECT id FROM org_unit WHERE kind = 'hq'`);
const { rows: u } = await db.owner.query<{ id: string }>(`INSERT INTO staff_user (username, full_name, name_key, password_hash, unit_id) VALUES ('p', 'p', 'p', $1, $2) RETURNING id`, [await hashPassword('pass-1234'), hq[0]!.id]);
await db.owner.query(`INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, 'participation_officer', $2)`, [u[0]!.id, hq[0]!.id]);
// remembers the last group statement (bench/profile-online.ts … explain)
const seen: { lastGroup: { text: string; params: unknown[] } | null } = { lastGroup: null };
const query = db.pool.query.bind(db.pool) as (text: string, params?: unknown[]) => Promise<unknown>;
(db.pool as unknown as { query: typeof query }).query = (text: string, params?: unknown[]) => {
  if (typeof text === 'string' && text.includes('jsonb_to_recordset') && params) seen.lastGroup = { text, params };
  return query(text, params);
};
const { app } = await buildApp({ ...loadConfig({}), webDist: '/none', logLevel: 'warn' }, db.pool, { logger: false });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'p', password: 'pass-1234' } });
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
const csrf = login.json().csrfToken;
const today = formatJalaliDate(new Date(), { digits: 'latin' });
const n = Number(process.argv[2] ?? 300);
// concurrent callers (argv[3], default 1): with more than one, gifts are written in groups
const concurrency = Number(process.argv[3] ?? 1);
for (const phase of ['warm', 'measure']) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < n; i = next++) {
      const res = await app.inject({ method: 'POST', url: '/api/contributions', headers: { cookie, 'x-csrf-token': csrf, 'idempotency-key': `key-${phase}-${i}` },
        payload: { unitId: counties[i % counties.length]!.id, amountRials: '100000', fundKind: 'general', channel: 'gateway', channelRef: `${phase}-${i}`, receivedOn: today } });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
  }));
  const c = process.cpuUsage(c0);
  console.log(`${phase}: ${(n / ((performance.now() - t0) / 1000)).toFixed(0)} gifts/s at concurrency ${concurrency}, ${((c.user + c.system) / 1000 / n).toFixed(2)} ms CPU in Node per gift; groups ${JSON.stringify(app.gifts.stats)}`);
}
// One group's statement again, with fresh keys and references, under EXPLAIN ANALYZE (argv[4] = 'explain')
const lastGroup = seen.lastGroup;
if (process.argv[4] === 'explain' && lastGroup) {
  const data = (JSON.parse(lastGroup.params[0] as string) as Record<string, unknown>[]).map((r) => ({
    ...r, key: `${r.key}-x`, ref: `${r.ref}-x`, id: crypto.randomUUID(), receipt_no: `${r.receipt_no}x`, receipt_code: crypto.randomUUID().slice(0, 12),
  }));
  const { rows } = await db.pool.query(`EXPLAIN (ANALYZE, BUFFERS, VERBOSE OFF) ${lastGroup.text}`, [JSON.stringify(data)]);
  console.log(`explain of a group of ${data.length}:`);
  for (const r of rows) console.log(r['QUERY PLAN']);
}
await app.close();
await db.close();
