// The controls of meeting mode's item view: answer choices that set the page's own form
// controls (so saving works exactly as on the page), text areas, the actions editor and the
// section timer. Each control that shows stored data returns a sync() that shows it again
// after another tab changed it (never under the user's fingers).
import { numberProblem, showNumberProblem } from "./answer-form.js";
import { element } from "./dialog.js";

// Whether meeting mode's single keys act (a visible switch turns them off, WCAG 2.1.4); kept for the page's lifetime.
let meetingKeysOn = true;

export function keysOn() {
  return meetingKeysOn;
}

export function button(text, onClick, className = "md-button pv-button") {
  const node = element("button", { type: "button", className, text });
  node.addEventListener("click", onClick);
  return node;
}

/** The answer as a row of large choices (or a text/number field) mirroring the page's fieldset. */
export function answerControls(page, fieldset, labelledBy) {
  const key = fieldset.dataset.pvItem;
  const box = element("fieldset", { className: "pv-meeting__answer", "aria-labelledby": labelledBy });
  const radios = [...fieldset.querySelectorAll(".pv-item__answer input[type=radio]")];
  if (radios.length) {
    const copies = radios.map((original, position) => {
      const input = element("input", {
        type: "radio",
        name: `pv-meeting-${key}`,
        id: `pv-meeting-${key}-option-${position}`,
        value: original.value,
      });
      input.checked = original.checked;
      input.addEventListener("change", () => {
        original.checked = true;
        original.dispatchEvent(new Event("change", { bubbles: true }));
      });
      // The whole box is the label, so the target is large (2.5.8) and the text is the name.
      box.append(
        element("label", { className: "pv-meeting__choice", for: input.id }, [
          input,
          element("span", {
            className: "pv-meeting__choice-text",
            text: original.parentElement.textContent.trim(),
          }),
          element("span", { className: "pv-meeting__choice-key", text: `(${position + 1})` }),
        ]),
      );
      return [original, input];
    });
    const sync = () => {
      for (const [original, input] of copies) input.checked = original.checked;
    };
    return { node: box, sync };
  }
  const original = fieldset.querySelector(".pv-item__answer [data-pv-field=value]");
  const copy = original.cloneNode(false);
  copy.id = `pv-meeting-${key}-value`;
  copy.removeAttribute("name");
  copy.value = original.value;
  copy.addEventListener("input", () => {
    original.value = copy.value;
    original.dispatchEvent(new Event("input", { bubbles: true }));
    // The page refuses an invalid number; say why here too, linked to this field.
    if (copy.type === "number") showNumberProblem(copy, numberProblem(copy), page.answers[key]?.value);
  });
  box.append(element("label", { for: copy.id, text: "Svar" }), copy);
  const sync = () => {
    if (document.activeElement !== copy) copy.value = original.value;
  };
  return { node: box, sync };
}

/** A labelled text area; ``read`` gives the stored text for sync(). */
export function textArea(id, label, read, onInput, className = "") {
  const area = element("textarea", { id, rows: "2" });
  area.value = read();
  area.addEventListener("input", () => onInput(area.value));
  const node = element("div", { className: `pv-field ${className}`.trim() }, [
    element("label", { for: id, text: label }),
    area,
  ]);
  const sync = () => {
    if (document.activeElement !== area) area.value = read();
  };
  return { node, sync };
}

