// Whether the answers will outlive this page: private and guest windows wipe storage when
// closed, a browser without persistence may clear it when space runs low, and writes that
// failed (storage full) exist only on the page. Says so, and asks before the page is left
// with changes that were never exported.
import { element } from "./dialog.js";

/** true: kept; false: may be wiped; null: the browser cannot tell. Asks for persistence once. */
export async function storageWillLast() {
  try {
    if (!navigator.storage || !navigator.storage.persisted) return null;
    if (await navigator.storage.persisted()) return true;
    return navigator.storage.persist ? await navigator.storage.persist() : false;
  } catch {
    return null;
  }
}

const NOT_LASTING =
  "Nettleseren har ikke lovet å ta vare på svarene. I et privat vindu eller gjestevindu slettes de når vinduet lukkes, og ellers kan nettleseren slette dem når lagringsplassen blir knapp. Eksporter svarene til en fil (for eksempel JSON) før dere avslutter.";

export class StorageLife {
  /** @param {import("./page.js").ChecklistPage} page */
  constructor(page) {
    this.page = page;
    this.editedSinceExport = false;
    this.lasting = null;
    this.lifeNote = element("p", { className: "pv-panel__warning" });
    this.unsavedNote = element("p", { className: "pv-panel__warning", role: "status" });
    this.nodes = [this.lifeNote, this.unsavedNote];
    storageWillLast().then((lasting) => {
      this.lasting = lasting;
      if (lasting === false && page.store.persistent) this.lifeNote.textContent = NOT_LASTING;
    });
  }

  edited() {
    this.editedSinceExport = true;
  }

  exported() {
    this.editedSinceExport = false;
  }

  /** Say which changes are kept only on this page because they could not be written. */
  renderUnsaved() {
    const { store, items } = this.page;
    const prefix = store.answerPrefix(this.page.active);
    const keys = [...store.unsaved.keys()];
    const unsavedItems = keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
    const numbers = unsavedItems.map(
      (id) => items.get(id)?.querySelector(".pv-item__number")?.textContent || id,
    );
    for (const [itemId, fieldset] of items)
      fieldset.classList.toggle("pv-item--unsaved", unsavedItems.includes(itemId));
    if (keys.length) {
      const what = numbers.length ? `svarene på punkt ${numbers.join(", ")}` : `${keys.length} endringer`;
      this.unsavedNote.textContent = `Ikke lagret ennå: ${what}. De vises på siden og lagres så snart det er plass – siden prøver igjen ved hver endring. Eksporter svarene til en fil for å være sikker.`;
      this.hadUnsaved = true;
    } else if (this.hadUnsaved) {
      this.unsavedNote.textContent = "Alle endringer er lagret nå.";
      this.hadUnsaved = false;
    }
  }

  /** The browser's standard «leave the page?» question, when leaving could lose changes never exported. */
  beforeUnload(event) {
    const saved = this.page.store.flush();
    const lasting = saved && this.page.store.persistent && this.lasting !== false;
    if (!this.editedSinceExport || lasting) return;
    event.preventDefault();
    event.returnValue = ""; // the browser shows its own words; a page cannot choose them
  }
}
