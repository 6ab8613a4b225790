// «Sjekk svarene»: the walk-through at a glance before it is exported, like GOV.UK's
// check-answers page: what is not answered yet, what was answered Nei or Delvis, the open actions,
// and every answer with its note, each with a «Endre» link back to the item. All content is the
// engine's minutes model, so it says what the minutes and exports will say.
import { element } from "./dialog.js";
import { ViewSheet, itemLink } from "./view-sheet.js";

const FOLD_AFTER = 10; // a longer list starts folded, so the answers are not pushed far down

export class CheckAnswers {
  /**
   * @param {{minutes: () => Promise<object>, focusItem: (id: string) => void,
   *          print: () => void, focusExports: () => void}} host
   */
  constructor(host) {
    this.host = host;
    this.sheet = new ViewSheet({ id: "pv-check", title: "Sjekk svarene", className: "pv-check" });
  }

  get isOpen() {
    return this.sheet.isOpen;
  }

  /** Open the view (focus on its heading); the content follows as soon as the engine has it. */
  async open(opener) {
    this.sheet.body.replaceChildren();
    this.sheet.open(opener);
    await this.load();
  }

  /** Fill (or refill, after a change elsewhere) the open view from a fresh minutes model. */
  async load() {
    const model = await this.sheet.fetch(
      this.host.minutes,
      "Henter svarene …",
      "Svarene kan ikke vises før sjekklistemotoren har startet. Svarene dine er lagret.",
    );
    if (!model) return;
    this.sheet.body.replaceChildren(...this.render(model));
    this.sheet.say("");
  }

  link(itemId, content) {
    return itemLink(this.sheet, this.host.focusItem, itemId, content);
  }

  /** A heading with a count, and a list (folded away when long) or the sentence for none. */
  part(id, heading, entries, none, describe) {
    const parts = [element("h3", { id, text: `${heading} (${entries.length})` })];
    if (!entries.length) return [...parts, element("p", { text: none })];
    const list = element(
      "ul",
      { className: "pv-check__list", "aria-labelledby": id },
      entries.map((entry) => element("li", {}, describe(entry))),
    );
    if (entries.length <= FOLD_AFTER) return [...parts, list];
    return [
      ...parts,
      element("details", { className: "pv-check__more" }, [
        element("summary", { text: `Vis alle ${entries.length}` }),
        list,
      ]),
    ];
  }

  render(model) {
    const labels = model.labels;
    const open = model.actions.filter((action) => !action.done);
    const progress = model.header.find((line) => line.label === labels["meta.progress"]);
    const parts = [
      element("p", { className: "pv-check__intro" }, [
        element("strong", { text: model.walkthrough }),
        progress ? ` · ${progress.label}: ${progress.text}` : "",
      ]),
      ...this.part(
        "pv-check-follow-up",
        labels["minutes.follow_up"],
        model.follow_up,
        labels["minutes.follow_up.none"],
        (entry) => [this.link(entry.id, entry.title), `: ${entry.answer}`],
      ),
      ...this.part("pv-check-open-actions", "Åpne tiltak", open, "Ingen åpne tiltak.", (action) => [
        this.link(action.item, action.number),
        ` ${action.line}`,
      ]),
      ...this.part(
        "pv-check-unanswered",
        labels["minutes.unanswered"],
        model.unanswered,
        "Alle punktene er besvart.",
        (entry) => [this.link(entry.id, entry.title)],
      ),
      element("h3", { id: "pv-check-items", text: labels["minutes.items"] }),
    ];
    if (!model.sections.length) parts.push(element("p", { text: "Ingen punkter er fylt ut ennå." }));
    for (const section of model.sections) {
      parts.push(element("h4", { text: section.title }));
      parts.push(
        element(
          "dl",
          { className: "pv-summary" },
          section.items.map((entry) =>
            element("div", { className: "pv-summary__row" }, [
              element("dt", { className: "pv-summary__key", text: entry.title }),
              element(
                "dd",
                { className: "pv-summary__value" },
                entry.lines.map((line) =>
                  element("p", {}, [
                    element("span", { className: "pv-summary__label", text: `${line.label}: ` }),
                    line.text,
                  ]),
                ),
              ),
              element("dd", { className: "pv-summary__change" }, [
                this.link(entry.id, [
                  "Endre",
                  element("span", { className: "pv-visually-hidden", text: ` ${entry.title}` }),
                ]),
              ]),
            ]),
          ),
        ),
      );
    }
    const print = element("button", {
      type: "button",
      className: "md-button pv-button",
      text: "Skriv ut rapport",
    });
    print.addEventListener("click", () => this.host.print());
    const toExports = element("button", {
      type: "button",
      className: "md-button md-button--primary",
      text: "Gå videre til eksport",
    });
    toExports.addEventListener("click", () => this.sheet.close(() => this.host.focusExports()));
    parts.push(
      element("h3", { text: "Ser alt riktig ut?" }),
      element("p", {
        text: "Eksporter svarene eller referatet, eller skriv ut en rapport av gjennomgangen. Vil du endre noe, bruk «Endre» ved punktet.",
      }),
      element("div", { className: "pv-sheet__buttons" }, [toExports, print]),
    );
    return parts;
  }
}
