// A checklist page: binds the generated form to storage at once (before any Python has
// loaded), and asks the engine for everything derived: progress, filters, exports,
// import validation and content-change reports.
//
// The controller is split by concern; each module's methods are mixed into ChecklistPage:
//   walkthroughs.js   state and storage: walk-throughs, the shown one, its record
//   item-form.js      the item form: saving edits, setExtra
//   panel.js          the panel: buttons, filters, progress, reports to the user
//   transfer.js       export and import
//   compare-share.js  comparing walk-throughs, share links
// This file keeps the engine's life cycle and the progress queue.
//
// Interface used by meeting mode (meeting.js) and kept stable for it:
//   items               Map item id -> the item's <fieldset> on the page
//   answers             the shown walk-through's answers, by item id (read-only for callers)
//   current             the shown walk-through's record (name, participants, meeting_date …)
//   setExtra(id, patch) change fields the page's form does not show (decision, actions); saved at once
//   updateRecord(patch) change the shown walk-through's record (participants, meeting_date)
//   exportAs(kind)      download an export (a kind from the engine's exports); resolves to the
//                       file name, or null when nothing was saved (the reason is in alert)
//   progressText        the element whose text is the current progress line
//   openerAfterMeeting  the control that gets focus back when meeting mode closes
// Added for meeting mode (issue 11, h-meeting):
//   loaded              the engine's reply to load_definition: sections (ids, numbers, titles as
//                       people name them, items) and owners (sides with labels); set when ready
//   engineLoaded        promise of the engine start (meeting mode waits for it)
//   minutes()           the engine's minutes model of the shown walk-through (transfer.js)
//   store.walkthroughs()  to say how many other walk-throughs stay on «Avslutt møtet»
//   alert               the page's problem box (its text is shown in meeting mode when an export fails)
//   removeCurrent()     delete the shown walk-through without asking (the caller has asked)
// The review views («Sjekk svarene», the actions list, the printed report) reach this controller
// only through review-host.js.
import { ActionsList } from "./actions-list.js";
import { CheckAnswers } from "./check-answers.js";
import * as engine from "./engine-client.js";
import { EngineStatus } from "./engine-status.js";
import { compareShareMethods } from "./compare-share.js";
import { itemFormMethods } from "./item-form.js";
import { panelMethods } from "./panel.js";
import { PrintReport } from "./print-report.js";
import { reviewHost } from "./review-host.js";
import { siteUrl } from "./site.js";
import { AnswerStore } from "./storage.js";
import { StorageLife } from "./storage-life.js";
import { TabSync } from "./tab-sync.js";
import { transferMethods } from "./transfer.js";
import { nowIso, walkthroughMethods } from "./walkthroughs.js";

// Items from which a checklist page is a long list: progress updates then repaint only what is in view.
const LONG_LIST = 300;

export class ChecklistPage {
  constructor(root) {
    this.root = root;
    this.checklist = root.dataset.pvChecklist;
    this.version = root.dataset.pvVersion;
    this.definitionUrl = siteUrl(root.dataset.pvDefinition);
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
    // The review views (review-host.js is their whole interface to this controller).
    const host = reviewHost(this, () => this.report);
    [this.report, this.checkAnswers, this.actionsList] = [PrintReport, CheckAnswers, ActionsList].map(
      (View) => new View(host),
    );
    this.buildPanel();
    this.store.onUnsavedChange = () => this.life.renderUnsaved();
    this.activate(this.initialWalkthrough());
    this.listen(this.article, "input", (event) => this.onEdit(event));
    this.listen(this.article, "change", (event) => this.onEdit(event));
    this.listen(this.article, "click", (event) => this.onClear(event));
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
    for (const view of [this.report, this.checkAnswers.sheet, this.actionsList.sheet]) view.destroy();
    for (const remove of this.listeners) remove();
    this.listeners = [];
    this.destroyed = true;
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
        // The reply names the structure and the owner sides; meeting mode takes them from here.
        this.loaded = await engine.loadDefinition(definition);
        this.owners = this.loaded.owners; // the sides, for the actions list
        this.labelFilters(definition);
        this.enableFilters();
      });
    this.engineLoaded.then(
      () => this.engineStatus.ready(),
      (error) => this.engineStatus.failed(error.message),
    );
    this.engineLoaded
      .then(() => this.openWithEngine())
      .then(() => {
        // Load the export code while the page is idle: the engine is ready first, exports are quick later.
        // The mark tells the benchmark that a first visit has downloaded all it will.
        const warmUp = () => engine.call("warm_up", {}).then(() => performance.mark("pv-engine-warm"));
        setTimeout(() => warmUp().catch(() => {}), 500);
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
          this.report.schedule(); // the printed report follows the answers
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

  definitionHashes() {
    const hashes = {};
    for (const section of this.definition.sections)
      for (const item of section.items) hashes[item.id] = item.hash;
    return hashes;
  }
}

for (const methods of [
  walkthroughMethods,
  itemFormMethods,
  panelMethods,
  transferMethods,
  compareShareMethods,
])
  Object.defineProperties(ChecklistPage.prototype, Object.getOwnPropertyDescriptors(methods));
