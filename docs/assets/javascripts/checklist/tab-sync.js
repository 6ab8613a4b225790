// Answers changed in another tab of the same walk-through: shown at once, field by field,
// with a note on the item saying what changed. Text the user is typing right now is never
// replaced under their fingers; if they stop without typing more, the other tab's text is
// shown when they leave the field.
import { writeAnswer } from "./answer-form.js";
import { element, named } from "./dialog.js";
import { NO_ROOM } from "./storage.js";

const FIELD_NAMES = {
  value: "svaret",
  note: "notatet",
  owner: "hvem som har ansvaret",
  owner_name: "navnet på den ansvarlige",
  due: "fristen",
  decision: "vedtaket",
  actions: "tiltakene",
};

function same(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The user-visible fields that differ between two answers. */
export function changedFields(before, after) {
  return Object.keys(FIELD_NAMES).filter((field) => !same(before?.[field], after?.[field]));
}

function time() {
  return new Date().toLocaleTimeString("nb-NO", { hour: "2-digit", minute: "2-digit" });
}

export class TabSync {
  constructor(page) {
    this.page = page;
    this.held = new Map(); // "item field" -> true: another tab's value waits until the user leaves the field
  }

  /** A change another tab made to this site's storage. */
  onStorage(event) {
    const page = this.page;
    if (!page.store.persistent || event.storageArea !== window.localStorage) return;
    if (event.key === null) {
      page.activate(page.initialWalkthrough());
      return;
    }
    const what = page.store.describe(event.key, page.active);
    if (!what) return;
    if (what.kind === "walkthroughs") {
      if (page.store.walkthrough(page.active)) page.renderWalkthroughs();
      else this.deletedElsewhere();
    } else if (what.kind === "answer") {
      this.remoteAnswer(what.item, page.store.answer(page.active, what.item));
      page.queueProgress();
    } else if (what.kind === "archived") {
      page.archived = page.store.archived(page.active);
      page.renderArchived();
    }
  }

  /** Another tab stored ``answer`` for ``itemId`` in the walk-through this tab shows. */
  remoteAnswer(itemId, answer) {
    const fieldset = this.page.items.get(itemId);
    const fields = changedFields(this.page.answers[itemId], answer);
    if (answer) this.page.answers[itemId] = answer;
    else delete this.page.answers[itemId];
    if (!fieldset || !fields.length) return;
    const focused = fieldset.contains(document.activeElement) ? document.activeElement : null;
    const typing = focused && focused.dataset.pvField && focused.type !== "radio" ? focused : null;
    const conflict = typing && fields.includes(typing.dataset.pvField);
    writeAnswer(fieldset, answer, conflict ? typing : null);
    if (conflict) this.held.set(`${itemId} ${typing.dataset.pvField}`, true);
    const list = fields.map((field) => FIELD_NAMES[field]).join(", ");
    this.note(
      fieldset,
      conflict
        ? `Endret i en annen fane kl. ${time()}: ${list}. Du skriver i det samme feltet: skriver du videre, lagres teksten din; går du ut av feltet uten å skrive, vises teksten fra den andre fanen.`
        : `Endret i en annen fane kl. ${time()}: ${list}.`,
    );
  }

  /** The user changed a field here: their text wins, and the item's note goes away. */
  localEdit(itemId, field) {
    this.held.delete(`${itemId} ${field}`);
    const fieldset = this.page.items.get(itemId);
    fieldset?.querySelector(".pv-item__remote")?.remove();
  }

  /** Leaving a field whose other-tab value was held back: show the stored value now. */
  leftField(control) {
    const fieldset = control.closest && control.closest("fieldset[data-pv-item]");
    if (!fieldset || !control.dataset.pvField) return;
    const key = `${fieldset.dataset.pvItem} ${control.dataset.pvField}`;
    if (!this.held.delete(key)) return;
    writeAnswer(fieldset, this.page.answers[fieldset.dataset.pvItem]);
    this.note(
      fieldset,
      `Viser nå det som ble lagret i den andre fanen (${FIELD_NAMES[control.dataset.pvField]}).`,
    );
  }

  /** The walk-through shown here was deleted in another tab: show another, and offer to bring it back. */
  deletedElsewhere() {
    const page = this.page;
    const name = page.activeName || "Min gjennomgang";
    const { answers, archived } = page;
    page.activate(page.initialWalkthrough());
    const restore = element("button", {
      type: "button",
      className: "md-button pv-button",
      text: "Gjenopprett den med svarene fra denne fanen",
    });
    restore.addEventListener("click", () => {
      const record = page.newRecord(page.uniqueName(name));
      if (!page.store.addWalkthroughWithAnswers(record, answers, archived)) {
        page.showProblem(NO_ROOM);
        return;
      }
      page.dropUntouchedDefault(record.id);
      page.activate(record.id);
      page.alert.replaceChildren();
      page.say(
        named`Gjennomgangen «${record.name}» er gjenopprettet med ${Object.keys(answers).length} svar.`,
      );
    });
    page.showProblem(
      named`Gjennomgangen «${name}» ble slettet i en annen fane. Nå vises «${page.current.name}». Svarene fra «${name}» finnes fortsatt i denne fanen til du lukker den eller gjenoppretter dem.`,
      [restore],
    );
  }

  /** Forget held values (another walk-through is shown). */
  reset() {
    this.held.clear();
    for (const fieldset of this.page.items.values()) fieldset.querySelector(".pv-item__remote")?.remove();
  }

  note(fieldset, text) {
    let note = fieldset.querySelector(".pv-item__remote");
    if (!note) {
      note = element("p", { className: "pv-item__remote", role: "status" });
      fieldset.append(note);
    }
    note.textContent = text;
  }
}
