import crypto from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createPool, type Pool } from '../db/pool.ts';
import { onServer, quoteIdent, withDatabase } from './admin.ts';

export interface TestDb {
  url: string;
  /** connections as the application role, like the server's */
  pool: Pool;
  /** connections as the owner, for what the application may not do (tampering tests, checks) */
  owner: Pool;
}

let current: Promise<TestDb> | null = null;

/** This test file's own database, cloned from the migrated template on first use. */
export function testDb(): Promise<TestDb> {
  current ??= (async () => {
    const adminUrl = inject('adminUrl');
    const template = inject('templateDb');
    const name = `${template}_${crypto.randomBytes(4).toString('hex')}`;
    await onServer(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
    const url = withDatabase(adminUrl, name);
    const db = { url, pool: createPool(url, { max: 40 }), owner: createPool(url, { max: 4, appRole: false }) };
    afterAll(async () => {
      await db.pool.end();
      await db.owner.end();
      await onServer(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    });
    return db;
  })();
  return current;
}
