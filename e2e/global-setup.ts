// Starts the real server (embedded PostgreSQL in a fresh temp folder, or a fresh database on
// DATABASE_URL's server) on a free port for the browser journeys, and stops it afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** the server's data directory (the SMS sink writes sms-outbox.log there) */
    dataDir: string;
  }
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const READY_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A throwaway database next to the one DATABASE_URL names, so journeys never touch other tests' data. */
async function createFreshDatabase(databaseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `mosharekat_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

function waitUntilReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-4000)}`)), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is ready at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output.slice(-4000)}`));
    });
  });
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(repoRoot, 'web', 'dist', 'index.html'))) {
    const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build -w web failed');
  }

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mosharekat-e2e-'));
  // Run as root, the embedded PostgreSQL drops to the postgres user, which must be able to enter this folder.
  chmodSync(dataDir, 0o755);
  const database = process.env.DATABASE_URL ? await createFreshDatabase(process.env.DATABASE_URL) : null;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), MOSHAREKAT_DATA_DIR: dataDir, LOG_LEVEL: 'info', LOG_REQUESTS: '1' };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  // `npx tsx server/src/main.ts`, minus npx: tsx relays SIGTERM to the server, which then stops its
  // embedded PostgreSQL cleanly (signalling the whole group would make PostgreSQL wait for open clients).
  const tsxCli = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const server = spawn(process.execPath, [tsxCli, 'server/src/main.ts'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let url: string;
  try {
    url = await waitUntilReady(server);
  } catch (error) {
    if (server.pid) process.kill(-server.pid, 'SIGKILL');
    await database?.drop();
    throw error;
  }
  // From here on the server's output goes to a file: a failing journey prints its end.
  const log = createWriteStream(join(dataDir, 'server.log'), { flags: 'a' });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  // The server prints localhost; keep its port but talk to 127.0.0.1 so IPv6 resolution never gets in the way.
  project.provide('baseUrl', url.replace('localhost', '127.0.0.1'));
  project.provide('dataDir', dataDir);

  return async () => {
    if (server.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 20_000))]);
      if (!stopped) process.kill(-server.pid, 'SIGKILL');
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
