// Accessibility fixes for what Material for MkDocs renders, re-applied after every instant
// navigation, and the switch for Material's single-key shortcuts (WCAG 2.1.4).

// Material's shortcuts: n and . (next page), p and , (previous page), s, f and / (search).
const MATERIAL_SHORTCUTS = new Set(["n", ".", "p", ",", "s", "f", "/"]);
const SHORTCUTS_SETTING = "partnerskap:innstilling:hurtigtaster";

function shortcutsEnabled() {
  try {
    return localStorage.getItem(SHORTCUTS_SETTING) === "på";
  } catch {
    return false;
  }
}

// Material listens for these keys on window, in the bubble phase. Stopping them at document
// (after the focused element and any open dialog, such as meeting mode, have had them) keeps
// them from Material unless the user has turned shortcuts on, and always while a dialog is open.
// With Material's search open the keys belong to the search, as before.
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || !MATERIAL_SHORTCUTS.has(event.key)) return;
  if (document.getElementById("__search")?.checked) return;
  if (shortcutsEnabled() && !document.querySelector("dialog[open]")) return;
  event.stopPropagation();
});

/** The visible switch for the shortcuts, where a page asks for it (the accessibility statement). */
function mountShortcutsSwitch() {
  const box = document.getElementById("pv-shortcuts-setting");
  if (!box || box.childElementCount) return;
  const input = document.createElement("input");
  input.type = "checkbox";
  input.id = "pv-shortcuts";
  input.checked = shortcutsEnabled();
  input.addEventListener("change", () => {
    try {
      if (input.checked) localStorage.setItem(SHORTCUTS_SETTING, "på");
      else localStorage.removeItem(SHORTCUTS_SETTING);
    } catch {
      input.checked = false;
    }
  });
  const label = document.createElement("label");
  label.htmlFor = input.id;
  label.textContent = "Slå på hurtigtastene med én bokstav (n, p, s, f, /, punktum og komma)";
  box.replaceChildren(input, label);
}

/** A table that scrolls sideways is a named, focusable region (WCAG 2.1.1); each name is unique. */
function labelScrollingTables() {
  const wraps = [...document.querySelectorAll(".md-typeset__scrollwrap")];
  wraps.forEach((wrap, index) => {
    if (wrap.hasAttribute("tabindex")) return;
    const caption = wrap.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute(
      "aria-label",
      caption ? caption.textContent.trim() : tableName(wrap, index, wraps.length),
    );
  });
}

/** «Tabell 2 av 3: <nearest heading above>», for a table without a caption. */
function tableName(wrap, index, count) {
  const headings = [...document.querySelectorAll(".md-typeset :is(h1, h2, h3, h4)")].filter(
    (heading) => heading.compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  const heading = headings.at(-1);
  const title = heading ? heading.textContent.replace(/¶$/, "").trim() : "";
  const place = count > 1 ? `Tabell ${index + 1} av ${count}` : "Tabell";
  return title ? `${place}: ${title}` : place;
}

/** Material's search is a dialog without a name. (Its 0 px results box is hidden by accessibility.css.) */
function fixSearch() {
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Søk");
}

function fixPage() {
  labelScrollingTables();
  fixSearch();
  mountShortcutsSwitch();
}

if (window.document$) window.document$.subscribe(fixPage);
else fixPage();
