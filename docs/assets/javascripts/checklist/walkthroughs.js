// State and storage of the page's walk-throughs: which one is shown, creating, renaming,
// duplicating and deleting them, and the record exports describe. Mixed into ChecklistPage
// (page.js), so `this` is the page controller.
import { writeAnswer } from "./answer-form.js";
import { ask, named } from "./dialog.js";
import { NO_ROOM } from "./storage.js";
import { sessionGet, sessionSet } from "./storage-guard.js";

export function newId() {
  return (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`)
    .replace(/[^A-Za-z0-9-]/g, "")
    .slice(0, 36);
}

/** The name of the walk-through the page makes when there is none. */
const DEFAULT_NAME = "Min gjennomgang";

export function nowIso() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const walkthroughMethods = {
  initialWalkthrough() {
    const list = this.store.walkthroughs();
    // This tab's own choice first, then the one used last in any tab (if it still exists).
    for (const wanted of [
      sessionGet(this.store.key("aktiv")),
      this.store.rawGet(this.store.key("sist-brukt")),
    ])
      if (list.some((w) => w.id === wanted)) return wanted;
    if (list.length) return list[0].id;
    return this.addDefaultWalkthrough();
  },

  /**
   * The walk-through the page makes by itself when there is none. Remembered, so that when one
   * arrives by import or share link it is removed again if still empty (a fresh profile then
   * holds the arrived walk-through only, not an empty «Min gjennomgang» beside it).
   */
  addDefaultWalkthrough() {
    this.untouchedDefault = this.addWalkthrough(DEFAULT_NAME).id;
    return this.untouchedDefault;
  },

  /** The page's own default walk-through while nothing was ever written in it, else null. */
  untouchedDefaultId() {
    const id = this.untouchedDefault;
    const record = id ? this.store.walkthrough(id) : null;
    const untouched =
      record &&
      record.name === DEFAULT_NAME &&
      !record.participants &&
      !record.meeting_date &&
      !record.exported &&
      Object.keys(this.store.answers(id)).length === 0 &&
      Object.keys(this.store.archived(id)).length === 0;
    return untouched ? id : null;
  },

  /** Remove the page's own default walk-through (unless it is ``keep``) if nothing was ever written in it. */
  dropUntouchedDefault(keep) {
    const id = this.untouchedDefaultId();
    this.untouchedDefault = null;
    if (id && id !== keep) this.store.deleteWalkthrough(id);
  },

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
  },

  /** A new, empty walk-through; when storage is full it is kept on this page (and retried) instead. */
  addWalkthrough(name, extra = {}) {
    const record = this.newRecord(name, extra);
    if (!this.store.addWalkthrough(record))
      for (const [key, value] of this.store.recordEntries(record)) this.store.rawSet(key, value);
    return record;
  },

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
  },

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
  },

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
  },

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
  },

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
    this.removeCurrent();
  },

  /** Delete the shown walk-through (the caller has asked the user) and show another. */
  removeCurrent() {
    const name = this.current.name;
    this.store.deleteWalkthrough(this.active);
    const rest = this.store.walkthroughs();
    this.activate(rest.length ? rest[0].id : this.addDefaultWalkthrough());
    this.say(named`Gjennomgangen «${name}» er slettet.`);
  },

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
    this.activate(this.addDefaultWalkthrough());
    this.say("Alle lagrede data er slettet.");
  },

  /**
   * «Navn», or «Navn (2)», «Navn (3)» … if a walk-through already has that name (the empty default,
   * which an arriving walk-through replaces, does not count).
   */
  uniqueName(base) {
    const replaced = this.untouchedDefaultId();
    const names = new Set(
      this.store
        .walkthroughs()
        .filter((w) => w.id !== replaced)
        .map((w) => w.name),
    );
    let name = base;
    for (let n = 2; names.has(name); n += 1) name = `${base} (${n})`;
    return name;
  },

  /** Change the current walk-through's record (e.g. meeting participants and date). */
  updateRecord(changes) {
    this.store.updateWalkthrough(this.active, changes);
  },

  /** The walk-through as exports describe it. */
  exportRecord() {
    const record = this.current;
    const out = { id: record.id, name: record.name, created: record.created, updated: record.updated };
    if (record.participants) out.participants = record.participants;
    if (record.meeting_date) out.meeting_date = record.meeting_date;
    return out;
  },
};
