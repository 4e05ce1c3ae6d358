import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import type { PaymentGateway } from './gateway.ts';
import { fetchTransport, injectTransport } from './gateway-transport.ts';
import { ZARINPAL_API_BASE, ZarinpalV4Gateway } from './zarinpal-v4-gateway.ts';

/** The sandbox's paths mirror Zarinpal's: {base}/v4/payment/request.json, {base}/StartPay/{authority}. */
export const SANDBOX_API_BASE = '/sandbox-gateway/pg';
/** Any 36 characters will do for the sandbox, as for Zarinpal's own sandbox. */
export const SANDBOX_MERCHANT_ID = 'sandbox0-0000-4000-8000-000000000000';

const notConfigured: PaymentGateway = {
  name: 'zarinpal',
  request: async () => {
    throw new AppError('PAYMENT_GATEWAY_NOT_CONFIGURED');
  },
  verify: async () => ({ kind: 'unknown', code: null }),
};

/** The gateway GATEWAY names: the built-in sandbox (same protocol, in-process) or Zarinpal. */
export function createGateway(app: FastifyInstance): PaymentGateway {
  const c = app.config;
  if (c.gateway === 'sandbox') {
    return new ZarinpalV4Gateway({ name: 'sandbox', apiBase: SANDBOX_API_BASE, merchantId: SANDBOX_MERCHANT_ID, transport: injectTransport(app) });
  }
  if (!c.zarinpalMerchantId) return notConfigured;
  return new ZarinpalV4Gateway({ name: 'zarinpal', apiBase: ZARINPAL_API_BASE, merchantId: c.zarinpalMerchantId, transport: fetchTransport() });
}

const gateways = new WeakMap<object, PaymentGateway>();

export function gatewayOf(app: FastifyInstance): PaymentGateway {
  let g = gateways.get(app);
  if (!g) {
    g = createGateway(app);
    gateways.set(app, g);
  }
  return g;
}

/** Replaces the app's gateway (tests: a gateway that fails on purpose). */
export function setGateway(app: FastifyInstance, gateway: PaymentGateway): void {
  gateways.set(app, gateway);
}
