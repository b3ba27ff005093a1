// The quick log's service worker (ADR 0021). It keeps the quick log's shell, its scripts, the icons and the rules
// (WebAssembly) so that /log opens with no connection, and sends waiting cramps when the browser says the network is back
// (Background Sync). It never answers or stores anything else: not /api/, not the live pages, nothing with her data.
import { sendWaiting } from '/log/sync.js';

const VERSION = '__VERSION__';
const CACHE = `lcc-log-${VERSION}`;
// The rules' WebAssembly files, filled in by the server from its static assets.
const ENGINE = [/*__ENGINE_FILES__*/];
const SHELL = [
  '/log', '/log/log.css', '/log/log.js', '/log/store.js', '/log/sync.js', '/log/signout.js', '/log/rules-worker.js', '/engine/main.js',
  '/manifest.webmanifest', '/favicon.png', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png',
];

/** What this worker may keep: the shell and its files, the rules' files, the icons. Nothing else, ever. */
function kept(url) {
  return url.origin === self.location.origin
    && (url.pathname === '/log' || url.pathname.startsWith('/log/') || url.pathname.startsWith('/engine/')
      || url.pathname.startsWith('/icons/') || url.pathname === '/manifest.webmanifest' || url.pathname === '/favicon.png');
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...SHELL, ...ENGINE])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('lcc-log-') && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !kept(url)) {
    return; // the network, untouched
  }

  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = url.pathname === '/log' ? '/log' : request;
    const cached = await cache.match(key, { ignoreSearch: url.pathname === '/log' });
    const fresh = fetch(request).then(async (response) => {
      if (response.ok && response.type === 'basic') {
        await cache.put(key, response.clone());
      }
      return response;
    });
    if (cached) {
      // The shell is refreshed in the background; the rules' files are fingerprinted and kept as they are.
      if (url.pathname === '/log' || url.pathname.startsWith('/log/')) event.waitUntil(fresh.catch(() => {}));
      return cached;
    }
    return fresh;
  })());
});

/** The account the browser is signed in to now: only its waiting cramps are sent, never another's. */
async function signedInAccount() {
  const response = await fetch('/api/v1/me/offline-kit', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? (await response.json()).accountKey : null;
}

self.addEventListener('sync', (event) => {
  if (event.tag === 'lcc-send') {
    event.waitUntil(signedInAccount().then((account) => (account ? sendWaiting(account) : null)).then((outcome) => {
      if (outcome?.stopped && !outcome.signedOut) {
        throw new Error('Not all sent yet: the browser tries again later.');
      }
    }));
  }
});
