import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Served by the sync server at `/` (SPA fallback covers /orders/…, /track/…), so the base is absolute.
// The service worker is a second entry, emitted unhashed at /sw.js so its scope is the whole app.
// `pnpm --filter @kitchensync/dashboard dev` proxies the API to a server on :8787.
export default defineConfig({
  root: here('.'),
  base: '/',
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    // React, Replicache and zod make one ~540 kB bundle (160 kB gzipped); splitting buys little here.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: { main: here('./index.html'), sw: here('./src/service-worker/sw.ts') },
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8787', ws: true } },
  },
});
