// Web Worker that runs the Python engine in Pyodide, loaded from the site's own files.
// Messages in: {id, request} where request is the JSON string partnerskap.engine.api.handle takes.
// Messages out: {id, response} (JSON string) or {id, error}.
const assets = new URL("../../", import.meta.url);

async function bootPyodide(manifest) {
  // Pyodide lives in a folder per version, so cached files of an older release are never mixed in.
  const indexURL = new URL(`pyodide/${manifest.pyodide}/`, assets).href;
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  // The engine's own lock file declares only the engine wheel, with its sha256; the stdlib holds
  // only the modules the engine uses, precompiled (named by content, see partnerskap/stdlib.py).
  const lockFileURL = new URL("engine/pyodide-lock.json", assets).href;
  return loadPyodide({ indexURL, stdLibURL: `${indexURL}${manifest.stdlib}`, lockFileURL });
}

async function loadEngine(pyodide) {
  // loadPackage fetches the wheel with the lock file's sha256 as its integrity, so a changed or
  // damaged wheel is refused. It reports failures through errorCallback instead of throwing.
  const problems = [];
  const loaded = await pyodide.loadPackage("partnerskap", {
    errorCallback: (message) => problems.push(message),
  });
  if (!loaded.some((pkg) => pkg.name === "partnerskap"))
    throw new Error(`engine wheel not loaded: ${problems.join(" ") || "unknown error"}`);
}

const engine = (async () => {
  // Revalidated (or, under the service worker, the release it caches): it names this release's engine.
  const manifest = await (await fetch(new URL("engine/manifest.json", assets), { cache: "no-cache" })).json();
  const pyodide = await bootPyodide(manifest);
  await loadEngine(pyodide);
  return pyodide.pyimport("partnerskap.engine.api").handle;
})();

self.onmessage = async (event) => {
  const { id, request } = event.data;
  try {
    const handle = await engine;
    self.postMessage({ id, response: handle(request) });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
};
