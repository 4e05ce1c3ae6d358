// `npm test`: type-checks every workspace, runs the unit and integration tests (against the
// embedded PostgreSQL, or DATABASE_URL when set), builds the web app and runs the browser
// journeys in Chromium. Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mosharekat-test-'));
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, opts = {}) {
  console.log(`\n▶ ${name}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  console.log(`  ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return false;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // a run that found no tests, or failed outside a test (setup, unhandled errors), is a failure
  if (report.numTotalTests === 0 || report.success === false) {
    failures.push(`${path.basename(file, '.json')} run did not succeed (${report.numTotalTests} tests)`);
    if (report.numFailedTests === 0) failed += 1;
  }
  return true;
}

const only = process.argv[2]; // optional: 'unit' | 'e2e'

if (!only || only === 'unit') {
  for (const ws of ['packages/fa', 'server', 'web', 'e2e']) {
    if (fs.existsSync(path.join(root, ws, 'tsconfig.json'))) step(`typecheck ${ws}`, 'npx', ['tsc', '-p', ws]);
  }
  const out = path.join(tmp, 'unit.json');
  step('unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!countVitest(out)) failed += 1;
}

if ((!only || only === 'e2e') && fs.existsSync(path.join(root, 'e2e', 'vitest.config.ts'))) {
  if (step('build the web app', 'npm', ['run', 'build', '-w', 'web'])) {
    const out = path.join(tmp, 'e2e.json');
    step('browser journeys (Chromium)', 'npx', ['vitest', 'run', '--root', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
    if (!countVitest(out)) failed += 1;
  } else {
    failed += 1;
  }
}

if (failures.length) console.log(`\nfailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
