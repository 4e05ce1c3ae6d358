/**
 * An Iranian payment gateway (PSP) in the request → redirect → callback → verify shape that
 * Zarinpal, and most PSPs, use. Amounts are integer rials. Implementations: the Zarinpal v4 client
 * (zarinpal-v4-gateway.ts), which also talks to the built-in sandbox; another PSP is one more class.
 */
export interface GatewayPaymentRequest {
  /** our payment id (sent as the order id; never personal data) */
  paymentId: string;
  amountRials: bigint;
  /** absolute URL the donor's browser is sent back to; carries only our payment id */
  callbackUrl: string;
  description: string;
  /** the donor's mobile, given to the PSP in the request body (it offers the donor's saved cards) */
  mobile?: string | null | undefined;
}

export interface GatewayStart {
  /** the gateway's id of the payment session */
  authority: string;
  /** where to send the donor's browser */
  redirectUrl: string;
}

/**
 * What a server-to-server verify said:
 * - paid: the gateway confirms payment of exactly the amount we asked about (code 100 now, or 101:
 *   verified before — e.g. by a call whose answer we never committed);
 * - not_paid: a definitive no (not paid, cancelled, unknown authority, other amount);
 * - unknown: no definitive answer (network, gateway trouble): ask again later.
 */
export type VerifyOutcome =
  | { kind: 'paid'; code: 100 | 101; refId: string; cardPan: string | null }
  | { kind: 'not_paid'; code: number }
  | { kind: 'unknown'; code: number | null };

export interface PaymentGateway {
  readonly name: 'sandbox' | 'zarinpal';
  request(input: GatewayPaymentRequest): Promise<GatewayStart>;
  verify(input: { authority: string; amountRials: bigint }): Promise<VerifyOutcome>;
}

/** Posts JSON and returns the status and parsed body; network failures throw. */
export type JsonTransport = (url: string, body: unknown) => Promise<{ status: number; body: unknown }>;
