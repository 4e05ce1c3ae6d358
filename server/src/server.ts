import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { createPool, type Pool } from './db/pool.ts';
import { sealAudit } from './modules/audit/verify-audit-chain.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { startJobWorker } from './jobs/job-queue.ts';
import { dataKeys } from './lib/crypto-keys.ts';
import { closePdfRenderer } from './modules/receipts/render-pdf.ts';
import { runOnlineGivingJobs } from './modules/portal/online-giving-jobs.ts';
import { expireSpendingApprovals } from './modules/spending/expire-spending-approvals.ts';
import { loadDemoData } from './seed/load-demo.ts';
import { loadReferenceData } from './seed/load-reference.ts';

export interface RunningServer {
  app: FastifyInstance;
  pool: Pool;
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts everything: the database (embedded unless DATABASE_URL is given), migrations, reference
 * and demo data, the HTTP server and the background audit sealer.
 */
export async function startServer(config: Config, log: (m: string) => void = console.log): Promise<RunningServer> {
  let embedded: EmbeddedServer | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir);
    databaseUrl = embedded.url;
    log(`embedded PostgreSQL running (data in ${config.dataDir})`);
  }
  await migrate(databaseUrl, log);
  const pool = createPool(databaseUrl);
  await loadReferenceData(pool, log);
  if (config.demo) await loadDemoData(pool, log);

  const { app } = await buildApp(config, pool);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  // Seal new audit rows into the hash chain a few times a minute (one sealer across nodes).
  const sealer = setInterval(() => {
    sealAudit(pool).catch((err: unknown) => app.log.warn({ err }, 'audit sealing failed'));
  }, 3_000);
  sealer.unref();

  // Background jobs (donor imports); a bad or missing data key fails the start, not the first import.
  dataKeys();
  const jobs = config.runJobs ? startJobWorker(pool, jobHandlers, { log: (msg, err) => app.log.warn({ err }, msg) }) : null;
  // Online giving: re-verify payments whose callback never came, expire stale ones (idempotent across nodes).
  const paymentRepair = config.runJobs ? setInterval(() => {
    runOnlineGivingJobs(app).catch((err: unknown) => app.log.warn({ err }, 'payment repair failed'));
  }, 30_000) : null;
  paymentRepair?.unref();
  // Spending approvals left unpaid past their expiry give their reservation back (SKIP LOCKED: safe on many nodes).
  const spendingExpiry = config.runJobs ? setInterval(() => {
    expireSpendingApprovals(pool).catch((err: unknown) => app.log.warn({ err }, 'spending expiry failed'));
  }, 300_000) : null;
  spendingExpiry?.unref();

  return {
    app, pool, url: `http://localhost:${port}`, databaseUrl,
    async stop() {
      clearInterval(sealer);
      if (paymentRepair) clearInterval(paymentRepair);
      if (spendingExpiry) clearInterval(spendingExpiry);
      await jobs?.stop();
      await app.close();
      await closePdfRenderer();
      await sealAudit(pool).catch(() => 0);
      await pool.end();
      if (embedded) await embedded.stop();
    },
  };
}
