import { z } from 'zod';
import type { ZApp } from '../../http/types.ts';

export async function systemRoutes(app: ZApp) {
  app.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'The database answers', response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.literal('unavailable') }) } },
  }, async (_req, reply) => {
    try {
      await app.pool.query('SELECT 1');
      return { status: 'ready' as const };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const });
    }
  });

  app.get('/api/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true },
  }, async () => app.swagger());
}
