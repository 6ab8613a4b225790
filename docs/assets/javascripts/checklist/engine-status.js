// The engine's start as the user sees it: download progress, a note when it is slow (the
// download is never cut off), and a clear message with «Prøv igjen» when it fails.
// Answering and saving never wait for the engine.
import { element } from "./dialog.js";
import * as engine from "./engine-client.js";

const SLOW_AFTER_MS = 10_000; // only changes the text: a slow download keeps going
const STALLED_AFTER_MS = 30_000; // no bytes for this long: offer to start again

const READY_NOW = "Du kan svare nå – hvert svar lagres i nettleseren med en gang.";
const WAITING = "Fremdrift, filtre og eksport blir klare når sjekklistemotoren har startet.";

function megabytes(bytes) {
  return (bytes / 1024 / 1024).toLocaleString("nb-NO", {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
}

export class EngineStatus {
  /** @param {() => void} onRetry starts the engine again */
  constructor(onRetry) {
    this.onRetry = onRetry;
    this.line = element("p", { className: "pv-engine-status__line", id: "pv-engine-status", hidden: "" });
    this.failure = element("div", { className: "pv-alert pv-engine-status__failure", role: "alert" });
    this.node = element("div", { className: "pv-engine-status" }, [this.line, this.failure]);
    this.stopListening = engine.onStatus((status) => {
      if (status.status !== "download" || this.state !== "starting") return;
      if (status.loaded > this.loaded) this.armStallTimer();
      this.loaded = status.loaded;
      this.total = status.total;
      this.render();
    });
  }

  clearTimers() {
    clearTimeout(this.slowTimer);
    clearTimeout(this.stallTimer);
  }

  armStallTimer() {
    clearTimeout(this.stallTimer);
    this.stalled = false;
    this.stallTimer = setTimeout(() => {
      this.stalled = true;
      this.render();
    }, STALLED_AFTER_MS);
  }

  starting() {
    this.clearTimers();
    Object.assign(this, { state: "starting", loaded: 0, total: 0, slow: false, stalled: false });
    this.failure.replaceChildren();
    this.slowTimer = setTimeout(() => {
      this.slow = true;
      this.render();
    }, SLOW_AFTER_MS);
    this.armStallTimer();
    this.render();
  }

  render() {
    if (this.state !== "starting") return;
    const parts = ["Sjekklistemotoren starter"];
    if (this.loaded) {
      // A compressed download can be smaller than its content: then the total is unknown.
      parts[0] =
        this.total >= this.loaded
          ? `Sjekklistemotoren lastes ned: ${megabytes(this.loaded)} av ${megabytes(this.total)} MB`
          : `Sjekklistemotoren lastes ned: ${megabytes(this.loaded)} MB`;
    }
    let text = `${parts[0]} …`;
    if (this.stalled) text += " Nedlastingen har stått stille en stund. Du kan vente, eller prøve igjen.";
    else if (this.slow) text += " Det tar lengre tid enn vanlig, men nedlastingen fortsetter.";
    // What works already and what waits, instead of disabled controls with no reason given.
    this.line.replaceChildren(
      element("strong", { text: READY_NOW }),
      ` ${WAITING} `,
      element("span", { className: "pv-engine-status__detail", text }),
    );
    this.line.hidden = false;
    if (this.stalled) this.line.append(" ", this.retryButton());
  }

  ready() {
    this.clearTimers();
    this.state = "ready";
    this.line.hidden = true;
    this.line.replaceChildren();
    this.failure.replaceChildren();
  }

  failed(detail) {
    this.clearTimers();
    this.state = "failed";
    this.line.hidden = true;
    this.failure.replaceChildren(
      element("p", {
        text: `Sjekklistemotoren kunne ikke starte (${detail}). Du kan svare som før, og svarene lagres i nettleseren. Fremdrift, filtre, import, eksport og deling virker når motoren er i gang. Hvis det ikke hjelper å prøve igjen, kan det være at et nettverk eller en proxy stopper filene; kontakt IT-støtten.`,
      }),
      this.retryButton(),
    );
  }

  retryButton() {
    const button = element("button", {
      type: "button",
      className: "md-button pv-button",
      text: "Prøv igjen",
    });
    button.addEventListener("click", () => this.onRetry());
    return button;
  }

  destroy() {
    this.clearTimers();
    this.stopListening();
  }
}
