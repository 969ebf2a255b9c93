import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the doc-editor benchmark's pages (the element, a plain prosemirror-view, a bare contenteditable) for the relay to serve.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  resolve: { dedupe: ['yjs', 'lit', 'y-protocols', 'prosemirror-model', 'prosemirror-state', 'prosemirror-view', 'prosemirror-transform'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { ours: `${root}ours.html`, plain: `${root}plain.html`, floor: `${root}floor.html` } },
  },
  logLevel: 'warn',
});
