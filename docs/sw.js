// Service worker of Partnerskapsverktøyet, at the site root so its scope is the whole site (also
// under a sub-path). Registered from checklist pages only (assets/javascripts/checklist/offline.js).
// The build (hooks/pyodide_runtime.py) puts `const RELEASE = {id, engine: [paths], static: {id,
// files: [paths]}}` above this code: this release's files, relative to the site root.
// - The engine's files (the versioned Pyodide folder, the stdlib named by content, the engine wheel
//   checked by its sha256, its lock file and manifest): cache first, in a cache named after the
//   engine's release, so a repeat visit loads nothing and a new engine gets a new cache. On a first
//   visit the engine starts before this worker controls the page: the engine worker then keeps its
//   own downloads in this cache (engine-worker.js, same name: the manifest's "cache").
// - The static files (scripts, styles, images, checklist definitions): cache first too, in a cache
//   named after their content and the engine's release. Each page names its release (<meta
//   name="pv-release">): a page from the network of another release means the server has a new
//   one, so this worker empties its static cache and the engine files not named by version, and
//   sends the page's files from the network until its successor (being installed) takes over.
// - Pages and everything else: network first, the cached copy when offline, so a meeting can
//   continue without network after one visit.
// A new release changes this file, so the browser installs the new worker, which deletes the old
// release's caches.
/* global RELEASE */
const SCOPE = self.registration.scope;
const PREFIX = `partnerskap:${SCOPE}:`;
const ENGINE_CACHE = `${PREFIX}${RELEASE.engineCache}`;
const STATIC_CACHE = `${PREFIX}static:${RELEASE.static.id}`;
const PAGES_CACHE = `${PREFIX}pages`;
const ENGINE_FILES = new Set(RELEASE.engine.map((path) => new URL(path, SCOPE).href));
const STATIC_FILES = new Set(RELEASE.static.files.map((path) => new URL(path, SCOPE).href));
// Named by Pyodide's version: the same URL is the same file in every release.
const VERSIONED = new URL("assets/pyodide/", SCOPE).href;
const RELEASE_META = /<meta name="pv-release" content="([^"]*)"/;
// Set once a page of another release came from the server: this worker is outdated.
let outdated = false;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([ENGINE_CACHE, STATIC_CACHE, PAGES_CACHE]);
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
      // Pages are network first: their request starts while this worker starts, not after.
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

/** An answer worth keeping for a file that is no web page. */
function keepable(response) {
  // An HTML answer (a proxy's login page, an error page sent with 200) is passed on for the page
  // to report, never kept for later visits.
  const type = response.headers.get("Content-Type") || "";
  return response.ok && response.type === "basic" && !type.startsWith("text/html");
}

async function cacheFirst(event, key, cacheName) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(event.request);
  // Kept while the response streams on: the wasm compiles as it downloads.
  if (keepable(response)) event.waitUntil(cache.put(key, response.clone()));
  return response;
}

async function networkFirst(event, navigation = false) {
  const { request } = event;
  let response;
  try {
    // A page: the browser started its request while this worker was starting (navigation preload).
    response = (navigation && (await event.preloadResponse)) || (await fetch(request));
  } catch (error) {
    // Offline: the kept copy (a page of an older release too: better than none).
    const cached =
      (await caches.match(request, { cacheName: PAGES_CACHE, ignoreVary: true })) ||
      (await caches.match(request.url, { cacheName: STATIC_CACHE, ignoreSearch: true }));
    if (cached) return cached;
    throw error;
  }
  if (navigation) await checkRelease(response);
  if (response.ok && response.type === "basic") {
    // Kept while the page streams on.
    const copy = response.clone();
    event.waitUntil(caches.open(PAGES_CACHE).then((cache) => cache.put(request, copy)));
  }
  return response;
}

/** A page from the server of another release: stop serving this release's files. */
async function checkRelease(response) {
  if (outdated || !(response.headers.get("Content-Type") || "").startsWith("text/html")) return;
  const match = RELEASE_META.exec(await response.clone().text());
  if (!match || match[1] === RELEASE.static.id) return;
  outdated = true;
  await caches.delete(STATIC_CACHE);
  const engine = await caches.open(ENGINE_CACHE);
  for (const request of await engine.keys())
    if (!request.url.startsWith(VERSIONED)) await engine.delete(request);
  self.registration.update().catch(() => {});
}

function isFile(href) {
  const url = new URL(href);
  url.hash = "";
  url.search = "";
  return url.href;
}

// The page sends the files it loaded before this worker controlled it (its HTML, scripts, styles,
// the checklist definition), so a first visit is enough to continue offline. Only from a page of
// this release: a newer page's files must not land in this release's cache.
async function rememberFiles(urls) {
  const pages = await caches.open(PAGES_CACHE);
  const statics = await caches.open(STATIC_CACHE);
  for (const href of urls) {
    const url = new URL(href);
    url.hash = "";
    const file = isFile(url.href);
    if (!url.href.startsWith(SCOPE) || ENGINE_FILES.has(file)) continue;
    const [cache, key] = STATIC_FILES.has(file) ? [statics, file] : [pages, url.href];
    if (await cache.match(key, { ignoreVary: true })) continue;
    try {
      // This page just loaded it: the browser's HTTP cache has it, unless it was too large to keep.
      const response = await fetch(url.href, { cache: "force-cache" });
      if (response.ok && (cache === pages || keepable(response))) await cache.put(key, response);
    } catch {
      // Offline or gone: the next visit caches it.
    }
  }
}

self.addEventListener("message", (event) => {
  const data = event.data;
  const ownRelease = data && data.release === RELEASE.static.id && !outdated;
  if (ownRelease && data.type === "remember" && Array.isArray(data.urls))
    event.waitUntil(rememberFiles(data.urls));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(SCOPE) || request.headers.has("range")) return;
  const file = isFile(url.href);
  if (request.mode === "navigate") event.respondWith(networkFirst(event, true));
  else if (ENGINE_FILES.has(file) && (!outdated || file.startsWith(VERSIONED)))
    event.respondWith(cacheFirst(event, file, ENGINE_CACHE));
  else if (STATIC_FILES.has(file) && !outdated) event.respondWith(cacheFirst(event, file, STATIC_CACHE));
  else event.respondWith(networkFirst(event));
});
