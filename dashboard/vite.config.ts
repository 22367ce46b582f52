import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Served by the sync server at `/` (SPA fallback covers /orders/…, /track/…), so the base is absolute.
// `pnpm --filter @kitchensync/dashboard dev` proxies the API to a server on :8787.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8787', ws: true } },
  },
});
