import crypto from 'node:crypto';
import { AppError } from '../../lib/errors.ts';

/** How far the aggregator's clock (x-timestamp) may be from ours, either way. */
export const USSD_MAX_SKEW_SECONDS = 300;

/** The signature an aggregator sends: hex HMAC-SHA256 of `${timestamp}.${rawBody}` with the shared secret. */
export function signUssd(secret: string, timestamp: string, rawBody: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/**
 * Checks a USSD callback's headers against the exact bytes received: the signature (constant-time)
 * and a timestamp within five minutes of now, so a captured request cannot be replayed later (and a
 * replay within the window is a duplicate transaction id, which credits nothing).
 */
export function verifyUssdSignature(secret: string, headers: { timestamp: unknown; signature: unknown }, rawBody: string, now: Date = new Date()): void {
  const ts = typeof headers.timestamp === 'string' ? headers.timestamp.trim() : '';
  const sig = typeof headers.signature === 'string' ? headers.signature.trim().replace(/^sha256=/i, '').toLowerCase() : '';
  if (!/^[0-9a-f]{64}$/.test(sig)) throw new AppError('USSD_SIGNATURE_INVALID');
  const expected = Buffer.from(signUssd(secret, ts, rawBody), 'hex');
  if (!crypto.timingSafeEqual(expected, Buffer.from(sig, 'hex'))) throw new AppError('USSD_SIGNATURE_INVALID');
  if (!/^\d{9,11}$/.test(ts) || Math.abs(Math.floor(now.getTime() / 1000) - Number(ts)) > USSD_MAX_SKEW_SECONDS) throw new AppError('USSD_TIMESTAMP_STALE');
}
