import { z } from 'zod';
import { actorOf, contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { runIdempotent } from '../../http/idempotency.ts';
import { errors, idParams, pageOf, paging } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { ATTACHMENT_BODY_LIMIT } from '../councils/attachments.ts';
import { attachmentBody } from '../councils/councils.schemas.ts';
import { approveSpendingRequest } from './approve-spending-request.ts';
import { cancelSpendingRequest } from './cancel-spending-request.ts';
import { createSpendingRequest } from './create-spending-request.ts';
import { getSpendingRequest } from './get-spending-request.ts';
import { listSpendingRequests } from './list-spending-requests.ts';
import { orderSpendingRequest } from './order-spending-request.ts';
import { paySpendingRequest } from './pay-spending-request.ts';
import { rejectSpendingRequest } from './reject-spending-request.ts';
import { addSpendingDocument, getSpendingDocument } from './spending-documents.ts';
import { createSpendingBody, spendingRequest, spendingRequestDetail, spendingStatus, updateSpendingBody } from './spending.schemas.ts';
import { submitSpendingRequest } from './submit-spending-request.ts';
import { updateSpendingRequest } from './update-spending-request.ts';
import { authorities } from './spending-rules.ts';

const tags = ['spending'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }).passthrough();
const note = z.object({ note: z.string().trim().max(2000).optional() }).strict();
const ok = { 200: spendingRequestDetail, ...errors };

export async function spendingRoutes(app: ZApp) {
  app.post('/api/spending-requests', {
    config: { access: 'spending.request' },
    schema: { tags, summary: 'Ask to spend from a fund of the unit (a draft; a specific fund\'s intent is checked at once)', body: createSpendingBody, response: { 201: spendingRequestDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => createSpendingRequest(tx, contextOf(req), { ...req.body, amountRials: BigInt(req.body.amountRials) }))));

  app.get('/api/spending-requests', {
    config: { access: 'spending.read' },
    schema: {
      tags, summary: 'Spending requests in scope, newest first (status may repeat; awaitingMe=true: those waiting for the caller)',
      querystring: z.object({
        unitId: z.uuid().optional(), status: z.union([spendingStatus, z.array(spendingStatus)]).optional(), fundKind: z.enum(['general', 'specific']).optional(),
        fundId: z.uuid().optional(), purposeCode: z.string().max(40).optional(), authority: z.enum(authorities).optional(), resolutionId: z.uuid().optional(),
        mine: z.stringbool().optional(), awaitingMe: z.stringbool().optional(), from: z.string().max(12).optional(), to: z.string().max(12).optional(),
        q: z.string().trim().max(100).optional(), ...paging,
      }).strict(),
      response: { 200: pageOf(spendingRequest), ...errors },
    },
  }, async (req) => listSpendingRequests(app.pool, actorOf(req), { ...req.query, status: req.query.status === undefined ? undefined : [req.query.status].flat() }));

  app.get('/api/spending-requests/:id', {
    config: { access: 'spending.read' },
    schema: { tags, summary: 'A request with its events, documents, rule evaluation (rules), every action with why or why not (actions) and nextActions', params: idParams, response: ok },
  }, async (req) => withTx(app.pool, (tx) => getSpendingRequest(tx, actorOf(req), req.params.id)));

  app.patch('/api/spending-requests/:id', {
    config: { access: 'spending.request' },
    schema: { tags, summary: 'The requester corrects a draft', params: idParams, body: updateSpendingBody, response: ok },
  }, async (req) => withTx(app.pool, (tx) => updateSpendingRequest(tx, contextOf(req), { id: req.params.id, ...req.body, amountRials: req.body.amountRials === undefined ? undefined : BigInt(req.body.amountRials) })));

  app.post('/api/spending-requests/:id/submit', {
    config: { access: 'spending.request' },
    schema: {
      tags, summary: 'Submit: its rules must hold; for general money the resolution or delegation is fixed here (name one with resolutionId/delegationId, or the system picks)',
      params: idParams, body: z.object({ resolutionId: z.uuid().optional(), delegationId: z.uuid().optional(), note: z.string().trim().max(2000).optional() }).strict(), response: ok,
    },
  }, async (req) => withTx(app.pool, (tx) => submitSpendingRequest(tx, contextOf(req), { id: req.params.id, ...req.body })));

  app.post('/api/spending-requests/:id/order', {
    config: { access: 'spending.order' },
    schema: { tags, summary: 'The delegate orders a delegation-route request', params: idParams, body: note, response: ok },
  }, async (req) => withTx(app.pool, (tx) => orderSpendingRequest(tx, contextOf(req), { id: req.params.id, note: req.body.note })));

  app.post('/api/spending-requests/:id/approve', {
    config: { access: 'session', idempotent: true },
    schema: {
      tags, summary: 'Approve (participation unit) or confirm (second approver): the last approval reserves the money. Needs Idempotency-Key.',
      headers: idempotencyHeader, params: idParams, body: note, response: ok,
    },
  }, async (req, reply) => runIdempotent(app.pool, req, reply, `${actorOf(req).userId}:spending-approve`, async (tx) => ({
    status: 200, body: await approveSpendingRequest(tx, contextOf(req), { id: req.params.id, note: req.body.note }),
  })));

  app.post('/api/spending-requests/:id/reject', {
    config: { access: 'session' },
    schema: { tags, summary: 'Turn a submitted or ordered request down, with the reason', params: idParams, body: z.object({ note: z.string().trim().min(3).max(2000) }).strict(), response: ok },
  }, async (req) => withTx(app.pool, (tx) => rejectSpendingRequest(tx, contextOf(req), { id: req.params.id, note: req.body.note })));

  app.post('/api/spending-requests/:id/cancel', {
    config: { access: 'spending.request' },
    schema: { tags, summary: 'The requester withdraws a request not yet paid (an approved one releases its reservation)', params: idParams, body: note, response: ok },
  }, async (req) => withTx(app.pool, (tx) => cancelSpendingRequest(tx, contextOf(req), { id: req.params.id, note: req.body.note })));

  app.post('/api/spending-requests/:id/pay', {
    config: { access: 'spending.pay', idempotent: true },
    schema: {
      tags, summary: 'Pay an approved request on a financial document: posts the spending journal. Needs Idempotency-Key.',
      headers: idempotencyHeader, params: idParams,
      body: z.object({ documentNo: z.string().trim().min(1).max(50), paidOn: z.string().trim().min(8).max(12).optional(), note: z.string().trim().max(2000).optional() }).strict(),
      response: ok,
    },
  }, async (req, reply) => runIdempotent(app.pool, req, reply, `${actorOf(req).userId}:spending-pay`, async (tx) => ({
    status: 200, body: await paySpendingRequest(tx, contextOf(req), { id: req.params.id, ...req.body }),
  })));

  app.post('/api/spending-requests/:id/documents', {
    config: { access: 'spending.read' },
    bodyLimit: ATTACHMENT_BODY_LIMIT,
    schema: {
      tags, summary: 'Attach a supporting document (base64 in JSON, at most 5 MB)', params: idParams, body: attachmentBody,
      response: { 201: z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string(), uploadedBy: z.string().nullable() }), ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => addSpendingDocument(tx, contextOf(req), { requestId: req.params.id, ...req.body }))));

  app.get('/api/spending-documents/:id', {
    config: { access: 'spending.read' },
    schema: { tags, summary: 'Download a supporting document', params: idParams, response: { ...errors } },
  }, async (req, reply) => {
    const f = await getSpendingDocument(app.pool, actorOf(req), req.params.id);
    return reply.type(f.contentType).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.content as never);
  });
}