/** The item's actions: what, responsible side and name, due date, done; add and remove. */
export function actionsEditor(page, itemId, owners) {
  const box = element("fieldset", { className: "pv-meeting__actions" }, [
    element("legend", { text: "Tiltak" }),
  ]);
  const list = element("ol", { className: "pv-meeting__action-list" });
  const actions = () => page.answers[itemId]?.actions || [];
  const save = (next) => page.setExtra(itemId, { actions: next });
  const sides = [{ value: "", label: "Velg" }, ...owners];
  const field = (control, label) =>
    element("span", { className: "pv-field pv-field--inline" }, [
      element("label", { for: control.id, text: label }),
      control,
    ]);
  const render = () => {
    list.replaceChildren(
      ...actions().map((action, position) => {
        const prefix = `pv-action-${position}`;
        const update = (changes) =>
          save(actions().map((a, i) => (i === position ? { ...a, ...changes } : a)));
        const what = element("input", { type: "text", id: `${prefix}-what` });
        what.value = action.what || "";
        what.addEventListener("input", () => update({ what: what.value }));
        const side = element(
          "select",
          { id: `${prefix}-side` },
          sides.map(({ value, label }) => element("option", { value, text: label })),
        );
        side.value = action.owner || "";
        side.addEventListener("change", () => update({ owner: side.value }));
        const name = element("input", { type: "text", id: `${prefix}-name`, autocomplete: "off" });
        name.value = action.owner_name || "";
        name.addEventListener("input", () => update({ owner_name: name.value }));
        const due = element("input", { type: "date", id: `${prefix}-due` });
        due.value = action.due || "";
        due.addEventListener("input", () => update({ due: due.value }));
        const done = element("input", { type: "checkbox", id: `${prefix}-done` });
        done.checked = Boolean(action.done);
        done.addEventListener("change", () => update({ done: done.checked }));
        const remove = element("button", {
          type: "button",
          className: "md-button pv-button",
          text: `Fjern tiltak ${position + 1}`,
        });
        remove.addEventListener("click", () => {
          save(actions().filter((_, i) => i !== position));
          render();
          add.focus();
        });
        return element("li", {}, [
          field(what, `Tiltak ${position + 1}`),
          field(side, "Ansvarlig side"),
          field(name, "Navn"),
          field(due, "Frist"),
          element("span", { className: "pv-field pv-field--inline" }, [
            done,
            element("label", { for: done.id, text: "Utført" }),
          ]),
          remove,
        ]);
      }),
    );
  };
  const add = element("button", {
    type: "button",
    className: "md-button pv-button",
    text: "Legg til tiltak",
  });
  add.addEventListener("click", () => {
    save([...actions(), { what: "", owner: "", owner_name: "", due: "", done: false }]);
    render();
    list.querySelector("li:last-child input")?.focus();
  });
  render();
  box.append(list, add);
  const sync = () => {
    if (!box.contains(document.activeElement)) render();
  };
  return { node: box, sync };
}

/** A time box per section, counting down once minutes are set; kept while meeting mode is open. */
export class SectionTimer {
  constructor() {
    this.timers = new Map();
    this.ticker = setInterval(() => this.render(), 1000);
  }

  stop() {
    clearInterval(this.ticker);
  }

  controls(sectionId) {
    if (!this.timers.has(sectionId)) this.timers.set(sectionId, { minutes: 0, started: null });
    const timer = this.timers.get(sectionId);
    const minutes = element("input", {
      type: "number",
      id: "pv-meeting-timebox",
      min: "0",
      max: "240",
      step: "1",
      inputmode: "numeric",
    });
    minutes.value = timer.minutes ? String(timer.minutes) : "";
    minutes.addEventListener("input", () => {
      timer.minutes = Number.parseInt(minutes.value, 10) || 0;
      timer.started = timer.minutes ? Date.now() : null;
      this.render();
    });
    this.text = element("span", { className: "pv-meeting__timer", role: "timer", "aria-live": "off" });
    this.section = sectionId;
    this.render();
    return element("div", { className: "pv-field pv-field--inline pv-meeting__timebox" }, [
      element("label", { for: "pv-meeting-timebox", text: "Tidsramme for avsnittet (min)" }),
      minutes,
      this.text,
    ]);
  }

  render() {
    const timer = this.timers.get(this.section);
    if (!this.text || !timer) return;
    if (!timer.minutes || !timer.started) {
      this.text.textContent = "";
      return;
    }
    const left = Math.round(timer.minutes * 60 - (Date.now() - timer.started) / 1000);
    const abs = Math.abs(left);
    const clock = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
    this.text.textContent = left >= 0 ? `${clock} igjen` : `${clock} over tiden`;
    this.text.classList.toggle("pv-meeting__timer--over", left < 0);
  }
}

/** The hint for meeting mode's keys, with a switch that turns them off. */
export function keysSwitch(sectionView) {
  const hint = element("p", { className: "pv-hint", id: "pv-meeting-keys-hint" });
  const describe = () => {
    hint.textContent = meetingKeysOn
      ? `Tastatur: ← og → blar, tallene 1–9 velger svar${sectionView ? "" : ", N går til notatet"}. Esc går ut av et tekstfelt, og ellers lukker Esc møtemodus.`
      : "Hurtigtastene er slått av. Bruk Tab og knappene. Esc går ut av et tekstfelt, og ellers lukker Esc møtemodus.";
  };
  const input = element("input", {
    type: "checkbox",
    id: "pv-meeting-keys",
    "aria-describedby": "pv-meeting-keys-hint",
  });
  input.checked = meetingKeysOn;
  input.addEventListener("change", () => {
    meetingKeysOn = input.checked;
    describe();
  });
  describe();
  return element("div", { className: "pv-meeting__keys" }, [
    element("span", { className: "pv-field pv-field--inline" }, [
      input,
      element("label", { for: "pv-meeting-keys", text: "Hurtigtaster i møtemodus" }),
    ]),
    hint,
  ]);
}
