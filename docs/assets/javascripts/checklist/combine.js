// «Sammenstill»: combine answer files from many respondents in the browser (nothing is uploaded).
// Charts are SVG made by the Python engine; each has a data table built here with textContent.
import * as engine from "./engine-client.js";
import { element, named, saveFile, today } from "./dialog.js";
import { DropZone } from "./drop-zone.js";
import { MAX_COMBINE_FILES, MAX_IMPORT_BYTES } from "./rules.js";
import { siteUrl } from "./site.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const ALLOWED_SVG = new Set([
  "svg",
  "title",
  "desc",
  "g",
  "rect",
  "line",
  "text",
  "tspan",
  "defs",
  "pattern",
  "path",
  "circle",
  "polyline",
  "polygon",
]);
/** The page's name for each export the engine offers (``exports`` in its reply: codes, in its order). */
const EXPORT_LABELS = {
  csv: "Per punkt (CSV)",
  "csv-respondenter": "Per respondent (CSV)",
  "csv-tabell": "Tallsvar med sum (CSV)",
  xlsx: "Alle tabellene (Excel)",
};
/** What a cell of the number table holds when the respondent did not answer (never an empty cell or a 0). */
const NOT_ANSWERED = "ikke besvart";

/** Parse the engine's SVG as XML and keep only plain drawing elements and attributes (no script, no links, no handlers). */
function safeSvg(markup) {
  if (!markup) return null;
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = doc.documentElement;
  if (doc.querySelector("parsererror")) return null;
  if (root.namespaceURI !== SVG_NS || root.localName !== "svg") return null;
  for (const node of [root, ...root.querySelectorAll("*")]) {
    if (!ALLOWED_SVG.has(node.localName)) {
      node.remove();
      continue;
    }
    for (const attribute of [...node.attributes]) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on") || name.includes("href") || name === "style")
        node.removeAttribute(attribute.name);
    }
  }
  return document.importNode(root, true);
}

function table(caption, header, rows, foot) {
  // A wide table scrolls inside its wrapper, which keyboard users can focus and screen readers name.
  return element("div", { className: "pv-table", tabindex: "0", role: "region", "aria-label": caption }, [
    element("table", {}, [
      element("caption", { text: caption }),
      element("thead", {}, [
        element(
          "tr",
          {},
          header.map((text) => element("th", { scope: "col", text: String(text) })),
        ),
      ]),
      element(
        "tbody",
        {},
        rows.map((row) =>
          element(
            "tr",
            {},
            row.map((cell, i) =>
              element(
                i === 0 ? "th" : "td",
                i === 0 ? { scope: "row", text: String(cell) } : { text: String(cell) },
              ),
            ),
          ),
        ),
      ),
      ...(foot
        ? [
            element("tfoot", {}, [
              element(
                "tr",
                {},
                foot.map((cell, i) =>
                  element(
                    i === 0 ? "th" : "td",
                    i === 0 ? { scope: "row", text: String(cell) } : { text: String(cell) },
                  ),
                ),
              ),
            ]),
          ]
        : []),
    ]),
  ]);
}

