import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the element harness page that e2e/tests/element.spec.ts loads through a relay.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { dedupe: ['yjs', 'lit', 'y-protocols'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  logLevel: 'warn',
});
