// Export and import of answer files, through the engine. Mixed into ChecklistPage
// (page.js), so `this` is the page controller.
import * as engine from "./engine-client.js";
import { ask, named, saveFile, today } from "./dialog.js";
import { MAX_IMPORT_BYTES } from "./rules.js";
import { NO_ROOM } from "./storage.js";
import { nowIso } from "./walkthroughs.js";

// Every kind the engine exports (partnerskap/engine/exports.py, EXPORTERS), with its button label.
export const EXPORTS = [
  ["json", "JSON"],
  ["xlsx", "Excel"],
  ["csv", "CSV"],
  ["csv-tiltak", "Tiltak (CSV)"],
  ["markdown", "Markdown"],
  ["referat", "Referat (Word)"],
  ["referat-md", "Referat (Markdown)"],
];

export const transferMethods = {
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
  },

  /** What the engine is told of the shown walk-through (exports, minutes, share links). */
  walkthroughData() {
    return {
      checklist: this.checklist,
      walkthrough: this.exportRecord(),
      answers: this.answers,
      archived: this.archived,
    };
  },

  /** The engine's one minutes model of the shown walk-through (screen, print, Word and Markdown). */
  minutes() {
    return engine.call("minutes", { ...this.walkthroughData(), today: today() });
  },

  async exportAs(kind) {
    const file = await this.withEngine(() =>
      engine.call("export", { ...this.walkthroughData(), kind, today: today() }),
    );
    if (!file) return null;
    saveFile(file);
    this.life.exported();
    this.store.updateWalkthrough(this.active, { exported: nowIso() });
    this.renderWalkthroughs();
    this.say(`Lastet ned ${file.filename}.`);
    return file.filename;
  },

  async importFile() {
    const file = this.importInput.files[0];
    this.importInput.value = "";
    if (!file) return;
    this.alert.replaceChildren();
    if (file.size > MAX_IMPORT_BYTES) {
      const size = (file.size / 1024 / 1024).toLocaleString("nb-NO", { maximumFractionDigits: 1 });
      this.showProblem(
        named`Filen «${file.name}» er for stor (${size} MB). En svarfil kan være høyst ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Ingen svar er endret.`,
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
  },

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
    this.dropUntouchedDefault(id);
    this.activate(id);
    if (imported.report.changed) {
      await this.engineLoaded;
      this.renderChanges(imported.report, this.definitionHashes(), this.version);
    }
    return true;
  },
};
