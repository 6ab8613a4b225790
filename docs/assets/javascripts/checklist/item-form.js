// The generated item form as the user edits it: every edit is saved at once (before any
// Python has loaded); fields the form does not show (decision, actions) are set through
// setExtra. Mixed into ChecklistPage (page.js), so `this` is the page controller.
import {
  hasContent,
  isAnswered,
  isEmpty,
  numberProblem,
  showNumberProblem,
  withField,
} from "./answer-form.js";
import { nowIso } from "./walkthroughs.js";

export const itemFormMethods = {
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
    fieldset.classList.toggle("pv-item--answered", isAnswered(answer));
    performance.mark("pv-answer-saved");
    this.queueProgress();
  },

  /** «Fjern svaret»: uncheck the item's answer and save that like any other edit. */
  onClear(event) {
    const button = event.target.closest && event.target.closest("[data-pv-clear]");
    const fieldset = button && button.closest("fieldset[data-pv-item]");
    if (!fieldset) return;
    const choices = [...fieldset.querySelectorAll(".pv-item__answer input[data-pv-field=value]")];
    if (!choices.length) return;
    for (const choice of choices) choice.checked = false;
    this.onEdit({ type: "change", target: choices[0] });
    // The button hides with the answer: focus stays in the item, on its first choice.
    choices[0].focus();
    const number = fieldset.querySelector(".pv-item__number")?.textContent;
    this.say(`Svaret på punkt ${number} er fjernet.`);
  },

  /** Change fields the page's form does not show (decision, actions) and save at once. */
  setExtra(itemId, changes) {
    const answer = { ...(this.store.answer(this.active, itemId) || {}), ...changes };
    for (const [key, value] of Object.entries(changes)) {
      if (isEmpty(value) || (Array.isArray(value) && value.length === 0)) delete answer[key];
    }
    const fieldset = this.items.get(itemId);
    const meaningful = hasContent(answer);
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
  },

  openFilledDetails() {
    for (const [itemId, fieldset] of this.items) {
      const more = fieldset.querySelector("details.pv-item__more");
      if (more && this.answers[itemId]) more.open = true;
    }
  },
};
