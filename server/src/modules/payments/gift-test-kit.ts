// Helpers for the online-giving tests: an app on this file's database with a USSD secret and an
// in-memory SMS sender, and the donor's side of the gateway protocol (start, pay, come back).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, expect } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig, type Config } from '../../config.ts';
import { testDb, type TestDb } from '../../testing/test-db.ts';
import { setSmsSender } from '../sms/sms-of.ts';
import { MemorySmsSender } from '../sms/sms-sender.ts';

export const TEST_USSD_SECRET = 'test-ussd-secret-0123456789';

export interface GiftTestApp {
  app: FastifyInstance;
  db: TestDb;
  sms: MemorySmsSender;
}

let current: Promise<GiftTestApp> | null = null;

export function giftTestApp(overrides: Partial<Config> = {}): Promise<GiftTestApp> {
  current ??= (async () => {
    const db = await testDb();
    const config: Config = { ...loadConfig({}), logLevel: 'silent', webDist: '/nonexistent', ussdHmacSecret: TEST_USSD_SECRET, ...overrides };
    const { app } = await buildApp(config, db.pool, { logger: false });
    await app.ready();
    const sms = new MemorySmsSender();
    setSmsSender(app, sms);
    afterAll(() => app.close());
    return { app, db, sms };
  })();
  return current;
}

export async function unitId(db: TestDb, code: string): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM org_unit WHERE code = $1', [code]);
  return rows[0]!.id;
}

let ipSeq = 1;
/** A fresh address per gift, so the per-address limit never gets in the way of unrelated tests. */
export const nextIp = () => `10.77.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

export interface StartedGift {
  paymentId: string;
  authority: string;
  redirectUrl: string;
}

export async function startGift(app: FastifyInstance, body: Record<string, unknown>, ip = nextIp()): Promise<StartedGift> {
  const res = await app.inject({ method: 'POST', url: '/api/portal/payments', payload: body, remoteAddress: ip });
  expect(res.statusCode, res.body).toBe(201);
  const { paymentId, redirectUrl } = res.json() as { paymentId: string; redirectUrl: string };
  const authority = redirectUrl.split('/').pop()!;
  return { paymentId, authority, redirectUrl };
}

/** The donor presses a button on the sandbox's page; answers the callback the browser is sent to. */
export async function decideAtGateway(app: FastifyInstance, authority: string, action: 'pay' | 'cancel'): Promise<string> {
  const res = await app.inject({
    method: 'POST', url: `/sandbox-gateway/pg/StartPay/${authority}`, payload: `action=${action}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.statusCode, res.body).toBe(303);
  return res.headers.location as string;
}

/** The browser follows the gateway's redirect to our callback. */
export function deliver(app: FastifyInstance, callback: string, ip = '203.0.113.9'): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: callback, remoteAddress: ip });
}

/** Contributions recorded for a gateway authority: the number that must be 0 or 1. */
export async function creditsOf(db: TestDb, channel: 'gateway' | 'ussd', ref: string): Promise<{ id: string; amount_rials: bigint; unit_id: string; fund_id: string }[]> {
  const { rows } = await db.pool.query<{ id: string; amount_rials: bigint; unit_id: string; fund_id: string }>(
    'SELECT id, amount_rials, unit_id, fund_id FROM contribution WHERE channel = $1 AND channel_ref = $2', [channel, ref]);
  return rows;
}

export async function paymentStatus(db: TestDb, paymentId: string): Promise<string> {
  const { rows } = await db.pool.query<{ status: string }>('SELECT status FROM payment WHERE id = $1', [paymentId]);
  return rows[0]!.status;
}

export async function auditActions(db: TestDb, entityId: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id', [entityId]);
  return rows.map((r) => r.action);
}
