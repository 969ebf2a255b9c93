import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const SW_FILE = 'sw.js';

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * Writes dist/sw.js from service-worker.js with the list of built files to precache, so the app
 * shell loads offline. It runs once everything is written, so the list is what dist/ really holds
 * (index.html and copied public files included), and the version is a hash of those files' names
 * and contents: it changes whenever any of them does.
 */
function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'allmende-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(options) {
        const dir = options.dir ? resolve(options.dir) : outDir;
        const files = listFiles(dir).filter((name) => !name.endsWith('.map') && name !== SW_FILE);
        if (!files.includes('index.html')) this.error(`service worker: ${dir} has no index.html to precache`);
        const hash = createHash('sha256');
        for (const name of files) {
          // Length-prefixed so that no two different file sets hash alike.
          const content = readFileSync(join(dir, name));
          hash.update(`${name}\0${content.length}\0`).update(content);
        }
        const version = hash.digest('hex').slice(0, 12);
        // The navigation fallback asks the cache for '/', so index.html is stored under that URL.
        const precache = files.map((name) => (name === 'index.html' ? '/' : `/${name}`));
        const source = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8')
          .replace("'__VERSION__'", JSON.stringify(version))
          .replace('= __PRECACHE__;', `= ${JSON.stringify(precache)};`);
        if (source.includes('__VERSION__') || source.includes('__PRECACHE__;')) {
          this.error('service-worker.js: the __VERSION__ or __PRECACHE__ placeholder was not replaced');
        }
        writeFileSync(join(dir, SW_FILE), source);
      },
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
