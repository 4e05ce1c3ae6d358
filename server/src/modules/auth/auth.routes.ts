import { z } from 'zod';
import { actorOf } from '../../app.ts';
import type { ZApp } from '../../http/types.ts';
import { errors } from '../../http/schemas.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { withTx } from '../../db/pool.ts';
import { loginBody, me } from './auth.schemas.ts';
import { getMe } from './get-me.ts';
import { revokeSession, SESSION_COOKIE } from './sessions.ts';
import { signIn } from './sign-in.ts';

export async function authRoutes(app: ZApp) {
  const policy = { idleMinutes: app.config.sessionIdleMinutes, absoluteHours: app.config.sessionAbsoluteHours };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.config.secureCookies };

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Sign in with username and password', body: loginBody, response: { 200: me, ...errors } },
  }, async (req, reply) => {
    const result = await signIn(app.pool, policy, {
      username: req.body.username, password: req.body.password,
      ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null, requestId: req.id,
    });
    reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, maxAge: policy.absoluteHours * 3600 });
    return getMe(app.pool, result.actor, result.csrfToken);
  });

  app.post('/api/auth/logout', {
    config: { access: 'session' },
    schema: { tags: ['auth'], summary: 'Sign out (ends the server-side session)', response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const session = req.session!;
    await withTx(app.pool, async (tx) => {
      await revokeSession(tx, session.tokenHash);
      await writeAudit(tx, { actor: actorOf(req), requestId: req.id, ip: req.ip ?? null }, {
        action: 'auth.logout', entityType: 'staff_user', entityId: session.actor.userId, unitId: session.actor.homeUnitId,
      });
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/me', {
    config: { access: 'session' },
    schema: { tags: ['auth'], summary: 'The signed-in user, roles, unit and permissions', response: { 200: me, ...errors } },
  }, async (req) => getMe(app.pool, actorOf(req), req.session!.csrfToken));
}
