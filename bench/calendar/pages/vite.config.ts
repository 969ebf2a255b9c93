import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the calendar-view benchmark's page (the element on a page, as a host app embeds it).
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  resolve: { dedupe: ['yjs', 'lit', 'y-protocols'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // CALENDAR_PAGE_MINIFY=0 keeps function names readable in profiles (profile-switch.ts).
    minify: process.env['CALENDAR_PAGE_MINIFY'] !== '0',
    rollupOptions: { input: { index: `${root}index.html` } },
  },
  logLevel: 'warn',
});
