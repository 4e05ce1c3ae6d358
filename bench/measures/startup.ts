import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarize, type Summary } from '../lib/stats.ts';
import { startServerProcess } from './online.ts';

export interface StartupResult { cold: Summary; warm: Summary; idleRssMb: number }

/**
 * `npm start`'s server on the embedded PostgreSQL: cold (a new data folder: initdb, migrations,
 * reference and demo data) and warm (the same folder again), to the "ready" line.
 */
export async function measureStartup(opts: { runs: number; log: (m: string) => void }): Promise<StartupResult> {
  const cold: number[] = [];
  const warm: number[] = [];
  let idleRssMb = 0;
  for (let i = 0; i < opts.runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msk-start-'));
    try {
      const env = { MOSHAREKAT_DATA_DIR: dir, DATABASE_URL: '', MOSHAREKAT_DEMO: '1' };
      const a = await startServerProcess(env);
      cold.push(a.startMs / 1000);
      a.child.kill('SIGTERM');
      await new Promise((r) => a.child.once('exit', r));
      const b = await startServerProcess(env);
      warm.push(b.startMs / 1000);
      await new Promise((r) => setTimeout(r, 1000));
      const status = fs.readFileSync(`/proc/${b.child.pid}/status`, 'utf8');
      idleRssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      b.child.kill('SIGTERM');
      await new Promise((r) => b.child.once('exit', r));
      opts.log(`  start-up run ${i + 1}: cold ${cold.at(-1)!.toFixed(1)} s, warm ${warm.at(-1)!.toFixed(1)} s, idle RSS ${Math.round(idleRssMb)} MB`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { cold: summarize(cold), warm: summarize(warm), idleRssMb };
}
