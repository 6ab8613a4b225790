// Entry point on every page: mounts the checklist controller where the page has one.
// It mounts as soon as this module runs (the document is parsed by then, before
// DOMContentLoaded), so answers are saved from the first moment; Material's document$
// then re-mounts after every instant navigation.
import { ChecklistPage } from "./checklist/page.js";

let page = null;

function mount() {
  const root = document.getElementById("pv-app");
  if (page && page.root === root) return; // document$ replays the page we already mounted
  if (page) page.destroy();
  page = root ? new ChecklistPage(root) : null;
}

mount();
if (window.document$) window.document$.subscribe(mount);
