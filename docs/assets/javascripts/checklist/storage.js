// Answers in the browser's localStorage, one key per item and one key per field of a
// walk-through record, so that two tabs editing at once never overwrite each other's
// changes: a tab only ever writes the keys of what its user changed. All keys start with PREFIX.
import {
  isAnswer,
  isArchive,
  isObject,
  isQuotaError,
  isRecord,
  isRecordField,
  openArea,
} from "./storage-guard.js";

export const PREFIX = "partnerskap:v1:";

/** Problems the page must tell the user about. */
export class StorageProblem extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

const FULL =
  "Endringen ble ikke lagret fordi nettleserens lagringsplass er full. Den vises på siden så lenge den er åpen, og lagres så snart det blir plass. Eksporter svarene til en fil, og slett gamle gjennomganger for å frigjøre plass.";
const REFUSED =
  "Endringen ble ikke lagret fordi nettleseren avviste lagringen. Den vises på siden så lenge den er åpen. Eksporter svarene til en fil før du lukker siden.";

/** Said when an import, copy or restore finds no room: it is all or nothing. */
export const NO_ROOM =
  "Det var ikke plass i nettleserens lagring, så ingenting ble lagret og ingen svar er endret. Eksporter og slett gamle gjennomganger for å frigjøre plass, og prøv igjen.";

export class AnswerStore {
  /**
   * @param {string} checklist checklist id
   * @param {(problem: StorageProblem) => void} onProblem told about full, blocked or corrupt storage
   */
  constructor(checklist, onProblem) {
    this.checklist = checklist;
    this.onProblem = onProblem;
    this.onUnsavedChange = () => {}; // set by the page: called when the set of unsaved keys changes
    this.storage = openArea("localStorage", `${PREFIX}probe`);
    this.memory = new Map(); // used when storage is blocked
    // Writes that failed (storage full): kept here, read back as if stored, and retried on
    // every later write and removal, and before the page goes away.
    this.unsaved = new Map();
    this.unreadable = new Set(); // keys that could not be read nor moved aside (storage full)
    if (!this.storage) {
      onProblem(
        new StorageProblem(
          "blocked",
          "Nettleseren tillater ikke lagring for dette nettstedet. Du kan svare som vanlig, men svarene finnes bare på denne siden og forsvinner når du lukker den. Eksporter svarene til en fil før du går.",
        ),
      );
    }
  }

  key(...parts) {
    return `${PREFIX}${this.checklist}:${parts.join(":")}`;
  }

  get persistent() {
    return Boolean(this.storage);
  }

  rawGet(key) {
    if (!this.storage) return this.memory.get(key) ?? null;
    if (this.unsaved.has(key)) return this.unsaved.get(key);
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  /** One write to the real storage; the error, or null when it was written. */
  tryWrite(key, value) {
    try {
      if (value === null) this.storage.removeItem(key);
      else this.storage.setItem(key, value);
      return null;
    } catch (error) {
      return error || new Error("storage");
    }
  }

  rawSet(key, value) {
    if (!this.storage) {
      this.memory.set(key, value);
      return true;
    }
    const error = this.tryWrite(key, value);
    if (!error) {
      const had = this.unsaved.delete(key);
      this.retryUnsaved(had);
      return true;
    }
    this.unsaved.set(key, value);
    this.onUnsavedChange();
    this.onProblem(
      new StorageProblem(isQuotaError(error) ? "full" : "refused", isQuotaError(error) ? FULL : REFUSED),
    );
    return false;
  }

  rawRemove(key) {
    if (!this.storage) {
      this.memory.delete(key);
      return;
    }
    this.tryWrite(key, null);
    const had = this.unsaved.delete(key);
    this.retryUnsaved(had); // a removal frees space for what could not be written before
  }

  /** Write again what failed before, in order, until one fails. */
  retryUnsaved(changed = false) {
    let progress = changed;
    for (const [key, value] of [...this.unsaved]) {
      if (this.tryWrite(key, value)) break;
      this.unsaved.delete(key);
      progress = true;
    }
    if (progress) this.onUnsavedChange();
  }

  /**
   * Write several keys as one: either every write succeeds (then the removals are done), or
   * every key is put back as it was and false is returned. Nothing is deleted before the new
   * data is safely written.
   * @param {[string, string|null][]} entries value null removes the key
   */
  writeAll(entries) {
    if (!this.storage) {
      for (const [key, value] of entries) {
        if (value === null) this.memory.delete(key);
        else this.memory.set(key, value);
      }
      return true;
    }
    const done = [];
    for (const [key, value] of entries) {
      if (value === null) continue;
      const before = this.rawGet(key);
      if (this.tryWrite(key, value)) {
        for (const [doneKey, old] of done.reverse())
          if (this.tryWrite(doneKey, old)) this.unsaved.set(doneKey, old);
        return false;
      }
      done.push([key, before]);
    }
    for (const [key, value] of entries) if (value === null) this.rawRemove(key);
    for (const [key] of entries) this.unsaved.delete(key);
    this.retryUnsaved(true);
    return true;
  }

  keys() {
    if (!this.storage) return [...this.memory.keys()];
    const keys = new Set(this.unsaved.keys());
    try {
      for (let i = 0; i < this.storage.length; i += 1) keys.add(this.storage.key(i));
    } catch {
      /* a storage that stops answering lists only what this tab holds */
    }
    return [...keys];
  }

  /** Try again the writes that failed; called before the page goes away. True when nothing is left unsaved. */
  flush() {
    this.retryUnsaved();
    return this.unsaved.size === 0;
  }

  /** The stored value of key, or fallback when missing; unreadable or wrongly shaped data is quarantined. */
  readJSON(key, fallback, isValid = () => true) {
    const raw = this.rawGet(key);
    if (raw === null) return fallback;
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      this.quarantine(key, raw);
      return fallback;
    }
    if (!isValid(value)) {
      this.quarantine(key, raw);
      return fallback;
    }
    return value;
  }

