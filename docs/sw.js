// Service worker of Partnerskapsverktøyet, at the site root so its scope is the whole site (also
// under a sub-path). Registered from checklist pages only (assets/javascripts/checklist/offline.js).
// The build (hooks/pyodide_runtime.py) puts `const RELEASE = {id, engine: [paths], static: {id,
// files: [paths]}}` above this code: this release's files, relative to the site root.
// - The engine's files (the versioned Pyodide folder, the stdlib named by content, the engine wheel
//   checked by its sha256, its lock file and manifest): cache first, in a cache named after the
//   engine's release, so a repeat visit loads nothing and a new engine gets a new cache.
// - The static files (scripts, styles, images, checklist definitions): cache first too, in a cache
//   named after their content, but only for a page of this same release: each page names its
//   release (<meta name="pv-release">), and a page of a newer release (sent before the browser
//   has this worker's successor) gets them from the network, never mixed with older ones.
// - Pages and everything else: network first, the cached copy when offline, so a meeting can
//   continue without network after one visit.
// A new release changes this file, so the browser installs the new worker, which deletes the old
// release's caches.
/* global RELEASE */
const SCOPE = self.registration.scope;
const PREFIX = `partnerskap:${SCOPE}:`;
const ENGINE_CACHE = `${PREFIX}engine:${RELEASE.id}`;
const STATIC_CACHE = `${PREFIX}static:${RELEASE.static.id}`;
const PAGES_CACHE = `${PREFIX}pages`;
const ENGINE_FILES = new Set(RELEASE.engine.map((path) => new URL(path, SCOPE).href));
const STATIC_FILES = new Set(RELEASE.static.files.map((path) => new URL(path, SCOPE).href));
// Named by Pyodide's version: the same URL is the same file in every release.
const VERSIONED = new URL("assets/pyodide/", SCOPE).href;
const RELEASE_META = /<meta name="pv-release" content="([^"]*)"/;
// Pages (by client id) whose HTML is of another release than this worker's.
const otherRelease = new Set();

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([ENGINE_CACHE, STATIC_CACHE, PAGES_CACHE]);
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
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

async function cacheFirst(request, key, cacheName) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  if (keepable(response)) await cache.put(key, response.clone());
  return response;
}

async function networkFirst(request, clientId = null) {
  const cache = await caches.open(PAGES_CACHE);
  let response;
  try {
    response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  } catch (error) {
    response =
      (await cache.match(request, { ignoreVary: true })) ||
      (await caches.match(request.url, { cacheName: STATIC_CACHE, ignoreSearch: true }));
    if (!response) throw error;
  }
  if (clientId !== null) await noteRelease(response, clientId);
  return response;
}

/** Remember a page whose HTML is of another release, and look for that release's worker. */
async function noteRelease(response, clientId) {
  if (!(response.headers.get("Content-Type") || "").startsWith("text/html")) return;
  const match = RELEASE_META.exec(await response.clone().text());
  if (!match || match[1] === RELEASE.static.id) return;
  otherRelease.add(clientId);
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
      const response = await fetch(url.href);
      if (response.ok && (cache === pages || keepable(response))) await cache.put(key, response);
    } catch {
      // Offline or gone: the next visit caches it.
    }
  }
}

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "remember" && data.release === RELEASE.static.id && Array.isArray(data.urls))
    event.waitUntil(rememberFiles(data.urls));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(SCOPE) || request.headers.has("range")) return;
  const file = isFile(url.href);
  const ownRelease = !otherRelease.has(event.clientId);
  if (request.mode === "navigate") event.respondWith(networkFirst(request, event.resultingClientId));
  else if (ENGINE_FILES.has(file) && (ownRelease || file.startsWith(VERSIONED)))
    event.respondWith(cacheFirst(request, file, ENGINE_CACHE));
  else if (STATIC_FILES.has(file) && ownRelease) event.respondWith(cacheFirst(request, file, STATIC_CACHE));
  else event.respondWith(networkFirst(request));
});
