import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { generateMobile, generateNationalCode } from '@mosharekat/fa';
import { afterAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../../jobs/handlers.ts';
import { startJobWorker } from '../../../jobs/job-queue.ts';
import { fakeUser, testPassword, unitByCode } from '../../../testing/factories.ts';
import { signInAs, testApp } from '../../../testing/test-app.ts';
import { testRng } from '../testing/fake-donor.ts';

const ROWS = 100_000;
const firstNames = ['علی', 'محمد', 'زهرا', 'فاطمه', 'حسین', 'مریم', 'رضا', 'سارا', 'مهدی', 'نرگس', 'امیر', 'لیلا'];
const lastNames = ['رضایی', 'محمدی', 'حسینی', 'احمدی', 'کریمی', 'موسوی', 'جعفری', 'صادقی', 'رحیمی', 'نوری'];

/** A CSV of `rows` distinct natural persons, written to disk line by line. */
function writeCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  const seen = new Set<string>();
  let buf = 'نوع,نام,نام خانوادگی,کد ملی,تلفن همراه,استان,شهرستان,برچسب‌ها\r\n';
  for (let i = 0; i < rows; i++) {
    let code = generateNationalCode(testRng);
    while (seen.has(code)) code = generateNationalCode(testRng);
    seen.add(code);
    buf += `حقیقی,${firstNames[i % firstNames.length]},${lastNames[(i * 7) % lastNames.length]} انبوه ${i},${code},${generateMobile(testRng)},اصفهان,کاشان,ورود انبوه\r\n`;
    if (buf.length > 1 << 20) { fs.writeSync(fd, buf); buf = ''; }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

describe('donor import at scale', () => {
  it('should import 100,000 rows in one go with modest memory growth when the file is large', async () => {
    const { app, db } = await testApp();
    const worker = startJobWorker(db.pool, jobHandlers, { pollMs: 100 });
    afterAll(() => worker.stop());
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'donor-import-')), 'donors-100k.csv');
    writeCsv(file, ROWS);
    const officer = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'C1010' });
    const s = await signInAs(app, officer.username, testPassword);

    // Memory the import really holds: sampled right after a full collection, so garbage that V8
    // would collect lazily (it lets the heap grow to a few hundred MB first) does not count.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();
    let rssPeak = before.rss;
    let heapPeak = before.heapUsed;
    let rawPeak = before.rss;
    let tick = 0;
    const sampler = setInterval(() => {
      rawPeak = Math.max(rawPeak, process.memoryUsage().rss);
      if (++tick % 10) return;
      gc();
      const m = process.memoryUsage();
      rssPeak = Math.max(rssPeak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 100);
    const t0 = performance.now();
    const res = await s.post('/api/donors/import?fileName=donors-100k.csv', fs.createReadStream(file), { 'content-type': 'text/csv' });
    expect(res.statusCode, res.body).toBe(202);
    const tUploaded = performance.now();
    let status = res.json();
    while (status.status !== 'done' && status.status !== 'failed') {
      await new Promise((r) => setTimeout(r, 250));
      status = (await s.get(`/api/donors/imports/${status.id}`)).json();
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    console.log(`100k import: ${seconds.toFixed(1)} s (upload ${((tUploaded - t0) / 1000).toFixed(1)} s, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB file); `
      + `RSS ${mb(before.rss)} MB → peak ${mb(rssPeak)} MB after GC (+${mb(rssPeak - before.rss)}), ${mb(rawPeak)} MB between GCs; `
      + `live heap ${mb(before.heapUsed)} → peak ${mb(heapPeak)} MB`);

    expect(status).toMatchObject({ status: 'done', rowsRead: ROWS, rowsValid: ROWS, rowsInvalid: 0, created: ROWS });
    const kashan = await unitByCode(db.pool, 'C1010');
    const { rows } = await db.pool.query<{ donors: number; links: number; mobiles: number }>(
      `SELECT (SELECT count(*)::int FROM donor WHERE unit_id = $1) AS donors,
              (SELECT count(*)::int FROM donor_unit_link WHERE unit_id = $1) AS links,
              (SELECT count(*)::int FROM donor_mobile m JOIN donor d ON d.id = m.donor_id WHERE d.unit_id = $1) AS mobiles`, [kashan.id]);
    expect(rows[0]).toEqual({ donors: ROWS, links: ROWS, mobiles: ROWS });
    // the whole file never sits in memory: growth stays far below what 100,000 parsed rows would take
    expect(rssPeak - before.rss).toBeLessThan(150 * 1024 * 1024);
    expect(heapPeak - before.heapUsed).toBeLessThan(64 * 1024 * 1024);
    const found = await s.get(`/api/donors?q=${encodeURIComponent('انبوه 4242')}`);
    expect(found.json().items.map((d: { displayName: string }) => d.displayName)).toContain(`${firstNames[4242 % 12]} ${lastNames[(4242 * 7) % 10]} انبوه 4242`);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }, 300_000);
});
