import { z } from 'zod';
import { actorOf, contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { errors, isoInstant, pageOf, paging } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { listAudit, listAuditActions } from './list-audit.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { writeAudit } from './write-audit.ts';

const tags = ['audit'];
const entry = z.object({
  id: z.string(), at: z.string(), actorId: z.uuid().nullable(), actorName: z.string().nullable(), unitId: z.uuid().nullable(),
  unitName: z.string().nullable(), action: z.string(), entityType: z.string(), entityId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()), requestId: z.string().nullable(), ip: z.string().nullable(),
});

export async function auditRoutes(app: ZApp) {
  app.get('/api/audit', {
    config: { access: 'audit.read' },
    schema: {
      tags, summary: 'The audit log in the caller\'s scope, newest first',
      querystring: z.object({
        unitId: z.uuid().optional(), actorId: z.uuid().optional(), action: z.string().max(100).optional(), entityType: z.string().max(100).optional(),
        entityId: z.string().max(100).optional(), from: isoInstant.optional(), to: isoInstant.optional(), ...paging,
      }).strict(),
      response: { 200: pageOf(entry), ...errors },
    },
  }, async (req) => listAudit(app.pool, actorOf(req), req.query));

  app.get('/api/audit/actions', {
    config: { access: 'audit.read' },
    schema: { tags, summary: 'Action names that occur in the log', response: { 200: z.object({ items: z.array(z.string()) }), ...errors } },
  }, async () => listAuditActions(app.pool));

  app.post('/api/audit/verify', {
    config: { access: 'audit.verify' },
    schema: {
      tags, summary: 'Verify the hash chain of the whole audit log',
      response: { 200: z.object({ ok: z.boolean(), checked: z.number().int(), firstBadId: z.string().nullable(), reason: z.string().nullable() }), ...errors },
    },
  }, async (req) => {
    const report = await verifyAuditChain(app.pool);
    await withTx(app.pool, (tx) => writeAudit(tx, contextOf(req), { action: 'audit.verify', entityType: 'audit_log', unitId: actorOf(req).homeUnitId, summary: { ...report } }));
    return report;
  });
}
