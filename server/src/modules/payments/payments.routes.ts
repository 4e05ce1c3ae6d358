import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ZApp } from '../../http/types.ts';
import { SANDBOX_API_BASE } from './gateway-of.ts';
import { sandboxDecide, sandboxRequest, sandboxSession, sandboxVerify } from './sandbox-gateway.ts';
import { sandboxPageHtml } from './sandbox-page.ts';

/**
 * The built-in sandbox gateway's HTTP face (only with GATEWAY=sandbox): Zarinpal v4's paths under
 * /sandbox-gateway/pg. Its JSON routes answer in Zarinpal's shape (not ours), so they parse their
 * bodies themselves; the page's buttons post a form, hence the scoped form parser.
 */
export async function paymentRoutes(app: ZApp) {
  if (app.config.gateway !== 'sandbox') return;
  if (!app.config.demo) app.log.warn('GATEWAY=sandbox outside demo mode: gifts are credited without any money moving; set GATEWAY=zarinpal and ZARINPAL_MERCHANT_ID');
  const pool = app.pool;
  const authorityParams = z.object({ authority: z.string().regex(/^[A-Za-z0-9]{1,64}$/) }).strict();

  await app.register(async (plain) => {
    plain.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const scope = plain.withTypeProvider<ZodTypeProvider>();

    scope.post(`${SANDBOX_API_BASE}/v4/payment/request.json`, { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      const out = await sandboxRequest(pool, req.body);
      return reply.status(out.status).send(out.body);
    });

    scope.post(`${SANDBOX_API_BASE}/v4/payment/verify.json`, { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      const out = await sandboxVerify(pool, req.body);
      return reply.status(out.status).send(out.body);
    });

    scope.get(`${SANDBOX_API_BASE}/StartPay/:authority`, { config: { access: 'public' }, schema: { hide: true, params: authorityParams } }, async (req, reply) => {
      const session = await sandboxSession(pool, req.params.authority);
      return reply.status(session ? 200 : 404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(sandboxPageHtml(session));
    });

    scope.post(`${SANDBOX_API_BASE}/StartPay/:authority`, {
      config: { access: 'public' },
      schema: { hide: true, params: authorityParams, body: z.object({ action: z.enum(['pay', 'cancel']) }) },
    }, async (req, reply) => {
      const target = await sandboxDecide(pool, req.params.authority, req.body.action);
      if (!target) return reply.status(404).type('text/html; charset=utf-8').send(sandboxPageHtml(null));
      return reply.redirect(target, 303);
    });
  });
}
