import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, whatever the working directory of the process. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  port: number;
  host: string;
  /** An external PostgreSQL; when absent the app starts its own embedded server. */
  databaseUrl: string | null;
  dataDir: string;
  /** Load the demo organization users and data (the default for `npm start`). */
  demo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Secure cookies need HTTPS; on by default in production behind TLS. */
  secureCookies: boolean;
  webDist: string;
  logLevel: string;
  /** MOSHAREKAT_DATA_KEY: base64 of the 32-byte key encrypting personal data (lib/crypto-keys.ts); unset: `<dataDir>/keys/data.key`. */
  dataKey: string | null;
  /** MOSHAREKAT_JOBS=0: this node runs no background jobs (imports); another node does. */
  runJobs: boolean;
  /** GATEWAY: 'sandbox' (built-in, speaks Zarinpal v4; default in demo mode) or 'zarinpal' (default otherwise). */
  gateway: 'sandbox' | 'zarinpal';
  /** ZARINPAL_MERCHANT_ID: the 36-character merchant id (needed with GATEWAY=zarinpal). */
  zarinpalMerchantId: string | null;
  /** SMS: 'sink' (append to <dataDir>/sms-outbox.log and print; default) or 'kavenegar'. */
  sms: 'sink' | 'kavenegar';
  /** KAVENEGAR_API_KEY (never logged) and KAVENEGAR_SENDER (line number, optional). */
  kavenegarApiKey: string | null;
  kavenegarSender: string | null;
  /** USSD_HMAC_SECRET: shared secret of the USSD aggregator's signed callbacks; unset: the webhook refuses all. */
  ussdHmacSecret: string | null;
  /** PUBLIC_URL: the address donors reach the app at (gateway callback, links in SMS); unset: taken from the request. */
  publicUrl: string | null;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv('PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.MOSHAREKAT_DATA_DIR ?? path.join(repoRoot, 'data')),
    demo: (env.MOSHAREKAT_DEMO ?? '1') !== '0',
    sessionIdleMinutes: intFromEnv('SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intFromEnv('SESSION_ABSOLUTE_HOURS', 12),
    secureCookies: env.SECURE_COOKIES === '1',
    webDist: path.join(repoRoot, 'web', 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    dataKey: env.MOSHAREKAT_DATA_KEY || null,
    runJobs: (env.MOSHAREKAT_JOBS ?? '1') !== '0',
    gateway: oneOf('GATEWAY', env.GATEWAY, ['sandbox', 'zarinpal'] as const, (env.MOSHAREKAT_DEMO ?? '1') !== '0' ? 'sandbox' : 'zarinpal'),
    zarinpalMerchantId: env.ZARINPAL_MERCHANT_ID || null,
    sms: oneOf('SMS', env.SMS, ['sink', 'kavenegar'] as const, 'sink'),
    kavenegarApiKey: env.KAVENEGAR_API_KEY || null,
    kavenegarSender: env.KAVENEGAR_SENDER || null,
    ussdHmacSecret: env.USSD_HMAC_SECRET || null,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
  };
}
