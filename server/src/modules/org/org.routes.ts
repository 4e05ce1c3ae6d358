import { z } from 'zod';
import { actorOf, contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { errors, idParams, pageOf, paging } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { createOrgUnit } from './create-org-unit.ts';
import { getOrgUnit, getOrgUnitHistory } from './get-org-unit.ts';
import { listOrgUnits } from './list-org-units.ts';
import { orgUnit, orgUnitKind, orgUnitSummary } from './org.schemas.ts';
import { retireOrgUnit } from './retire-org-unit.ts';
import { splitOrgUnit } from './split-org-unit.ts';
import { updateOrgUnit } from './update-org-unit.ts';

const name = z.string().trim().min(2).max(120);
const amarCode = z.string().trim().regex(/^\d{1,16}$/, 'FIELD_INVALID');
const tags = ['org-units'];

export async function orgRoutes(app: ZApp) {
  app.get('/api/org-units', {
    config: { access: 'org.read' },
    schema: {
      tags, summary: 'Organization units in the caller\'s subtree (search is Persian-normalised)',
      querystring: z.object({
        kind: orgUnitKind.optional(), parentId: z.uuid().optional(), status: z.enum(['active', 'retired']).optional(),
        q: z.string().trim().max(100).optional(), roots: z.stringbool().optional(), ...paging,
      }).strict(),
      response: { 200: pageOf(orgUnit), ...errors },
    },
  }, async (req) => listOrgUnits(app.pool, actorOf(req), req.query));

  app.get('/api/org-units/:id', {
    config: { access: 'org.read' },
    schema: { tags, summary: 'A unit with its path to the root', params: idParams, response: { 200: z.object({ unit: orgUnit, path: z.array(orgUnitSummary) }), ...errors } },
  }, async (req) => getOrgUnit(app.pool, actorOf(req), req.params.id));

  app.get('/api/org-units/:id/history', {
    config: { access: 'org.read' },
    schema: {
      tags, summary: 'Changes made to a unit', params: idParams,
      response: { 200: z.object({ items: z.array(z.object({ at: z.string(), action: z.string(), actorName: z.string().nullable(), summary: z.record(z.string(), z.unknown()) })) }), ...errors },
    },
  }, async (req) => getOrgUnitHistory(app.pool, actorOf(req), req.params.id));

  app.post('/api/org-units', {
    config: { access: 'org.manage' },
    schema: {
      tags, summary: 'Add a unit',
      body: z.object({ kind: z.enum(['province', 'county', 'department']), name, parentId: z.uuid(), amarCode: amarCode.optional(), geoId: z.number().int().optional() }).strict(),
      response: { 201: orgUnit, ...errors },
    },
  }, async (req, reply) => {
    const unit = await withTx(app.pool, (tx) => createOrgUnit(tx, contextOf(req), req.body));
    return reply.status(201).send(unit);
  });

  app.patch('/api/org-units/:id', {
    config: { access: 'org.manage' },
    schema: { tags, summary: 'Rename and/or move a unit', params: idParams, body: z.object({ name: name.optional(), parentId: z.uuid().optional() }).strict(), response: { 200: orgUnit, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => updateOrgUnit(tx, contextOf(req), { id: req.params.id, ...req.body })));

  app.post('/api/org-units/:id/retire', {
    config: { access: 'org.manage' },
    schema: { tags, summary: 'Retire a unit (it keeps its records)', params: idParams, body: z.object({ reason: z.string().trim().min(3).max(500), successorIds: z.array(z.uuid()).max(10).optional() }).strict(), response: { 200: orgUnit, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => retireOrgUnit(tx, contextOf(req), { id: req.params.id, ...req.body })));

  app.post('/api/org-units/:id/split', {
    config: { access: 'org.manage' },
    schema: {
      tags, summary: 'Split a unit into new sibling units; the original is retired',
      params: idParams,
      body: z.object({ parts: z.array(z.object({ name, amarCode: amarCode.optional() }).strict()).min(2).max(10), reason: z.string().trim().min(3).max(500), childrenTo: z.number().int().min(0).optional() }).strict(),
      response: { 200: z.object({ created: z.array(orgUnit), retired: orgUnit }), ...errors },
    },
  }, async (req) => withTx(app.pool, (tx) => splitOrgUnit(tx, contextOf(req), { id: req.params.id, ...req.body })));
}
