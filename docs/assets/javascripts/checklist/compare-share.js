// Comparing two walk-throughs, and sharing one as a link (the answers travel in the link's
// fragment, never to a server). Mixed into ChecklistPage (page.js), so `this` is the page
// controller.
import * as engine from "./engine-client.js";
import { ask, element, named, setContent } from "./dialog.js";

export const compareShareMethods = {
  async compareWalkthroughs() {
    const others = this.store.walkthroughs().filter((w) => w.id !== this.active);
    if (!others.length) {
      this.say("Det finnes ingen annen gjennomgang å sammenligne med. Lag eller importer en først.");
      return;
    }
    const choice = await ask({
      title: "Sammenlign gjennomganger",
      message: named`Hva er endret i «${this.current.name}» sammenlignet med en tidligere gjennomgang?`,
      select: {
        label: "Tidligere gjennomgang",
        options: others.map((w) => ({ value: w.id, label: w.name })),
      },
      buttons: [
        { value: "ok", label: "Sammenlign", primary: true },
        { value: "cancel", label: "Avbryt" },
      ],
    });
    if (!choice) return;
    const earlier = others.find((w) => w.id === choice.value);
    const result = await this.withEngine(() =>
      engine.call("compare", {
        checklist: this.checklist,
        a: { name: earlier.name, answers: this.store.answers(earlier.id) },
        b: { name: this.current.name, answers: this.answers },
      }),
    );
    if (result) this.renderComparison(result);
  },

  renderComparison(result) {
    const parts = [
      element(
        "h3",
        { id: "pv-comparison-title" },
        named`Sammenligning: «${result.a.name}» → «${result.b.name}»`,
      ),
      element("p", { text: result.summary.text }),
    ];
    const list = (heading, entries, describe) => {
      if (!entries.length) return;
      parts.push(setContent(element("h4"), heading));
      parts.push(
        element(
          "ul",
          {},
          entries.map((entry) =>
            element("li", {}, [this.itemLink(entry), ": ", element("bdi", { text: describe(entry) })]),
          ),
        ),
      );
    };
    list("Endrede svar", result.changed, (e) => `${e.from_label} → ${e.to_label}`);
    list(named`Besvart bare i «${result.a.name}»`, result.only_a, (e) => e.label);
    list(named`Besvart bare i «${result.b.name}»`, result.only_b, (e) => e.label);
    for (const key of ["decision_changed", "owner_changed", "due_changed", "note_changed"]) {
      list(
        key === "decision_changed"
          ? "Endrede vedtak"
          : key === "owner_changed"
            ? "Endret ansvar"
            : key === "due_changed"
              ? "Endrede frister"
              : "Endrede notater",
        result[key],
        (e) => `${e.from || "–"} → ${e.to || "–"}`,
      );
    }
    // The engine words each action (who, due date as «1. juni 2027») and each outcome («utført», «fjernet»).
    list("Nye tiltak", result.actions_new, (e) => e.line);
    list(
      "Tiltak som er utført eller fjernet",
      result.actions_resolved,
      (e) => `${e.line} – ${e.outcome_text}`,
    );
    const close = element("button", {
      type: "button",
      className: "md-button pv-button",
      text: "Lukk sammenligningen",
    });
    close.addEventListener("click", () => {
      this.comparison.hidden = true;
      this.compareButton.focus(); // back to the button that opened the comparison
    });
    parts.push(close);
    this.comparison.replaceChildren(...parts);
    this.comparison.hidden = false;
    this.comparison.querySelector("h3").setAttribute("tabindex", "-1");
    this.comparison.querySelector("h3").focus();
  },

  async shareLink() {
    const choice = await ask({
      title: "Del svarene som lenke",
      message: [
        "Lenken inneholder alle svarene og notatene i denne gjennomgangen, pakket inn i selve lenken (etter #). Den sendes ikke til noen server når den åpnes.",
        "Alle som får lenken, kan lese svarene. Del den bare med dem som skal se dem, og ikke i åpne kanaler. Ikke del lenker med personopplysninger.",
      ],
      buttons: [
        { value: "make", label: "Lag lenke", primary: true },
        { value: "cancel", label: "Avbryt" },
      ],
    });
    if (choice !== "make") return;
    const shared = await this.withEngine(() => engine.call("share_encode", this.walkthroughData()));
    if (!shared) return;
    const url = new URL(window.location.href);
    url.hash = `del=${shared.fragment}`;
    this.say("Lenken er laget.");
    const copy = await ask({
      title: "Lenke til svarene",
      message: `Lenken er ${url.href.length} tegn lang.`,
      input: { label: "Lenke", value: url.href, readonly: true },
      buttons: [
        { value: "copy", label: "Kopier lenken", primary: true },
        { value: "cancel", label: "Lukk" },
      ],
    });
    if (copy && copy.choice === "copy") {
      try {
        await navigator.clipboard.writeText(url.href);
        this.say("Lenken er kopiert.");
      } catch {
        this.say("Kunne ikke kopiere automatisk. Merk lenken og kopier den selv.");
      }
    }
  },

  /**
   * A link made by «Del som lenke» opens as a new walk-through, after asking. A walk-through this
   * browser already has (the same one opened before, or the sender's own) is recognised: the
   * choice is to open the stored one or update it from the link, never a silent «… (2)».
   */
  async openSharedLink() {
    // A link pasted into this tab's address bar changes only the fragment, with no new page load;
    // first called once the engine is ready, so it is ready for those too.
    if (!this.watchingShareLinks) {
      this.watchingShareLinks = true;
      this.listen(window, "hashchange", () => this.openSharedLink());
    }
    const match = window.location.hash.match(/^#del=(.+)$/);
    if (!match) return;
    const page = window.location.pathname + window.location.search;
    history.replaceState(null, "", page);
    // Instant navigation may swap in a fresh copy of this page meanwhile: the fresh one then takes
    // the link over, so this one gives it back and closes its question.
    const handOver = new AbortController();
    const giveBack = () => {
      handOver.abort();
      if (window.location.pathname + window.location.search === page)
        history.replaceState(null, "", `${page}#del=${match[1]}`);
    };
    this.listeners.push(giveBack);
    try {
      await this.openShared(match[1], handOver.signal);
    } finally {
      this.listeners = this.listeners.filter((remove) => remove !== giveBack);
    }
  },

  async openShared(fragment, signal) {
    let shared;
    try {
      shared = await engine.call("share_decode", { checklist: this.checklist, fragment });
    } catch (error) {
      this.showProblem(error.userMessage ? error.message : `Lenken kunne ikke åpnes: ${error.message}`);
      return;
    }
    if (signal.aborted) return;
    const count = Object.keys(shared.answers).length;
    const existing = this.sameWalkthrough(shared.walkthrough);
    const inLink = named`Lenken inneholder gjennomgangen «${shared.walkthrough.name}» med ${count} svar.`;
    const question = existing
      ? {
          title: "Gjennomgangen finnes allerede",
          message: [
            inLink,
            named`Den samme gjennomgangen er allerede lagret i denne nettleseren som «${existing.name}». Vil du åpne den som er lagret, eller oppdatere den med svarene i lenken? Oppdaterer du, erstattes svarene som er lagret.`,
          ],
          buttons: [
            { value: "stored", label: "Åpne den lagrede", primary: true },
            { value: "update", label: "Oppdater med svarene i lenken" },
            { value: "open", label: "Åpne som ny gjennomgang" },
            { value: "cancel", label: "Avbryt" },
          ],
        }
      : {
          title: "Åpne delte svar?",
          message: [
            inLink,
            "Den åpnes som en ny gjennomgang i denne nettleseren. Dine egne svar endres ikke.",
          ],
          buttons: [
            { value: "open", label: "Åpne som ny gjennomgang", primary: true },
            { value: "cancel", label: "Avbryt" },
          ],
        };
    const choice = await ask({ ...question, signal });
    if (signal.aborted) return;
    if (choice === "stored") {
      this.activate(existing.id);
      this.say(named`Åpnet «${existing.name}» slik den er lagret. Svarene i lenken er ikke brukt.`);
      return;
    }
    if (choice === "update") {
      if (!(await this.loadInto(existing.id, shared))) return;
      this.say(named`Oppdaterte «${existing.name}» med ${count} svar fra lenken.`);
      return;
    }
    if (choice !== "open") {
      this.say("De delte svarene ble ikke åpnet.");
      return;
    }
    const name = this.uniqueName(shared.walkthrough.name);
    // The first copy keeps the sender's id, so opening the link again finds it.
    const { id } = shared.walkthrough;
    const keepId = !existing && typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id);
    if (!(await this.loadInto(this.newRecord(name, keepId ? { id } : {}), shared))) return;
    this.say(named`Åpnet ${count} delte svar som «${name}».`);
  },

  /** The stored walk-through ``walkthrough`` (from a link or file) is: the same id, or created at the same moment. */
  sameWalkthrough(walkthrough) {
    const { id, created } = walkthrough;
    return (
      this.store.walkthroughs().find((w) => (id && w.id === id) || (created && w.created === created)) || null
    );
  },
};
