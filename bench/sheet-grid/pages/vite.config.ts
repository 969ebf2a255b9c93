import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the sheet-grid benchmark's page (the element on a page, as a host app embeds it) for the relay to serve.
// With SHEET_GRID_VARIANT=baseline it builds the same page against an earlier version of the element's source,
// extracted by the benchmark into baseline-src/ (see SHEET_GRID_BASELINE in sheet-grid.bench.ts), under /baseline/.
const root = fileURLToPath(new URL('.', import.meta.url));
const packages = fileURLToPath(new URL('../../../packages/', import.meta.url));
const baseline = process.env['SHEET_GRID_VARIANT'] === 'baseline';

export default defineConfig({
  root,
  base: baseline ? '/baseline/' : '/',
  resolve: {
    dedupe: ['yjs', 'lit', 'y-protocols'],
    alias: baseline
      ? {
          '@allmende/sheet': `${root}baseline-src/index.ts`,
          '@allmende/ui': `${packages}ui/dist/index.js`,
          '@allmende/core': `${packages}core/dist/index.js`,
        }
      : {},
  },
  build: {
    outDir: baseline ? 'dist/baseline' : 'dist',
    emptyOutDir: !baseline,
    target: 'es2022',
    // Readable function names in the CPU profiles of SHEET_GRID_PROFILE=1.
    minify: process.env['SHEET_GRID_PROFILE'] !== '1',
    rollupOptions: { input: { index: `${root}index.html` } },
  },
  logLevel: 'warn',
});
