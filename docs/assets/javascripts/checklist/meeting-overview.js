// Meeting mode's overview: every item with its state (answer, decision, actions), to jump to any item.
import { isAnswered } from "./answer-form.js";
import { element } from "./dialog.js";
import { button } from "./meeting-controls.js";

/** What one item holds, in words: its answer, and whether it has a decision or actions. */
export function itemState(page, entry) {
  const answer = page.answers[entry.id] || {};
  let value = "Ikke besvart";
  if (isAnswered(answer)) {
    const radio = [...entry.fieldset.querySelectorAll(".pv-item__answer input[type=radio]")].find(
      (input) => input.value === String(answer.value),
    );
    value = radio ? radio.parentElement.textContent.trim() : String(answer.value);
  }
  const extra = [];
  if (answer.decision) extra.push("vedtak");
  if (answer.actions?.length)
    extra.push(answer.actions.length === 1 ? "1 tiltak" : `${answer.actions.length} tiltak`);
  return [value, ...extra].join(", ");
}

/** Every item with its state; choosing one goes there. */
export function showOverview(meeting) {
  if (meeting.view !== "overview") meeting.overviewFrom = meeting.view === "section" ? "section" : "item";
  const from = meeting.overviewFrom;
  meeting.view = "overview";
  meeting.syncers = [];
  const sections = [];
  let list = null;
  let sectionId = null;
  meeting.entries.forEach((entry, position) => {
    if (entry.section.id !== sectionId) {
      sectionId = entry.section.id;
      list = element("ol", { className: "pv-meeting__overview" });
      sections.push(element("h4", { text: entry.section.title }), list);
    }
    const go = button(
      "",
      () => {
        meeting.view = from;
        meeting.show(position);
      },
      "pv-meeting__jump",
    );
    go.append(
      element("span", { className: "pv-meeting__jump-title", text: entry.title }),
      element("span", { className: "pv-visually-hidden", text: " – " }),
      element("span", { className: "pv-meeting__jump-state", text: itemState(meeting.page, entry) }),
    );
    if (position === meeting.index) go.setAttribute("aria-current", "step");
    if (isAnswered(meeting.page.answers[entry.id])) go.classList.add("pv-meeting__jump--answered");
    list.append(element("li", {}, [go]));
  });
  const footer = element("div", { className: "pv-meeting__foot" }, [
    element("div", { className: "pv-meeting__nav" }, [
      button("← Tilbake", () => {
        meeting.view = from;
        meeting.show(meeting.index);
      }),
      button("Til referatet →", () => meeting.showMinutes(), "md-button md-button--primary"),
      button("Lukk møtemodus", () => meeting.close()),
    ]),
  ]);
  meeting.render(
    [
      element("h3", {
        className: "pv-meeting__question",
        id: "pv-meeting-question",
        tabindex: "-1",
        text: "Oversikt over punktene",
      }),
      ...sections,
    ],
    footer,
  );
  meeting.live.textContent = "Oversikt over punktene";
  (
    meeting.body.querySelector("[aria-current=step]") || meeting.body.querySelector("#pv-meeting-question")
  ).focus();
}
