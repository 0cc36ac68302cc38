// Simpul's service worker: after one visit the app loads and works with no network.
// scripts/offline.mjs fills in VERSION and FILES for each build. Every file of a
// build is cached together under one name, so a page is always served whole from
// one version; a new build installs beside the old one and, once complete, takes
// over and deletes it. Maps never pass through here: they live in localStorage.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `simpul-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('simpul-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Any page of the app (with ?lang=… or a #m= share link) is the one index.html.
  // `caches.match` with a name, not `caches.open`: a worker being replaced must not
  // recreate the cache its successor just deleted.
  const cached = request.mode === 'navigate'
    ? caches.match('./index.html', { cacheName: CACHE })
    : caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  event.respondWith(cached.then((response) => response ?? fetch(request)));
});
