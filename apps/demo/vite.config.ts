import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * Emits dist/sw.js from service-worker.js with the list of built files to precache, so the app
 * shell loads offline; the version changes whenever any built file does.
 */
function serviceWorker(): Plugin {
  return {
    name: 'allmende-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => !name.endsWith('.map')).sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8')
        .replace("'__VERSION__'", JSON.stringify(version))
        .replace('= __PRECACHE__;', `= ${JSON.stringify(['/', ...files.map((name) => `/${name}`)])};`);
      if (source.includes('__VERSION__') || source.includes('= __PRECACHE__;')) {
        this.error('service-worker.js: the __VERSION__ or __PRECACHE__ placeholder was not replaced');
      }
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// The relay serves dist/ with an index.html fallback, so deep links such as
// /doc/minutes/2026-11 load the app; `base: '/'` keeps asset URLs absolute
// for them.
export default defineConfig({
  base: '/',
  plugins: [serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
