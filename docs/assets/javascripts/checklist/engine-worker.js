// Web Worker that runs the Python engine in Pyodide, loaded from the site's own files.
// Messages in: {id, request} where request is the JSON string partnerskap.engine.api.respond takes.
// Messages out: {id, response} (JSON string) with, for an export, data: its bytes as a Uint8Array
// (transferred, not copied); or {id, error}; and, while starting, {status: "download", loaded, total}
// and {status: "failed", error}.
const assets = new URL("../../", import.meta.url);
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"
// The engine's files: the versioned Pyodide folder and the engine folder (wheels, lock, manifest).
const ENGINE_FOLDERS = [new URL("pyodide/", assets).href, new URL("engine/", assets).href];
// Pyodide's own modules, loaded by import() (which no fetch wrapper sees).
const IMPORTED = ["pyodide.mjs", "pyodide.asm.mjs"];

// On a first visit this worker starts before the service worker controls the page, so its
// downloads do not pass through it: it keeps them itself in the service worker's engine cache
// (sw.js, named by the manifest), so the next visit and a meeting without network need none.
const keepFiles = new URL(import.meta.url).searchParams.has("keep-files");
let openEngineCache;
const engineCache = new Promise((resolve) => {
  openEngineCache = resolve;
});
const keeping = new Set();

/** Keep a copy of an engine file's response in the service worker's cache (first visit only). */
function keep(url, response) {
  const key = url.split("#")[0].split("?")[0];
  const type = response.headers.get("Content-Type") || "";
  if (!keepFiles || !response.ok || type.startsWith("text/html")) return;
  if (!ENGINE_FOLDERS.some((folder) => key.startsWith(folder))) return;
  const copy = response.clone();
  const kept = engineCache
    .then(async (cache) => {
      if (cache && !(await cache.match(key))) await cache.put(key, copy);
    })
    .catch(() => {}) // blocked or full storage: the next visit downloads it again
    .finally(() => keeping.delete(kept));
  keeping.add(kept);
}

// Pyodide swallows a failed wasm download or compile (it only logs a warning) and then never
// settles. Every start failure is therefore caught here and ends the start with an error.
let failStart;
const startFailed = new Promise((_, reject) => {
  failStart = reject;
});

function fail(message) {
  failStart(new Error(message));
}

const nativeFetch = self.fetch.bind(self);

/** Pass the wasm body through, counting bytes for the page's progress line and checking the magic number. */
function watchWasm(response) {
  const total = Number(response.headers.get("Content-Length")) || 0;
  let loaded = 0;
  let lastReport = 0;
  let checked = false;
  const head = [];
  const counter = new TransformStream({
    transform(chunk, controller) {
      if (!checked) {
        head.push(...chunk.slice(0, 4 - head.length));
        if (head.length >= 4 || chunk.length === 0) {
          checked = true;
          if (WASM_MAGIC.some((byte, i) => head[i] !== byte)) {
            const error = new Error("fila er ikke en WebAssembly-fil");
            fail(error.message);
            controller.error(error);
            return;
          }
        }
      }
      loaded += chunk.length;
      const now = Date.now();
      if (now - lastReport > 250) {
        lastReport = now;
        self.postMessage({ status: "download", loaded, total });
      }
      controller.enqueue(chunk);
    },
    flush() {
      self.postMessage({ status: "download", loaded, total });
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: 200,
    headers: { "Content-Type": "application/wasm" },
  });
}

/** fetch for Pyodide's own files: a bad status, an HTML page or an aborted download fails the start. */
self.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input, self.location.href).href;
  if (!url.includes("/pyodide/")) {
    const response = await nativeFetch(input, init);
    keep(url, response);
    return response;
  }
  let response;
  try {
    response = await nativeFetch(input, init);
  } catch (error) {
    fail(`nedlastingen av ${url.split("/").pop()} ble avbrutt (${error.message})`);
    // Pyodide reads this promise late; a rejection would be reported as unhandled before then.
    return Response.error();
  }
  const name = url.split("?")[0].split("/").pop();
  keep(url, response);
  if (!response.ok) {
    fail(`${name} svarte med HTTP-status ${response.status}`);
  } else if (name.endsWith(".wasm")) {
    const type = (response.headers.get("Content-Type") || "").split(";")[0].trim();
    if (type === "text/html")
      fail(`${name} kom tilbake som en nettside, kanskje en innloggingsside fra en proxy`);
    else return watchWasm(response);
  }
  return response;
};

