import { z } from 'zod';
import { actorOf } from '../../app.ts';
import { errors } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { orgUnitSummary } from '../org/org.schemas.ts';
import { getDashboard } from './get-dashboard.ts';

export async function dashboardRoutes(app: ZApp) {
  app.get('/api/dashboard', {
    config: { access: 'dashboard.read' },
    schema: {
      tags: ['dashboard'], summary: 'Headline figures of a unit and its subtree',
      querystring: z.object({ unitId: z.uuid().optional() }).strict(),
      response: {
        200: z.object({
          unit: orgUnitSummary,
          figures: z.array(z.object({ key: z.string(), value: z.string(), kind: z.enum(['count', 'rials']) })),
          series: z.array(z.object({ key: z.string(), points: z.array(z.object({ label: z.string(), value: z.string() })) })),
        }),
        ...errors,
      },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return getDashboard(app.pool, actor, req.query.unitId ?? actor.homeUnitId);
  });
}
