// `npm run audit:verify`: seals pending audit rows, walks the hash chain and names the first row
// that does not match. Exit code 0 when the chain is intact, 1 when not.
import { loadConfig } from '../config.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { createPool } from '../db/pool.ts';
import { verifyAuditChain } from '../modules/audit/verify-audit-chain.ts';

const config = loadConfig();
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
const pool = createPool(config.databaseUrl ?? embedded!.url, { max: 2 });
let ok = false;
try {
  const report = await verifyAuditChain(pool);
  ok = report.ok;
  if (report.ok) {
    console.log(`audit chain intact: ${report.checked} rows checked`);
  } else {
    console.error(`audit chain BROKEN at row ${report.firstBadId} (${report.reason}); ${report.checked} rows before it are intact`);
  }
} finally {
  await pool.end();
  if (embedded) await embedded.stop();
}
// explicit: an exit code set on process.exitCode can be lost under wrappers (npx → tsx)
process.exit(ok ? 0 : 1);
