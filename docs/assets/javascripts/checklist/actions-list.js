// The actions list: every action of the walk-through outside meeting mode, with the side that owns
// it, who is responsible and the due date, sortable by due date or by side, and ticked off as done
// (saved at once, like every answer). Rows, dates and labels come from the engine's minutes model;
// the order of the sides is the engine's own list (load_definition's ``owners``).
import { element } from "./dialog.js";
import { ViewSheet, itemLink } from "./view-sheet.js";

const SORTS = {
  due: "frist",
  owner: "ansvarlig side",
};

export class ActionsList {
  /**
   * @param {{minutes: () => Promise<object>, owners: () => {value: string, label: string}[],
   *          setActionDone: (item: string, index: number, done: boolean) => boolean,
   *          focusItem: (id: string) => void}} host
   */
  constructor(host) {
    this.host = host;
    this.sort = "due";
    this.sheet = new ViewSheet({ id: "pv-actions", title: "Tiltaksliste", className: "pv-actions" });
  }

  get isOpen() {
    return this.sheet.isOpen;
  }

  async open(opener) {
    this.sheet.body.replaceChildren();
    this.sheet.open(opener);
    await this.load();
  }

  async load() {
    const model = await this.sheet.fetch(
      this.host.minutes,
      "Henter tiltakene …",
      "Tiltakene kan ikke vises før sjekklistemotoren har startet. Svarene dine er lagret.",
    );
    if (!model) return;
    this.model = model;
    this.render();
    this.sheet.say("");
  }

  /** The model's actions (by due date, undated last) or, for ``owner``, grouped in the engine's order of sides. */
  sorted() {
    const actions = [...this.model.actions];
    if (this.sort !== "owner") return actions;
    const order = this.host.owners().map((side) => side.value);
    const rank = (action) => (order.includes(action.owner) ? order.indexOf(action.owner) : order.length);
    return actions.sort((a, b) => rank(a) - rank(b)); // stable: by due date within a side
  }

  summary() {
    const all = this.model.actions.length;
    const open = this.model.actions.filter((action) => !action.done).length;
    return all ? `${all} tiltak, ${open} ikke utført.` : this.model.labels["actions.none"];
  }

  render() {
    this.count = element("p", { className: "pv-actions__summary", text: this.summary() });
    if (!this.model.actions.length) {
      this.sheet.body.replaceChildren(
        this.count,
        element("p", { text: "Tiltak legges til per punkt i møtemodus." }),
      );
      return;
    }
    const header = (key, text) => {
      if (!SORTS[key]) return element("th", { scope: "col", text });
      const button = element("button", {
        type: "button",
        className: "pv-sort",
        "data-pv-sort": key,
        text,
      });
      button.addEventListener("click", () => this.sortBy(key));
      return element("th", { scope: "col", "aria-sort": this.sort === key ? "ascending" : "none" }, [button]);
    };
    this.tbody = element("tbody");
    const table = element("table", { className: "pv-actions__table" }, [
      element("caption", {
        className: "pv-visually-hidden",
        text: `Tiltak, sortert etter ${SORTS[this.sort]}`,
      }),
      element("thead", {}, [
        element("tr", {}, [
          header("", "Punkt"),
          header("", "Tiltak"),
          header("owner", "Ansvarlig side"),
          header("", "Navn"),
          header("due", "Frist"),
          header("", "Utført"),
        ]),
      ]),
      this.tbody,
    ]);
    this.fillRows();
    this.sheet.body.replaceChildren(
      this.count,
      element("p", {
        className: "pv-hint",
        text: "Trykk på «Ansvarlig side» eller «Frist» for å sortere. Et kryss i «Utført» lagres med en gang.",
      }),
      // The table may be wider than a phone: it scrolls on its own, reachable by keyboard.
      element(
        "div",
        { className: "pv-table", role: "region", tabindex: "0", "aria-label": "Tiltak (tabell)" },
        [table],
      ),
    );
  }

  fillRows() {
    this.tbody.replaceChildren(
      ...this.sorted().map((action) => {
        const id = `pv-actions-done-${action.item}-${action.index}`;
        const done = element("input", { type: "checkbox", id });
        done.checked = action.done;
        done.addEventListener("change", () => this.tick(action, done));
        return element("tr", {}, [
          element("td", {}, [itemLink(this.sheet, this.host.focusItem, action.item, action.number)]),
          element("td", { text: action.what }),
          element("td", { text: action.owner_label }),
          element("td", { text: action.owner_name }),
          element("td", { text: action.due_text }),
          element("td", { className: "pv-actions__done" }, [
            done,
            element("label", { for: id, className: "pv-visually-hidden", text: `Utført: ${action.what}` }),
          ]),
        ]);
      }),
    );
  }

  sortBy(key) {
    this.sort = key;
    const focused = document.activeElement?.dataset?.pvSort;
    this.render();
    this.sheet.body.querySelector(`[data-pv-sort="${focused || key}"]`)?.focus();
    this.sheet.say(`Sortert etter ${SORTS[key]}.`);
  }

  tick(action, box) {
    if (!this.host.setActionDone(action.item, action.index, box.checked)) {
      box.checked = action.done; // the action changed elsewhere: nothing is saved over it
      this.sheet.say("Tiltaket er endret et annet sted. Lukk listen og åpne den igjen.");
      return;
    }
    action.done = box.checked;
    this.count.textContent = this.summary();
    this.sheet.say(`«${action.what}» er merket som ${box.checked ? "utført" : "ikke utført"}.`);
  }
}
