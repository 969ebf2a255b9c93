import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.js';

const docSources = fileURLToPath(new URL('../../../packages/doc/src/', import.meta.url));

// The bench pages built from @allmende/doc's sources (packages/doc/src) instead of its dist, without
// minification: for profiling the working tree (doc-editor/profile-typing.ts) without building the packages.
export default mergeConfig(base, defineConfig({
  resolve: { alias: { '@allmende/doc': `${docSources}index.ts` } },
  plugins: [{
    // The package's `sideEffects` names its dist files; its sources define the element as well.
    name: 'doc-sources-have-side-effects',
    enforce: 'pre',
    transform: (code: string, id: string) => (id.startsWith(docSources) ? { code, moduleSideEffects: true } : null),
  }],
  build: { minify: false },
}));