// A compile or instantiate error (a corrupt or cut-off file) also ends the start.
for (const name of ["instantiate", "instantiateStreaming"]) {
  const native = WebAssembly[name].bind(WebAssembly);
  WebAssembly[name] = (...args) =>
    native(...args).catch((error) => {
      fail(`motoren kunne ikke startes (${error.message})`);
      throw error;
    });
}

async function bootPyodide(manifest) {
  // Pyodide lives in a folder per version, so cached files of an older release are never mixed in.
  const indexURL = new URL(`pyodide/${manifest.pyodide}/`, assets).href;
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  // The engine's own lock file declares only the engine wheel, with its sha256; the stdlib holds
  // only the modules the engine uses, precompiled (named by content, see partnerskap/stdlib.py).
  const lockFileURL = new URL("engine/pyodide-lock.json", assets).href;
  return loadPyodide({ indexURL, stdLibURL: `${indexURL}${manifest.stdlib}`, lockFileURL });
}

/** Load a wheel the engine's lock file declares: "" when it is there, else what went wrong. */
async function loadWheel(pyodide, name) {
  // loadPackage fetches the wheel with the lock file's sha256 as its integrity, so a changed or
  // damaged wheel is refused. It reports failures through errorCallback instead of throwing.
  const problems = [];
  const loaded = await pyodide.loadPackage(name, {
    errorCallback: (message) => problems.push(message),
  });
  if (loaded.some((pkg) => pkg.name === name)) return "";
  return problems.join(" ") || "unknown error";
}

async function loadEngine(pyodide) {
  const problem = await loadWheel(pyodide, "partnerskap");
  if (problem) throw new Error(`engine wheel not loaded: ${problem}`);
}

/** One call of api.respond: [JSON reply, export bytes or undefined, package to load or undefined]. */
function respondOnce(respond, request) {
  const reply = respond(request);
  try {
    // toJs copies the bytes out of Pyodide's memory, so the copy's buffer can be transferred.
    return reply.toJs();
  } finally {
    reply.destroy();
  }
}

/** Run a request; when the engine needs a wheel it loads on demand (XlsxWriter), load it and ask again. */
async function run({ pyodide, respond }, request) {
  const [response, data, needs] = respondOnce(respond, request);
  if (!needs) return [response, data];
  const problem = await loadWheel(pyodide, needs);
  if (!problem) return respondOnce(respond, request);
  // Not loaded (no network, say): the engine's reply already says so in Norwegian.
  console.warn(`${needs} not loaded: ${problem}`);
  return [response, data];
}

/** The cache to keep this release's engine files in (sw.js names it the same way), or null. */
async function openCache(manifest) {
  if (!keepFiles || !manifest.cache) return null;
  const scope = new URL("../", assets).href; // the service worker's scope: the site root
  return caches.open(`partnerskap:${scope}:${manifest.cache}`);
}

/** Keep Pyodide's own modules too: import() loaded them, so they come from the browser's HTTP cache. */
async function keepImported(manifest) {
  if (!keepFiles) return;
  for (const name of IMPORTED) {
    const url = new URL(`pyodide/${manifest.pyodide}/${name}`, assets).href;
    keep(url, await nativeFetch(url));
  }
}

async function boot() {
  // Revalidated (or, under the service worker, the release it caches): it names this release's engine.
  const url = new URL("engine/manifest.json", assets).href;
  const response = await nativeFetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`manifest.json svarte med HTTP-status ${response.status}`);
  keep(url, response);
  const manifest = await response.json();
  openEngineCache(openCache(manifest).catch(() => null));
  const pyodide = await bootPyodide(manifest);
  await loadEngine(pyodide);
  keepImported(manifest).catch(() => {});
  return { pyodide, respond: pyodide.pyimport("partnerskap.engine.api").respond };
}

const booting = boot();
booting.catch(() => openEngineCache(null)); // its failure reaches the page through engine below
const engine = Promise.race([booting, startFailed]);
engine.catch((error) => self.postMessage({ status: "failed", error: String(error && error.message) }));

// One request at a time: loading a wheel awaits, and a second request must not run halfway through it.
let queue = Promise.resolve();

async function answer({ id, request }) {
  try {
    const [response, data] = await run(await engine, request);
    // An answer means its downloads are kept (a wheel loaded on demand, say).
    await Promise.all(keeping);
    if (data) self.postMessage({ id, response, data }, [data.buffer]);
    else self.postMessage({ id, response });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
}

self.onmessage = (event) => {
  queue = queue.then(() => answer(event.data));
};