  /** Keep unreadable data under a separate key instead of dropping it, and say so. */
  quarantine(key, raw) {
    if (this.unreadable.has(key)) return; // already reported; it could not be moved for lack of room
    const copy = `${PREFIX}uleselig:${Date.now()}:${key.slice(PREFIX.length)}`;
    const kept = this.writeAll([
      [copy, raw],
      [key, null],
    ]);
    if (!kept) this.unreadable.add(key);
    this.onProblem(
      new StorageProblem(
        "corrupt",
        kept
          ? "Noen lagrede data kunne ikke leses fordi de var ødelagt eller hadde feil form. De er tatt vare på uendret (i nettleserens lagring under «partnerskap:v1:uleselig») og er ikke med på siden. Alt annet er lastet som vanlig."
          : "Noen lagrede data kunne ikke leses fordi de var ødelagt eller hadde feil form, og det var ikke plass til å flytte dem. De ligger uendret der de var, men er ikke med på siden. Alt annet er lastet som vanlig.",
      ),
    );
  }

  // Walk-throughs: one key per field, «gjennomgang:<id>:<field>». A record exists while its name does.

  recordKey(id, field) {
    return this.key("gjennomgang", id, field);
  }

  /** Move the old single list («gjennomganger») to one key per field, once. */
  migrateList() {
    const legacy = this.key("gjennomganger");
    const raw = this.rawGet(legacy);
    if (raw === null) return;
    const list = this.readJSON(legacy, null, Array.isArray);
    if (!list) return;
    // The list order is kept as «seq», since records are no longer stored in one list.
    const records = list.filter(isRecord).map((record, index) => ({ seq: index, ...record }));
    const entries = records.flatMap((record) => this.recordEntries(record));
    if (records.length !== list.length) this.quarantine(legacy, raw);
    if (this.writeAll([...entries, [legacy, null]])) return;
    for (const [key, value] of entries) this.rawSet(key, value); // kept unsaved in this tab if full
  }

  /** The keys of a new record; the name comes last, so another tab never sees half a record. */
  recordEntries(record) {
    const fields = Object.entries(record).filter(([field]) => field !== "id" && field !== "name");
    return [...fields, ["name", record.name]].map(([field, value]) => [
      this.recordKey(record.id, field),
      JSON.stringify(value),
    ]);
  }

