import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { actorOf, contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { idempotentRequest, runIdempotent } from '../../http/idempotency.ts';
import { errors, idParams, pageOf, paging, rials } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { addBatchItem, createBatch, getBatch, postBatch, removeBatchItem } from './contribution-batches.ts';
import { channels, contribution, recordContributionBody } from './contributions.schemas.ts';
import { getContribution, listContributions } from './list-contributions.ts';
import { reverseContribution } from './reverse-contribution.ts';
import { contributionFigures } from './contribution-figures.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { fiscalPeriod } from '@mosharekat/fa';
import { getContributionImport, listContributionImportErrors, startContributionImport } from './contribution-imports.ts';
import type { Readable } from 'node:stream';

const tags = ['contributions'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }).passthrough();
const batch = z.object({
  id: z.uuid(), unitId: z.uuid(), bookNo: z.string(), expectedCount: z.number().int(), expectedTotalRials: rials, status: z.enum(['open', 'posted', 'cancelled']),
  itemCount: z.number().int(), itemTotalRials: rials, createdAt: z.string(), postedAt: z.string().nullable(),
  items: z.array(z.object({ id: z.uuid(), amountRials: rials, input: z.record(z.string(), z.unknown()) })),
});
const batchItemBody = recordContributionBody.omit({ unitId: true });

function toInput<T extends { amountRials: string }>(body: T) {
  return { ...body, amountRials: BigInt(body.amountRials) };
}

