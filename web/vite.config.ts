import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server (npm start) listens on 8080; the dev server forwards everything that is not the SPA to it.
const apiTarget = process.env.MOSHAREKAT_API ?? 'http://localhost:8080';
const proxied = ['/api', '/healthz', '/readyz', '/r'];

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // exceljs and echarts are lazy chunks; only the entry counts toward the initial budget.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: apiTarget, changeOrigin: false }])),
  },
});
