import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/test-db.ts';
import { enqueueJob, runJobsUntilIdle, startJobWorker, type JobHandlers } from './job-queue.ts';

describe('job queue', () => {
  it('should run each job once across competing workers and retry a failing one until it gives up', async () => {
    const db = await testDb();
    const seen: number[] = [];
    let failures = 0;
    const handlers: JobHandlers = {
      'test.count': async (job) => { seen.push(Number(job.payload.n)); await new Promise((r) => setTimeout(r, 5)); },
      'test.fail': async () => { failures += 1; throw new Error('boom'); },
    };
    for (let n = 0; n < 20; n++) await enqueueJob(db.pool, 'test.count', { n });
    const workers = [startJobWorker(db.pool, handlers, { pollMs: 20 }), startJobWorker(db.pool, handlers, { pollMs: 20 })];
    for (let i = 0; i < 200 && seen.length < 20; i++) await new Promise((r) => setTimeout(r, 20));
    await Promise.all(workers.map((w) => w.stop()));
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);

    const id = await enqueueJob(db.pool, 'test.fail', {}, { maxAttempts: 2 });
    await runJobsUntilIdle(db.pool, handlers);
    await db.pool.query(`UPDATE background_job SET run_after = now() WHERE id = $1`, [id]); // skip the back-off
    await runJobsUntilIdle(db.pool, handlers);
    const { rows } = await db.pool.query('SELECT status, attempts, last_error FROM background_job WHERE id = $1', [id]);
    expect(failures).toBe(2);
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: 2, last_error: expect.stringContaining('boom') });
  });
});
