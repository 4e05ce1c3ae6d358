import crypto from 'node:crypto';
import os from 'node:os';
import type { Pool, Queryable } from '../db/pool.ts';

/**
 * A small job queue in PostgreSQL (table background_job): every node polls it, claims one job
 * at a time with FOR UPDATE SKIP LOCKED and holds it under a lease that it renews while working.
 * A node that dies lets its lease run out and another node takes the job over, so handlers must
 * be able to resume (the donor import resumes from its last committed batch).
 */

export interface Job {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

export interface JobContext {
  pool: Pool;
  /** Renews the lease; call it at least every lease period (the worker also does, every few seconds). */
  heartbeat(): Promise<void>;
  /** Aborted when the worker stops: finish the current batch and return. */
  signal: AbortSignal;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

const LEASE_SECONDS = 60;

/** Adds a job; call it in the transaction that creates what the job works on. */
export async function enqueueJob(db: Queryable, queue: string, payload: Record<string, unknown>, opts: { maxAttempts?: number } = {}): Promise<string> {
  const { rows } = await db.query<{ id: bigint }>(
    'INSERT INTO background_job (queue, payload, max_attempts) VALUES ($1, $2, $3) RETURNING id',
    [queue, payload, opts.maxAttempts ?? 3],
  );
  return String(rows[0]!.id);
}

async function claim(pool: Pool, queues: string[], workerId: string): Promise<Job | null> {
  const { rows } = await pool.query<{ id: bigint; queue: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(
    `UPDATE background_job j SET status = 'running', attempts = j.attempts + 1, locked_by = $2,
            locked_until = now() + make_interval(secs => $3)
      WHERE j.id = (SELECT id FROM background_job
                     WHERE queue = ANY($1::text[])
                       AND ((status = 'queued' AND run_after <= now()) OR (status = 'running' AND locked_until < now()))
                     ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING j.id, j.queue, j.payload, j.attempts, j.max_attempts`,
    [queues, workerId, LEASE_SECONDS],
  );
  const r = rows[0];
  return r ? { id: String(r.id), queue: r.queue, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts } : null;
}

async function runOne(pool: Pool, handlers: JobHandlers, job: Job, workerId: string, signal: AbortSignal, log: (msg: string, err?: unknown) => void): Promise<void> {
  const heartbeat = async () => {
    await pool.query(`UPDATE background_job SET locked_until = now() + make_interval(secs => $3) WHERE id = $1 AND locked_by = $2`, [job.id, workerId, LEASE_SECONDS]);
  };
  const timer = setInterval(() => heartbeat().catch(() => {}), (LEASE_SECONDS / 4) * 1000);
  timer.unref();
  try {
    await handlers[job.queue]!(job, { pool, heartbeat, signal });
    await pool.query(`UPDATE background_job SET status = 'done', finished_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1`, [job.id]);
  } catch (err) {
    if (signal.aborted) {
      // stopped by a shutdown, not failed: run again soon, without using up an attempt
      await pool.query(`UPDATE background_job SET status = 'queued', attempts = greatest(attempts - 1, 0), locked_until = NULL, run_after = now() WHERE id = $1`, [job.id]).catch(() => {});
      return;
    }
    log(`job ${job.id} (${job.queue}) failed on attempt ${job.attempts}`, err);
    const final = job.attempts >= job.maxAttempts;
    // back off 10 s, 40 s, 90 s…
    await pool.query(
      `UPDATE background_job SET status = $2, last_error = $3, locked_until = NULL,
              run_after = now() + make_interval(secs => $4), finished_at = CASE WHEN $2 = 'failed' THEN now() END
        WHERE id = $1`,
      [job.id, final ? 'failed' : 'queued', String((err as Error)?.stack ?? err).slice(0, 4000), 10 * job.attempts ** 2],
    ).catch(() => {});
  } finally {
    clearInterval(timer);
  }
}

export interface JobWorker {
  /** Look for work now instead of at the next poll. */
  wake(): void;
  /** Stops polling and waits for the running job to return. */
  stop(): Promise<void>;
}

/** Polls for jobs of the given handlers' queues, one at a time, until stopped. */
export function startJobWorker(pool: Pool, handlers: JobHandlers, opts: { pollMs?: number; log?: (msg: string, err?: unknown) => void } = {}): JobWorker {
  const workerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const queues = Object.keys(handlers);
  const pollMs = opts.pollMs ?? 1000;
  const log = opts.log ?? (() => {});
  const abort = new AbortController();
  let wakeUp: (() => void) | null = null;
  const loop = (async () => {
    while (!abort.signal.aborted) {
      let job: Job | null = null;
      try {
        job = await claim(pool, queues, workerId);
      } catch (err) {
        log('job queue: claiming failed', err);
      }
      if (job) {
        await runOne(pool, handlers, job, workerId, abort.signal, log);
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pollMs);
        wakeUp = () => { clearTimeout(t); resolve(); };
      });
      wakeUp = null;
    }
  })();
  return {
    wake: () => wakeUp?.(),
    async stop() {
      abort.abort();
      wakeUp?.();
      await loop;
    },
  };
}

/** Runs queued jobs until none is left (scripts and tests that want no background worker). */
export async function runJobsUntilIdle(pool: Pool, handlers: JobHandlers): Promise<number> {
  const workerId = `inline:${process.pid}`;
  const signal = new AbortController().signal;
  let n = 0;
  for (let job = await claim(pool, Object.keys(handlers), workerId); job; job = await claim(pool, Object.keys(handlers), workerId)) {
    await runOne(pool, handlers, job, workerId, signal, () => {});
    n += 1;
  }
  return n;
}
