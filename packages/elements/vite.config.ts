import { defineConfig } from 'vite';

// One ES module with every dependency inside (Lit, Yjs, ProseMirror, the engines), for pages
// without a build step: <script type="module" src=".../allmende.js">. One bundle for all three
// elements, so the page holds one copy of Yjs, as Yjs requires.
export default defineConfig({
  build: {
    outDir: 'dist/browser',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: 'oxc',
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'allmende.js',
    },
  },
});
