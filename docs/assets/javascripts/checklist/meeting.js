// Meeting mode (møtemodus): the checklist on a shared screen, one item (or section) at a time in
// large type, driven by the keyboard, with a decision and actions per item, an overview of every
// item, and the minutes at the end. The structure (sections, numbers, titles) and the owner
// sides come from the engine's reply to loading the definition; the answer controls mirror the
// page's own form controls, so saving works exactly as on the page.
//
// What it uses of the page is listed at the top of page.js (the meeting-mode interface).
import { isAnswered } from "./answer-form.js";
import { element } from "./dialog.js";
import {
  actionsEditor,
  answerControls,
  button,
  keysOn,
  keysSwitch,
  SectionTimer,
  textArea,
} from "./meeting-controls.js";
import { endMeetingView, refreshMinutes, showMinutes } from "./meeting-minutes.js";
import { showOverview } from "./meeting-overview.js";
import { sessionGet, sessionSet } from "./storage-guard.js";

function isTextEntry(target) {
  return target.matches("textarea, input[type=text], input[type=number], input[type=date], select");
}

export class MeetingMode {
  /** @param {import("./page.js").ChecklistPage} page */
  constructor(page) {
    this.page = page;
    this.view = "item"; // item, section, overview, minutes, end
    this.index = 0;
    this.syncers = [];
    this.exported = new Set();
    this.onStorage = (event) => this.refresh(event);
  }

  get positionKey() {
    return `pv-meeting:${this.page.checklist}:${this.page.current.id}`;
  }

  async open() {
    const dialog = element("dialog", {
      className: "pv-meeting md-typeset",
      "aria-labelledby": "pv-meeting-title",
    });
    this.live = element("p", { className: "pv-visually-hidden", "aria-live": "polite" });
    this.body = element("div", { className: "pv-meeting__frame" });
    dialog.append(
      element("h2", { id: "pv-meeting-title", className: "pv-visually-hidden", text: "Møtemodus" }),
      this.live,
      this.body,
    );
    dialog.addEventListener("keydown", (event) => this.onKey(event));
    // An answer given here reaches the page (and page.answers) synchronously; show the new count.
    dialog.addEventListener("change", () => this.renderProgress());
    dialog.addEventListener("close", () => {
      this.timer?.stop();
      window.removeEventListener("storage", this.onStorage);
      dialog.remove();
      this.page.openerAfterMeeting?.focus();
    });
    document.body.append(dialog);
    this.dialog = dialog;
    dialog.showModal();
    if (dialog.requestFullscreen && document.fullscreenEnabled) dialog.requestFullscreen().catch(() => {});
    if (!this.page.loaded) {
      this.body.replaceChildren(element("p", { text: "Vent litt – sjekklistemotoren starter …" }));
      try {
        await this.page.engineLoaded;
      } catch {
        this.body.replaceChildren(
          element("p", {
            text: "Sjekklistemotoren har ikke startet, så møtemodus kan ikke vises. Svarene dine er lagret. Lukk møtemodus og trykk «Prøv igjen».",
          }),
          button("Lukk møtemodus", () => this.close(), "md-button md-button--primary"),
        );
        return;
      }
      if (!this.dialog.open) return;
    }
    this.entries = this.structure();
    this.owners = this.page.loaded.owners;
    this.timer = new SectionTimer();
    window.addEventListener("storage", this.onStorage);
    this.resume();
  }

  /** The items meeting mode walks through: the engine's structure, without items the filters hide. */
  structure() {
    const entries = [];
    for (const section of this.page.loaded.sections) {
      for (const item of section.items) {
        const fieldset = this.page.items.get(item.id);
        if (fieldset && !fieldset.hidden) entries.push({ ...item, section, fieldset });
      }
    }
    return entries;
  }

  /** Where this walk-through's meeting left off in this tab. */
  resume() {
    let saved = null;
    try {
      saved = JSON.parse(sessionGet(this.positionKey) || "null");
    } catch {
      saved = null;
    }
    const index = saved ? this.entries.findIndex((entry) => entry.id === saved.item) : -1;
    if (saved?.view === "minutes") this.showMinutes();
    else {
      this.view = saved?.view === "section" ? "section" : "item";
      this.show(Math.max(0, index));
    }
  }

  remember() {
    const view = ["minutes", "end"].includes(this.view)
      ? "minutes"
      : this.view === "section"
        ? "section"
        : "item";
    sessionSet(this.positionKey, JSON.stringify({ item: this.current?.id || null, view }));
  }

  /** Forget the position (the walk-through is being deleted). */
  forget() {
    sessionSet(this.positionKey, "null");
    this.forgotten = true;
  }

