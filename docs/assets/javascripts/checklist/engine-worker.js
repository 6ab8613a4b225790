// Web Worker that runs the Python engine in Pyodide, loaded from the site's own files.
// Messages in: {id, request} where request is the JSON string partnerskap.engine.api.handle takes.
// Messages out: {id, response} (JSON string) or {id, error}.
const assets = new URL("../../", import.meta.url);

async function fetchWheel(manifest) {
  // The hash in the query makes a new engine version bypass the browser cache.
  const response = await fetch(new URL(`engine/${manifest.wheel}?v=${manifest.sha256.slice(0, 16)}`, assets));
  if (!response.ok) throw new Error(`engine wheel: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function bootPyodide(manifest) {
  // Pyodide lives in a folder per version, so cached files of an older release are never mixed in.
  const indexURL = new URL(`pyodide/${manifest.pyodide}/`, assets).href;
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  return loadPyodide({ indexURL });
}

const engine = (async () => {
  // Always revalidated: after KS publishes, the manifest names the new engine at once.
  const manifest = await (await fetch(new URL("engine/manifest.json", assets), { cache: "no-cache" })).json();
  const [pyodide, wheel] = await Promise.all([bootPyodide(manifest), fetchWheel(manifest)]);
  pyodide.unpackArchive(wheel, "wheel");
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
