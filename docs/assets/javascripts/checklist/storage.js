// Answers in the browser's localStorage, one key per item so that two tabs editing the
// same walk-through never overwrite each other's answers. All keys start with PREFIX.
export const PREFIX = "partnerskap:v1:";

/** Problems the page must tell the user about. */
export class StorageProblem extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

function openLocalStorage() {
  try {
    const storage = window.localStorage;
    const probe = `${PREFIX}probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

function isQuotaError(error) {
  return (
    error &&
    (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22)
  );
}

export class AnswerStore {
  /**
   * @param {string} checklist checklist id
   * @param {(problem: StorageProblem) => void} onProblem told about full, blocked or corrupt storage
   */
  constructor(checklist, onProblem) {
    this.checklist = checklist;
    this.onProblem = onProblem;
    this.storage = openLocalStorage();
    this.memory = new Map(); // used when storage is blocked
    this.unsaved = new Map(); // writes that failed (storage full), retried on the next write and on pagehide
    if (!this.storage) {
      onProblem(
        new StorageProblem(
          "blocked",
          "Nettleseren tillater ikke lagring for dette nettstedet, så svarene blir ikke lagret når du lukker siden. Eksporter svarene til en fil før du går.",
        ),
      );
    }
  }

  key(...parts) {
    return `${PREFIX}${this.checklist}:${parts.join(":")}`;
  }

  rawGet(key) {
    return this.storage ? this.storage.getItem(key) : (this.memory.get(key) ?? null);
  }

  rawSet(key, value) {
    if (!this.storage) {
      this.memory.set(key, value);
      return true;
    }
    try {
      this.storage.setItem(key, value);
      this.unsaved.delete(key);
      return true;
    } catch (error) {
      this.unsaved.set(key, value);
      if (isQuotaError(error)) {
        this.onProblem(
          new StorageProblem(
            "full",
            "Svaret ble ikke lagret fordi nettleserens lagringsplass er full. Eksporter svarene til en fil, og slett gamle gjennomganger for å frigjøre plass. Svarene på siden beholdes så lenge den er åpen.",
          ),
        );
      } else {
        this.onProblem(
          new StorageProblem(
            "blocked",
            "Svaret ble ikke lagret fordi nettleseren avviste lagringen. Eksporter svarene til en fil før du lukker siden.",
          ),
        );
      }
      return false;
    }
  }

  rawRemove(key) {
    if (this.storage) this.storage.removeItem(key);
    else this.memory.delete(key);
    this.unsaved.delete(key);
  }

  keys() {
    if (!this.storage) return [...this.memory.keys()];
    const keys = [];
    for (let i = 0; i < this.storage.length; i += 1) keys.push(this.storage.key(i));
    return keys;
  }

  /** Try again the writes that failed; called before the page goes away. */
  flush() {
    for (const [key, value] of [...this.unsaved]) {
      if (!this.rawSet(key, value)) return false;
    }
    return true;
  }

  readJSON(key, fallback) {
    const raw = this.rawGet(key);
    if (raw === null) return fallback;
    try {
      return JSON.parse(raw);
    } catch {
      this.quarantine(key, raw);
      return fallback;
    }
  }

  /** Keep unreadable data under a separate key instead of dropping it, and say so. */
  quarantine(key, raw) {
    const copy = `${PREFIX}uleselig:${Date.now()}:${key.slice(PREFIX.length)}`;
    if (this.rawSet(copy, raw)) this.rawRemove(key);
    this.onProblem(
      new StorageProblem(
        "corrupt",
        "Noen lagrede data kunne ikke leses. De er tatt vare på uendret (i nettleserens lagring under «partnerskap:v1:uleselig»), og resten av svarene er lastet.",
      ),
    );
  }

  // Walk-throughs ---------------------------------------------------------

  walkthroughs() {
    const list = this.readJSON(this.key("gjennomganger"), []);
    return Array.isArray(list) ? list : [];
  }

  saveWalkthroughs(list) {
    return this.rawSet(this.key("gjennomganger"), JSON.stringify(list));
  }

  updateWalkthrough(id, changes) {
    const list = this.walkthroughs().map((w) => (w.id === id ? { ...w, ...changes } : w));
    this.saveWalkthroughs(list);
    return list.find((w) => w.id === id);
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
      const answer = this.readJSON(key, null);
      if (answer && typeof answer === "object") answers[key.slice(prefix.length)] = answer;
    }
    return answers;
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
    return this.readJSON(this.key(walkthrough, "arkiv"), {});
  }

  setArchived(walkthrough, archived) {
    return this.rawSet(this.key(walkthrough, "arkiv"), JSON.stringify(archived));
  }

  /** Replace all answers of a walk-through (import, duplicate). */
  replaceAnswers(walkthrough, answers, archived) {
    this.removeAnswers(walkthrough);
    for (const [itemId, answer] of Object.entries(answers)) this.setAnswer(walkthrough, itemId, answer);
    this.setArchived(walkthrough, archived || {});
  }

  removeAnswers(walkthrough) {
    const prefix = this.key(walkthrough, "");
    for (const key of this.keys()) if (key.startsWith(prefix)) this.rawRemove(key);
  }

  /** Every key this site has stored, for every checklist («Slett alle data»). */
  removeEverything() {
    for (const key of this.keys()) if (key.startsWith(PREFIX)) this.rawRemove(key);
    this.memory.clear();
    this.unsaved.clear();
  }

  /** Which item (or the walk-through list) a storage key from another tab refers to. */
  describe(key, walkthrough) {
    if (key === this.key("gjennomganger")) return { kind: "walkthroughs" };
    const prefix = this.answerPrefix(walkthrough);
    if (key && key.startsWith(prefix)) return { kind: "answer", item: key.slice(prefix.length) };
    if (key === this.key(walkthrough, "arkiv")) return { kind: "archived" };
    return null;
  }
}
