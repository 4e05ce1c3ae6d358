// Regenerates the donor portal's API types (web/src/portal/api/schema.d.ts) from the server's
// OpenAPI document, keeping only the portal's paths:  npx tsx server/src/modules/portal/portal-api-types.ts
// Needs no database: routes are only registered, never called.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../app.ts';
import { loadConfig, repoRoot } from '../../config.ts';
import { createPool } from '../../db/pool.ts';

const pool = createPool('postgres://unused@127.0.0.1:1/unused');
const { app } = await buildApp({ ...loadConfig({}), webDist: '/nonexistent' }, pool, { logger: false });
await app.ready();
const doc = app.swagger() as { paths: Record<string, unknown> };
doc.paths = Object.fromEntries(Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/portal/')));
await app.close();
await pool.end();
const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-api-')), 'openapi.json');
fs.writeFileSync(tmp, JSON.stringify(doc));
const out = path.join(repoRoot, 'web', 'src', 'portal', 'api', 'schema.d.ts');
execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'openapi-typescript'), [tmp, '-o', out], { stdio: 'inherit' });
fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
