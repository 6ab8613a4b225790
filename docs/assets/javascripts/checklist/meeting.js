// Meeting mode (møtemodus): the checklist on a shared screen, one item at a time in large type,
// driven by the keyboard, with a decision and actions per item and minutes at the end.
// The answer controls mirror the page's own form controls, so saving works exactly as on the page.
import { numberProblem, showNumberProblem } from "./answer-form.js";
import { element, today } from "./dialog.js";

const SIDES = [
  ["", "Velg"],
  ["stat", "Stat"],
  ["kommune", "Kommune"],
  ["begge", "Begge"],
];

// Whether meeting mode's single keys act (a visible switch turns them off, WCAG 2.1.4); kept for the page's lifetime.
let meetingKeysOn = true;

function isTextEntry(target) {
  return target.matches("textarea, input[type=text], input[type=number], input[type=date], select");
}

export class MeetingMode {
  /** @param {import("./page.js").ChecklistPage} page */
  constructor(page) {
    this.page = page;
    this.items = [...page.items.values()].filter((fieldset) => !fieldset.hidden);
    this.index = 0;
    this.sectionTimers = new Map();
    this.sectionView = false;
  }

  open() {
    const dialog = element("dialog", {
      className: "pv-meeting md-typeset",
      "aria-labelledby": "pv-meeting-title",
    });
    this.live = element("p", { className: "pv-visually-hidden", "aria-live": "polite" });
    this.body = element("div", { className: "pv-meeting__body" });
    dialog.append(
      element("h2", { id: "pv-meeting-title", className: "pv-visually-hidden", text: "Møtemodus" }),
      this.live,
      this.body,
    );
    dialog.addEventListener("keydown", (event) => this.onKey(event));
    dialog.addEventListener("close", () => {
      clearInterval(this.ticker);
      dialog.remove();
      this.page.openerAfterMeeting?.focus();
    });
    document.body.append(dialog);
    this.dialog = dialog;
    dialog.showModal();
    if (dialog.requestFullscreen && document.fullscreenEnabled) dialog.requestFullscreen().catch(() => {});
    this.ticker = setInterval(() => this.renderTimer(), 1000);
    this.show(0);
  }

  close() {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    this.dialog.close();
  }

  onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !this.current || !meetingKeysOn) return;
    const typing = isTextEntry(event.target);
    if (event.key === "ArrowRight" && !typing) {
      event.preventDefault();
      this.forward();
    } else if (event.key === "ArrowLeft" && !typing) {
      event.preventDefault();
      this.back();
    } else if (/^[1-9]$/.test(event.key) && !typing) {
      // In the section view the number keys answer the item that has focus.
      const scope = (this.sectionView && event.target.closest(".pv-meeting__answer")) || this.body;
      const option = scope.querySelectorAll(".pv-meeting__answer input[type=radio]")[Number(event.key) - 1];
      if (option) {
        event.preventDefault();
        option.click();
        option.focus();
      }
    } else if (event.key === "n" && !typing) {
      event.preventDefault();
      this.body.querySelector(".pv-meeting__note textarea")?.focus();
    }
  }

  /** Next item, or in the section view the first item of the next section. */
  forward() {
    if (!this.sectionView || this.index >= this.items.length) {
      this.show(this.index + 1);
      return;
    }
    const section = this.sectionOf(this.current).id;
    let next = this.index;
    while (next < this.items.length && this.sectionOf(this.items[next]).id === section) next += 1;
    this.show(next);
  }

  /** Previous item, or in the section view the previous section. */
  back() {
    if (!this.sectionView || this.index >= this.items.length) {
      this.show(this.index - 1);
      return;
    }
    this.show(Math.max(0, this.index - 1));
  }

  get current() {
    return this.items[this.index] || null;
  }

  /** Show item ``index`` (or its whole section, or the minutes screen after the last item). */
  show(index) {
    this.index = Math.max(0, Math.min(index, this.items.length));
    if (this.index === this.items.length) {
      this.renderMinutes();
      return;
    }
    if (this.sectionView) {
      this.showSection();
      return;
    }
    const fieldset = this.current;
    const itemId = fieldset.dataset.pvItem;
    const section = this.sectionOf(fieldset);
    if (!this.sectionTimers.has(section.id))
      this.sectionTimers.set(section.id, { minutes: 0, started: null });
    const number = fieldset.querySelector(".pv-item__number").textContent;
    const question = fieldset.querySelector(".pv-item__text").textContent;
    const parts = [
      element("p", {
        className: "pv-meeting__place",
        text: `${section.title} · Punkt ${this.index + 1} av ${this.items.length} · ${this.page.progressText.textContent}`,
      }),
      this.timerControls(section.id),
      element("h3", {
        className: "pv-meeting__question",
        id: "pv-meeting-question",
        text: `${number} ${question}`,
      }),
      this.viewToggle(),
    ];
    const guidance = fieldset.querySelector(".pv-item__guidance");
    if (guidance) {
      const copy = guidance.cloneNode(true);
      copy.className = "pv-meeting__guidance";
      parts.push(copy);
    }
    parts.push(this.answerControls(fieldset));
    // A checklist may offer no note field (its «fields» setting); then there is nothing to mirror.
    if (fieldset.querySelector("[data-pv-field=note]"))
      parts.push(this.mirrorText(fieldset, "note", "Notat (tast N)", "pv-meeting__note"));
    const answer = this.page.answers[itemId] || {};
    parts.push(
      this.textArea("Vedtak / konklusjon", answer.decision || "", (value) =>
        this.page.setExtra(itemId, { decision: value }),
      ),
    );
    parts.push(this.actions(itemId));
    parts.push(this.navigation());
    parts.push(this.keysSwitch());
    this.body.replaceChildren(...parts);
    this.live.textContent = `Punkt ${this.index + 1} av ${this.items.length}: ${question}`;
    this.body
      .querySelector(
        ".pv-meeting__answer input:checked, .pv-meeting__answer input, .pv-meeting__answer textarea",
      )
      ?.focus();
  }

  /** The whole section in large type: each item's question and answer (decisions and actions are in the item view). */
  showSection() {
    const section = this.sectionOf(this.current);
    const members = this.items.filter((fieldset) => this.sectionOf(fieldset).id === section.id);
    // The section view always stands on the section's first item.
    this.index = this.items.indexOf(members[0]);
    if (!this.sectionTimers.has(section.id))
      this.sectionTimers.set(section.id, { minutes: 0, started: null });
    const parts = [
      element("p", {
        className: "pv-meeting__place",
        text: `Avsnitt · Punkt ${this.index + 1}–${this.index + members.length} av ${this.items.length} · ${this.page.progressText.textContent}`,
      }),
      this.timerControls(section.id),
      element("h3", { className: "pv-meeting__question", id: "pv-meeting-question", text: section.title }),
      this.viewToggle(),
    ];
    for (const fieldset of members) {
      const titleId = `pv-meeting-${fieldset.dataset.pvItem}-title`;
      parts.push(
        element("h4", {
          id: titleId,
          text: `${fieldset.querySelector(".pv-item__number").textContent} ${fieldset.querySelector(".pv-item__text").textContent}`,
        }),
      );
      parts.push(this.answerControls(fieldset, titleId));
    }
    parts.push(this.navigation(members.length));
    parts.push(this.keysSwitch());
    this.body.replaceChildren(...parts);
    this.live.textContent = `Avsnitt: ${section.title}, ${members.length} punkter`;
    this.body.querySelector(".pv-meeting__answer input")?.focus();
  }

  /** The hint for meeting mode's keys, with a switch that turns them off. */
  keysSwitch() {
    const hint = element("p", { className: "pv-hint", id: "pv-meeting-keys-hint" });
    const describe = () => {
      hint.textContent = meetingKeysOn
        ? `Tastatur: ← og → blar, tallene 1–9 velger svar${this.sectionView ? "" : ", N går til notatet"}. Esc lukker møtemodus.`
        : "Hurtigtastene er slått av. Bruk Tab og knappene. Esc lukker møtemodus.";
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

  viewToggle() {
    const toggle = element("button", {
      type: "button",
      className: "md-button pv-button",
      "aria-pressed": String(this.sectionView),
      text: "Vis hele avsnittet",
    });
    toggle.addEventListener("click", () => {
      this.sectionView = !this.sectionView;
      this.show(this.index);
    });
    return toggle;
  }

  sectionOf(fieldset) {
    let node = fieldset.previousElementSibling;
    while (node && !/^H2$/.test(node.tagName)) node = node.previousElementSibling;
    return { id: node ? node.id : "", title: node ? node.firstChild.textContent.trim() : "" };
  }

  /** Radios (or a text/number field) that set the page's own controls, so saving is unchanged. */
  answerControls(fieldset, labelledBy = "pv-meeting-question") {
    const key = fieldset.dataset.pvItem;
    const box = element("fieldset", { className: "pv-meeting__answer", "aria-labelledby": labelledBy });
    const radios = [...fieldset.querySelectorAll(".pv-item__answer input[type=radio]")];
    if (radios.length) {
      radios.forEach((original, position) => {
        const id = `pv-meeting-${key}-option-${position}`;
        const input = element("input", {
          type: "radio",
          name: `pv-meeting-${key}`,
          id,
          value: original.value,
        });
        input.checked = original.checked;
        input.addEventListener("change", () => {
          original.checked = true;
          original.dispatchEvent(new Event("change", { bubbles: true }));
        });
        const label = original.parentElement.textContent.trim();
        box.append(
          element("span", { className: "pv-choice" }, [
            input,
            element("label", { for: id, text: `${label} (${position + 1})` }),
          ]),
        );
      });
      return box;
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
      if (copy.type === "number") showNumberProblem(copy, numberProblem(copy), this.page.answers[key]?.value);
    });
    box.append(element("label", { for: copy.id, text: "Svar" }), copy);
    return box;
  }

  mirrorText(fieldset, field, label, className) {
    const original = fieldset.querySelector(`[data-pv-field=${field}]`);
    return this.textArea(
      label,
      original.value,
      (value) => {
        original.value = value;
        original.dispatchEvent(new Event("input", { bubbles: true }));
      },
      className,
    );
  }

  textArea(label, value, onInput, className = "") {
    const id = `pv-meeting-${label.replace(/[^a-z]/gi, "").toLowerCase()}`;
    const area = element("textarea", { id, rows: "3" });
    area.value = value;
    area.addEventListener("input", () => onInput(area.value));
    return element("div", { className: `pv-field ${className}`.trim() }, [
      element("label", { for: id, text: label }),
      area,
    ]);
  }

  actions(itemId) {
    const box = element("fieldset", { className: "pv-meeting__actions" }, [
      element("legend", { text: "Tiltak" }),
    ]);
    const list = element("ol", { className: "pv-meeting__action-list" });
    const actions = () => (this.page.answers[itemId] && this.page.answers[itemId].actions) || [];
    const save = (next) => this.page.setExtra(itemId, { actions: next });
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
            SIDES.map(([value, text]) => element("option", { value, text })),
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
          const field = (control, label) =>
            element("span", { className: "pv-field pv-field--inline" }, [
              element("label", { for: control.id, text: label }),
              control,
            ]);
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
    return box;
  }

  navigation(step = 1) {
    const previous = element("button", {
      type: "button",
      className: "md-button pv-button",
      text: "← Forrige",
    });
    previous.disabled = this.index === 0;
    previous.addEventListener("click", () => this.back());
    const last = this.index + step >= this.items.length;
    const next = element("button", {
      type: "button",
      className: "md-button md-button--primary",
      text: last ? "Til referatet →" : "Neste →",
    });
    next.addEventListener("click", () => this.forward());
    const close = element("button", {
      type: "button",
      className: "md-button pv-button",
      text: "Lukk møtemodus",
    });
    close.addEventListener("click", () => this.close());
    return element("div", { className: "pv-meeting__nav" }, [previous, next, close]);
  }

  timerControls(sectionId) {
    const timer = this.sectionTimers.get(sectionId);
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
      this.renderTimer();
    });
    this.timerText = element("span", { className: "pv-meeting__timer", role: "timer", "aria-live": "off" });
    this.timerSection = sectionId;
    this.renderTimer();
    return element("div", { className: "pv-field pv-field--inline pv-meeting__timebox" }, [
      element("label", { for: "pv-meeting-timebox", text: "Tidsramme for avsnittet (minutter)" }),
      minutes,
      this.timerText,
    ]);
  }

  renderTimer() {
    const timer = this.sectionTimers.get(this.timerSection);
    if (!this.timerText || !timer) return;
    if (!timer.minutes || !timer.started) {
      this.timerText.textContent = "";
      return;
    }
    const left = Math.round(timer.minutes * 60 - (Date.now() - timer.started) / 1000);
    const abs = Math.abs(left);
    const clock = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
    this.timerText.textContent = left >= 0 ? `${clock} igjen` : `${clock} over tiden`;
    this.timerText.classList.toggle("pv-meeting__timer--over", left < 0);
  }

  /** The end: participants, date, decisions and actions, and the minutes as Word, Markdown or print. */
  renderMinutes() {
    const record = this.page.current;
    const participants = this.textArea("Deltakere", record.participants || "", (value) =>
      this.page.updateRecord({ participants: value }),
    );
    const dateId = "pv-meeting-date";
    const date = element("input", { type: "date", id: dateId });
    date.value = record.meeting_date || today();
    if (!record.meeting_date) this.page.updateRecord({ meeting_date: date.value });
    date.addEventListener("input", () => this.page.updateRecord({ meeting_date: date.value }));
    const decided = [];
    const actionRows = [];
    for (const fieldset of this.items) {
      const itemId = fieldset.dataset.pvItem;
      const answer = this.page.answers[itemId];
      if (!answer) continue;
      const title = `${fieldset.querySelector(".pv-item__number").textContent} ${fieldset.querySelector(".pv-item__text").textContent}`;
      if (answer.decision)
        decided.push(
          element("li", {}, [
            element("strong", { text: title }),
            element("br"),
            document.createTextNode(answer.decision),
          ]),
        );
      for (const action of answer.actions || []) {
        const side = (SIDES.find(([value]) => value === action.owner) || ["", ""])[1];
        actionRows.push(
          element(
            "tr",
            {},
            [
              title,
              action.what || "",
              [side === "Velg" ? "" : side, action.owner_name].filter(Boolean).join(", "),
              action.due || "",
              action.done ? "Ja" : "Nei",
            ].map((text) => element("td", { text })),
          ),
        );
      }
    }
    const table = element("table", {}, [
      element("caption", { text: "Tiltak" }),
      element("thead", {}, [
        element(
          "tr",
          {},
          ["Punkt", "Tiltak", "Ansvarlig", "Frist", "Utført"].map((text) =>
            element("th", { scope: "col", text }),
          ),
        ),
      ]),
      element("tbody", {}, actionRows),
    ]);
    const exportButton = (label, kind) => {
      const button = element("button", { type: "button", className: "md-button pv-button", text: label });
      button.addEventListener("click", () => this.page.exportAs(kind));
      return button;
    };
    const print = element("button", {
      type: "button",
      className: "md-button pv-button",
      text: "Skriv ut referatet",
    });
    print.addEventListener("click", () => window.print());
    const back = element("button", {
      type: "button",
      className: "md-button pv-button",
      text: "← Tilbake til punktene",
    });
    back.addEventListener("click", () => this.show(this.items.length - 1));
    const close = element("button", {
      type: "button",
      className: "md-button md-button--primary",
      text: "Lukk møtemodus",
    });
    close.addEventListener("click", () => this.close());
    this.body.replaceChildren(
      element("h3", {
        className: "pv-meeting__question",
        id: "pv-meeting-question",
        text: `Referat: ${record.name}`,
      }),
      participants,
      element("div", { className: "pv-field" }, [element("label", { for: dateId, text: "Møtedato" }), date]),
      element("h4", { text: "Vedtak" }),
      decided.length
        ? element("ol", { className: "pv-meeting__decisions" }, decided)
        : element("p", { text: "Ingen vedtak er registrert." }),
      actionRows.length ? table : element("p", { text: "Ingen tiltak er registrert." }),
      element("div", { className: "pv-meeting__nav" }, [
        exportButton("Referat (Word)", "referat"),
        exportButton("Referat (Markdown)", "referat-md"),
        print,
      ]),
      element("div", { className: "pv-meeting__nav" }, [back, close]),
    );
    this.live.textContent = "Referat";
    this.body.querySelector("textarea").focus();
  }
}
