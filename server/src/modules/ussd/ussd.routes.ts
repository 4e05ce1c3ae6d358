import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { errors, isoInstant, rials } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { AppError } from '../../lib/errors.ts';
import { getReceiptByContribution } from '../receipts/get-receipt.ts';
import { receiptSmsText } from '../sms/receipt-sms.ts';
import { sendQuietly } from '../sms/sms-of.ts';
import { recordUssdGift } from './record-ussd-gift.ts';
import { createUssdCode, listUssdCodes, updateUssdCode } from './ussd-codes.ts';
import { verifyUssdSignature } from './ussd-signature.ts';

const tags = ['ussd'];

const callbackBody = z.object({
  transactionId: z.string().trim().regex(/^[\w.:-]{1,100}$/, 'FIELD_INVALID'),
  mobile: z.string().max(20).optional(),
  /** rials, as a string (or a JSON integer when small enough to be exact) */
  amount: z.union([rials, z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]),
  /** as dialled: '*733*9*7#' */
  ussdCode: z.string().min(2).max(60),
  paidAt: isoInstant.optional(),
});

const ussdCode = z.object({
  id: z.uuid(), code: z.string(), purposeCode: z.string(), purposeLabel: z.string(), campaign: z.string().nullable(), active: z.boolean(),
  unit: z.object({ id: z.uuid(), name: z.string(), code: z.string() }).nullable(), createdAt: z.string(), updatedAt: z.string(),
});
const purposeCode = z.string().regex(/^[a-z][a-z0-9_]*$/, 'FIELD_INVALID');

// The exact bytes received, for the signature (a re-serialised body would not match it).
const rawBodies = new WeakMap<FastifyRequest, string>();

export async function ussdRoutes(app: ZApp) {
  const baseUrl = (req: FastifyRequest) => app.config.publicUrl ?? `${req.protocol}://${req.host}`;

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (req, body, done) => {
      rawBodies.set(req, body as string);
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new AppError('BAD_REQUEST'), undefined);
      }
    });

    scope.withTypeProvider<ZodTypeProvider>().post('/api/ussd/callback', {
      config: { access: 'public' },
      schema: {
        tags, summary: 'USSD aggregator callback: one gift (HMAC-SHA256 signed: x-timestamp, x-signature over `${timestamp}.${rawBody}`)',
        headers: z.object({ 'x-timestamp': z.string().optional(), 'x-signature': z.string().optional() }).passthrough(),
        body: callbackBody,
        response: {
          200: z.object({ status: z.enum(['credited', 'duplicate']), contributionId: z.uuid(), receiptNo: z.string(), receiptCode: z.string() }),
          ...errors, 503: errors[401],
        },
      },
      // before the body is validated: an unsigned caller learns nothing about the body's shape
      preValidation: async (req) => {
        const secret = app.config.ussdHmacSecret;
        if (!secret) throw new AppError('USSD_NOT_CONFIGURED');
        verifyUssdSignature(secret, { timestamp: req.headers['x-timestamp'], signature: req.headers['x-signature'] }, rawBodies.get(req) ?? '');
      },
    }, async (req) => {
      const b = req.body;
      const result = await recordUssdGift(app.pool, { actor: { kind: 'system', name: 'ussd' }, requestId: req.id, ip: req.ip ?? null }, {
        transactionId: b.transactionId, amountRials: BigInt(b.amount), dialledCode: b.ussdCode, mobile: b.mobile ?? null, paidAt: b.paidAt ? new Date(b.paidAt) : null,
      }, { receipts: app.receipts });
      const contributionId = result.status === 'credited' ? result.contribution.id : result.contributionId;
      const receipt = await getReceiptByContribution(app.pool, contributionId);
      if (result.status === 'credited' && result.mobile) {
        await sendQuietly(app, { to: result.mobile, kind: 'receipt', text: receiptSmsText(receipt.amountRials, receipt.code, baseUrl(req)) });
      }
      return { status: result.status, contributionId, receiptNo: receipt.receiptNo, receiptCode: receipt.code };
    });
  });

  app.get('/api/ussd-codes', {
    config: { access: 'contributions.read' },
    schema: { tags, summary: 'USSD codes and what each gives to', response: { 200: z.object({ items: z.array(ussdCode) }), ...errors } },
  }, async (req) => listUssdCodes(app.pool, contextOf(req)));

  app.post('/api/ussd-codes', {
    config: { access: 'org.manage' },
    schema: {
      tags, summary: 'Define a USSD code: the purpose and unit its gifts go to',
      body: z.object({ code: z.string().trim().min(3).max(40), purposeCode, unitId: z.uuid(), campaign: z.string().trim().max(200).nullish() }).strict(),
      response: { 201: ussdCode, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => createUssdCode(tx, contextOf(req), req.body))));

  app.patch('/api/ussd-codes/:id', {
    config: { access: 'org.manage' },
    schema: {
      tags, summary: 'Change or retire a USSD code',
      params: z.object({ id: z.uuid() }).strict(),
      body: z.object({ active: z.boolean().optional(), purposeCode: purposeCode.optional(), unitId: z.uuid().optional(), campaign: z.string().trim().max(200).nullish() }).strict(),
      response: { 200: ussdCode, ...errors },
    },
  }, async (req) => withTx(app.pool, (tx) => updateUssdCode(tx, contextOf(req), req.params.id, req.body)));
}
