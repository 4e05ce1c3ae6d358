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
const { app } = await buildApp({ ...loadConfig({}), webDist: '/none', logLevel: 'warn' }, db.pool, { logger: false });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'p', password: 'pass-1234' } });
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
const csrf = login.json().csrfToken;
const today = formatJalaliDate(new Date(), { digits: 'latin' });
const n = Number(process.argv[2] ?? 300);
for (const phase of ['warm', 'measure']) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const res = await app.inject({ method: 'POST', url: '/api/contributions', headers: { cookie, 'x-csrf-token': csrf, 'idempotency-key': `key-${phase}-${i}` },
      payload: { unitId: counties[i % counties.length]!.id, amountRials: '100000', fundKind: 'general', channel: 'gateway', channelRef: `${phase}-${i}`, receivedOn: today } });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  const c = process.cpuUsage(c0);
  console.log(`${phase}: ${((performance.now() - t0) / n).toFixed(2)} ms per sequential request, ${((c.user + c.system) / 1000 / n).toFixed(2)} ms CPU in Node`);
}
await app.close();
await db.close();
