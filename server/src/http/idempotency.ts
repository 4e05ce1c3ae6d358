import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool, Client } from '../db/pool.ts';
import { deferSql, withTx } from '../db/pool.ts';
import { AppError } from '../lib/errors.ts';

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

export function idempotencyKeyOf(req: FastifyRequest): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !/^[\x21-\x7e]{8,200}$/.test(key)) throw new AppError('IDEMPOTENCY_KEY_MISSING', { field: 'Idempotency-Key' });
  return key;
}

/**
 * Runs a money-moving operation at most once per Idempotency-Key. The key row is inserted first,
 * in the operation's own transaction: a concurrent retry waits on it and then replays the stored
 * answer; a retry with a different body is refused; a failed attempt leaves no key behind, so it
 * can be retried.
 */
export async function runIdempotent<T>(
  pool: Pool,
  req: FastifyRequest,
  reply: FastifyReply,
  scope: string,
  op: (tx: Client) => Promise<{ status: number; body: T }>,
): Promise<T> {
  const result = await runIdempotentOp(pool, idempotentRequest(req, scope), op);
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  reply.status(result.status);
  return result.body;
}

/** A money-moving request's identity: who (scope), its Idempotency-Key, and a hash of what it asks. */
export interface IdempotentRequest { scope: string; key: string; hash: Buffer }

export interface IdempotentResult<T> { status: number; body: T; replayed: boolean }

export function idempotentRequest(req: FastifyRequest, scope: string): IdempotentRequest {
  const key = idempotencyKeyOf(req);
  const hash = crypto.createHash('sha256').update(canonical({ params: req.params, query: req.query, body: req.body })).digest();
  return { scope, key, hash };
}

/** A response as stored with its key (bigints as strings, keys sorted): what a replay returns. */
export function storedBody<T>(body: T): T {
  return JSON.parse(canonical(body)) as T;
}

/** runIdempotent without the HTTP reply: for callers that answer themselves (the gift committer). */
export async function runIdempotentOp<T>(
  pool: Pool,
  { scope, key, hash }: IdempotentRequest,
  op: (tx: Client) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  return withTx(pool, async (tx) => {
    const ins = await tx.query('INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1', [scope, key, hash]);
    if (ins.rowCount === 0) {
      const { rows } = await tx.query<{ request_hash: Buffer; response_status: number; response_body: T }>(
        'SELECT request_hash, response_status, response_body FROM idempotency_key WHERE scope = $1 AND key = $2', [scope, key]);
      const prior = rows[0]!;
      if (!prior.request_hash.equals(hash)) throw new AppError('IDEMPOTENCY_KEY_REUSED', { field: 'Idempotency-Key' });
      return { status: prior.response_status, body: prior.response_body, replayed: true };
    }
    const out = await op(tx);
    const body = storedBody(out.body);
    await deferSql(tx, 'UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2', [scope, key, out.status, JSON.stringify(body)]);
    return { ...out, body, replayed: false };
  });
}
