import pg from 'pg';

// int8 (bigint) arrives as a JavaScript bigint: money is never a float, counts are exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => BigInt(v));
// numeric stays a string; timestamps stay Date (pg's default).

export type Pool = pg.Pool;
export type Client = pg.PoolClient;
/** Anything that can run a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export interface PoolOptions {
  max?: number;
  /** Run every query as the restricted application role (the server does; migrations don't). */
  appRole?: boolean;
}

export function createPool(connectionString: string, opts: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 20,
    idleTimeoutMillis: 30_000,
    application_name: 'mosharekat',
    // Every connection acts as the application role from its first statement: it cannot UPDATE
    // or DELETE append-only tables (audit, ledger) whatever a query asks.
    options: (opts.appRole ?? true) ? '-c role=mosharekat_app -c TimeZone=UTC' : '-c TimeZone=UTC',
  });
  return pool;
}

const beforeCommit = new WeakMap<object, (() => Promise<void>)[]>();

/**
 * Runs `fn` as the transaction's last statements, right before COMMIT. Operations put their
 * updates of contended rows (a fund's balance during a campaign) here, so those row locks are held
 * for the shortest time. Outside withTx it runs at once.
 */
export async function deferUntilCommit(tx: Queryable, fn: () => Promise<void>): Promise<void> {
  const list = beforeCommit.get(tx);
  if (list) list.push(fn);
  else await fn();
}

/** Runs `fn` in one transaction; commits if it resolves, rolls back if it throws. */
export async function withTx<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const deferred: (() => Promise<void>)[] = [];
  beforeCommit.set(client, deferred);
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    for (const d of deferred.splice(0)) await d();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    beforeCommit.delete(client);
    client.release();
  }
}
