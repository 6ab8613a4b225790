// Entry point on every page: mounts the checklist controller where the page has one.
// Material's document$ emits on the first load and after every instant navigation.
import { ChecklistPage } from "./checklist/page.js";

let page = null;

function mount() {
  if (page) page.destroy();
  page = null;
  const root = document.getElementById("pv-app");
  if (root) page = new ChecklistPage(root);
}

if (window.document$) window.document$.subscribe(mount);
else mount();
