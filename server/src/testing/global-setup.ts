import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { createPool } from '../db/pool.ts';
import { loadReferenceData } from '../seed/load-reference.ts';
import { onServer, quoteIdent, withDatabase } from './admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

/**
 * Prepares one migrated database with the reference data (geography, org tree) as a template;
 * each test file clones it (CREATE DATABASE … TEMPLATE), so files are isolated and run in parallel.
 * The server is the embedded PostgreSQL by default, or the one DATABASE_URL names.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // a server of this run's own (initdb takes a second), so parallel runs never share or stop each other's
    dataDir = process.env.MOSHAREKAT_TEST_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'msk-test-'));
    embedded = await startEmbeddedPostgres(dataDir);
    adminUrl = embedded.url;
  }
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`.toLowerCase();
  const templateDb = `msk_test_${runId}`;
  await onServer(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(templateDb)}`));
  const url = withDatabase(adminUrl, templateDb);
  await migrate(url);
  const pool = createPool(url, { max: 2 });
  await loadReferenceData(pool);
  await pool.end();
  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);
  console.log(`test databases on ${new URL(adminUrl).host} (${embedded ? 'embedded' : 'DATABASE_URL'}), template ${templateDb}, ${os.cpus().length} cpus`);

  return async () => {
    await onServer(adminUrl, async (c) => {
      const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${templateDb}%`]);
      for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(r.datname)} WITH (FORCE)`);
    });
    if (embedded) await embedded.stop();
    if (dataDir && !process.env.MOSHAREKAT_TEST_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