export async function contributionRoutes(app: ZApp) {
  app.post('/api/contributions', {
    config: { access: 'contributions.record', idempotent: true },
    schema: { tags, summary: 'Record a cash contribution (needs Idempotency-Key)', headers: idempotencyHeader, body: recordContributionBody, response: { 201: contribution, ...errors } },
  }, async (req, reply) => {
    // written together with the gifts arriving at the same moment (see GiftCommitter)
    const r = await app.gifts.record(contextOf(req), toInput(req.body), idempotentRequest(req, `${actorOf(req).userId}:contribution`));
    if (r.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(r.status).send(r.body);
  });

  app.get('/api/contributions', {
    config: { access: 'contributions.read' },
    schema: {
      tags, summary: 'Contributions in the caller\'s scope, filtered, newest first',
      querystring: z.object({
        unitId: z.uuid().optional(), from: z.string().max(12).optional(), to: z.string().max(12).optional(), channel: z.enum(channels).optional(),
        fundId: z.uuid().optional(), fundKind: z.enum(['general', 'specific']).optional(), purposeCode: z.string().max(40).optional(), donorId: z.uuid().optional(),
        minRials: rials.optional(), maxRials: rials.optional(), status: z.enum(['posted', 'reversed']).optional(), receiptNo: z.string().max(30).optional(), ...paging,
      }).strict(),
      response: { 200: pageOf(contribution), ...errors },
    },
  }, async (req) => listContributions(app.pool, actorOf(req), {
    ...req.query, minRials: req.query.minRials ? BigInt(req.query.minRials) : undefined, maxRials: req.query.maxRials ? BigInt(req.query.maxRials) : undefined,
  }));

  app.get('/api/contributions/:id', {
    config: { access: 'contributions.read' },
    schema: { tags, summary: 'One contribution', params: idParams, response: { 200: contribution, ...errors } },
  }, async (req) => getContribution(app.pool, actorOf(req), req.params.id));

  app.post('/api/contributions/:id/reverse', {
    config: { access: 'contributions.reverse', idempotent: true },
    schema: { tags, summary: 'Reverse a contribution recorded in error (by someone other than its recorder)', headers: idempotencyHeader, params: idParams, body: z.object({ reason: z.string().trim().min(5).max(500) }).strict(), response: { 200: contribution, ...errors } },
  }, async (req, reply) => runIdempotent(app.pool, req, reply, `${actorOf(req).userId}:contribution-reverse`, async (tx) => ({
    status: 200, body: await reverseContribution(tx, contextOf(req), { id: req.params.id, reason: req.body.reason }),
  })));

  app.post('/api/contribution-batches', {
    config: { access: 'contributions.record' },
    schema: { tags, summary: 'Open a batch for a paper receipt book', body: z.object({ unitId: z.uuid(), bookNo: z.string().trim().min(1).max(50), expectedCount: z.number().int().min(1).max(1000), expectedTotalRials: rials }).strict(), response: { 201: batch, ...errors } },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => createBatch(tx, contextOf(req), { ...req.body, expectedTotalRials: BigInt(req.body.expectedTotalRials) }))));

  app.get('/api/contribution-batches/:id', {
    config: { access: 'contributions.read' },
    schema: { tags, summary: 'A batch with its draft items', params: idParams, response: { 200: batch, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => getBatch(tx, contextOf(req), req.params.id)));

  app.post('/api/contribution-batches/:id/items', {
    config: { access: 'contributions.record' },
    schema: { tags, summary: 'Add a receipt stub to an open batch (a draft: no money moves yet)', params: idParams, body: batchItemBody, response: { 200: batch, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => addBatchItem(tx, contextOf(req), req.params.id, toInput(req.body))));

  app.delete('/api/contribution-batches/:id/items/:itemId', {
    config: { access: 'contributions.record' },
    schema: { tags, summary: 'Remove a draft stub from an open batch', params: z.object({ id: z.uuid(), itemId: z.uuid() }).strict(), response: { 200: batch, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => removeBatchItem(tx, contextOf(req), req.params.id, req.params.itemId)));

  app.post('/api/contribution-batches/:id/post', {
    config: { access: 'contributions.record', idempotent: true },
    schema: { tags, summary: 'Post a batch when its count and total match (all or nothing). Needs Idempotency-Key.', headers: idempotencyHeader, params: idParams, response: { 200: z.object({ batch, contributionIds: z.array(z.uuid()) }), ...errors } },
  }, async (req, reply) => runIdempotent(app.pool, req, reply, `${actorOf(req).userId}:batch-post`, async (tx) => ({
    status: 200, body: await postBatch(tx, contextOf(req), req.params.id),
  })));

  const importStatus = z.object({
    id: z.uuid(), unitId: z.uuid(), channel: z.string(), fileName: z.string().nullable(), dryRun: z.boolean(), status: z.string(),
    rowsTotal: z.number().int(), rowsImported: z.number().int(), rowsDuplicate: z.number().int(), rowsInvalid: z.number().int(),
    totalRials: rials, error: z.string().nullable(), createdAt: z.string(), finishedAt: z.string().nullable(),
  });

  app.post('/api/contribution-imports', {
    config: { access: 'contributions.record' },
    schema: {
      tags, summary: 'Import a PSP settlement or bank file (CSV body: reference, amount_rials, paid_at, unit_code, purpose, target_group). Processed in the background; a re-import counts each reference once.',
      consumes: ['text/csv'],
      querystring: z.object({ unitId: z.uuid(), channel: z.enum(['gateway', 'ussd', 'card_to_card', 'bank_transfer', 'pos', 'payroll']), dryRun: z.stringbool().default(false), fileName: z.string().max(200).optional() }).strict(),
      response: { 202: z.object({ id: z.uuid() }), ...errors },
    },
  }, async (req, reply) => {
    if (!req.headers['content-type']?.startsWith('text/csv')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const { id } = await startContributionImport(app.pool, contextOf(req), { ...req.query, fileName: req.query.fileName ?? null, body: req.body as Readable });
    return reply.status(202).send({ id });
  });

  app.get('/api/contribution-imports/:id', {
    config: { access: 'contributions.read' },
    schema: { tags, summary: 'Progress and counts of an import', params: idParams, response: { 200: importStatus, ...errors } },
  }, async (req) => getContributionImport(app.pool, contextOf(req), req.params.id));

  app.get('/api/contribution-imports/:id/errors', {
    config: { access: 'contributions.read' },
    schema: {
      tags, summary: 'Rows of an import that were refused, with the reason', params: idParams, querystring: z.object({ ...paging }).strict(),
      response: { 200: pageOf(z.object({ rowNo: z.number().int(), field: z.string(), code: z.string(), message: z.string() })), ...errors },
    },
  }, async (req) => listContributionImportErrors(app.pool, contextOf(req), req.params.id, req.lang, req.query.page, req.query.pageSize));

  const figureRows = z.array(z.object({ key: z.string(), gifts: z.string(), totalRials: rials }));
  app.get('/api/reports/contributions', {
    config: { access: 'contributions.read' },
    schema: {
      tags: ['reports'], summary: 'Contribution totals of a unit\'s subtree for a fiscal year by Jalali month, fund kind, purpose and channel',
      querystring: z.object({ unitId: z.uuid().optional(), fiscalYear: z.coerce.number().int().min(1390).max(1500).optional() }).strict(),
      response: { 200: z.object({ fiscalYear: z.number().int(), gifts: z.string(), totalRials: rials, byMonth: figureRows, byFundKind: figureRows, byPurpose: figureRows, byChannel: figureRows }), ...errors },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const unit = await loadOrgUnit(app.pool, actor, req.query.unitId ?? actor.homeUnitId, 'contributions.read');
    return contributionFigures(app.pool, unit.id, req.query.fiscalYear ?? fiscalPeriod(new Date()).fiscalYear);
  });
}
