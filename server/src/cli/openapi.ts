// Writes the OpenAPI document to server/openapi.json (the web app generates its client from it).
// Needs no database: routes are only registered, never called.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app.ts';
import { loadConfig, repoRoot } from '../config.ts';
import { createPool } from '../db/pool.ts';

const pool = createPool('postgres://unused@127.0.0.1:1/unused');
const { app } = await buildApp({ ...loadConfig({}), webDist: '/nonexistent' }, pool, { logger: false });
await app.ready();
const out = path.join(repoRoot, 'server', 'openapi.json');
fs.writeFileSync(out, JSON.stringify(app.swagger(), null, 2) + '\n');
await app.close();
await pool.end();
console.log(`wrote ${path.relative(process.cwd(), out)}`);
