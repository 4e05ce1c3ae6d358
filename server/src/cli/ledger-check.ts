// `npm run ledger:check`: runs the ledger invariants (SQL that must return no rows) and prints any
// rows that break them. Exit code 0 when all hold.
import { loadConfig } from '../config.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { createPool } from '../db/pool.ts';
import { ledgerInvariants, runLedgerCheck } from '../modules/ledger/ledger-check.ts';

const config = loadConfig();
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
const pool = createPool(config.databaseUrl ?? embedded!.url, { max: 2 });
let ok = false;
try {
  const failures = await runLedgerCheck(pool);
  ok = failures.length === 0;
  for (const inv of ledgerInvariants) {
    const f = failures.find((x) => x.name === inv.name);
    console.log(`${f ? '✗' : '✓'} ${inv.name}`);
    if (f) console.log(JSON.stringify(f.rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2));
  }
  console.log(ok ? 'ledger check: all invariants hold' : `ledger check: ${failures.length} invariant(s) broken`);
} finally {
  await pool.end();
  if (embedded) await embedded.stop();
}
process.exit(ok ? 0 : 1);