  close() {
    if (!this.forgotten && this.entries) this.remember();
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    this.dialog.close();
  }

  /** Say something visibly in meeting mode (export results), and to screen readers. */
  say(text, problem = false) {
    if (!this.message) return;
    this.message.classList.toggle("pv-meeting__message--problem", problem);
    if (Array.isArray(text)) this.message.replaceChildren(...text);
    else this.message.textContent = text;
  }

  onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !this.entries) return;
    const typing = isTextEntry(event.target);
    if (event.key === "Escape" && typing) {
      // Esc in a field leaves the field; only Esc outside a field closes meeting mode.
      event.preventDefault();
      this.body.querySelector("#pv-meeting-question")?.focus();
      return;
    }
    if (typing || !keysOn() || !["item", "section"].includes(this.view)) return;
    if (event.key === "ArrowRight") {
      event.preventDefault();
      this.forward();
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      this.back();
    } else if (/^[1-9]$/.test(event.key)) {
      // In the section view the number keys answer the item that has focus.
      const scope = (this.view === "section" && event.target.closest(".pv-meeting__answer")) || this.body;
      const option = scope.querySelectorAll(".pv-meeting__answer input[type=radio]")[Number(event.key) - 1];
      if (option) {
        event.preventDefault();
        option.click();
        option.focus();
      }
    } else if (event.key.toLowerCase() === "n" && this.view === "item") {
      event.preventDefault();
      this.body.querySelector(".pv-meeting__note textarea")?.focus();
    }
  }

  get current() {
    return this.entries?.[this.index] || null;
  }

  sectionMembers() {
    const id = this.current.section.id;
    return this.entries.filter((entry) => entry.section.id === id);
  }

  /** Next item, or in the section view the first item of the next section; after the last, the minutes. */
  forward() {
    let next = this.index + 1;
    if (this.view === "section") next = this.entries.indexOf(this.sectionMembers().at(-1)) + 1;
    if (next >= this.entries.length) this.showMinutes();
    else this.show(next);
  }

  /** Previous item, or in the section view the previous section. */
  back() {
    this.show(Math.max(0, this.index - 1));
  }

  /** Show item ``index`` in the current view (the item alone, or its whole section). */
  show(index) {
    if (!this.entries.length) {
      this.showMinutes();
      return;
    }
    this.index = Math.max(0, Math.min(index, this.entries.length - 1));
    if (!["item", "section"].includes(this.view)) this.view = "item";
    if (this.view === "section") this.index = this.entries.indexOf(this.sectionMembers()[0]);
    this.syncers = [];
    const content = this.view === "section" ? this.sectionContent() : this.itemContent();
    this.render(content, this.navigation());
    this.remember();
    const answers = this.body.querySelector(".pv-meeting__answer");
    (
      answers?.querySelector("input:checked") ||
      answers?.querySelector("input, textarea") ||
      this.body.querySelector("#pv-meeting-question")
    )?.focus();
  }

  /** The frame every view shares: the bar (place, progress, overview, timer), the content, and the footer. */
  render(content, footer) {
    this.body.replaceChildren(
      this.bar(),
      element("div", { className: "pv-meeting__content" }, content),
      footer,
    );
  }

  bar() {
    const answered = this.answeredCount();
    const total = this.entries.length;
    this.progressLabel = element("span", {
      id: "pv-meeting-progress",
      text: `${answered} av ${total} besvart`,
    });
    this.progress = element("progress", {
      max: String(total || 1),
      value: String(answered),
      "aria-labelledby": "pv-meeting-progress",
    });
    let place = "Referat";
    if (["item", "section"].includes(this.view)) {
      const first = this.index + 1;
      const last = this.view === "section" ? this.index + this.sectionMembers().length : first;
      const span = first === last ? `Punkt ${first}` : `Punkt ${first}–${last}`;
      place = `${span} av ${total}`;
    } else if (this.view === "overview") place = "Oversikt over punktene";
    const parts = [
      element("p", { className: "pv-meeting__place", text: place }),
      element("div", { className: "pv-meeting__progress" }, [this.progressLabel, this.progress]),
    ];
    if (["item", "section"].includes(this.view)) {
      parts.push(this.timer.controls(this.current.section.id));
      const toggle = button("Vis hele avsnittet", () => {
        this.view = this.view === "section" ? "item" : "section";
        this.show(this.index);
      });
      toggle.setAttribute("aria-pressed", String(this.view === "section"));
      parts.push(toggle);
    }
    if (this.view !== "overview") parts.push(button("Oversikt over punktene", () => this.showOverview()));
    return element("div", { className: "pv-meeting__bar" }, parts);
  }

  itemContent() {
    const entry = this.current;
    const { fieldset, id: itemId } = entry;
    const main = [
      element("p", { className: "pv-meeting__kicker", text: entry.section.title }),
      element("h3", {
        className: "pv-meeting__question",
        id: "pv-meeting-question",
        tabindex: "-1",
        text: entry.title,
      }),
    ];
    const guidance = fieldset.querySelector(".pv-item__guidance");
    if (guidance) {
      const copy = guidance.cloneNode(true);
      copy.removeAttribute("id");
      main.push(
        element("details", { className: "pv-meeting__guidance" }, [
          element("summary", { text: "Veiledning" }),
          copy,
        ]),
      );
    }
    const answer = answerControls(this.page, fieldset, "pv-meeting-question");
    main.push(answer.node);
    this.syncers.push(answer.sync);
    const side = [];
    // A checklist may offer no note field (its «fields» setting); then there is nothing to mirror.
    const note = fieldset.querySelector("[data-pv-field=note]");
    if (note) {
      const area = textArea(
        "pv-meeting-note",
        "Notat (tast N)",
        () => note.value,
        (value) => {
          note.value = value;
          note.dispatchEvent(new Event("input", { bubbles: true }));
        },
        "pv-meeting__note",
      );
      side.push(area.node);
      this.syncers.push(area.sync);
    }
    const decision = textArea(
      "pv-meeting-decision",
      "Vedtak / konklusjon",
      () => this.page.answers[itemId]?.decision || "",
      (value) => this.page.setExtra(itemId, { decision: value }),
    );
    const actions = actionsEditor(this.page, itemId, this.owners);
    side.push(decision.node, actions.node);
    this.syncers.push(decision.sync, actions.sync);
    this.live.textContent = `Punkt ${this.index + 1} av ${this.entries.length}: ${entry.text}`;
    return [
      element("div", { className: "pv-meeting__item" }, [
        element("div", { className: "pv-meeting__main" }, main),
        element("div", { className: "pv-meeting__side" }, side),
      ]),
    ];
  }

  /** The whole section in large type: each item's question and answer (decisions and actions are in the item view). */
  sectionContent() {
    const members = this.sectionMembers();
    const section = this.current.section;
    const parts = [
      element("p", { className: "pv-meeting__kicker", text: "Hele avsnittet" }),
      element("h3", {
        className: "pv-meeting__question",
        id: "pv-meeting-question",
        tabindex: "-1",
        text: section.title,
      }),
    ];
    for (const entry of members) {
      const titleId = `pv-meeting-${entry.id}-title`;
      parts.push(element("h4", { id: titleId, text: entry.title }));
      const answer = answerControls(this.page, entry.fieldset, titleId);
      parts.push(answer.node);
      this.syncers.push(answer.sync);
    }
    this.live.textContent = `Avsnitt: ${section.title}, ${members.length} punkter`;
    return parts;
  }

  showOverview() {
    showOverview(this);
  }

  showMinutes() {
    showMinutes(this);
  }

  refreshMinutes() {
    return refreshMinutes(this);
  }

  navigation() {
    const last =
      this.view === "section"
        ? this.sectionMembers().at(-1) === this.entries.at(-1)
        : this.index === this.entries.length - 1;
    const previous = button("← Forrige", () => this.back());
    previous.disabled = this.index === 0;
    return element("div", { className: "pv-meeting__foot" }, [
      element("div", { className: "pv-meeting__nav" }, [
        previous,
        button(last ? "Til referatet →" : "Neste →", () => this.forward(), "md-button md-button--primary"),
        button("Lukk møtemodus", () => this.close()),
      ]),
      keysSwitch(this.view === "section"),
    ]);
  }

  showEnd() {
    this.view = "end";
    this.syncers = [];
    this.message = element("p", { className: "pv-meeting__message", role: "status" });
    this.render(endMeetingView(this), element("div", { className: "pv-meeting__foot" }, [this.message]));
    this.live.textContent = "Avslutt møtet";
    this.body.querySelector("#pv-meeting-question").focus();
  }

  answeredCount() {
    return this.entries.filter((entry) => isAnswered(this.page.answers[entry.id])).length;
  }

  renderProgress() {
    if (!this.progress) return;
    const answered = this.answeredCount();
    this.progress.value = answered;
    this.progressLabel.textContent = `${answered} av ${this.entries.length} besvart`;
  }

  /** Another tab changed the stored answers: show them here (the page has already taken them in). */
  refresh(event) {
    if (event.storageArea !== window.localStorage || !this.dialog.open) return;
    for (const sync of this.syncers) sync();
    this.renderProgress();
    if (this.view === "minutes") this.refreshMinutes();
    else if (this.view === "overview") this.showOverview();
  }
}
