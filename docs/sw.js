// Service worker of Partnerskapsverktøyet, at the site root so its scope is the whole site (also
// under a sub-path). Registered from checklist pages only (assets/javascripts/checklist/offline.js).
// The build (hooks/pyodide_runtime.py) puts `const RELEASE = {id, engine: [paths]}` above this
// code: the engine's files of this release, relative to the site root.
// - The engine's files (the versioned Pyodide folder, the stdlib named by content, the engine wheel
//   checked by its sha256, its lock file and manifest): cache first, in a cache named after the
//   release, so a repeat visit loads nothing and a new release gets a new cache (old ones deleted).
// - Everything else (pages, definitions, scripts): network first, the cached copy when offline,
//   so a meeting can continue without network after one visit.
/* global RELEASE */
const SCOPE = self.registration.scope;
const PREFIX = `partnerskap:${SCOPE}:`;
const ENGINE_CACHE = `${PREFIX}engine:${RELEASE.id}`;
const PAGES_CACHE = `${PREFIX}pages`;
const ENGINE_FILES = new Set(RELEASE.engine.map((path) => new URL(path, SCOPE).href));

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && name !== ENGINE_CACHE && name !== PAGES_CACHE)
          await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function cacheFirst(request, key) {
  const cache = await caches.open(ENGINE_CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  // None of the engine's files is a web page: an HTML answer (a proxy's login page, an error page
  // sent with 200) is passed on for the page to report, never kept for later visits.
  const type = response.headers.get("Content-Type") || "";
  if (response.ok && !type.startsWith("text/html")) await cache.put(key, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

// The page sends the files it loaded before this worker controlled it (its HTML, scripts, styles,
// the checklist definition), so a first visit is enough to continue offline.
async function rememberFiles(urls) {
  const cache = await caches.open(PAGES_CACHE);
  for (const href of urls) {
    const url = new URL(href);
    url.hash = "";
    const bare = new URL(url);
    bare.search = "";
    if (!url.href.startsWith(SCOPE) || ENGINE_FILES.has(bare.href)) continue;
    if (await cache.match(url.href, { ignoreVary: true })) continue;
    try {
      await cache.add(url.href);
    } catch {
      // Offline or gone: the next visit caches it.
    }
  }
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "remember" && Array.isArray(event.data.urls))
    event.waitUntil(rememberFiles(event.data.urls));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(SCOPE) || request.headers.has("range")) return;
  url.search = "";
  if (ENGINE_FILES.has(url.href)) event.respondWith(cacheFirst(request, url.href));
  else event.respondWith(networkFirst(request));
});
