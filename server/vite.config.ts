import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The production build of the server: plain JavaScript for `node dist/main.js` (no TypeScript
 * loader at run time). npm dependencies stay imports from node_modules; our workspace packages
 * (shared) are bundled in. The SQL migrations are read at run time, so they are copied beside.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { main: here('./src/main.ts'), cli: here('./src/cli.ts') },
      // Chunks sit beside main.js, so `new URL('./migrations/', import.meta.url)` finds the copied SQL.
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  plugins: [
    {
      name: 'kitchensync-copy-migrations',
      writeBundle() {
        cpSync(here('./src/db/migrations'), here('./dist/migrations'), { recursive: true });
      },
    },
  ],
});
