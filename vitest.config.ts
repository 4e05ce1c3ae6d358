import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

// Unit and integration tests of every workspace; the browser journeys (e2e/) run separately,
// after the web app is built (see scripts/test.mjs).
export default defineConfig({
  test: {
    projects: ['packages/fa/vitest.config.ts', 'server/vitest.config.ts', 'web/vitest.config.ts'].filter((p) => fs.existsSync(p)),
  },
});
