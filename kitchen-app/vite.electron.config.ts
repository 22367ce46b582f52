import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Main and preload as single CommonJS files, built one at a time (`--mode main|preload`):
// a sandboxed preload can require nothing but 'electron', so it may not share chunks.
export default defineConfig(({ mode }) => {
  const entry = mode === 'preload' ? 'preload' : 'main';
  return {
    build: {
      ssr: true,
      outDir: here('./dist/electron'),
      emptyOutDir: false,
      target: 'node20',
      rollupOptions: {
        input: { [entry]: here(`./src/${entry}/index.ts`) },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
    ssr: { noExternal: true, external: ['electron'] },
  };
});
