// On every page: loads the checklist code (checklist.js and its modules) only on a page that has a
// checklist or a combine view, so guidance pages load none of it. Material's instant navigation
// swaps pages in without a new document: document$ tells after each one.
const ROOTS = "#pv-app, #pv-combine";
let loaded = null;

function loadWhenNeeded() {
  if (!loaded && document.querySelector(ROOTS)) loaded = import("./checklist.js");
}

loadWhenNeeded();
if (window.document$) window.document$.subscribe(loadWhenNeeded);
