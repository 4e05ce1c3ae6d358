import type { Queryable } from '../../db/pool.ts';
import { lookupHash } from '../../lib/crypto-keys.ts';
import { AppError, type ErrorCode } from '../../lib/errors.ts';

export interface RateRule {
  bucket: string;
  limit: number;
  windowMinutes: number;
}

/** The portal's limits. Payment starts: per address and per mobile; sign-in codes: the same. */
export const rateRules = {
  paymentPerIp: { bucket: 'payment.ip', limit: 30, windowMinutes: 10 },
  paymentPerMobile: { bucket: 'payment.mobile', limit: 10, windowMinutes: 10 },
  otpPerMobile: { bucket: 'otp.mobile', limit: 3, windowMinutes: 10 },
  otpPerIp: { bucket: 'otp.ip', limit: 20, windowMinutes: 10 },
} as const satisfies Record<string, RateRule>;

/**
 * Counts one event against each rule, refusing with `code` (429) when any is already at its limit.
 * Keys are stored as keyed hashes: the table never holds an address or a mobile. Under a burst the
 * count may overshoot by the number of requests in flight; a limit, not an invariant.
 */
export async function hitRateLimits(db: Queryable, code: ErrorCode, hits: { rule: RateRule; key: string | null }[]): Promise<void> {
  const live = hits.filter((h): h is { rule: RateRule; key: string } => Boolean(h.key));
  const keyed = live.map((h) => ({ ...h, hash: lookupHash(`rate.${h.rule.bucket}`, h.key) }));
  for (const h of keyed) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rate_event WHERE bucket = $1 AND key_hash = $2 AND at > now() - make_interval(mins => $3)`,
      [h.rule.bucket, h.hash, h.rule.windowMinutes],
    );
    if (rows[0]!.n >= h.rule.limit) throw new AppError(code, { params: { minutes: h.rule.windowMinutes } });
  }
  for (const h of keyed) await db.query('INSERT INTO rate_event (bucket, key_hash) VALUES ($1, $2)', [h.rule.bucket, h.hash]);
}
