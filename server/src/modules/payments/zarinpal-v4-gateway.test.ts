import { describe, expect, it } from 'vitest';
import type { JsonTransport } from './gateway.ts';
import { ZARINPAL_API_BASE, ZarinpalV4Gateway } from './zarinpal-v4-gateway.ts';

function fakeZarinpal(answer: (url: string, body: Record<string, unknown>) => { status: number; body: unknown }) {
  const calls: { url: string; body: Record<string, unknown> }[] = [];
  const transport: JsonTransport = async (url, body) => {
    calls.push({ url, body: body as Record<string, unknown> });
    return answer(url, body as Record<string, unknown>);
  };
  const gateway = new ZarinpalV4Gateway({ name: 'zarinpal', apiBase: ZARINPAL_API_BASE, merchantId: 'm'.repeat(36), transport });
  return { gateway, calls };
}

describe('Zarinpal v4 client', () => {
  it('should request with amount in rials and answer the StartPay address', async () => {
    const { gateway, calls } = fakeZarinpal(() => ({ status: 200, body: { data: { code: 100, message: 'Success', authority: 'A0000000000000000000000000000217885159', fee_type: 'Merchant', fee: 100 }, errors: [] } }));
    const start = await gateway.request({ paymentId: 'p-1', amountRials: 5_000_000n, callbackUrl: 'https://x.ir/api/portal/payments/p-1/callback', description: 'd', mobile: '09121234567' });
    expect(start).toEqual({ authority: 'A0000000000000000000000000000217885159', redirectUrl: 'https://payment.zarinpal.com/pg/StartPay/A0000000000000000000000000000217885159' });
    expect(calls[0]).toEqual({
      url: 'https://payment.zarinpal.com/pg/v4/payment/request.json',
      body: { merchant_id: 'm'.repeat(36), amount: 5_000_000, currency: 'IRR', callback_url: 'https://x.ir/api/portal/payments/p-1/callback', description: 'd', metadata: { order_id: 'p-1', mobile: '09121234567' } },
    });
  });

  it('should refuse to start when the gateway answers an error', async () => {
    const { gateway } = fakeZarinpal(() => ({ status: 400, body: { data: [], errors: { code: -9, message: 'The input params invalid, validation error.', validations: [] } } }));
    await expect(gateway.request({ paymentId: 'p', amountRials: 10_000n, callbackUrl: 'https://x', description: 'd' })).rejects.toMatchObject({ code: 'PAYMENT_GATEWAY_UNAVAILABLE' });
  });

  it.each([
    [{ status: 200, body: { data: { code: 100, message: 'Paid', card_pan: '502229******5995', ref_id: 201 }, errors: [] } }, { kind: 'paid', code: 100, refId: '201', cardPan: '502229******5995' }],
    [{ status: 200, body: { data: { code: 101, message: 'Verified', card_pan: '502229******5995', ref_id: 201 }, errors: [] } }, { kind: 'paid', code: 101, refId: '201', cardPan: '502229******5995' }],
    [{ status: 400, body: { data: [], errors: { code: -51, message: 'not paid' } } }, { kind: 'not_paid', code: -51 }],
    [{ status: 400, body: { data: [], errors: { code: -50, message: 'amounts differ' } } }, { kind: 'not_paid', code: -50 }],
    [{ status: 404, body: { data: [], errors: { code: -54, message: 'Invalid authority' } } }, { kind: 'not_paid', code: -54 }],
    [{ status: 500, body: { data: [], errors: { code: -52, message: 'Oops' } } }, { kind: 'unknown', code: -52 }],
    [{ status: 502, body: null }, { kind: 'unknown', code: null }],
    // a "paid" without a reference is not a payment we can record
    [{ status: 200, body: { data: { code: 100 }, errors: [] } }, { kind: 'unknown', code: 100 }],
  ])('should read verify answer %j as %j', async (answer, expected) => {
    const { gateway, calls } = fakeZarinpal(() => answer);
    expect(await gateway.verify({ authority: 'A1', amountRials: 5_000_000n })).toEqual(expected);
    expect(calls[0]).toEqual({ url: 'https://payment.zarinpal.com/pg/v4/payment/verify.json', body: { merchant_id: 'm'.repeat(36), amount: 5_000_000, authority: 'A1' } });
  });

  it('should treat a network failure during verify as no answer (ask again later)', async () => {
    const gateway = new ZarinpalV4Gateway({ name: 'zarinpal', apiBase: ZARINPAL_API_BASE, merchantId: 'm'.repeat(36), transport: async () => { throw new Error('ECONNRESET'); } });
    expect(await gateway.verify({ authority: 'A1', amountRials: 10_000n })).toEqual({ kind: 'unknown', code: null });
  });
});
