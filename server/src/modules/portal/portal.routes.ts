import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors, idParams } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { csrfMatches } from '../auth/sessions.ts';
import { gatewayOf } from '../payments/gateway-of.ts';
import { donorNameOf, loadPayment } from '../payments/payment-row.ts';
import { handleGatewayCallback } from '../payments/handle-callback.ts';
import { getReceiptByContribution, type ReceiptView } from '../receipts/get-receipt.ts';
import { receiptHtml } from '../receipts/receipt-html.ts';
import { htmlToPdf } from '../receipts/render-pdf.ts';
import { smsOf } from '../sms/sms-of.ts';
import { DONOR_COOKIE, DONOR_COOKIE_PATH, donorSessionHours, loadDonorSession, revokeDonorSession, type DonorSession } from './donor-session.ts';
import { sendDonorOtp, verifyDonorOtp } from './donor-otp.ts';
import { giftStatus } from './gift-status.ts';
import { countiesOf, givingCatalogue } from './giving-catalogue.ts';
import { myGifts, ownGift } from './my-gifts.ts';
import { notifyGatewayGift } from './notify-gift.ts';
import {
  callbackQuery, countiesSchema, donorMe, giftStatusSchema, givingCatalogueSchema, myGiftsSchema, otpBody, otpVerifyBody, startGiftAnswer, startGiftBody,
} from './portal.schemas.ts';
import { startGift } from './start-gift.ts';

const tags = ['portal'];

/**
 * The donor portal's API. Every route is public as far as staff access goes (a donor is not a staff
 * user); the "me" routes require the donor's own session cookie (one-time code sign-in), checked
 * here, with the CSRF header on state changes like staff sessions.
 */