export class CombinePage {
  constructor(root) {
    this.root = root;
    this.checklist = root.dataset.pvChecklist;
    this.definitionUrl = siteUrl(root.dataset.pvDefinition);
    this.files = [];
    this.dropZone = new DropZone({
      id: "pv-combine-files",
      label: "Legg til svarfiler (JSON) …",
      text: "Dra svarfilene hit og slipp dem hvor som helst på siden, eller velg dem med knappen.",
      accept: ".json,application/json",
      onFiles: (files) => this.addFiles(files),
    });
    this.status = element("p", { className: "pv-status", role: "status" });
    this.alert = element("div", { className: "pv-alert", role: "alert" });
    this.result = element("div", { className: "pv-combine__result" });
    this.exportButtons = element("div", { className: "pv-panel__row" });
    this.exports = element(
      "div",
      { role: "group", "aria-labelledby": "pv-combine-export-title", hidden: "" },
      [
        element("p", {
          id: "pv-combine-export-title",
          className: "pv-panel__label",
          text: "Eksporter sammenstillingen",
        }),
        element("p", {
          className: "pv-panel__note",
          text: "Hver CSV-fil har én tabell. Excel-filen har alle tabellene, med én fane hver.",
        }),
        this.exportButtons,
      ],
    );
    const clear = this.button("Fjern alle filene", () => {
      this.files = [];
      this.render(null);
    });
    root.replaceChildren(
      element("section", { className: "pv-panel", "aria-labelledby": "pv-combine-title" }, [
        element("h2", { id: "pv-combine-title", className: "pv-panel__title", text: "Svarfiler" }),
        element("p", {
          className: "pv-panel__note",
          text: "Filene leses bare i denne nettleseren og lagres ikke. Du kan legge til filer flere ganger.",
        }),
        this.dropZone.root,
        element("div", { className: "pv-panel__row" }, [clear]),
        this.exports,
        this.alert,
        this.status,
      ]),
      this.result,
    );
    this.ready = fetch(this.definitionUrl, { cache: "no-cache" })
      .then((r) => r.json())
      .then((definition) => engine.loadDefinition(definition));
    // Load the combine and export code while the page is idle, as the checklist page does: the
    // first combine would otherwise wait for those imports.
    this.ready
      .then(() => setTimeout(() => engine.call("warm_up", { combine: true }).catch(() => {}), 500))
      .catch(() => {});
  }

  destroy() {
    this.dropZone.destroy();
  }

  button(label, action) {
    const button = element("button", { type: "button", className: "md-button pv-button", text: label });
    button.addEventListener("click", action);
    return button;
  }

  /** Files chosen with the button or dropped on the page. */
  async addFiles(files) {
    const chosen = files.slice(0, MAX_COMBINE_FILES);
    this.status.textContent = `Leser ${chosen.length === 1 ? "1 fil" : `${chosen.length} filer`} …`;
    for (const file of chosen) {
      // Huge files are not read: the engine reports them by name as too large.
      const text = file.size > MAX_IMPORT_BYTES ? " ".repeat(MAX_IMPORT_BYTES + 1) : await file.text();
      this.files.push({ name: file.name, text });
    }
    await this.recompute();
  }

  async recompute() {
    this.status.textContent = "Sammenstiller …";
    this.alert.replaceChildren();
    try {
      await this.ready;
      this.render(
        this.files.length
          ? await engine.call("combine", { checklist: this.checklist, files: this.files })
          : null,
      );
    } catch (error) {
      this.alert.replaceChildren(
        element("p", { text: error.userMessage ? error.message : `Noe gikk galt: ${error.message}` }),
      );
      this.status.textContent = "";
    }
  }

