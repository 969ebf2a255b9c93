import { defineConfig } from 'vite';

// The relay serves dist/ with an index.html fallback, so deep links such as
// /doc/minutes/2026-11 load the app; `base: '/'` keeps asset URLs absolute
// for them.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
