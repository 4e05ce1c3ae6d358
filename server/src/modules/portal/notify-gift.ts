import type { FastifyInstance } from 'fastify';
import { mobileOf, type PaymentRow } from '../payments/payment-row.ts';
import type { ContributionDto } from '../contributions/contributions.schemas.ts';
import { receiptSmsText } from '../sms/receipt-sms.ts';
import { sendQuietly } from '../sms/sms-of.ts';

/** The receipt SMS of a gateway gift that has just been credited (nothing if the donor gave no mobile). */
export async function notifyGatewayGift(app: FastifyInstance, payment: PaymentRow, contribution: ContributionDto, baseUrl: string): Promise<void> {
  const mobile = mobileOf(payment);
  if (!mobile) return;
  await sendQuietly(app, { to: mobile, kind: 'receipt', text: receiptSmsText(payment.amount_rials, contribution.receiptCode, baseUrl) });
}

/** Where links in messages sent outside a request point: PUBLIC_URL, else this server. */
export function jobBaseUrl(app: FastifyInstance): string {
  return app.config.publicUrl ?? `http://localhost:${app.config.port}`;
}