export async function portalRoutes(app: ZApp) {
  smsOf(app); // a misconfigured SMS provider fails at start, not at a donor's first code
  const baseUrl = (req: FastifyRequest) => app.config.publicUrl ?? `${req.protocol}://${req.host}`;
  const donorCtx = (req: FastifyRequest): OpContext => ({ actor: { kind: 'system', name: 'portal' }, requestId: req.id, ip: req.ip ?? null });
  const cookieOptions = { path: DONOR_COOKIE_PATH, httpOnly: true, sameSite: 'strict' as const, secure: app.config.secureCookies };

  async function donorOf(req: FastifyRequest, reply: FastifyReply): Promise<DonorSession> {
    const token = req.cookies[DONOR_COOKIE];
    const session = await loadDonorSession(app.pool, token);
    if (!session) {
      if (token) reply.clearCookie(DONOR_COOKIE, { path: DONOR_COOKIE_PATH });
      throw new AppError('PORTAL_SIGN_IN_REQUIRED');
    }
    if (req.method !== 'GET' && !csrfMatches(session.csrfToken, req.headers['x-csrf-token'] as string | undefined)) throw new AppError('CSRF_INVALID');
    return session;
  }

  async function sendReceiptPdf(reply: FastifyReply, req: FastifyRequest, receipt: ReceiptView, donorName: string | null) {
    const html = await receiptHtml(receipt, { verifyUrl: `${baseUrl(req)}/r/${receipt.code}`, donorName });
    const pdf = await htmlToPdf(html);
    return reply.type('application/pdf').header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename="receipt-${receipt.receiptNo}.pdf"`).send(pdf);
  }

  app.get('/api/portal/catalogue', {
    config: { access: 'public' },
    schema: { tags, summary: 'What a donor can give to: intents, provinces, preset amounts, limits', response: { 200: givingCatalogueSchema, ...errors } },
  }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return givingCatalogue(app.pool);
  });

  app.get('/api/portal/provinces/:id/counties', {
    config: { access: 'public' },
    schema: { tags, summary: 'The active counties of a province', params: idParams, response: { 200: countiesSchema, ...errors } },
  }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return countiesOf(app.pool, req.params.id);
  });

  app.post('/api/portal/payments', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Start a gift: opens a payment at the gateway and answers where to send the browser (limited per address and mobile)',
      body: startGiftBody, response: { 201: startGiftAnswer, ...errors },
    },
  }, async (req, reply) => {
    const b = req.body;
    const out = await startGift(app.pool, gatewayOf(app), donorCtx(req), { ...b, amountRials: BigInt(b.amountRials), baseUrl: baseUrl(req) });
    return reply.status(201).send(out);
  });

  app.get('/api/portal/payments/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'A payment\'s state and, once verified, its receipt (the thank-you page)', params: idParams, response: { 200: giftStatusSchema, ...errors } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return giftStatus(app.pool, req.params.id);
  });

  // The gateway sends the donor's browser here. Its Status is a claim: only our verify, for our
  // amount, credits anything. The browser always goes on to the thank-you page.
  app.get('/api/portal/payments/:id/callback', {
    config: { access: 'public' },
    schema: { tags, summary: 'Gateway callback (browser redirect): verifies server to server, then redirects to the thank-you page', params: idParams, querystring: callbackQuery },
  }, async (req, reply) => {
    const { id } = req.params;
    try {
      const result = await handleGatewayCallback(app.pool, gatewayOf(app), donorCtx(req), { paymentId: id, authority: req.query.Authority, status: req.query.Status }, app.receipts, app.gifts);
      if (result?.credited) await notifyGatewayGift(app, result.payment, result.credited, baseUrl(req));
    } catch (err) {
      // the donor still lands on the thank-you page (pending); the repair job finishes the work
      req.log.error({ err, paymentId: id }, 'payment callback failed');
    }
    return reply.header('cache-control', 'no-store').redirect(`/give/thanks/${id}`, 303);
  });

  app.get('/api/portal/payments/:id/receipt.pdf', {
    config: { access: 'public' },
    schema: { tags, summary: 'The receipt of a verified payment as PDF (the payment id is the key)', params: idParams, response: { ...errors } },
  }, async (req, reply) => {
    const p = await loadPayment(app.pool, req.params.id);
    if (!p?.contribution_id) throw new AppError('RECEIPT_NOT_FOUND');
    return sendReceiptPdf(reply, req, await getReceiptByContribution(app.pool, p.contribution_id), donorNameOf(p));
  });

  app.post('/api/portal/otp', {
    config: { access: 'public' },
    schema: { tags, summary: 'Send a one-time sign-in code to a mobile (limited per mobile and address)', body: otpBody, response: { 200: z.object({ ttlSeconds: z.number().int() }), ...errors } },
  }, async (req) => sendDonorOtp(app.pool, smsOf(app), donorCtx(req), req.body));

  app.post('/api/portal/otp/verify', {
    config: { access: 'public' },
    schema: { tags, summary: 'Sign in with the one-time code: sets the donor session cookie', body: otpVerifyBody, response: { 200: donorMe, ...errors } },
  }, async (req, reply) => {
    const s = await verifyDonorOtp(app.pool, donorCtx(req), req.body);
    reply.setCookie(DONOR_COOKIE, s.token, { ...cookieOptions, maxAge: donorSessionHours * 3600 });
    return { mobile: s.mobileHint, csrfToken: s.csrfToken };
  });

  app.get('/api/portal/me', {
    config: { access: 'public' },
    schema: { tags, summary: 'The signed-in donor (masked mobile) and the CSRF token', response: { 200: donorMe, ...errors } },
  }, async (req, reply) => {
    const s = await donorOf(req, reply);
    reply.header('cache-control', 'no-store');
    return { mobile: s.mobileHint, csrfToken: s.csrfToken };
  });

  app.get('/api/portal/me/gifts', {
    config: { access: 'public' },
    schema: { tags, summary: 'My gifts: receipts, and for specific gifts what they have paid for so far', response: { 200: myGiftsSchema, ...errors } },
  }, async (req, reply) => {
    const s = await donorOf(req, reply);
    reply.header('cache-control', 'no-store');
    return myGifts(app.pool, s.mobileHash);
  });

  app.get('/api/portal/me/gifts/:id/receipt.pdf', {
    config: { access: 'public' },
    schema: { tags, summary: 'The receipt of one of my gifts as PDF', params: idParams, response: { ...errors } },
  }, async (req, reply) => {
    const s = await donorOf(req, reply);
    const g = await ownGift(app.pool, s.mobileHash, req.params.id);
    return sendReceiptPdf(reply, req, g.receipt, g.donorName);
  });

  app.post('/api/portal/me/logout', {
    config: { access: 'public' },
    schema: { tags, summary: 'Sign the donor out', response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const s = await donorOf(req, reply);
    await revokeDonorSession(app.pool, s.tokenHash);
    reply.clearCookie(DONOR_COOKIE, { path: DONOR_COOKIE_PATH });
    return reply.status(204).send(null);
  });
}
