import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Relative base: the same build runs from file:// in Electron and at /kitchen/ on the server.
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
  },
});
