// The customer space's service worker (issue 14.3): the app shell offline, push notifications shown, a tap opening
// the screen the notification is about. Plain JavaScript served as is from the origin's root (its scope is the whole
// app); no customer data is cached here.
const SHELL = 'abri-shell-v1';

/** The shell: the page and the hashed scripts and styles it names. */
async function cacheShell() {
  const cache = await caches.open(SHELL);
  const page = await fetch('/', { cache: 'no-store' });
  const html = await page.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.put('/', page);
  await cache.addAll([...new Set(['/manifest.webmanifest', '/favicon.svg', '/icons/abri-192.png', ...assets])]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('abri-shell-') && n !== SHELL).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The network first (a new build is picked up at once), the cached shell when offline.
    event.respondWith(
      fetch(request).catch(async () => (await caches.match('/', { cacheName: SHELL })) ?? Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed, so immutable: from the cache when there, kept when fetched.
    event.respondWith(
      caches.open(SHELL).then(async (cache) => {
        const hit = await cache.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      }),
    );
  }
});

// A push from Abri: { title, body, url, tag, cursor }, nothing sensitive (the server chose the words).
self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  const title = typeof message.title === 'string' ? message.title : 'Abri';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof message.body === 'string' ? message.body : 'Du nouveau dans votre espace client.',
      tag: typeof message.tag === 'string' ? message.tag : 'abri',
      icon: '/icons/abri-192.png',
      lang: 'fr',
      data: { url: typeof message.url === 'string' && message.url.startsWith('/') ? message.url : '/' },
    }),
  );
});

/** Opens `path` in an open window of the app (focused), or in a new one. */
async function open(path) {
  const target = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) {
    if (new URL(client.url).origin !== self.location.origin) continue;
    const navigated = client.url === target ? client : await client.navigate(target);
    if (navigated) return navigated.focus();
  }
  return self.clients.openWindow(target);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(open(event.notification.data?.url ?? '/'));
});