  render(combined) {
    const offered = (combined?.exports || []).filter((kind) => kind in EXPORT_LABELS);
    this.exportButtons.replaceChildren(
      ...offered.map((kind) => this.button(EXPORT_LABELS[kind], () => this.exportAs(kind))),
    );
    this.exports.hidden = offered.length === 0;
    if (!combined) {
      this.result.replaceChildren();
      this.status.textContent = "Ingen filer er valgt.";
      return;
    }
    this.status.textContent = combined.summary;
    const parts = [element("h2", { id: "pv-respondenter", text: `Respondenter (${combined.count})` })];
    parts.push(
      element(
        "ul",
        {},
        combined.respondents.map((r) => element("li", {}, named`${r.label} (${r.file})`)),
      ),
    );
    if (combined.skipped.length) {
      parts.push(element("h3", { text: `Filer som er hoppet over (${combined.skipped.length})` }));
      parts.push(
        element(
          "ul",
          { className: "pv-combine__skipped" },
          combined.skipped.map((s) => element("li", {}, [element("bdi", { text: s.file }), `: ${s.reason}`])),
        ),
      );
    }
    if (combined.count) {
      if (combined.disagreement.length) {
        parts.push(element("h2", { id: "pv-uenighet", text: "Her spriker svarene mest" }));
        parts.push(
          element(
            "ol",
            {},
            combined.disagreement
              .slice(0, 5)
              .map((e) =>
                element("li", {}, [
                  element("a", { href: `#sammenstilt-${e.id}`, text: `${e.number} ${e.text}` }),
                  document.createTextNode(` – ${e.value_text}`),
                ]),
              ),
          ),
        );
      }
      const survey = combined.survey_table;
      if (survey) {
        parts.push(element("h2", { id: "pv-tabell", text: "Tallsvar per respondent" }));
        const chart = safeSvg(survey.chart);
        if (chart) parts.push(element("figure", { className: "pv-chart" }, [chart]));
        // The engine leaves a missing answer empty (not 0) and out of the sum; the table says so in words.
        const rows = survey.rows.map((row) =>
          row.map((cell, i) => (i > 0 && cell === "" ? NOT_ANSWERED : cell)),
        );
        parts.push(table(survey.caption, survey.header, rows, survey.sum));
        if (rows.some((row) => row.includes(NOT_ANSWERED)))
          parts.push(
            element("p", {
              className: "pv-hint",
              text: "Et spørsmål som ikke er besvart, står som «ikke besvart», har ingen stolpe i diagrammet og er ikke med i summen.",
            }),
          );
      }
      parts.push(element("h2", { id: "pv-per-punkt", text: "Per punkt" }));
      for (const item of combined.items) parts.push(this.renderItem(item));
    }
    this.result.replaceChildren(...parts);
  }

  renderItem(item) {
    const box = element("section", {
      className: "pv-combine__item",
      id: `sammenstilt-${item.id}`,
      "aria-labelledby": `sammenstilt-${item.id}-title`,
    });
    box.append(element("h3", { id: `sammenstilt-${item.id}-title`, text: `${item.number} ${item.text}` }));
    box.append(
      element("p", {
        className: "pv-hint",
        text: `${item.answered} av ${item.respondents} har svart.${item.disagreement_text ? ` ${item.disagreement_text}.` : ""}`,
      }),
    );
    if (item.stats) {
      const t = item.stats.text;
      // One answer has no spread: the sample standard deviation (n − 1) needs two.
      const spread = item.stats.sample_stdev === null ? "" : `, standardavvik (utvalg) ${t.sample_stdev}`;
      box.append(
        element("p", {
          text: `Gjennomsnitt ${t.mean}, median ${t.median}${spread}, laveste ${t.min}, høyeste ${t.max}.`,
        }),
      );
    }
    const chart = safeSvg(item.chart);
    if (chart) box.append(element("figure", { className: "pv-chart" }, [chart]));
    else if (item.chart)
      box.append(
        element("p", {
          className: "pv-hint",
          text: `Diagrammet kunne ikke vises.${item.counts?.length ? " Tallene står i tabellen under." : ""}`,
        }),
      );
    if (item.counts && item.counts.length) {
      box.append(
        table(
          `Fordeling av svarene: ${item.number}`,
          ["Svar", "Antall", "Andel"],
          item.counts.map((c) => [c.label, c.count, c.percent_text]),
        ),
      );
    }
    const said = [
      ...(item.texts || []).map((t) => [t.respondent, t.text]),
      ...item.notes.map((n) => [n.respondent, n.note]),
    ];
    if (said.length) {
      box.append(element("h4", { text: "Svar og notater" }));
      box.append(
        element(
          "dl",
          { className: "pv-combine__notes" },
          said.flatMap(([who, text]) => [element("dt", { text: who }), element("dd", { text })]),
        ),
      );
    }
    return box;
  }

  async exportAs(kind) {
    try {
      const file = await engine.call("export_combined", {
        checklist: this.checklist,
        files: this.files,
        kind,
        today: today(),
      });
      saveFile(file);
      this.status.textContent = `Lastet ned ${file.filename}.`;
    } catch (error) {
      this.alert.replaceChildren(
        element("p", { text: error.userMessage ? error.message : `Noe gikk galt: ${error.message}` }),
      );
    }
  }
}