  walkthroughs() {
    this.migrateList();
    const prefix = this.key("gjennomgang", "");
    const fields = new Map();
    for (const key of this.keys()) {
      if (!key || !key.startsWith(prefix)) continue;
      const [id, field] = key.slice(prefix.length).split(":");
      if (!id || !field) continue;
      if (!fields.has(id)) fields.set(id, []);
      fields.get(id).push(field);
    }
    const records = [];
    for (const [id, names] of fields) {
      if (!names.includes("name")) continue;
      const record = { id };
      for (const field of names) {
        const value = this.readJSON(this.recordKey(id, field), undefined, (v) => isRecordField(field, v));
        if (value !== undefined) record[field] = value;
      }
      if (record.name) records.push(record);
    }
    const order = (record) => [record.seq ?? 0, String(record.created), record.id];
    return records.sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1].localeCompare(y[1]) || x[2].localeCompare(y[2]);
    });
  }

  walkthrough(id) {
    return this.walkthroughs().find((w) => w.id === id) || null;
  }

  /** Store a new record; false (and nothing stored) when there is no room. */
  addWalkthrough(record) {
    return this.writeAll(this.recordEntries(record));
  }

  /** Write only the changed fields, and only while the record exists (never bring back a deleted one). */
  updateWalkthrough(id, changes) {
    if (this.rawGet(this.recordKey(id, "name")) === null) return false;
    for (const [field, value] of Object.entries(changes))
      this.rawSet(this.recordKey(id, field), JSON.stringify(value));
    return true;
  }

  deleteWalkthrough(id) {
    this.rawRemove(this.recordKey(id, "name")); // first: other tabs see at once that it is gone
    const prefix = this.key("gjennomgang", id, "");
    for (const key of this.keys()) if (key.startsWith(prefix)) this.rawRemove(key);
    this.removeAnswers(id);
  }

  // Answers ---------------------------------------------------------------

  answerPrefix(walkthrough) {
    return this.key(walkthrough, "svar", "");
  }

  answers(walkthrough) {
    const prefix = this.answerPrefix(walkthrough);
    const answers = {};
    for (const key of this.keys()) {
      if (!key.startsWith(prefix)) continue;
      const answer = this.readJSON(key, null, isAnswer);
      if (answer) answers[key.slice(prefix.length)] = answer;
    }
    return answers;
  }

  /** The stored answer to one item, read fresh (another tab may have changed it). */
  answer(walkthrough, itemId) {
    return this.readJSON(this.answerPrefix(walkthrough) + itemId, null, isAnswer);
  }

  setAnswer(walkthrough, itemId, answer) {
    const key = this.answerPrefix(walkthrough) + itemId;
    if (answer === null) {
      this.rawRemove(key);
      return true;
    }
    return this.rawSet(key, JSON.stringify(answer));
  }

  archived(walkthrough) {
    return this.readJSON(this.key(walkthrough, "arkiv"), {}, isArchive);
  }

  setArchived(walkthrough, archived) {
    return this.rawSet(this.key(walkthrough, "arkiv"), JSON.stringify(archived));
  }

  /** The writes that replace all answers of a walk-through: new answers first, then removals. */
  answerEntries(walkthrough, answers, archived) {
    const prefix = this.answerPrefix(walkthrough);
    const entries = Object.entries(answers).map(([itemId, answer]) => [
      prefix + itemId,
      JSON.stringify(answer),
    ]);
    entries.push([this.key(walkthrough, "arkiv"), JSON.stringify(archived || {})]);
    for (const key of this.keys())
      if (key.startsWith(prefix) && !Object.hasOwn(answers, key.slice(prefix.length)))
        entries.push([key, null]);
    return entries;
  }

  /** Replace all answers of a walk-through (import, duplicate) as one write; false and nothing changed when there is no room. */
  replaceAnswers(walkthrough, answers, archived) {
    return this.writeAll(this.answerEntries(walkthrough, answers, archived));
  }

  /** A new walk-through with its answers as one write; false and nothing stored when there is no room. */
  addWalkthroughWithAnswers(record, answers, archived) {
    return this.writeAll([
      ...this.answerEntries(record.id, answers, archived),
      ...this.recordEntries(record),
    ]);
  }

  removeAnswers(walkthrough) {
    const prefix = this.key(walkthrough, "");
    for (const key of this.keys()) if (key.startsWith(prefix)) this.rawRemove(key);
  }

  /** Every key this site has stored, for every checklist («Slett alle data»). */
  removeEverything() {
    this.unsaved.clear();
    for (const key of this.keys()) if (key.startsWith(PREFIX)) this.rawRemove(key);
    this.memory.clear();
    this.onUnsavedChange();
  }

  /** Which item (or walk-through record) a storage key from another tab refers to. */
  describe(key, walkthrough) {
    if (key && key.startsWith(this.key("gjennomgang", ""))) return { kind: "walkthroughs" };
    const prefix = this.answerPrefix(walkthrough);
    if (key && key.startsWith(prefix)) return { kind: "answer", item: key.slice(prefix.length) };
    if (key === this.key(walkthrough, "arkiv")) return { kind: "archived" };
    return null;
  }
}

export { isObject };
