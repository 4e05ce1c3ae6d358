import { z } from 'zod';
import { actorOf } from '../../app.ts';
import { errors, idParams, rials } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { isAppError } from '../../lib/errors.ts';
import { getContribution } from '../contributions/list-contributions.ts';
import { getReceiptByCode, getReceiptByContribution, publicReceipt } from './get-receipt.ts';
import { receiptHtml, verificationHtml } from './receipt-html.ts';
import { htmlToPdf } from './render-pdf.ts';

const publicReceiptSchema = z.object({
  code: z.string(), status: z.enum(['valid', 'void']), receiptNo: z.string(), amountRials: rials, receivedAt: z.string(), receivedOn: z.string(),
  unitName: z.string(), provinceName: z.string(), fundKind: z.enum(['general', 'specific']), intent: z.string(),
});

export async function receiptRoutes(app: ZApp) {
  const baseUrl = (req: { protocol: string; host: string }) => process.env.PUBLIC_URL ?? `${req.protocol}://${req.host}`;

  app.get('/api/receipts/:code', {
    config: { access: 'public' },
    schema: { tags: ['receipts'], summary: 'Public verification of a receipt by its code (no personal data)', params: z.object({ code: z.string().max(40) }).strict(), response: { 200: publicReceiptSchema, ...errors } },
  }, async (req) => publicReceipt(await getReceiptByCode(app.pool, req.params.code)));

  app.get('/r/:code', {
    config: { access: 'public' },
    schema: { hide: true, params: z.object({ code: z.string().max(40) }).strict() },
  }, async (req, reply) => {
    let html: string;
    try {
      html = verificationHtml(await getReceiptByCode(app.pool, req.params.code), req.params.code);
    } catch (err) {
      if (!isAppError(err) || err.code !== 'RECEIPT_NOT_FOUND') throw err;
      reply.status(404);
      html = verificationHtml(null, req.params.code);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  for (const format of ['html', 'pdf'] as const) {
    app.get(`/api/contributions/:id/receipt.${format}`, {
      config: { access: 'contributions.read' },
      schema: { tags: ['receipts'], summary: `The receipt of a contribution as ${format.toUpperCase()} (print view)`, params: idParams, response: { ...errors } },
    }, async (req, reply) => {
      const c = await getContribution(app.pool, actorOf(req), req.params.id); // scope check
      const r = await getReceiptByContribution(app.pool, c.id);
      const html = await receiptHtml(r, { verifyUrl: `${baseUrl(req)}/r/${r.code}`, donorName: r.donorName });
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(html as never);
      const pdf = await htmlToPdf(html);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="receipt-${r.receiptNo}.pdf"`).send(pdf as never);
    });
  }
}
