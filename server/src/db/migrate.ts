import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the SQL files of `migrations/` in name order, each in its own transaction, recording
 * them in schema_migration. Several processes may start at once (a rolling deploy, parallel test
 * workers): an advisory lock makes them take turns, and a file already applied is skipped.
 * Runs as the connecting (owner) role, not the application role.
 */
export async function migrate(connectionString: string, log: (msg: string) => void = () => {}): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString, application_name: 'mosharekat-migrate' });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(`SET client_min_messages = warning`);
    await client.query(`SELECT pg_advisory_lock(hashtext('mosharekat_migrate'))`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migration')).rows.map((r) => r.name));
    const files = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort();
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(file);
      log(`migrated ${file}`);
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('mosharekat_migrate'))`).catch(() => {});
    await client.end();
  }
  return { applied };
}
