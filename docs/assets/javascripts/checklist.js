// Entry point on checklist and combine pages only (overrides/main.html, and checklist-on-demand.js
// after an instant navigation): mounts the checklist controller (or the combine view). Loaded by a
// script tag, it mounts as soon as it runs (the document is parsed by then, before
// DOMContentLoaded), so answers are saved from the first moment; Material's document$ then
// re-mounts after every instant navigation.
import { CombinePage } from "./checklist/combine.js";
import { boot } from "./checklist/engine-client.js";
import { ChecklistPage } from "./checklist/page.js";

let page = null;

function mount() {
  const root = document.getElementById("pv-app") || document.getElementById("pv-combine");
  if (page && page.root === root) return; // document$ replays the page we already mounted
  if (page) page.destroy();
  page = null;
  if (root && root.id === "pv-app") page = new ChecklistPage(root);
  else if (root) page = new CombinePage(root);
}

// Pyodide takes longest of all: start it before the page is set up.
if (document.getElementById("pv-app")) boot();
mount();
if (window.document$) window.document$.subscribe(mount);
