// The demo app's service worker: keeps the app shell so that a document page reloads while the
// relay (which also serves the app) is unreachable; the document itself then comes from the
// IndexedDB cache of @allmende/core. Generated into dist/sw.js by vite.config.ts, which fills in
// the precache list and the version.
/* global __PRECACHE__ -- replaced with the file list at build time */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `allmende-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('allmende-shell-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/healthz') return;
  if (request.mode === 'navigate') {
    // Online, the relay answers (fresh index.html for every route); offline, the cached shell does.
    event.respondWith(fetch(request).catch(async () => (await caches.match('/', { cacheName: CACHE })) ?? Response.error()));
    return;
  }
  // Hashed build assets never change under the same name: the cache is always right for them.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});
