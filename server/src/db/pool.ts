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
  // An idle connection dropped by the server (a restart, shutdown) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (err) => {
    if (!/terminating connection|Connection terminated/.test(err.message)) console.error('database pool error:', err.message);
  });
  return pool;
}

interface DeferredSql { text: string; params: unknown[]; mapError?: ((err: unknown) => Error | null) | undefined }
type Deferred = { sql: DeferredSql } | { fn: () => Promise<void> };
const beforeCommit = new WeakMap<object, Deferred[]>();

/** A parameter as an SQL literal, for statements sent together with COMMIT in one round trip. */
function literal(client: pg.PoolClient, v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('non-finite number in deferred SQL');
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return client.escapeLiteral(v.toISOString());
  if (Buffer.isBuffer(v)) return `'\\x${v.toString('hex')}'`;
  if (Array.isArray(v)) return client.escapeLiteral(arrayLiteral(v));
  if (typeof v === 'object') return client.escapeLiteral(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)));
  return client.escapeLiteral(String(v));
}

function arrayLiteral(values: unknown[]): string {
  return `{${values.map((x) => (x === null || x === undefined ? 'NULL' : `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/**
 * Queues a statement to run at the end of the transaction, sent in the same round trip as COMMIT
 * (its parameters inlined as literals). For the last writes of a hot path — balances, the gift row,
 * its audit row — so they cost no extra round trips and their row locks are held only for the
 * commit. `mapError` turns a database error of this statement into the error to report.
 * Outside withTx it runs at once.
 */
export async function deferSql(tx: Queryable, text: string, params: unknown[], mapError?: (err: unknown) => Error | null): Promise<void> {
  const list = beforeCommit.get(tx);
  if (list) list.push({ sql: { text, params, mapError } });
  else {
    try {
      await tx.query(text, params);
    } catch (err) {
      throw mapError?.(err) ?? err;
    }
  }
}

/**
 * Runs `fn` as the transaction's last statements, right before COMMIT. Operations put their
 * updates of contended rows (a fund's balance during a campaign) here, so those row locks are held
 * for the shortest time. Outside withTx it runs at once.
 */
export async function deferUntilCommit(tx: Queryable, fn: () => Promise<void>): Promise<void> {
  const list = beforeCommit.get(tx);
  if (list) list.push({ fn });
  else await fn();
}

/** Runs `fn` in one transaction; commits if it resolves, rolls back if it throws. */
export async function withTx<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const deferred: Deferred[] = [];
  beforeCommit.set(client, deferred);
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    // deferred work in the order it was queued: statements travel in batches, the last batch
    // together with COMMIT; a deferred function flushes the statements queued before it
    let batch: DeferredSql[] = [];
    const flush = async (commit: boolean) => {
      const statements = batch.map((d) => d.text.replace(/\$(\d+)/g, (_, n: string) => literal(client, d.params[Number(n) - 1])));
      const sent = batch;
      batch = [];
      if (commit) statements.push('COMMIT');
      if (!statements.length) return;
      try {
        await client.query(statements.join(';\n'));
      } catch (err) {
        for (const d of sent) {
          const mapped = d.mapError?.(err);
          if (mapped) throw mapped;
        }
        throw err;
      }
    };
    for (let i = 0; i < deferred.length; i++) {
      const d = deferred[i]!;
      if ('sql' in d) batch.push(d.sql);
      else {
        await flush(false);
        await d.fn();
      }
    }
    await flush(true);
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    beforeCommit.delete(client);
    client.release();
  }
}
