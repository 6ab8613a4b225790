// A checklist page: binds the generated form to storage at once (before any Python has
// loaded), and asks the engine for everything derived: progress, filters, exports,
// import validation and content-change reports.
import { isEmpty, numberProblem, showNumberProblem, withField, writeAnswer } from "./answer-form.js";
import * as engine from "./engine-client.js";
import { ask, element, named, saveFile, setContent, today } from "./dialog.js";
import { EngineStatus } from "./engine-status.js";
import { MeetingMode } from "./meeting.js";
import { AnswerStore, NO_ROOM } from "./storage.js";
import { sessionGet, sessionSet } from "./storage-guard.js";
import { StorageLife } from "./storage-life.js";
import { TabSync } from "./tab-sync.js";

const EXPORTS = [
  ["json", "JSON"],
  ["csv", "CSV"],
  ["markdown", "Markdown"],
  ["xlsx", "Excel"],
  ["referat", "Referat (Word)"],
];
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

function newId() {
  return (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`)
    .replace(/[^A-Za-z0-9-]/g, "")
    .slice(0, 36);
}

function nowIso() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

function formatTime(iso) {
  if (!iso) return "aldri";
  return new Date(iso).toLocaleString("nb-NO", { dateStyle: "long", timeStyle: "short" });
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

// Items from which a checklist page is a long list: progress updates then repaint only what is in view.
const LONG_LIST = 300;

export class ChecklistPage {
  constructor(root) {
    this.root = root;
    this.checklist = root.dataset.pvChecklist;
    this.version = root.dataset.pvVersion;
    this.definitionUrl = new URL(root.dataset.pvDefinition, window.location.href);
    this.article = root.closest("article") || document.body;
    this.items = new Map(
      [...this.article.querySelectorAll("fieldset[data-pv-item]")].map((f) => [f.dataset.pvItem, f]),
    );
    // A long list skips layout and paint of the items out of view (partnerskap.css).
    this.article.classList.toggle("pv-long-list", this.items.size >= LONG_LIST);
    this.filters = { role: "", phase: "", unanswered: false };
    this.listeners = [];
    this.engineLoaded = null;
    this.progressQueued = false;
    this.store = new AnswerStore(this.checklist, (problem) => this.showProblem(problem.message));
    this.tabSync = new TabSync(this);
    this.engineStatus = new EngineStatus(() => this.retryEngine());
    this.life = new StorageLife(this);
    this.buildPanel();
    this.store.onUnsavedChange = () => this.life.renderUnsaved();
    this.activate(this.initialWalkthrough());
    this.listen(this.article, "input", (event) => this.onEdit(event));
    this.listen(this.article, "change", (event) => this.onEdit(event));
    this.listen(this.article, "focusout", (event) => this.tabSync.leftField(event.target));
    this.listen(window, "storage", (event) => this.tabSync.onStorage(event));
    this.listen(window, "pagehide", () => this.store.flush());
    this.listen(window, "beforeunload", (event) => this.life.beforeUnload(event));
    this.listen(window, "beforeprint", () => this.openFilledDetails());
    // The worker is already booting (checklist.js); the definition is fetched in parallel. Both
    // are asynchronous, so neither delays showing or answering the page.
    this.startEngine();
  }

  listen(target, type, handler) {
    target.addEventListener(type, handler);
    this.listeners.push(() => target.removeEventListener(type, handler));
  }

  destroy() {
    this.store.flush();
    this.engineStatus.destroy();
    for (const remove of this.listeners) remove();
    this.listeners = [];
    this.destroyed = true;
  }

  // Panel -----------------------------------------------------------------

  buildPanel() {
    const panel = element("section", { className: "pv-panel", "aria-labelledby": "pv-panel-title" });
    panel.append(
      element("h2", {
        id: "pv-panel-title",
        className: "pv-panel__title",
        text: "Din gjennomgang",
        tabindex: "-1",
      }),
    );
    this.storageNote = element("p", { className: "pv-panel__note" });
    panel.append(this.storageNote, ...this.life.nodes);

    this.walkthroughSelect = element("select", { id: "pv-walkthrough" });
    this.listen(this.walkthroughSelect, "change", () => this.activate(this.walkthroughSelect.value));
    const manage = element("div", { className: "pv-panel__row" }, [
      element("label", { for: "pv-walkthrough", text: "Gjennomgang" }),
      this.walkthroughSelect,
    ]);
    for (const [label, action] of [
      ["Ny", () => this.createWalkthrough()],
      ["Gi nytt navn", () => this.renameWalkthrough()],
      ["Dupliser", () => this.duplicateWalkthrough()],
      ["Slett gjennomgang", () => this.deleteWalkthrough()],
    ]) {
      manage.append(this.button(label, action));
    }
    panel.append(manage);

    this.progressText = element("span", {
      id: "pv-progress-text",
      text: "Fremdriften vises når sjekklistemotoren er klar …",
    });
    this.progressBar = element("progress", {
      max: "100",
      value: "0",
      "aria-labelledby": "pv-progress-text",
      hidden: "",
    });
    panel.append(
      element("div", { className: "pv-panel__progress", role: "status" }, [
        this.progressText,
        this.progressBar,
      ]),
    );

    panel.append(this.engineStatus.node);
    panel.append(this.buildFilters());

    const meeting = this.button("Møtemodus", () => {
      this.openerAfterMeeting = meeting;
      new MeetingMode(this).open();
    });
    meeting.classList.add("md-button--primary");
    panel.append(
      element("div", { className: "pv-panel__row" }, [
        meeting,
        element("span", {
          className: "pv-hint",
          text: "Ett punkt om gangen i stor skrift, med vedtak, tiltak og referat – for delt skjerm i partnerskapsmøtet.",
        }),
      ]),
    );

    const exportRow = element(
      "div",
      { className: "pv-panel__row", role: "group", "aria-labelledby": "pv-export-label" },
      [element("span", { id: "pv-export-label", text: "Eksporter:" })],
    );
    for (const [kind, label] of EXPORTS) exportRow.append(this.button(label, () => this.exportAs(kind)));
    exportRow.append(this.button("Skriv ut", () => window.print()));
    panel.append(exportRow);
    this.compareButton = this.button("Sammenlign med en annen gjennomgang", () => this.compareWalkthroughs());
    panel.append(
      element("div", { className: "pv-panel__row" }, [
        this.compareButton,
        this.button("Del som lenke", () => this.shareLink()),
      ]),
    );

    // The native file input names its button in the browser's language; a label styled as a
    // button gives a Norwegian name, and the input stays focusable for keyboard users.
    this.importInput = element("input", {
      type: "file",
      id: "pv-import",
      accept: ".json,application/json",
      className: "pv-visually-hidden",
    });
    this.listen(this.importInput, "change", () => this.importFile());
    panel.append(
      element("div", { className: "pv-panel__row" }, [
        this.importInput,
        element("label", {
          for: "pv-import",
          className: "md-button pv-button pv-file-button",
          text: "Importer svar fra fil (JSON) …",
        }),
      ]),
    );

    const danger = this.button("Slett alle data", () => this.deleteEverything());
    danger.classList.add("pv-button--danger");
    panel.append(element("div", { className: "pv-panel__row" }, [danger]));

    this.alert = element("div", { className: "pv-alert", role: "alert" });
    this.status = element("p", { className: "pv-status", role: "status" });
    this.changes = element("section", {
      className: "pv-changes",
      "aria-labelledby": "pv-changes-title",
      hidden: "",
    });
    this.comparison = element("section", {
      className: "pv-changes pv-comparison",
      "aria-labelledby": "pv-comparison-title",
      hidden: "",
    });
    this.archivedBox = element("details", { className: "pv-archived", hidden: "" });
    panel.append(this.alert, this.status, this.changes, this.comparison, this.archivedBox);
    this.root.replaceChildren(panel);
  }

  button(label, action) {
    const button = element("button", { type: "button", className: "md-button pv-button", text: label });
    this.listen(button, "click", action);
    return button;
  }

  buildFilters() {
    const roles = new Set();
    const phases = new Set();
    for (const fieldset of this.items.values()) {
      for (const role of fieldset.dataset.pvRoles.split(" ").filter(Boolean)) roles.add(role);
      if (fieldset.dataset.pvPhase) phases.add(fieldset.dataset.pvPhase);
    }
    const box = element("fieldset", { className: "pv-filters" }, [
      element("legend", { text: "Vis punkter" }),
    ]);
    this.filterControls = [];
    const select = (id, label, values, key) => {
      const control = element("select", { id, disabled: "" }, [
        element("option", { value: "", text: "Alle" }),
      ]);
      for (const value of values) control.append(element("option", { value, text: value }));
      this.listen(control, "change", () => {
        this.filters[key] = control.value;
        this.queueProgress();
      });
      this.filterControls.push(control);
      box.append(
        element("span", { className: "pv-field pv-field--inline" }, [
          element("label", { for: id, text: label }),
          control,
        ]),
      );
      return control;
    };
    if (roles.size) this.roleSelect = select("pv-filter-role", "Rolle", [...roles], "role");
    if (phases.size) this.phaseSelect = select("pv-filter-phase", "Fase", [...phases], "phase");
    const unanswered = element("input", { type: "checkbox", id: "pv-filter-unanswered", disabled: "" });
    this.listen(unanswered, "change", () => {
      this.filters.unanswered = unanswered.checked;
      this.queueProgress();
    });
    this.filterControls.push(unanswered);
    box.append(
      element("span", { className: "pv-field pv-field--inline" }, [
        unanswered,
        element("label", { for: "pv-filter-unanswered", text: "Bare ubesvarte" }),
      ]),
    );
    // A polite live region: screen readers hear «Viser 43 av 44 punkter.» once per change.
    this.filterSummary = element("span", { className: "pv-filters__summary", role: "status" });
    box.append(this.filterSummary);
    return box;
  }

  /** Replace filter option ids with the labels from the definition once it is loaded. */
  labelFilters(definition) {
    const label = (control, names) => {
      if (!control) return;
      for (const option of control.options)
        if (option.value && names[option.value]) option.textContent = names[option.value];
    };
    label(this.roleSelect, definition.roles);
    label(this.phaseSelect, Object.fromEntries(definition.phases.map((p) => [p.id, p.title])));
  }

  /** message: a string, or nodes from named(); extra: nodes after it (e.g. a button). */
  showProblem(message, extra = []) {
    if (this.alert) {
      this.alert.replaceChildren(setContent(element("p"), message), ...extra);
    } else {
      this.pendingProblem = message;
    }
  }

  say(message) {
    setContent(this.status, message);
  }

  // Walk-throughs ---------------------------------------------------------

  initialWalkthrough() {
    const list = this.store.walkthroughs();
    // This tab's own choice first, then the one used last in any tab (if it still exists).
    for (const wanted of [
      sessionGet(this.store.key("aktiv")),
      this.store.rawGet(this.store.key("sist-brukt")),
    ])
      if (list.some((w) => w.id === wanted)) return wanted;
    if (list.length) return list[0].id;
    return this.addWalkthrough("Min gjennomgang").id;
  }

  newRecord(name, extra = {}) {
    const created = nowIso();
    return {
      id: newId(),
      name,
      created,
      updated: created,
      exported: null,
      version: this.version,
      items: null,
      seq: Date.now(),
      ...extra,
    };
  }

  /** A new, empty walk-through; when storage is full it is kept on this page (and retried) instead. */
  addWalkthrough(name, extra = {}) {
    const record = this.newRecord(name, extra);
    if (!this.store.addWalkthrough(record))
      for (const [key, value] of this.store.recordEntries(record)) this.store.rawSet(key, value);
    return record;
  }

  get current() {
    return (
      this.store.walkthrough(this.active) || {
        id: this.active,
        name: "Min gjennomgang",
        created: nowIso(),
        updated: nowIso(),
        version: this.version,
        items: null,
      }
    );
  }

  activate(id) {
    this.active = id;
    sessionSet(this.store.key("aktiv"), id);
    this.store.rawSet(this.store.key("sist-brukt"), id);
    this.answers = this.store.answers(id);
    this.archived = this.store.archived(id);
    this.tabSync.reset();
    // Every control is replaced, also the one with focus: its text belonged to the walk-through shown before.
    for (const [itemId, fieldset] of this.items) writeAnswer(fieldset, this.answers[itemId]);
    this.activeName = this.current.name;
    this.life.renderUnsaved();
    this.renderWalkthroughs();
    this.renderArchived();
    this.changes.hidden = true;
    for (const fieldset of this.items.values()) fieldset.classList.remove("pv-item--reworded");
    if (this.pendingProblem) {
      this.showProblem(this.pendingProblem);
      this.pendingProblem = null;
    }
    if (this.engineLoaded)
      this.engineLoaded
        .then(() => this.openWithEngine())
        .catch((error) => {
          if (this.engineStatus.state !== "failed")
            this.showProblem(`Noe gikk galt i sjekklistemotoren: ${error.message}`);
        });
  }

  renderWalkthroughs() {
    const list = this.store.walkthroughs();
    this.walkthroughSelect.replaceChildren(
      ...list.map((w) => element("option", { value: w.id, text: w.name })),
    );
    this.walkthroughSelect.value = this.active;
    const current = this.current;
    this.storageNote.textContent = `Svarene lagres bare i denne nettleseren, på denne maskinen – ingenting sendes noe sted. Sist eksportert: ${formatTime(current.exported)}.`;
  }

  async createWalkthrough() {
    const answer = await ask({
      title: "Ny gjennomgang",
      message: "Gi gjennomgangen et navn, for eksempel «Partnerskapsmøte NAV Narvik 2026».",
      input: { label: "Navn", value: "" },
      buttons: [
        { value: "ok", label: "Opprett", primary: true },
        { value: "cancel", label: "Avbryt" },
      ],
    });
    if (!answer) return;
    this.activate(this.addWalkthrough(answer.value).id);
    this.say(named`Gjennomgangen «${answer.value}» er opprettet.`);
  }

  async renameWalkthrough() {
    const answer = await ask({
      title: "Gi nytt navn",
      input: { label: "Navn", value: this.current.name },
      buttons: [
        { value: "ok", label: "Lagre", primary: true },
        { value: "cancel", label: "Avbryt" },
      ],
    });
    if (!answer) return;
    this.store.updateWalkthrough(this.active, { name: answer.value, updated: nowIso() });
    this.activeName = answer.value;
    this.renderWalkthroughs();
    this.say(named`Gjennomgangen heter nå «${answer.value}».`);
  }

  async duplicateWalkthrough() {
    const source = this.current;
    const answer = await ask({
      title: "Dupliser gjennomgang",
      message: "Kopien får de samme svarene, og du kan endre den uten å røre originalen.",
      input: { label: "Navn på kopien", value: `${source.name} (kopi)` },
      buttons: [
        { value: "ok", label: "Dupliser", primary: true },
        { value: "cancel", label: "Avbryt" },
      ],
    });
    if (!answer) return;
    const copy = this.newRecord(answer.value, { version: source.version, items: source.items });
    if (!this.store.addWalkthroughWithAnswers(copy, this.answers, this.archived)) {
      this.showProblem(NO_ROOM);
      return;
    }
    this.activate(copy.id);
    this.say(named`Kopien «${answer.value}» er opprettet.`);
  }

  async deleteWalkthrough() {
    const name = this.current.name;
    const choice = await ask({
      title: "Slette gjennomgangen?",
      message: [
        named`Alle svar i «${name}» slettes fra denne nettleseren. Det kan ikke angres.`,
        "Eksporter til JSON først hvis du vil ta vare på svarene.",
      ],
      buttons: [
        { value: "delete", label: "Slett", danger: true },
        { value: "cancel", label: "Avbryt", primary: true },
      ],
    });
    if (choice !== "delete") return;
    this.store.deleteWalkthrough(this.active);
    const rest = this.store.walkthroughs();
    this.activate(rest.length ? rest[0].id : this.addWalkthrough("Min gjennomgang").id);
    this.say(named`Gjennomgangen «${name}» er slettet.`);
  }

  async deleteEverything() {
    const choice = await ask({
      title: "Slette alle data?",
      message: [
        "Alle gjennomganger og svar i alle sjekklister på dette nettstedet slettes fra denne nettleseren. Det kan ikke angres.",
      ],
      buttons: [
        { value: "delete", label: "Slett alt", danger: true },
        { value: "cancel", label: "Avbryt", primary: true },
      ],
    });
    if (choice !== "delete") return;
    this.store.removeEverything();
    this.alert.replaceChildren();
    this.activate(this.addWalkthrough("Min gjennomgang").id);
    this.say("Alle lagrede data er slettet.");
  }

  // Answers ---------------------------------------------------------------

  onEdit(event) {
    const control = event.target;
    const fieldset = control.closest && control.closest("fieldset[data-pv-item]");
    const field = control.dataset && control.dataset.pvField;
    if (!fieldset || !field) return;
    // Text is saved on every input event; the change event a text field fires on blur is no new
    // edit, and must not write its text over what another tab stored since.
    if (event.type === "change" && !["radio", "checkbox", "select-one"].includes(control.type)) return;
    const itemId = fieldset.dataset.pvItem;
    // Start from what is stored now (another tab may have changed other fields) and change only this field.
    const stored = this.store.answer(this.active, itemId);
    if (control.type === "number") {
      const problem = numberProblem(control);
      showNumberProblem(control, problem, stored && stored.value);
      if (problem) return; // nothing invalid is saved
    }
    const answer = withField(fieldset, stored, field);
    if (answer) this.answers[itemId] = answer;
    else delete this.answers[itemId];
    this.tabSync.localEdit(itemId, field);
    this.life.edited();
    this.store.setAnswer(this.active, itemId, answer);
    this.store.updateWalkthrough(this.active, { updated: nowIso() });
    fieldset.classList.toggle("pv-item--answered", Boolean(answer && !isEmpty(answer.value)));
    performance.mark("pv-answer-saved");
    this.queueProgress();
  }

  /** Change fields the page's form does not show (decision, actions) and save at once. */
  setExtra(itemId, changes) {
    const answer = { ...(this.store.answer(this.active, itemId) || {}), ...changes };
    for (const [key, value] of Object.entries(changes)) {
      if (isEmpty(value) || (Array.isArray(value) && value.length === 0)) delete answer[key];
    }
    const fieldset = this.items.get(itemId);
    const meaningful = Object.keys(answer).some((key) => !["hash", "text", "updated"].includes(key));
    const saved = meaningful
      ? {
          ...answer,
          hash: fieldset.dataset.pvHash,
          text: fieldset.querySelector(".pv-item__text").textContent,
          updated: nowIso(),
        }
      : null;
    if (saved) this.answers[itemId] = saved;
    else delete this.answers[itemId];
    this.life.edited();
    this.store.setAnswer(this.active, itemId, saved);
    this.store.updateWalkthrough(this.active, { updated: nowIso() });
    this.queueProgress();
  }

  /** Change the current walk-through's record (e.g. meeting participants and date). */
  updateRecord(changes) {
    this.store.updateWalkthrough(this.active, changes);
  }

  /** The walk-through as exports describe it. */
  exportRecord() {
    const record = this.current;
    const out = { id: record.id, name: record.name, created: record.created, updated: record.updated };
    if (record.participants) out.participants = record.participants;
    if (record.meeting_date) out.meeting_date = record.meeting_date;
    return out;
  }

  openFilledDetails() {
    for (const [itemId, fieldset] of this.items) {
      const more = fieldset.querySelector("details.pv-item__more");
      if (more && this.answers[itemId]) more.open = true;
    }
  }

  // Engine ----------------------------------------------------------------

  retryEngine() {
    engine.restart();
    this.startEngine();
  }

  startEngine() {
    if (this.destroyed) return;
    this.engineStatus.starting();
    // Revalidated on every load, so a newly published version is never mixed with a cached definition.
    this.engineLoaded = fetch(this.definitionUrl, { cache: "no-cache" })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then(async (definition) => {
        this.definition = definition;
        await engine.loadDefinition(definition);
        this.labelFilters(definition);
        for (const control of this.filterControls) control.removeAttribute("disabled");
      });
    this.engineLoaded.then(
      () => this.engineStatus.ready(),
      (error) => this.engineStatus.failed(error.message),
    );
    this.engineLoaded
      .then(() => this.openWithEngine())
      .then(() => {
        // Load the export code while the page is idle: the engine is ready first, exports are quick later.
        setTimeout(() => engine.call("warm_up", {}).catch(() => {}), 500);
        return this.openSharedLink();
      })
      .catch((error) => {
        // A failed start is shown (with «Prøv igjen») by the engine status; other failures here.
        if (this.engineStatus.state !== "failed")
          this.showProblem(`Noe gikk galt i sjekklistemotoren: ${error.message}`);
      });
  }

  /** Archive answers to removed items and report content changes since this walk-through last saw the checklist. */
  async openWithEngine() {
    const record = this.current;
    const result = await engine.call("open_walkthrough", {
      checklist: this.checklist,
      answers: this.answers,
      archived: this.archived,
      known_items: record.items ?? null, // a record from an older version may lack them
      known_version: record.version ?? null,
    });
    if (result.report.archived.length) {
      this.store.setArchived(this.active, result.archived);
      for (const itemId of result.report.archived) this.store.setAnswer(this.active, itemId, null);
      this.answers = result.answers;
      this.archived = result.archived;
      this.renderArchived();
    }
    if (!record.items || !result.report.changed) {
      this.store.updateWalkthrough(this.active, { items: result.known_items, version: result.version });
    } else {
      this.renderChanges(result.report, result.known_items, result.version);
    }
    this.queueProgress();
  }

  queueProgress() {
    if (!this.engineLoaded) return;
    if (this.progressQueued) {
      this.progressDirty = true; // sent as one more request when the one in flight returns
      return;
    }
    this.progressQueued = true;
    this.engineLoaded.then(
      async () => {
        // Sent at once, not after a frame or a task: the engine computes while the page repaints
        // (on a 2000-item page a repaint takes longer than the engine). At most one request is in
        // flight; edits made meanwhile go out together in the next.
        try {
          do {
            this.progressDirty = false;
            const result = await engine.call("progress", {
              checklist: this.checklist,
              answers: this.answers,
              filters: this.filters,
            });
            this.renderProgress(result);
          } while (this.progressDirty);
        } catch {
          /* progress is shown again after the next change; the answers are saved either way */
        } finally {
          this.progressQueued = false;
        }
      },
      () => {
        this.progressQueued = false; // the engine failed to start; its status offers «Prøv igjen»
      },
    );
  }

  renderProgress(result) {
    const total = result.total;
    // Live regions are written only when their text changes, so each change is announced once.
    setText(this.progressText, `Fremdrift: ${total.text} (${total.percent} %)`);
    this.progressBar.value = total.percent;
    this.progressBar.hidden = false;
    // Looked up once: a query per section per update is quadratic on long checklists.
    this.sectionLines ??= new Map(
      [...this.article.querySelectorAll("[data-pv-section-progress]")].map((line) => [
        line.dataset.pvSectionProgress,
        line,
      ]),
    );
    for (const [sectionId, counts] of Object.entries(result.sections)) {
      const line = this.sectionLines.get(sectionId);
      if (line) {
        setText(line, counts.text);
        line.hidden = false;
      }
    }
    const visible = new Set(result.visible);
    for (const [itemId, fieldset] of this.items) {
      const hidden = !visible.has(itemId);
      if (fieldset.hidden !== hidden) fieldset.hidden = hidden; // unchanged items cost no style work
    }
    const filtered = this.filters.role || this.filters.phase || this.filters.unanswered;
    setText(this.filterSummary, filtered ? `Viser ${visible.size} av ${this.items.size} punkter.` : "");
    performance.mark("pv-progress-updated");
    this.root.dataset.pvProgress = String(total.answered);
  }

  renderChanges(report, knownItems, version) {
    const title = element("h3", {
      id: "pv-changes-title",
      text: `Sjekklisten er endret siden denne gjennomgangen ble startet (versjon ${report.from_version} → ${report.to_version})`,
    });
    const parts = [title];
    const list = (heading, entries) => {
      if (!entries.length) return;
      parts.push(element("h4", { text: heading }));
      parts.push(
        element(
          "ul",
          {},
          entries.map((entry) =>
            element("li", {}, [typeof entry === "string" ? entry : this.itemLink(entry)]),
          ),
        ),
      );
    };
    list("Omformulert", report.reworded);
    list("Nye punkter", report.added);
    list(
      "Fjernet (svarene er tatt vare på under «Arkiverte svar»)",
      report.removed.map((id) => (this.archived[id] && this.archived[id].text) || id),
    );
    for (const entry of report.reworded) {
      const fieldset = this.items.get(entry.id);
      if (fieldset && report.reworded_answered.includes(entry.id))
        fieldset.classList.add("pv-item--reworded");
    }
    const done = element("button", {
      type: "button",
      className: "md-button",
      text: "Jeg har sett endringene",
    });
    done.addEventListener("click", () => {
      this.store.updateWalkthrough(this.active, { items: knownItems, version });
      this.changes.hidden = true;
      for (const fieldset of this.items.values()) fieldset.classList.remove("pv-item--reworded");
      this.say("Endringene er merket som sett.");
      // The button is gone with its box: focus goes to the panel's heading, not to the page body.
      this.root.querySelector("#pv-panel-title").focus();
    });
    parts.push(done);
    this.changes.replaceChildren(...parts);
    this.changes.hidden = false;
  }

  itemLink(entry) {
    return element("a", { href: `#punkt-${entry.id}`, text: `${entry.number} ${entry.text}` });
  }

  renderArchived() {
    const entries = Object.entries(this.archived || {});
    this.archivedBox.hidden = entries.length === 0;
    if (!entries.length) return;
    this.archivedBox.replaceChildren(
      element("summary", {
        text: `Arkiverte svar (${entries.length}) – punkter som er fjernet fra sjekklisten`,
      }),
      element(
        "ul",
        {},
        entries.map(([id, answer]) =>
          element("li", {
            text: `${answer.text || id}: ${isEmpty(answer.value) ? "ikke besvart" : answer.value}${answer.note ? ` – ${answer.note}` : ""}`,
          }),
        ),
      ),
    );
  }

  // Export and import -----------------------------------------------------

  async withEngine(task) {
    if (!this.engineLoaded) this.startEngine();
    this.say("Vent litt – sjekklistemotoren starter …");
    try {
      await this.engineLoaded;
    } catch {
      this.say(
        "Sjekklistemotoren har ikke startet, så dette kan ikke gjøres ennå. Trykk «Prøv igjen» i meldingen over. Svarene dine er lagret.",
      );
      return null;
    }
    try {
      const result = await task();
      this.say("");
      return result;
    } catch (error) {
      this.say("");
      this.showProblem(error.userMessage ? error.message : `Noe gikk galt: ${error.message}`);
      return null;
    }
  }

  async exportAs(kind) {
    const file = await this.withEngine(() =>
      engine.call("export", {
        checklist: this.checklist,
        kind,
        walkthrough: this.exportRecord(),
        answers: this.answers,
        archived: this.archived,
        today: today(),
      }),
    );
    if (!file) return;
    saveFile(file);
    this.life.exported();
    this.store.updateWalkthrough(this.active, { exported: nowIso() });
    this.renderWalkthroughs();
    this.say(`Lastet ned ${file.filename}.`);
  }

  async importFile() {
    const file = this.importInput.files[0];
    this.importInput.value = "";
    if (!file) return;
    this.alert.replaceChildren();
    if (file.size > MAX_IMPORT_BYTES) {
      const size = (file.size / 1024 / 1024).toLocaleString("nb-NO", { maximumFractionDigits: 1 });
      this.showProblem(
        named`Filen «${file.name}» er for stor (${size} MB). En svarfil kan være høyst 2 MB. Ingen svar er endret.`,
      );
      return;
    }
    const text = await file.text();
    const imported = await this.withEngine(() =>
      engine.call("parse_import", { checklist: this.checklist, text }),
    );
    if (!imported) {
      this.say(named`Filen «${file.name}» ble ikke importert. Ingen svar er endret.`);
      return;
    }
    const hasAnswers = Object.keys(this.answers).length > 0;
    const choice = await ask({
      title: "Importer svar",
      message: [
        named`Filen inneholder gjennomgangen «${imported.walkthrough.name}» med ${Object.keys(imported.answers).length} svar.`,
        hasAnswers
          ? named`Vil du importere den som en ny gjennomgang, eller erstatte svarene i «${this.current.name}»?`
          : "Hvor vil du legge svarene?",
      ],
      buttons: [
        { value: "new", label: "Som ny gjennomgang", primary: true },
        { value: "replace", label: named`Erstatt svarene i «${this.current.name}»` },
        { value: "cancel", label: "Avbryt" },
      ],
    });
    if (choice !== "new" && choice !== "replace") {
      this.say("Importen er avbrutt. Ingen svar er endret.");
      return;
    }
    const target =
      choice === "new" ? this.newRecord(this.uniqueName(imported.walkthrough.name)) : this.active;
    if (!(await this.loadInto(target, imported))) {
      this.say(named`Filen «${file.name}» ble ikke importert.`);
      return;
    }
    this.say(named`Importerte ${Object.keys(imported.answers).length} svar fra «${file.name}».`);
  }

  /** «Navn», or «Navn (2)», «Navn (3)» … if a walk-through already has that name. */
  uniqueName(base) {
    const names = new Set(this.store.walkthroughs().map((w) => w.name));
    let name = base;
    for (let n = 2; names.has(name); n += 1) name = `${base} (${n})`;
    return name;
  }

  /**
   * Put imported or shared answers into ``target`` (a walk-through id, or a new record), show it,
   * and report content changes. All or nothing: false, with a message, when storage has no room.
   */
  async loadInto(target, imported) {
    const stored =
      typeof target === "string"
        ? this.store.replaceAnswers(target, imported.answers, imported.archived)
        : this.store.addWalkthroughWithAnswers(target, imported.answers, imported.archived);
    if (!stored) {
      this.showProblem(NO_ROOM);
      return false;
    }
    const id = typeof target === "string" ? target : target.id;
    // The meeting's own fields come along (participants, meeting date; created for a new record).
    const { created, ...meeting } = imported.record || {};
    const record = typeof target === "string" || !created ? meeting : { ...meeting, created };
    this.store.updateWalkthrough(id, { ...record, updated: nowIso(), version: this.version, items: null });
    this.life.edited();
    this.activate(id);
    if (imported.report.changed) {
      await this.engineLoaded;
      this.renderChanges(imported.report, this.definitionHashes(), this.version);
    }
    return true;
  }

  // Compare -----------------------------------------------------------------

  async compareWalkthroughs() {
    const others = this.store.walkthroughs().filter((w) => w.id !== this.active);
    if (!others.length) {
      this.say("Det finnes ingen annen gjennomgang å sammenligne med. Lag eller importer en først.");
      return;
    }
    const choice = await ask({
      title: "Sammenlign gjennomganger",
      message: named`Hva er endret i «${this.current.name}» sammenlignet med en tidligere gjennomgang?`,
      select: {
        label: "Tidligere gjennomgang",
        options: others.map((w) => ({ value: w.id, label: w.name })),
      },
      buttons: [
        { value: "ok", label: "Sammenlign", primary: true },
        { value: "cancel", label: "Avbryt" },
      ],
    });
    if (!choice) return;
    const earlier = others.find((w) => w.id === choice.value);
    const result = await this.withEngine(() =>
      engine.call("compare", {
        checklist: this.checklist,
        a: { name: earlier.name, answers: this.store.answers(earlier.id) },
        b: { name: this.current.name, answers: this.answers },
      }),
    );
    if (result) this.renderComparison(result);
  }

  renderComparison(result) {
    const parts = [
      element(
        "h3",
        { id: "pv-comparison-title" },
        named`Sammenligning: «${result.a.name}» → «${result.b.name}»`,
      ),
      element("p", { text: result.summary.text }),
    ];
    const list = (heading, entries, describe) => {
      if (!entries.length) return;
      parts.push(setContent(element("h4"), heading));
      parts.push(
        element(
          "ul",
          {},
          entries.map((entry) =>
            element("li", {}, [this.itemLink(entry), ": ", element("bdi", { text: describe(entry) })]),
          ),
        ),
      );
    };
    list("Endrede svar", result.changed, (e) => `${e.from_label} → ${e.to_label}`);
    list(named`Besvart bare i «${result.a.name}»`, result.only_a, (e) => e.label);
    list(named`Besvart bare i «${result.b.name}»`, result.only_b, (e) => e.label);
    for (const key of ["decision_changed", "owner_changed", "due_changed", "note_changed"]) {
      list(
        key === "decision_changed"
          ? "Endrede vedtak"
          : key === "owner_changed"
            ? "Endret ansvar"
            : key === "due_changed"
              ? "Endrede frister"
              : "Endrede notater",
        result[key],
        (e) => `${e.from || "–"} → ${e.to || "–"}`,
      );
    }
    list("Nye tiltak", result.actions_new, (e) =>
      [e.what, e.owner, e.owner_name, e.due].filter(Boolean).join(", "),
    );
    list("Tiltak som er utført eller fjernet", result.actions_resolved, (e) => `${e.what} (${e.how})`);
    const close = element("button", {
      type: "button",
      className: "md-button pv-button",
      text: "Lukk sammenligningen",
    });
    close.addEventListener("click", () => {
      this.comparison.hidden = true;
      this.compareButton.focus(); // back to the button that opened the comparison
    });
    parts.push(close);
    this.comparison.replaceChildren(...parts);
    this.comparison.hidden = false;
    this.comparison.querySelector("h3").setAttribute("tabindex", "-1");
    this.comparison.querySelector("h3").focus();
  }

  // Share links -------------------------------------------------------------

  async shareLink() {
    const choice = await ask({
      title: "Del svarene som lenke",
      message: [
        "Lenken inneholder alle svarene og notatene i denne gjennomgangen, pakket inn i selve lenken (etter #). Den sendes ikke til noen server når den åpnes.",
        "Alle som får lenken, kan lese svarene. Del den bare med dem som skal se dem, og ikke i åpne kanaler. Ikke del lenker med personopplysninger.",
      ],
      buttons: [
        { value: "make", label: "Lag lenke", primary: true },
        { value: "cancel", label: "Avbryt" },
      ],
    });
    if (choice !== "make") return;
    const shared = await this.withEngine(() =>
      engine.call("share_encode", {
        checklist: this.checklist,
        walkthrough: this.exportRecord(),
        answers: this.answers,
        archived: this.archived,
      }),
    );
    if (!shared) return;
    const url = new URL(window.location.href);
    url.hash = `del=${shared.fragment}`;
    this.say("Lenken er laget.");
    const copy = await ask({
      title: "Lenke til svarene",
      message: `Lenken er ${url.href.length} tegn lang.`,
      input: { label: "Lenke", value: url.href, readonly: true },
      buttons: [
        { value: "copy", label: "Kopier lenken", primary: true },
        { value: "cancel", label: "Lukk" },
      ],
    });
    if (copy && copy.choice === "copy") {
      try {
        await navigator.clipboard.writeText(url.href);
        this.say("Lenken er kopiert.");
      } catch {
        this.say("Kunne ikke kopiere automatisk. Merk lenken og kopier den selv.");
      }
    }
  }

  /** A link made by «Del som lenke» opens as a new walk-through, after asking. */
  async openSharedLink() {
    const match = window.location.hash.match(/^#del=(.+)$/);
    if (!match) return;
    history.replaceState(null, "", window.location.pathname + window.location.search);
    let shared;
    try {
      shared = await engine.call("share_decode", { checklist: this.checklist, fragment: match[1] });
    } catch (error) {
      this.showProblem(error.userMessage ? error.message : `Lenken kunne ikke åpnes: ${error.message}`);
      return;
    }
    const count = Object.keys(shared.answers).length;
    const choice = await ask({
      title: "Åpne delte svar?",
      message: [
        named`Lenken inneholder gjennomgangen «${shared.walkthrough.name}» med ${count} svar.`,
        "Den åpnes som en ny gjennomgang i denne nettleseren. Dine egne svar endres ikke.",
      ],
      buttons: [
        { value: "open", label: "Åpne som ny gjennomgang", primary: true },
        { value: "cancel", label: "Avbryt" },
      ],
    });
    if (choice !== "open") {
      this.say("De delte svarene ble ikke åpnet.");
      return;
    }
    const name = this.uniqueName(shared.walkthrough.name);
    if (!(await this.loadInto(this.newRecord(name), shared))) return;
    this.say(named`Åpnet ${count} delte svar som «${name}».`);
  }

  definitionHashes() {
    const hashes = {};
    for (const section of this.definition.sections)
      for (const item of section.items) hashes[item.id] = item.hash;
    return hashes;
  }
}
