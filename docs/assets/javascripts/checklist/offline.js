// Registers the site's service worker (sw.js at the site root: its scope is the whole site, also
// under a sub-path) and tells when it controls this page. The engine waits for that on a first
// visit, so Pyodide's files go through the service worker and are kept for the next visit and for
// use without network.
const SERVICE_WORKER = new URL("../../../sw.js", import.meta.url);
const MAX_WAIT_MS = 3000; // a service worker that is slow to start must not hold the engine back

let control = null;

/** Ask the service worker to keep the files this page loaded (those before it took control too). */
function rememberPageFiles(registration) {
  // The page's release (overrides/main.html): the service worker keeps files of its own release only.
  const release = document.querySelector('meta[name="pv-release"]')?.content;
  const send = (urls) => {
    const same = urls.filter((url) => url.startsWith(location.origin));
    if (same.length && registration.active)
      registration.active.postMessage({ type: "remember", release, urls: same });
  };
  send([location.href]);
  new PerformanceObserver((list) => send(list.getEntries().map((entry) => entry.name))).observe({
    type: "resource",
    buffered: true,
  });
}

/** Resolves to true once a service worker controls this page, false if none will (or not in time). */
export function serviceWorkerControl() {
  if (control) return control;
  if (!("serviceWorker" in navigator)) return (control = Promise.resolve(false));
  control = new Promise((resolve) => {
    // A browser that blocks site data throws on reading navigator.serviceWorker: then the engine
    // simply starts without one.
    let container;
    try {
      container = navigator.serviceWorker;
    } catch {
      resolve(false);
      return;
    }
    if (container.controller) resolve(true);
    container.addEventListener("controllerchange", () => resolve(true), { once: true });
    setTimeout(() => resolve(Boolean(container.controller)), MAX_WAIT_MS);
    // Also checks for a new release on every visit (the browser compares sw.js byte by byte).
    container.register(SERVICE_WORKER).catch(() => resolve(false));
    container.ready.then(rememberPageFiles);
  });
  return control;
}
