// The one engine Worker of this browser tab. Module state survives Material's instant
// navigation, so moving between checklist pages never boots Pyodide a second time.
// Every request settles: with the engine's answer, or with an Error when the engine failed
// to start, stopped, or sent something that is not valid JSON.
import { engineMustKeepFiles, registerServiceWorker } from "./offline.js";

let worker = null;
let starting = null;
let sequence = 0;
const pending = new Map();
let readyMarked = false;
const statusListeners = new Set();

/** How many times this tab has started the engine, and how many requests are open (read by tests and the benchmark). */
export const stats = {
  boots: 0,
  get pending() {
    return pending.size;
  },
};

function rejectAll(message) {
  for (const request of pending.values()) request.reject(new Error(message));
  pending.clear();
}

function report(status) {
  for (const listener of statusListeners) listener(status);
}

function onMessage({ data }) {
  // The engine has started (or failed to): now the service worker may start too.
  if (!data.status || data.status === "failed") registerServiceWorker();
  if (data.status) {
    report(data);
    return;
  }
  const request = pending.get(data.id);
  if (!request) return;
  pending.delete(data.id);
  if (data.error !== undefined) {
    request.reject(new Error(data.error));
    return;
  }
  let response;
  try {
    response = JSON.parse(data.response);
  } catch {
    request.reject(new Error("sjekklistemotoren sendte et svar som ikke kunne leses"));
    return;
  }
  if (response && response.ok) {
    // An export: {filename, mime, size} in the reply, its bytes beside it (a transferred Uint8Array).
    if (data.data) {
      if (data.data.length !== response.result.size) {
        request.reject(new Error("sjekklistemotoren sendte en ufullstendig fil"));
        return;
      }
      response.result.data = data.data;
    }
    request.resolve(response.result);
  } else request.reject(Object.assign(new Error(response && response.message), { userMessage: true }));
}

function start() {
  stats.boots += 1;
  window.partnerskapEngineStats = stats;
  performance.mark("pv-engine-boot");
  // Started at once, also on a first visit before the service worker controls the page: the
  // worker then keeps its own downloads in the service worker's cache (engine-worker.js).
  const script = new URL("./engine-worker.js", import.meta.url);
  if (engineMustKeepFiles()) script.searchParams.set("keep-files", "");
  worker = new Worker(script, {
    type: "module",
    name: "partnerskap-engine",
  });
  worker.onmessage = onMessage;
  worker.onmessageerror = () => rejectAll("sjekklistemotoren sendte et svar som ikke kunne leses");
  worker.onerror = (event) => {
    const message = event.message || "sjekklistemotoren stoppet";
    registerServiceWorker();
    rejectAll(message);
    report({ status: "failed", error: message });
  };
}

/** Start the engine now (idempotent): called as early as a checklist page allows (engine-start.js
 * in the page's head), and again when it is set up. */
export function boot() {
  // A worker that cannot be made (a blocked script, say) rejects like a failed start.
  if (!starting) starting = new Promise((resolve) => resolve(worker || start()));
  return starting;
}

function send(method, args) {
  const id = ++sequence;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    boot()
      .then(() => worker.postMessage({ id, request: JSON.stringify({ method, args }) }))
      .catch((error) => {
        pending.delete(id);
        reject(error);
      });
  });
}

/** Be told about the engine's start: {status: "download", loaded, total} and {status: "failed", error}. */
export function onStatus(listener) {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/** Stop a failed engine so the next request starts a new one («Prøv igjen»). */
export function restart() {
  if (worker) worker.terminate();
  worker = null;
  starting = null;
  readyMarked = false;
  rejectAll("sjekklistemotoren ble startet på nytt");
}

/** Load a checklist definition into the engine (boots it on first use). */
export function loadDefinition(definition) {
  const loaded = send("load_definition", { definition });
  if (!readyMarked) {
    // The first definition loaded marks the engine as ready (read by the benchmark).
    readyMarked = true;
    loaded.then(
      () => performance.mark("pv-engine-ready"),
      () => {},
    ); // failures reach the caller of loaded
  }
  return loaded;
}

/** Call an engine method; rejects with an Error whose message is for the user when userMessage is set.
 * An export resolves to {filename, mime, size, data}, data being the file's bytes (a Uint8Array). */
export function call(method, args) {
  return send(method, args);
}
