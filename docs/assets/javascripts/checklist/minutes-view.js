// The engine's minutes model (partnerskap/engine/minutes.py, the «minutes» call) as HTML. Every
// wording, date and table cell comes from the model, so the screen, print, Word and Markdown agree;
// this module only decides the markup.
import { element } from "./dialog.js";

/** Label/text lines ([{label, text}]) as a description list. */
export function lineList(lines, className = "pv-lines") {
  return element(
    "dl",
    { className },
    lines.flatMap((line) => [element("dt", { text: line.label }), element("dd", { text: line.text })]),
  );
}

/** The meeting: header lines, then the participants as a list. */
export function meetingPart(model) {
  const parts = [lineList(model.header, "pv-lines pv-lines--meta")];
  parts.push(element("p", { className: "pv-lines__label", text: `${model.labels["meta.participants"]}:` }));
  parts.push(
    model.participants.length
      ? element(
          "ul",
          {},
          model.participants.map((name) => element("li", { text: name })),
        )
      : element("p", { text: model.labels["minutes.participants.none"] }),
  );
  return parts;
}

/** The action table with the model's columns and rows (``action.row``). */
export function actionTable(model, captionText = model.labels["actions.heading"]) {
  return element("table", { className: "pv-report__actions" }, [
    element("caption", { className: "pv-visually-hidden", text: captionText }),
    element("thead", {}, [
      element(
        "tr",
        {},
        model.labels["actions.columns"].map((text) => element("th", { scope: "col", text })),
      ),
    ]),
    element(
      "tbody",
      {},
      model.actions.map((action) =>
        element(
          "tr",
          {},
          action.row.map((text) => element("td", { text })),
        ),
      ),
    ),
  ]);
}

/**
 * The whole minutes, in the order of the Word and Markdown minutes: title, meeting, decisions,
 * actions, the items answered Nei or Delvis, and item by item. ``level`` is the title's heading level.
 */
export function minutesDocument(model, level = 1) {
  const h = (offset, text) => element(`h${Math.min(level + offset, 6)}`, { text });
  const labels = model.labels;
  const parts = [h(0, model.title), ...meetingPart(model)];
  parts.push(h(1, labels["minutes.decisions"]));
  parts.push(
    model.decisions.length
      ? lineList(
          model.decisions.map((d) => ({ label: d.title, text: d.decision })),
          "pv-lines pv-lines--stacked",
        )
      : element("p", { text: labels["minutes.decisions.none"] }),
  );
  parts.push(h(1, labels["actions.heading"]));
  parts.push(model.actions.length ? actionTable(model) : element("p", { text: labels["actions.none"] }));
  parts.push(h(1, labels["minutes.follow_up"]));
  parts.push(
    model.follow_up.length
      ? element(
          "ul",
          {},
          model.follow_up.map((entry) => element("li", { text: `${entry.title}: ${entry.answer}` })),
        )
      : element("p", { text: labels["minutes.follow_up.none"] }),
  );
  parts.push(h(1, labels["minutes.items"]));
  for (const section of model.sections) {
    parts.push(h(2, section.title));
    for (const entry of section.items) {
      parts.push(h(3, entry.title));
      parts.push(lineList(entry.lines));
    }
  }
  return parts;
}
