import path from 'node:path';
import { repoRoot } from '../../server/src/config.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../server/src/db/embedded.ts';
import { migrate } from '../../server/src/db/migrate.ts';
import { createPool, type Pool } from '../../server/src/db/pool.ts';
import { loadReferenceData } from '../../server/src/seed/load-reference.ts';
import { onServer, quoteIdent, withDatabase } from '../../server/src/testing/admin.ts';

export interface BenchDb {
  url: string;
  adminUrl: string;
  name: string;
  pool: Pool;
  owner: Pool;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database with the reference data, on the embedded PostgreSQL (data under
 * data/bench) or on DATABASE_URL's server. Durability settings are PostgreSQL's defaults
 * (synchronous_commit = on): the figures are what a real deployment would see.
 */
export async function benchDatabase(): Promise<BenchDb> {
  let embedded: EmbeddedServer | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(path.join(repoRoot, 'data', 'bench'));
    adminUrl = embedded.url;
  }
  // BENCH_DB: go on with a database an earlier run left (BENCH_KEEP_DB=1): a long fill is not repeated; it is kept
  const reuse = process.env.BENCH_DB;
  const name = reuse ?? `msk_bench_${Date.now().toString(36)}`;
  if (!reuse) await onServer(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = withDatabase(adminUrl, name);
  await migrate(url);
  const pool = createPool(url, { max: 64 });
  const owner = createPool(url, { max: 64, appRole: false });
  if (!reuse) {
    await loadReferenceData(pool);
    await createRawTables(owner);
  }
  return {
    url, adminUrl, name, pool, owner,
    async close() {
      await pool.end();
      await owner.end();
      if (process.env.BENCH_KEEP_DB !== '1' && !reuse) await onServer(adminUrl!, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
      if (embedded) await embedded.stop();
    },
  };
}

/**
 * The baselines' tables.
 *
 * bench_raw: journal, journal_line and contribution with the columns, keys and indexes that matter
 * for one plain transaction per gift (the online measure's baseline), without foreign keys, checks
 * or triggers.
 *
 * bench_equiv: the bulk-ingestion baseline. Copies of the real journal, journal_line and
 * contribution made from the live schema — every column, default, NOT NULL, CHECK, key and index
 * (LIKE … INCLUDING ALL) and every foreign key (re-pointed at the copies where it names one of the
 * three) — so COPY into them does all the integrity work the import's INSERTs do. Left out on
 * purpose: triggers (the statement trigger keeping contribution_stats and the append-only guards
 * are the application's work, not the table's). Until 2026-11 the ingestion baseline used
 * bench_raw, which had no foreign keys, no CHECKs, fewer columns and a non-partial reference index:
 * a cheaper target than the real tables.
 */
async function createRawTables(db: Pool) {
  await db.query(`
    CREATE SCHEMA bench_raw;
    CREATE TABLE bench_raw.journal (id bigint PRIMARY KEY, kind text NOT NULL, unit_id uuid NOT NULL, occurred_at timestamptz NOT NULL,
      fiscal_year smallint NOT NULL, fiscal_month smallint NOT NULL, posted_at timestamptz NOT NULL DEFAULT now(), description text);
    CREATE INDEX ON bench_raw.journal (unit_id, occurred_at);
    CREATE INDEX ON bench_raw.journal (fiscal_year, fiscal_month);
    CREATE TABLE bench_raw.journal_line (journal_id bigint NOT NULL, line_no smallint NOT NULL, account_id uuid NOT NULL, fund_id uuid NOT NULL,
      amount bigint NOT NULL, occurred_at timestamptz NOT NULL, PRIMARY KEY (journal_id, line_no));
    CREATE INDEX ON bench_raw.journal_line (account_id, fund_id, occurred_at);
    CREATE INDEX ON bench_raw.journal_line (fund_id, occurred_at);
    CREATE TABLE bench_raw.contribution (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), unit_id uuid NOT NULL, province_unit_id uuid NOT NULL,
      fund_id uuid NOT NULL, amount_rials bigint NOT NULL, channel text NOT NULL, channel_ref text, received_at timestamptz NOT NULL,
      fiscal_year smallint NOT NULL, journal_id bigint NOT NULL UNIQUE, receipt_no text NOT NULL, receipt_code text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (province_unit_id, receipt_no));
    CREATE UNIQUE INDEX ON bench_raw.contribution (channel, channel_ref);
    CREATE INDEX ON bench_raw.contribution (unit_id, received_at DESC);
    CREATE INDEX ON bench_raw.contribution (province_unit_id, received_at DESC);
    CREATE INDEX ON bench_raw.contribution (fund_id);
    CREATE SEQUENCE bench_raw.journal_id_seq;
    CREATE TABLE bench_raw.balance (account_id uuid NOT NULL, fund_id uuid NOT NULL, amount bigint NOT NULL, PRIMARY KEY (account_id, fund_id));
    GRANT USAGE ON SCHEMA bench_raw TO mosharekat_app;
  `);
  const copied = ['journal', 'journal_line', 'contribution'];
  await db.query('CREATE SCHEMA bench_equiv');
  for (const t of copied) await db.query(`CREATE TABLE bench_equiv.${t} (LIKE public.${t} INCLUDING ALL)`);
  const { rows: fks } = await db.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname = ANY($1) ORDER BY 1, 2`, [copied]);
  for (const fk of fks) {
    const def = fk.def.replace(/REFERENCES (?:public\.)?(\w+)\(/, (_m, t: string) => `REFERENCES ${copied.includes(t) ? 'bench_equiv' : 'public'}.${t}(`);
    await db.query(`ALTER TABLE bench_equiv.${fk.tbl} ADD CONSTRAINT ${fk.name} ${def}`);
  }
}

/** A real staff user (participation officer at HQ) the benchmark acts as, created once per database. */
export async function benchActor(db: BenchDb) {
  const { buildActor } = await import('../../server/src/modules/access/actor.ts');
  const { rows } = await db.owner.query<{ id: string; unit_id: string }>(
    `WITH hq AS (SELECT id FROM org_unit WHERE kind = 'hq'),
          u AS (INSERT INTO staff_user (username, full_name, name_key, password_hash, unit_id)
                SELECT 'bench.importer', 'bench', 'bench', 'x', id FROM hq ON CONFLICT DO NOTHING RETURNING id, unit_id)
     SELECT id, unit_id FROM u UNION ALL SELECT s.id, s.unit_id FROM staff_user s WHERE s.username = 'bench.importer'`);
  const user = rows[0]!;
  await db.owner.query(`INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, 'participation_officer', $2) ON CONFLICT DO NOTHING`, [user.id, user.unit_id]);
  return buildActor({ id: user.id, username: 'bench.importer', fullName: 'bench', unitId: user.unit_id }, [{ role: 'participation_officer', unitId: user.unit_id }]);
}
