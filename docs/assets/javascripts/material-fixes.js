// Accessibility fixes for what Material for MkDocs renders after load, re-applied after every
// instant navigation: a table that scrolls sideways must be reachable and named for keyboard
// and screen-reader users (WCAG 2.1.1).
function labelScrollingTables() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.hasAttribute("tabindex")) continue;
    const caption = wrap.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabell");
  }
}

if (window.document$) window.document$.subscribe(labelScrollingTables);
else labelScrollingTables();
