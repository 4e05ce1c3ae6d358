import crypto from 'node:crypto';
import type { Queryable } from '../../db/pool.ts';
import { mobileHash } from '../donors/donor-pii.ts';
import { maskMobile } from '../sms/sms-sender.ts';

/** The portal's own cookie, sent only to the portal's API. */
export const DONOR_COOKIE = 'msk_donor';
export const DONOR_COOKIE_PATH = '/api/portal';
export const donorSessionHours = 2;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest();

export async function createDonorSession(db: Queryable, mobile: string): Promise<{ token: string; csrfToken: string; mobileHint: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const mobileHint = maskMobile(mobile);
  await db.query(
    `INSERT INTO donor_session (token_hash, mobile_hash, mobile_hint, csrf_token, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))`,
    [hashToken(token), mobileHash(mobile), mobileHint, csrfToken, donorSessionHours],
  );
  return { token, csrfToken, mobileHint };
}

export interface DonorSession {
  tokenHash: Buffer;
  mobileHash: Buffer;
  mobileHint: string;
  csrfToken: string;
}

export async function loadDonorSession(db: Queryable, token: string | undefined): Promise<DonorSession | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const { rows } = await db.query<{ mobile_hash: Buffer; mobile_hint: string; csrf_token: string }>(
    'SELECT mobile_hash, mobile_hint, csrf_token FROM donor_session WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()', [tokenHash]);
  const r = rows[0];
  return r ? { tokenHash, mobileHash: r.mobile_hash, mobileHint: r.mobile_hint, csrfToken: r.csrf_token } : null;
}

export async function revokeDonorSession(db: Queryable, tokenHash: Buffer): Promise<void> {
  await db.query('UPDATE donor_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
}
