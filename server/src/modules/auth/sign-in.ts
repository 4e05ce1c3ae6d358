import type { Pool } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import { buildActor, type Grant, type OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, type SessionPolicy } from './sessions.ts';

/** Failed attempts allowed in the window before sign-in is refused, per account and per address. */
export const loginLimits = { windowMinutes: 15, perAccount: 5, perIp: 30 } as const;

export interface SignInInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export async function signIn(pool: Pool, policy: SessionPolicy, input: SignInInput) {
  const usernameKey = input.username.trim().toLowerCase();
  const { rows: counts } = await pool.query<{ by_user: bigint; by_ip: bigint }>(
    `SELECT count(*) FILTER (WHERE username_key = $1) AS by_user,
            count(*) FILTER (WHERE ip = $2::inet) AS by_ip
       FROM login_failure
      WHERE at > now() - make_interval(mins => $3) AND (username_key = $1 OR ip = $2::inet)`,
    [usernameKey, input.ip, loginLimits.windowMinutes],
  );
  const c = counts[0]!;
  if (c.by_user >= BigInt(loginLimits.perAccount) || c.by_ip >= BigInt(loginLimits.perIp)) {
    throw new AppError('AUTH_RATE_LIMITED', { params: { minutes: loginLimits.windowMinutes } });
  }

  const { rows } = await pool.query<{ id: string; username: string; full_name: string; unit_id: string; password_hash: string; status: string }>(
    `SELECT id, username, full_name, unit_id, password_hash, status FROM staff_user WHERE lower(username) = $1`,
    [usernameKey],
  );
  const user = rows[0];
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  const anonymous: OpContext = { actor: { kind: 'system', name: 'anonymous' }, requestId: input.requestId, ip: input.ip };

  if (!user || !ok) {
    await withTx(pool, async (tx) => {
      await tx.query('INSERT INTO login_failure (ip, username_key) VALUES ($1, $2)', [input.ip, usernameKey]);
      await writeAudit(tx, anonymous, {
        action: 'auth.login_failed', entityType: 'staff_user', entityId: user?.id ?? null,
        unitId: user?.unit_id ?? null, summary: { username: input.username.slice(0, 100) },
      });
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED');

  return withTx(pool, async (tx) => {
    const session = await createSession(tx, user.id, policy, { ip: input.ip, userAgent: input.userAgent });
    await tx.query('UPDATE staff_user SET last_login_at = now() WHERE id = $1', [user.id]);
    const { rows: grants } = await tx.query<Grant>(
      `SELECT r.role, r.unit_id AS "unitId" FROM role_assignment r JOIN org_unit ou ON ou.id = r.unit_id
        WHERE r.user_id = $1 AND ou.status = 'active'`,
      [user.id],
    );
    const actor = buildActor({ id: user.id, username: user.username, fullName: user.full_name, unitId: user.unit_id }, grants);
    await writeAudit(tx, { actor, requestId: input.requestId, ip: input.ip }, {
      action: 'auth.login', entityType: 'staff_user', entityId: user.id, unitId: user.unit_id,
    });
    return { ...session, actor };
  });
}
