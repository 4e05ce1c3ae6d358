import crypto from 'node:crypto';
import { z } from 'zod';
import type { Pool } from '../../db/pool.ts';

/**
 * The built-in sandbox payment gateway: Zarinpal v4's protocol and answer codes, with its own
 * records (sandbox_gateway_payment) standing in for the PSP's. Used by default in demo mode and in
 * tests, so the whole giving flow runs without a merchant account. It moves no money: a production
 * installation sets GATEWAY=zarinpal.
 */

/** A Zarinpal-shaped answer: `data` on success, `errors` otherwise (the other one an empty array). */
export type ZarinpalAnswer = { status: number; body: { data: Record<string, unknown> | []; errors: Record<string, unknown> | [] } };

const ok = (data: Record<string, unknown>): ZarinpalAnswer => ({ status: 200, body: { data, errors: [] } });
const fail = (status: number, code: number, message: string, validations: unknown[] = []): ZarinpalAnswer => ({ status, body: { data: [], errors: { code, message, validations } } });

const requestBody = z.object({
  merchant_id: z.string().length(36),
  amount: z.number().int().min(1000).max(Number.MAX_SAFE_INTEGER),
  currency: z.enum(['IRR', 'IRT']).optional(),
  callback_url: z.url({ protocol: /^https?$/ }),
  description: z.string().min(1).max(500),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
const verifyBody = z.object({ merchant_id: z.string().length(36), amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), authority: z.string().min(1).max(64) });

/** The sandbox sends donors back only to our own portal: a path, never another site (no open redirect). */
const CALLBACK_PATH = /^\/api\/portal\/payments\/[0-9a-f-]{36}\/callback$/;

function newAuthority(): string {
  // Zarinpal's authorities are 'A' and 35 more characters
  let digits = '';
  while (digits.length < 35) digits += crypto.randomInt(0, 10 ** 9).toString().padStart(9, '0');
  return `A${digits.slice(0, 35)}`;
}

export async function sandboxRequest(pool: Pool, raw: unknown): Promise<ZarinpalAnswer> {
  const parsed = requestBody.safeParse(raw);
  if (!parsed.success) return fail(400, -9, 'The input params invalid, validation error.', parsed.error.issues.map((i) => ({ [i.path.join('.')]: i.message })));
  const b = parsed.data;
  if (!CALLBACK_PATH.test(new URL(b.callback_url).pathname)) return fail(400, -9, 'The input params invalid, validation error.', [{ callback_url: 'not this merchant\'s callback' }]);
  const amountRials = BigInt(b.amount) * (b.currency === 'IRT' ? 10n : 1n);
  const authority = newAuthority();
  await pool.query(
    'INSERT INTO sandbox_gateway_payment (authority, merchant_id, amount_rials, callback_url, description) VALUES ($1, $2, $3, $4, $5)',
    [authority, b.merchant_id, amountRials, b.callback_url, b.description],
  );
  return ok({ code: 100, message: 'Success', authority, fee_type: 'Merchant', fee: 0 });
}

export interface SandboxSession {
  authority: string;
  amountRials: bigint;
  description: string;
  status: 'new' | 'paid' | 'cancelled' | 'verified';
  callbackUrl: string;
}

export async function sandboxSession(pool: Pool, authority: string): Promise<SandboxSession | null> {
  const { rows } = await pool.query<{ authority: string; amount_rials: bigint; description: string; status: SandboxSession['status']; callback_url: string }>(
    'SELECT authority, amount_rials, description, status, callback_url FROM sandbox_gateway_payment WHERE authority = $1', [authority]);
  const r = rows[0];
  return r ? { authority: r.authority, amountRials: r.amount_rials, description: r.description, status: r.status, callbackUrl: r.callback_url } : null;
}

/**
 * The donor pressed "pay" or "cancel" on the sandbox page. Returns where the browser goes: the
 * callback path with ?Authority=…&Status=OK|NOK, as Zarinpal does. Pressing again answers the
 * first outcome.
 */
export async function sandboxDecide(pool: Pool, authority: string, action: 'pay' | 'cancel'): Promise<string | null> {
  const { rows } = await pool.query<{ status: SandboxSession['status']; callback_url: string }>(
    `UPDATE sandbox_gateway_payment
        SET status = CASE WHEN $2 = 'pay' THEN 'paid' ELSE 'cancelled' END,
            paid_at = CASE WHEN $2 = 'pay' THEN now() END,
            ref_id = CASE WHEN $2 = 'pay' THEN nextval('sandbox_gateway_ref_seq') END,
            card_pan = CASE WHEN $2 = 'pay' THEN '603799******' || lpad((floor(random() * 10000))::int::text, 4, '0') END
      WHERE authority = $1 AND status = 'new'
      RETURNING status, callback_url`,
    [authority, action],
  );
  const row = rows[0] ?? (await sandboxSession(pool, authority).then((s) => (s ? { status: s.status, callback_url: s.callbackUrl } : undefined)));
  if (!row) return null;
  const status = row.status === 'paid' || row.status === 'verified' ? 'OK' : 'NOK';
  return `${new URL(row.callback_url).pathname}?Authority=${encodeURIComponent(authority)}&Status=${status}`;
}

/**
 * Verify: 100 the first time a paid session is verified for its exact amount, 101 after that. One
 * statement (locks the session, moves paid → verified only when merchant and amount match): of two
 * verifies at once the second waits for the first and then reads "verified".
 */
export async function sandboxVerify(pool: Pool, raw: unknown): Promise<ZarinpalAnswer> {
  const parsed = verifyBody.safeParse(raw);
  if (!parsed.success) return fail(400, -9, 'The input params invalid, validation error.');
  const b = parsed.data;
  const { rows } = await pool.query<{ merchant_id: string; amount_rials: bigint; status: SandboxSession['status']; ref_id: bigint | null; card_pan: string | null; first: boolean }>(
    `WITH s AS (
       SELECT authority, merchant_id, amount_rials, status, ref_id, card_pan FROM sandbox_gateway_payment WHERE authority = $1 FOR UPDATE),
     v AS (
       UPDATE sandbox_gateway_payment p SET status = 'verified', verified_at = now()
         FROM s WHERE p.authority = s.authority AND s.status = 'paid' AND s.merchant_id = $2 AND s.amount_rials = $3::bigint
       RETURNING p.authority)
     SELECT s.merchant_id, s.amount_rials, s.status, s.ref_id, s.card_pan, EXISTS (SELECT 1 FROM v) AS first FROM s`,
    [b.authority, b.merchant_id, BigInt(b.amount).toString()]);
  const r = rows[0];
  if (!r) return fail(404, -54, 'Invalid authority.');
  if (r.merchant_id !== b.merchant_id) return fail(400, -53, 'Session is not this merchant_id session.');
  if (r.amount_rials !== BigInt(b.amount)) return fail(400, -50, 'Session is not valid, amounts values is not the same.');
  if (r.status === 'new' || r.status === 'cancelled') return fail(400, -51, 'Session is not valid, session is not active paid try.');
  return ok({
    code: r.first ? 100 : 101, message: r.first ? 'Paid' : 'Verified', card_hash: crypto.createHash('sha256').update(r.card_pan ?? '').digest('hex').toUpperCase(),
    card_pan: r.card_pan, ref_id: Number(r.ref_id), fee_type: 'Merchant', fee: 0,
  });
}
