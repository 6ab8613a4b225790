// Reading and writing one item's form controls. An edit changes only the field the user
// touched, so fields another tab changed are never written back. Number rules (whole
// numbers, min, max) are read from the control's own attributes, which the generator writes
// from the checklist definition.
import { CONTENT_FIELDS } from "./rules.js";

export function isEmpty(value) {
  return value === undefined || value === null || value === "";
}

// «Has content» and «is answered» as the engine's partnerskap/engine/rules.py defines them;
// tests/partnerskap/test_rules.py runs one table of cases on both.

/** Whether an answer holds anything the user gave (not only the item's hash and text). */
export function hasContent(answer) {
  return Boolean(
    answer &&
    CONTENT_FIELDS.some(
      (key) => !isEmpty(answer[key]) && !(Array.isArray(answer[key]) && !answer[key].length),
    ),
  );
}

/** Whether the item's own answer (not just a note) is given; text that is only spaces is not. */
export function isAnswered(answer) {
  if (!answer || isEmpty(answer.value)) return false;
  return typeof answer.value !== "string" || answer.value.trim() !== "";
}

/** What is wrong with a number control's text, in Norwegian, or "" when it is a valid answer. */
export function numberProblem(input) {
  const { validity } = input;
  if (validity.badInput) return "Skriv et tall med sifre, for eksempel 12.";
  if (input.value === "") return "";
  if (validity.stepMismatch || !Number.isInteger(input.valueAsNumber))
    return "Skriv et helt tall, uten desimaler.";
  if (validity.rangeUnderflow) return `Tallet kan ikke være mindre enn ${input.min}.`;
  if (validity.rangeOverflow) return `Tallet kan ikke være større enn ${input.max}.`;
  if (!Number.isSafeInteger(input.valueAsNumber)) return "Tallet er for stort.";
  return "";
}

/** Show (or clear) a number control's error as text linked to it with aria-describedby. */
export function showNumberProblem(input, problem, saved) {
  const id = `${input.id}-feil`;
  let note = document.getElementById(id);
  const described = (input.getAttribute("aria-describedby") || "")
    .split(" ")
    .filter((part) => part && part !== id);
  if (!problem) {
    note?.remove();
    input.removeAttribute("aria-invalid");
    if (described.length) input.setAttribute("aria-describedby", described.join(" "));
    else input.removeAttribute("aria-describedby");
    return;
  }
  if (!note) {
    note = document.createElement("p");
    note.id = id;
    note.className = "pv-field-error";
    // An alert is announced when it appears and each time its text changes (WCAG 3.3.1, 4.1.3).
    note.setAttribute("role", "alert");
    input.after(note);
  }
  const kept = isEmpty(saved)
    ? "Svaret er ikke lagret."
    : `Svaret er ikke lagret; det lagrede svaret er fortsatt ${saved}.`;
  note.textContent = `${problem} ${kept}`;
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", [...described, id].join(" "));
}

/** The value of one field from the item's controls (undefined: no value). */
export function readField(fieldset, field) {
  const controls = [...fieldset.querySelectorAll("[data-pv-field]")].filter(
    (c) => c.dataset.pvField === field,
  );
  if (!controls.length) return undefined;
  if (controls[0].type === "radio") {
    const checked = controls.find((c) => c.checked);
    return checked ? checked.value : undefined;
  }
  const [control] = controls;
  if (control.type === "number") return control.value === "" ? undefined : control.valueAsNumber;
  return control.value === "" ? undefined : control.value;
}

/** The answer after the user changed ``field``: the stored answer with only that field replaced. */
export function withField(fieldset, stored, field) {
  const answer = { ...(stored || {}) };
  const value = readField(fieldset, field);
  if (value === undefined) delete answer[field];
  else answer[field] = value;
  if (!hasContent(answer)) return null;
  answer.hash = fieldset.dataset.pvHash;
  answer.text = fieldset.querySelector(".pv-item__text").textContent;
  answer.updated = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  return answer;
}

/**
 * Show an answer in the item's controls. ``keep`` is a control whose text the user is typing
 * and must not be replaced (null: replace every control, e.g. when switching walk-through).
 */
export function writeAnswer(fieldset, answer, keep = null) {
  for (const input of fieldset.querySelectorAll("[data-pv-field]")) {
    const value = answer ? answer[input.dataset.pvField] : undefined;
    if (input.type === "radio") input.checked = !isEmpty(value) && String(value) === input.value;
    else if (input !== keep) {
      input.value = isEmpty(value) ? "" : String(value);
      if (input.type === "number") showNumberProblem(input, "");
    }
  }
  const more = fieldset.querySelector("details.pv-item__more");
  if (more && answer && ["note", "owner", "owner_name", "due"].some((key) => !isEmpty(answer[key])))
    more.open = true;
  fieldset.classList.toggle("pv-item--answered", isAnswered(answer));
}
