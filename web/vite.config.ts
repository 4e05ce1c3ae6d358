import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The API server (npm start) listens on 8080; the dev server forwards everything that is not the SPA to it.
const apiTarget = process.env.MOSHAREKAT_API ?? 'http://localhost:8080';
const proxied = ['/api', '/healthz', '/readyz', '/r'];

/**
 * Writes .br and .gz next to every text asset, so a static server that honours precompressed files
 * (@fastify/static `preCompressed: true`) sends ~3× fewer bytes without compressing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'mosharekat-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        (existsSync(dir) ? readdirSync(dir) : []).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        try {
          const content = readFileSync(file);
          if (content.length < 1024) continue;
          writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
          writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        } catch (error) {
          // Another build emptied dist meanwhile: its own closeBundle will compress what it wrote.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // two pages: the back office (index.html) and the donor portal (portal.html, served at /give)
    rolldownOptions: { input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), portal: fileURLToPath(new URL('./portal.html', import.meta.url)) } },
    // exceljs and echarts are lazy chunks; only the entry and its static imports count toward the initial budget.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: apiTarget, changeOrigin: false }])),
  },
});
