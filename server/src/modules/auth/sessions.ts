import crypto from 'node:crypto';
import type { Queryable } from '../../db/pool.ts';
import { buildActor, type Actor, type Grant } from '../access/actor.ts';

export const SESSION_COOKIE = 'msk_session';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface LoadedSession {
  tokenHash: Buffer;
  csrfToken: string;
  actor: Actor;
  lastSeenAt: Date;
}

function hashToken(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}

/** Creates a fresh session (a new id at every login: no fixation) and returns its cookie token. */
export async function createSession(
  db: Queryable,
  userId: string,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO staff_session (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
    [hashToken(token), userId, csrfToken, policy.absoluteHours, meta.ip, meta.userAgent?.slice(0, 300) ?? null],
  );
  return { token, csrfToken };
}

interface SessionRow {
  token_hash: Buffer; csrf_token: string; last_seen_at: Date; user_id: string; username: string; full_name: string; unit_id: string;
  grants: Grant[] | null; stale: boolean;
}

/** Live sessions among `tokenHashes`, with their users and grants: one query for many requests. */
async function loadSessionRows(db: Queryable, tokenHashes: Buffer[], policy: SessionPolicy): Promise<SessionRow[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT s.token_hash, s.csrf_token, s.last_seen_at, u.id AS user_id, u.username, u.full_name, u.unit_id,
            (SELECT json_agg(json_build_object('role', r.role, 'unitId', r.unit_id))
               FROM role_assignment r JOIN org_unit ou ON ou.id = r.unit_id
              WHERE r.user_id = u.id AND ou.status = 'active') AS grants,
            s.last_seen_at < now() - interval '1 minute' AS stale
       FROM staff_session s JOIN staff_user u ON u.id = s.user_id
      WHERE s.token_hash = ANY($1::bytea[]) AND s.revoked_at IS NULL AND s.expires_at > now()
        AND s.last_seen_at > now() - make_interval(mins => $2) AND u.status = 'active'`,
    [tokenHashes, policy.idleMinutes],
  );
  const stale = rows.filter((r) => r.stale).map((r) => r.token_hash);
  // the last-seen time is refreshed at most once a minute so reads do not turn into writes
  if (stale.length) await db.query('UPDATE staff_session SET last_seen_at = now() WHERE token_hash = ANY($1::bytea[])', [stale]);
  return rows;
}

function toLoaded(row: SessionRow): LoadedSession {
  const actor = buildActor({ id: row.user_id, username: row.username, fullName: row.full_name, unitId: row.unit_id }, row.grants ?? []);
  return { tokenHash: row.token_hash, csrfToken: row.csrf_token, actor, lastSeenAt: row.last_seen_at };
}

/**
 * Loads live sessions and their actors (idle and absolute expiry checked; last-seen refreshed at
 * most once a minute). The requests that arrive in one turn of the event loop are looked up
 * together, in one query; nothing is cached between turns, so a revoked or expired session is
 * refused from the next request on.
 */
export class SessionLoader {
  private waiting = new Map<string, { hash: Buffer; callers: { resolve: (s: LoadedSession | null) => void; reject: (e: unknown) => void }[] }>();

  constructor(private readonly db: Queryable, private readonly policy: SessionPolicy) {}

  load(token: string): Promise<LoadedSession | null> {
    return new Promise((resolve, reject) => {
      const hash = hashToken(token);
      const id = hash.toString('base64');
      if (!this.waiting.size) setImmediate(() => void this.flush());
      const entry = this.waiting.get(id);
      if (entry) entry.callers.push({ resolve, reject });
      else this.waiting.set(id, { hash, callers: [{ resolve, reject }] });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    try {
      const rows = await loadSessionRows(this.db, [...batch.values()].map((e) => e.hash), this.policy);
      const found = new Map(rows.map((r) => [r.token_hash.toString('base64'), r]));
      for (const [id, e] of batch) {
        const row = found.get(id);
        // each caller gets its own actor object
        for (const c of e.callers) c.resolve(row ? toLoaded(row) : null);
      }
    } catch (err) {
      for (const e of batch.values()) for (const c of e.callers) c.reject(err);
    }
  }
}

export async function revokeSession(db: Queryable, tokenHash: Buffer): Promise<void> {
  await db.query('UPDATE staff_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
