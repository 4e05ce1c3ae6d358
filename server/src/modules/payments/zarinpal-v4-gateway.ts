import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import type { GatewayPaymentRequest, GatewayStart, JsonTransport, PaymentGateway, VerifyOutcome } from './gateway.ts';

/** Where Zarinpal v4 lives; the built-in sandbox serves the same paths under /sandbox-gateway/pg. */
export const ZARINPAL_API_BASE = 'https://payment.zarinpal.com/pg';

// Verify answers that settle the question "was this paid, for this amount?" with a no:
// -50 amounts differ, -51 not paid (cancelled or failed), -53 another merchant's session, -54 no such authority.
const DEFINITIVE_NOT_PAID = new Set([-50, -51, -53, -54]);

const answer = z.object({
  data: z.union([z.array(z.unknown()), z.object({ code: z.number().int() }).passthrough()]).optional(),
  errors: z.union([z.array(z.unknown()), z.object({ code: z.number().int() }).passthrough()]).optional(),
});
const requestData = z.object({ code: z.literal(100), authority: z.string().regex(/^[A-Za-z0-9]{10,64}$/) });
const verifyData = z.object({
  code: z.union([z.literal(100), z.literal(101)]),
  ref_id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,30}$/)]),
  card_pan: z.string().max(40).nullish(),
});

/** The PSP protocol carries amounts as JSON integers; our limits keep them far inside the safe range. */
function jsonAmount(amountRials: bigint): number {
  if (amountRials <= 0n || amountRials > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('amount outside the range the gateway protocol can carry');
  return Number(amountRials);
}

function codeOf(body: unknown): number | null {
  const parsed = answer.safeParse(body);
  if (!parsed.success) return null;
  const d = parsed.data.data;
  if (d && !Array.isArray(d)) return d.code;
  const e = parsed.data.errors;
  if (e && !Array.isArray(e)) return e.code;
  return null;
}

/**
 * Zarinpal's v4 REST API: POST {base}/v4/payment/request.json → data.authority; the donor goes to
 * {base}/StartPay/{authority}; Zarinpal sends the browser back to callback_url?Authority=…&Status=OK|NOK;
 * POST {base}/v4/payment/verify.json with OUR amount → data.code 100 (paid) or 101 (verified before),
 * data.ref_id, data.card_pan. The sandbox gateway speaks the same protocol: only the base URL and
 * the transport (in-process) differ.
 */
export class ZarinpalV4Gateway implements PaymentGateway {
  readonly name: 'sandbox' | 'zarinpal';
  private readonly apiBase: string;
  private readonly merchantId: string;
  private readonly post: JsonTransport;

  constructor(opts: { name: 'sandbox' | 'zarinpal'; apiBase: string; merchantId: string; transport: JsonTransport }) {
    this.name = opts.name;
    this.apiBase = opts.apiBase.replace(/\/+$/, '');
    this.merchantId = opts.merchantId;
    this.post = opts.transport;
  }

  async request(input: GatewayPaymentRequest): Promise<GatewayStart> {
    let res: { status: number; body: unknown };
    try {
      res = await this.post(`${this.apiBase}/v4/payment/request.json`, {
        merchant_id: this.merchantId,
        amount: jsonAmount(input.amountRials),
        currency: 'IRR',
        callback_url: input.callbackUrl,
        description: input.description,
        metadata: { order_id: input.paymentId, ...(input.mobile ? { mobile: input.mobile } : {}) },
      });
    } catch (err) {
      throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { cause: err });
    }
    const data = (res.body as { data?: unknown } | null)?.data;
    const ok = requestData.safeParse(data);
    if (res.status !== 200 || !ok.success) throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { params: { code: codeOf(res.body) ?? res.status } });
    return { authority: ok.data.authority, redirectUrl: `${this.apiBase}/StartPay/${ok.data.authority}` };
  }

  async verify(input: { authority: string; amountRials: bigint }): Promise<VerifyOutcome> {
    let res: { status: number; body: unknown };
    try {
      res = await this.post(`${this.apiBase}/v4/payment/verify.json`, { merchant_id: this.merchantId, amount: jsonAmount(input.amountRials), authority: input.authority });
    } catch {
      return { kind: 'unknown', code: null };
    }
    const data = (res.body as { data?: unknown } | null)?.data;
    const paid = verifyData.safeParse(data);
    if (paid.success) return { kind: 'paid', code: paid.data.code, refId: String(paid.data.ref_id), cardPan: paid.data.card_pan ?? null };
    const code = codeOf(res.body);
    if (code !== null && DEFINITIVE_NOT_PAID.has(code)) return { kind: 'not_paid', code };
    return { kind: 'unknown', code };
  }
}
