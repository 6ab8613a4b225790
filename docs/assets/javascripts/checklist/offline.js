// Registers the site's service worker (sw.js at the site root: its scope is the whole site, also
// under a sub-path), so a meeting can continue without network after one visit. The engine never
// waits for it: on a first visit the engine worker starts at once and keeps its own downloads in
// the service worker's cache (engine-worker.js); once the engine has answered, the service worker
// is registered and this page asks it to keep the page's own files.
const SERVICE_WORKER = new URL("../../../sw.js", import.meta.url);

let registered = false;

/** Ask the service worker to keep the files this page loaded (those before it took control too). */
function rememberPageFiles(registration) {
  // The page's release (overrides/main.html): the service worker keeps files of its own release only.
  const release = document.querySelector('meta[name="pv-release"]')?.content;
  const send = (worker, urls) => {
    const same = urls.filter((url) => url.startsWith(location.origin));
    if (worker && same.length) worker.postMessage({ type: "remember", release, urls: same });
  };
  const everything = () => [
    location.href,
    ...performance.getEntriesByType("resource").map((entry) => entry.name),
  ];
  let toldWorker = registration.active;
  send(toldWorker, everything());
  new PerformanceObserver((list) =>
    send(
      registration.active,
      list.getEntries().map((entry) => entry.name),
    ),
  ).observe({ type: "resource" });
  // A new release's worker that takes over this page (after a release) keeps them too.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    const worker = navigator.serviceWorker.controller;
    if (worker === toldWorker) return; // a first visit: the worker it told already takes over
    toldWorker = worker;
    send(worker, everything());
  });
}

/** The service worker container, or null where there is none (or site data is blocked). */
function container() {
  // A browser that blocks site data throws on reading navigator.serviceWorker.
  try {
    return "serviceWorker" in navigator ? navigator.serviceWorker : null;
  } catch {
    return null;
  }
}

/** Whether the engine worker must keep its own files: a service worker will serve them on later
 * visits, but does not control this page (a first visit). */
export function engineMustKeepFiles() {
  const workers = container();
  return Boolean(workers) && !workers.controller;
}

/** Register the service worker, once per tab. Called once the engine has answered: on a 2-core PC
 * its start-up and its copying of the page's files would slow the engine's start by a third. */
export function registerServiceWorker() {
  const workers = container();
  if (!workers || registered) return;
  registered = true;
  // Also checks for a new release on every visit (the browser compares sw.js byte by byte).
  workers.register(SERVICE_WORKER).then(
    () => workers.ready.then(rememberPageFiles),
    () => {},
  );
}
