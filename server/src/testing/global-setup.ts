import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot } from '../config.ts';
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
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(process.env.MOSHAREKAT_TEST_DATA_DIR ?? path.join(repoRoot, 'data', 'test'));
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
  };
}
