import { loadConfig } from './config.ts';
import { demoPassword, demoUsers } from './seed/load-demo.ts';
import { startServer } from './server.ts';

const t0 = performance.now();
const config = loadConfig();
const server = await startServer(config, (m) => console.log(`  ${m}`));
const seconds = ((performance.now() - t0) / 1000).toFixed(1);

console.log(`\nMosharekat is ready at ${server.url}  (started in ${seconds} s)`);
console.log(`API documentation: ${server.url}/api/docs`);
if (config.demo) {
  console.log(`\nDemo sign-ins (password for all: ${demoPassword}):`);
  for (const u of demoUsers) console.log(`  ${u.username.padEnd(16)} ${u.description}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    server.stop().then(() => process.exit(0), (err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  });
}
