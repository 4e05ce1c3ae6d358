// Sums the gzip size of the JavaScript a first visit downloads: the entry script in dist/index.html
// and, recursively, every chunk it imports statically (lazy import() chunks are not counted).
// Usage: node scripts/initial-js-size.mjs [budgetKB]   (exit code 1 when over budget)
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);

const seen = new Map();
function visit(url) {
  const path = url.replace(/^\//, '');
  if (seen.has(path)) return;
  const code = readFileSync(join(dist, path));
  seen.set(path, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
  // Static imports only: `import … from "./x.js"` and bare `import "./x.js"`, not `import("./x.js")`.
  const text = code.toString('utf8');
  for (const m of text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    visit(posix.join(posix.dirname(path), m[1]));
  }
}
for (const url of [...entries, ...preloads]) visit(url);

let raw = 0;
let gzip = 0;
for (const [path, size] of seen) {
  raw += size.raw;
  gzip += size.gzip;
  console.log(`${path.padEnd(48)} ${(size.raw / 1024).toFixed(1).padStart(8)} KB  gzip ${(size.gzip / 1024).toFixed(1).padStart(7)} KB`);
}
console.log(`initial JS: ${seen.size} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`);
const budget = Number(process.argv[2] ?? 500);
if (gzip / 1024 > budget) {
  console.error(`over the ${budget} KB gzip budget`);
  process.exit(1);
}
