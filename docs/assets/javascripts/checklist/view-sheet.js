// A view over the checklist page («Sjekk svarene», the actions list): a modal sheet on the native
// <dialog>, so focus moves in to its heading, stays in, Esc closes it, and focus goes back to the
// control that opened it, or to the item a «Endre» link leads to.
import { element } from "./dialog.js";

export class ViewSheet {
  /**
   * @param {{id: string, title: string, className?: string}} options
   * ``id`` names the sheet (its heading is ``${id}-title``).
   */
  constructor({ id, title, className = "" }) {
    this.id = id;
    this.opener = null;
    this.focusAfter = null;
    this.heading = element("h2", {
      id: `${id}-title`,
      className: "pv-sheet__title",
      tabindex: "-1",
      text: title,
    });
    this.body = element("div", { className: "pv-sheet__body" });
    // Polite: what a view did (sorted, ticked, loaded) is read out without moving focus.
    this.status = element("p", { className: "pv-sheet__status", role: "status" });
    const close = element("button", {
      type: "button",
      className: "md-button pv-button pv-sheet__close",
      text: "Lukk",
    });
    close.addEventListener("click", () => this.close());
    this.dialog = element(
      "dialog",
      { id, className: `pv-sheet md-typeset ${className}`.trim(), "aria-labelledby": this.heading.id },
      [element("div", { className: "pv-sheet__head" }, [this.heading, close]), this.status, this.body],
    );
    this.dialog.addEventListener("close", () => this.closed());
  }

  get isOpen() {
    return this.dialog.open;
  }

  /** Show the sheet; focus goes to its heading, and back to ``opener`` when it closes. */
  open(opener = document.activeElement) {
    this.opener = opener;
    this.focusAfter = null;
    if (!this.dialog.isConnected) document.body.append(this.dialog);
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.scrollTop = 0;
    this.heading.focus();
  }

  /** Close; ``then`` (optional) runs instead of returning focus to the opener (e.g. to focus an item). */
  close(then = null) {
    this.focusAfter = then;
    if (this.dialog.open) this.dialog.close();
  }

  closed() {
    const then = this.focusAfter;
    this.focusAfter = null;
    this.dialog.remove();
    if (then) then();
    else if (this.opener && this.opener.isConnected) this.opener.focus();
  }

  say(text) {
    this.status.textContent = text;
  }

  /**
   * Say ``loading`` while ``getModel`` (the engine's minutes model) runs. On failure, say the engine's
   * message or ``notReady``. Resolves to the model, or null when it failed or the sheet was closed
   * meanwhile; the caller renders it and then clears the message.
   */
  async fetch(getModel, loading, notReady) {
    this.say(loading);
    try {
      const model = await getModel();
      return this.isOpen ? model : null;
    } catch (error) {
      this.say(error.userMessage ? error.message : notReady);
      return null;
    }
  }

  destroy() {
    this.opener = null;
    if (this.dialog.open) this.dialog.close();
    this.dialog.remove();
  }
}

/** A link to an item of the checklist that closes ``sheet`` and focuses the item (``focusItem(id)``). */
export function itemLink(sheet, focusItem, itemId, content) {
  const link = element("a", { href: `#punkt-${itemId}` }, [].concat(content));
  link.addEventListener("click", (event) => {
    // Material's instant navigation handles every link click that reaches the body (it ignores
    // defaultPrevented) and would reload the page's content, losing focus: the sheet handles this one.
    event.preventDefault();
    event.stopPropagation();
    sheet.close(() => focusItem(itemId));
  });
  return link;
}
