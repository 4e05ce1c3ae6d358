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
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
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
  };
}
