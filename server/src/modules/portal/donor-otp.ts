import crypto from 'node:crypto';
import { parseMobile, toLatinDigits } from '@mosharekat/fa';
import type { Pool } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import { lookupHash } from '../../lib/crypto-keys.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { mobileHash } from '../donors/donor-pii.ts';
import { otpSmsText } from '../sms/receipt-sms.ts';
import type { SmsSender } from '../sms/sms-sender.ts';
import { createDonorSession } from './donor-session.ts';
import { hitRateLimits, rateRules } from './rate-limit.ts';

/** One-time sign-in codes: six digits, two minutes, one use, five guesses. */
export const otpPolicy = { digits: 6, ttlSeconds: 120, maxAttempts: 5 } as const;

/** Keyed hash of mobile and code together: the table alone cannot confirm a guess. */
const codeHash = (mobile: string, code: string) => lookupHash('donor.otp', `${mobile}:${code}`);

export function readMobile(input: string): string {
  const m = parseMobile(input);
  if (!m.ok) throw new AppError('PORTAL_MOBILE_INVALID', { field: 'mobile' });
  return m.value;
}

/**
 * Sends a sign-in code by SMS. The answer is the same whether or not the mobile has ever given
 * (nothing to learn by asking); only the per-mobile and per-address limits refuse.
 */
export async function sendDonorOtp(pool: Pool, sms: SmsSender, ctx: OpContext, input: { mobile: string }): Promise<{ ttlSeconds: number }> {
  const mobile = readMobile(input.mobile);
  await hitRateLimits(pool, 'PORTAL_OTP_RATE_LIMITED', [
    { rule: rateRules.otpPerMobile, key: mobile },
    { rule: rateRules.otpPerIp, key: ctx.ip },
  ]);
  const code = crypto.randomInt(0, 10 ** otpPolicy.digits).toString().padStart(otpPolicy.digits, '0');
  await withTx(pool, async (tx) => {
    // a new code replaces any earlier one: only the latest can be used
    await tx.query('UPDATE donor_otp SET used_at = now() WHERE mobile_hash = $1 AND used_at IS NULL', [mobileHash(mobile)]);
    const { rows } = await tx.query<{ id: bigint }>(
      `INSERT INTO donor_otp (mobile_hash, code_hash, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id`,
      [mobileHash(mobile), codeHash(mobile, code), otpPolicy.ttlSeconds],
    );
    await writeAudit(tx, ctx, { action: 'portal.otp_send', entityType: 'donor_otp', entityId: String(rows[0]!.id) });
  });
  await sms.send({ to: mobile, kind: 'otp', text: otpSmsText(code, Math.round(otpPolicy.ttlSeconds / 60)) });
  return { ttlSeconds: otpPolicy.ttlSeconds };
}

/**
 * Checks a code. Each guess is counted (and committed) before it is compared, under the code's row
 * lock, so parallel guesses cannot exceed five; the right code signs in once and is then spent.
 */
export async function verifyDonorOtp(pool: Pool, ctx: OpContext, input: { mobile: string; code: string }) {
  const mobile = readMobile(input.mobile);
  const code = toLatinDigits(input.code).replace(/\s/g, '');
  const outcome = await withTx(pool, async (tx) => {
    const { rows } = await tx.query<{ id: bigint; code_hash: Buffer; attempts: number; expired: boolean }>(
      `SELECT id, code_hash, attempts, expires_at <= now() AS expired FROM donor_otp
        WHERE mobile_hash = $1 AND used_at IS NULL ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [mobileHash(mobile)],
    );
    const otp = rows[0];
    if (!otp || otp.expired) return 'invalid' as const;
    if (otp.attempts >= otpPolicy.maxAttempts) return 'too_many' as const;
    await tx.query('UPDATE donor_otp SET attempts = attempts + 1 WHERE id = $1', [otp.id]);
    const given = /^\d{6}$/.test(code) ? codeHash(mobile, code) : Buffer.alloc(otp.code_hash.length);
    if (!crypto.timingSafeEqual(given, otp.code_hash)) {
      await writeAudit(tx, ctx, { action: 'portal.otp_wrong', entityType: 'donor_otp', entityId: String(otp.id), summary: { attempt: otp.attempts + 1 } });
      return otp.attempts + 1 >= otpPolicy.maxAttempts ? ('too_many' as const) : ('invalid' as const);
    }
    await tx.query('UPDATE donor_otp SET used_at = now() WHERE id = $1', [otp.id]);
    const session = await createDonorSession(tx, mobile);
    await writeAudit(tx, ctx, { action: 'portal.sign_in', entityType: 'donor_otp', entityId: String(otp.id) });
    return session;
  });
  if (outcome === 'invalid') throw new AppError('PORTAL_OTP_INVALID', { field: 'code' });
  if (outcome === 'too_many') throw new AppError('PORTAL_OTP_TOO_MANY_ATTEMPTS', { field: 'code' });
  return outcome;
}
