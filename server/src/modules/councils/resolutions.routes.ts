import { z } from 'zod';
import { actorOf, contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { errors, idParams, pageOf, paging, rials } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { delegation, resolution, resolutionBody, resolutionSummary } from './councils.schemas.ts';
import { getResolution } from './get-resolution.ts';
import { listDelegations, listResolutions } from './list-resolutions.ts';
import { passResolution, type PassResolutionInput } from './pass-resolution.ts';

const tags = ['councils'];

function amounts(body: z.infer<typeof resolutionBody>): Pick<PassResolutionInput, 'text' | 'authorization' | 'delegations'> {
  return {
    text: body.text,
    authorization: body.authorization ? { ...body.authorization, ceilingRials: BigInt(body.authorization.ceilingRials) } : undefined,
    delegations: body.delegations?.map((d) => ({ ...d, ceilingRials: BigInt(d.ceilingRials) })),
  };
}

export async function resolutionRoutes(app: ZApp) {
  app.post('/api/meetings/:id/resolutions', {
    config: { access: 'councils.manage' },
    schema: {
      tags, summary: 'Record a resolution passed in a meeting held with quorum: text, optionally a ceiling of general money for purposes and a period, and delegations',
      params: idParams, body: resolutionBody, response: { 201: resolution, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => passResolution(tx, contextOf(req), { meetingId: req.params.id, kind: 'decision', ...amounts(req.body) }))));

  app.post('/api/resolutions/:id/amend', {
    config: { access: 'councils.manage' },
    schema: {
      tags, summary: 'Amend the latest version of a resolution by a new resolution of a quorate meeting of the same council (it replaces ceiling, purposes, period and delegations)',
      params: idParams, body: resolutionBody.extend({ meetingId: z.uuid() }).strict(), response: { 201: resolution, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => passResolution(tx, contextOf(req), {
    meetingId: req.body.meetingId, kind: 'amendment', supersedesId: req.params.id, ...amounts(req.body),
  }))));

  app.post('/api/resolutions/:id/revoke', {
    config: { access: 'councils.manage' },
    schema: {
      tags, summary: 'Revoke a resolution by a new resolution of a quorate meeting (approvals already given stay valid)',
      params: idParams, body: z.object({ meetingId: z.uuid(), text: z.string().trim().min(5).max(5000) }).strict(), response: { 201: resolution, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => passResolution(tx, contextOf(req), {
    meetingId: req.body.meetingId, kind: 'revocation', supersedesId: req.params.id, text: req.body.text,
  }))));

  app.get('/api/resolutions', {
    config: { access: 'councils.read' },
    schema: {
      tags, summary: 'Resolutions in scope, newest first, with remaining ceiling',
      querystring: z.object({ councilId: z.uuid().optional(), unitId: z.uuid().optional(), fiscalYear: z.coerce.number().int().min(1300).max(1600).optional(), inForce: z.stringbool().optional(), ...paging }).strict(),
      response: {
        200: pageOf(resolutionSummary.extend({ councilId: z.uuid(), councilName: z.string(), unit: z.object({ id: z.uuid(), name: z.string(), code: z.string(), kind: z.string() }), ceilingRials: rials.nullable(), remainingRials: rials.nullable() })),
        ...errors,
      },
    },
  }, async (req) => listResolutions(app.pool, actorOf(req), req.query));

  app.get('/api/resolutions/:id', {
    config: { access: 'councils.read' },
    schema: { tags, summary: 'A resolution: authorization with used and remaining ceiling, delegations, history of versions', params: idParams, response: { 200: resolution, ...errors } },
  }, async (req) => getResolution(app.pool, actorOf(req), req.params.id));

  app.get('/api/delegations', {
    config: { access: 'councils.read' },
    schema: {
      tags, summary: 'Delegations in scope, and always the caller\'s own (delegateUserId to filter, inForce=true for live ones)',
      querystring: z.object({ delegateUserId: z.uuid().optional(), unitId: z.uuid().optional(), inForce: z.stringbool().optional() }).strict(),
      response: { 200: z.object({ items: z.array(delegation) }), ...errors },
    },
  }, async (req) => listDelegations(app.pool, actorOf(req), req.query));
}
