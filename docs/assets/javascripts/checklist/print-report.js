// Print: a report of the walk-through (the minutes model: meeting, decisions, actions, answers and
// notes), not the form with its empty fields. The report is kept ready in the background, because
// the browser prints at once after «beforeprint» and the engine answers asynchronously. A report
// that no longer matches the answers is never printed: then the form prints, as without JavaScript.
import { element } from "./dialog.js";
import { minutesDocument } from "./minutes-view.js";

const READY = "pv-print-report"; // on <html> while the report matches the walk-through
const REFRESH_AFTER_MS = 600; // after the last edit, so typing does not keep the engine busy

export class PrintReport {
  /**
   * @param {{minutes: () => Promise<object>, snapshot: () => string}} host
   * ``minutes()`` asks the engine for the current walk-through's minutes model; ``snapshot()`` is
   * a string that changes whenever the walk-through does (compared when printing).
   */
  constructor(host) {
    this.host = host;
    this.node = element("section", { className: "pv-report", "aria-labelledby": "pv-report-title" });
    this.rendered = null; // the snapshot the report shows
    this.timer = null;
    this.listeners = [];
    this.on(window, "beforeprint", () => this.check());
    this.on(window, "afterprint", () => this.check());
    // Ctrl+P / ⌘P: bring the report up to date first, then print (the browser's menu prints what is ready).
    this.on(document, "keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "p") {
        event.preventDefault();
        this.print();
      }
    });
    document.body.append(this.node);
  }

  on(target, type, handler) {
    target.addEventListener(type, handler);
    this.listeners.push(() => target.removeEventListener(type, handler));
  }

  /** The walk-through changed: stop offering the old report, and make a new one shortly. */
  schedule() {
    this.check();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh().catch(() => {}), REFRESH_AFTER_MS);
  }

  /** Ask the engine for the minutes now and show them in the report; resolves when it is ready. */
  async refresh() {
    clearTimeout(this.timer);
    const snapshot = this.host.snapshot();
    const model = await this.host.minutes();
    if (this.destroyed) return;
    this.node.replaceChildren(...minutesDocument(model, 1));
    this.node.querySelector("h1").id = "pv-report-title";
    this.rendered = snapshot;
    this.check();
  }

  /** Whether the report shows the walk-through as it is now; sets the class the print CSS reads. */
  check() {
    const ready = this.rendered !== null && this.rendered === this.host.snapshot();
    document.documentElement.classList.toggle(READY, ready);
    this.node.dataset.pvReady = String(ready);
    return ready;
  }

  /** «Skriv ut»: an up-to-date report, then the browser's print dialog (the form, if the engine cannot help). */
  async print() {
    try {
      await this.refresh();
    } catch {
      this.check(); // the form prints instead
    }
    window.print();
  }

  destroy() {
    clearTimeout(this.timer);
    for (const remove of this.listeners) remove();
    this.destroyed = true;
    this.node.remove();
    document.documentElement.classList.remove(READY);
  }
}
