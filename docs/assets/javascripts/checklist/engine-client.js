// The one engine Worker of this browser tab. Module state survives Material's instant
// navigation, so moving between checklist pages never boots Pyodide a second time.
import { serviceWorkerControl } from "./offline.js";

let worker = null;
let starting = null;
let sequence = 0;
const pending = new Map();
let readyMarked = false;

/** How many times this tab has started the engine (read by tests and the benchmark). */
export const stats = { boots: 0 };

function start() {
  stats.boots += 1;
  window.partnerskapEngineStats = stats;
  performance.mark("pv-engine-boot");
  worker = new Worker(new URL("./engine-worker.js", import.meta.url), {
    type: "module",
    name: "partnerskap-engine",
  });
  worker.onmessage = ({ data }) => {
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if (data.error !== undefined) {
      request.reject(new Error(data.error));
      return;
    }
    const response = JSON.parse(data.response);
    if (response.ok) request.resolve(response.result);
    else request.reject(Object.assign(new Error(response.message), { userMessage: true }));
  };
  worker.onerror = (event) => {
    for (const request of pending.values()) request.reject(new Error(event.message || "Motoren stoppet."));
    pending.clear();
  };
}

/** Start the engine now (idempotent): called as soon as a checklist page is known, before it is set up. */
export function boot() {
  // On a first visit, wait until the service worker controls the page, so the engine's files are
  // cached as they load (it takes milliseconds; on later visits it controls the page already).
  if (!starting) starting = serviceWorkerControl().then(() => worker || start());
  return starting;
}

function send(method, args) {
  const id = ++sequence;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    boot().then(() => worker.postMessage({ id, request: JSON.stringify({ method, args }) }));
  });
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

/** Call an engine method; rejects with an Error whose message is for the user when userMessage is set. */
export function call(method, args) {
  return send(method, args);
}
