import crypto from 'node:crypto';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { createPool } from './db/pool.ts';
import { installDataKey } from './lib/crypto-keys.ts';
import { buildActor } from './modules/access/actor.ts';
import { listDonors, donorFilter } from './modules/donors/list-donors.ts';
installDataKey(crypto.createHash('sha256').update('mosharekat donor benchmark').digest());
const s = await startEmbeddedPostgres('/tmp/msk-bench-keep');
const pool = createPool(s.url.replace(/\/mosharekat$/, '/msk_donor_bench_1000000'));
pool.on('error', () => {});
const { rows: units } = await pool.query(`SELECT id, code FROM org_unit WHERE code IN ('P10')`);
const actor = buildActor({ id: crypto.randomUUID(), username: 'x', fullName: 'x', unitId: units[0].id }, [{ role: 'participation_officer', unitId: units[0].id }]);
const qs = process.argv.slice(2);
const res: [number, string, number][] = [];
for (const q of qs) {
  await listDonors(pool, actor, { q, page: 1, pageSize: 20 });
  const t = performance.now();
  const r = await listDonors(pool, actor, { q, page: 1, pageSize: 20 });
  res.push([performance.now() - t, q, r.total]);
}
res.sort((a, b) => b[0] - a[0]);
for (const r of res.slice(0, 12)) console.log(r[0].toFixed(1), r[1], r[2]);
if (process.env.EXPLAIN) {
  const f = (await donorFilter(pool, actor, { q: res[0]![1] }))!;
  const n = f.params.length;
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) WITH c AS MATERIALIZED (SELECT d.id, d.name_key FROM donor d WHERE ${f.where} LIMIT 1001) SELECT count(*) FROM c`, f.params);
  console.log(rows.map((r: any) => r['QUERY PLAN']).join('\n'));
}
await pool.end(); await s.stop();
