// Meeting mode's last screens: the minutes, drawn from the engine's one minutes model (the one
// Word and Markdown are made from, so all forms agree), and «Avslutt møtet», which on a shared
// meeting-room PC offers the minutes and answers as files and then clears the walk-through.
import { ask, element, named } from "./dialog.js";
import { button, textArea } from "./meeting-controls.js";

function lines(entries, className) {
  return element(
    "dl",
    { className },
    entries.flatMap((line) => [element("dt", { text: line.label }), element("dd", { text: line.text })]),
  );
}

/** The minutes model as HTML: the same parts, in the same order, as the Word and Markdown minutes. */
export function minutesView(model) {
  const words = model.labels;
  const parts = [lines(model.header, "pv-minutes__header")];
  parts.push(element("h4", { text: words["meta.participants"] }));
  parts.push(
    model.participants.length
      ? element(
          "ul",
          { className: "pv-minutes__participants" },
          model.participants.map((name) => element("li", { text: name })),
        )
      : element("p", { text: words["minutes.participants.none"] }),
  );
  parts.push(element("h4", { text: words["minutes.decisions"] }));
  parts.push(
    model.decisions.length
      ? element(
          "ol",
          { className: "pv-meeting__decisions" },
          model.decisions.map((decision) =>
            element("li", {}, [element("strong", { text: `${decision.title}: ` }), decision.decision]),
          ),
        )
      : element("p", { text: words["minutes.decisions.none"] }),
  );
  parts.push(element("h4", { text: words["actions.heading"] }));
  if (model.actions.length) {
    const columns = words["actions.columns"];
    parts.push(
      element("div", { className: "pv-minutes__table" }, [
        element("table", {}, [
          element("caption", { text: words["actions.heading"] }),
          element("thead", {}, [
            element(
              "tr",
              {},
              columns.map((text) => element("th", { scope: "col", text })),
            ),
          ]),
          element(
            "tbody",
            {},
            model.actions.map((action) =>
              element(
                "tr",
                {},
                [
                  action.number,
                  action.item_text,
                  action.what,
                  action.responsible,
                  action.due_text,
                  action.done_text,
                ].map((text) => element("td", { text })),
              ),
            ),
          ),
        ]),
      ]),
    );
  } else parts.push(element("p", { text: words["actions.none"] }));
  parts.push(element("h4", { text: words["minutes.follow_up"] }));
  parts.push(
    model.follow_up.length
      ? element(
          "ul",
          { className: "pv-minutes__follow-up" },
          model.follow_up.map((entry) => element("li", { text: `${entry.title}: ${entry.answer}` })),
        )
      : element("p", { text: words["minutes.follow_up.none"] }),
  );
  parts.push(element("h4", { text: words["minutes.items"] }));
  for (const section of model.sections) {
    const items = section.items.map((entry) =>
      element("li", { className: "pv-minutes__item", "data-pv-minutes-item": entry.id }, [
        element("h6", { text: entry.title }),
        lines(entry.lines, "pv-minutes__lines"),
      ]),
    );
    parts.push(
      element("section", { className: "pv-minutes__section" }, [
        element("h5", { text: section.title }),
        element("ul", { className: "pv-minutes__items" }, items),
      ]),
    );
  }
  return parts;
}

/** A button that exports through the page and says in meeting mode what happened. */
export function exportButton(meeting, label, kind) {
  const button = element("button", { type: "button", className: "md-button pv-button", text: label });
  button.addEventListener("click", async () => {
    meeting.say(`Lager ${label.toLowerCase()} …`);
    const filename = await meeting.page.exportAs(kind);
    if (filename) {
      meeting.exported.add(kind);
      meeting.say(named`Lastet ned «${filename}».`);
    } else {
      meeting.say(
        meeting.page.alert?.textContent.trim() ||
          "Filen ble ikke laget. Svarene er lagret i nettleseren; prøv igjen om litt.",
        true,
      );
    }
  });
  return button;
}

/** «Avslutt møtet»: take the minutes and answers along, then clear the walk-through from this browser. */
export function endMeetingView(meeting) {
  const page = meeting.page;
  const name = page.current.name;
  const others = page.store ? page.store.walkthroughs().length - 1 : 0;
  const clear = element("button", {
    type: "button",
    className: "md-button pv-button pv-button--danger",
    text: "Slett gjennomgangen fra nettleseren …",
  });
  clear.addEventListener("click", async () => {
    const missing = ["referat", "json"].filter((kind) => !meeting.exported.has(kind));
    const choice = await ask({
      title: "Slette gjennomgangen fra nettleseren?",
      message: [
        named`Alle svar, vedtak og tiltak i «${name}» slettes fra denne nettleseren. Det kan ikke angres.`,
        missing.length
          ? "Dere har ikke lastet ned både referatet og svarene i dette møtet. Velg «Avbryt» og last dem ned først hvis dere vil ta vare på dem."
          : "Referatet og svarene er lastet ned i dette møtet.",
      ],
      buttons: [
        { value: "delete", label: "Slett", danger: true },
        { value: "cancel", label: "Avbryt", primary: true },
      ],
    });
    if (choice !== "delete") return;
    meeting.forget();
    page.removeCurrent();
    meeting.close();
  });
  const keep = element("button", {
    type: "button",
    className: "md-button pv-button",
    text: "Avslutt uten å slette",
  });
  keep.addEventListener("click", () => meeting.close());
  const back = element("button", {
    type: "button",
    className: "md-button pv-button",
    text: "← Tilbake til referatet",
  });
  back.addEventListener("click", () => meeting.showMinutes());
  return [
    element("h3", {
      className: "pv-meeting__question",
      id: "pv-meeting-question",
      tabindex: "-1",
      text: "Avslutt møtet",
    }),
    element(
      "p",
      {},
      named`Står dere på en felles PC i et møterom? Da bør neste gruppe ikke finne gjennomgangen «${name}». Last ned referatet og svarene, og slett så gjennomgangen fra denne nettleseren.`,
    ),
    element("h4", { text: "1. Last ned" }),
    element("div", { className: "pv-meeting__row" }, [
      exportButton(meeting, "Referat (Word)", "referat"),
      exportButton(meeting, "Referat (Markdown)", "referat-md"),
      exportButton(meeting, "Svar (JSON)", "json"),
    ]),
    element("p", {
      className: "pv-hint",
      text: "JSON-filen kan importeres igjen senere, også på en annen PC.",
    }),
    element("h4", { text: "2. Slett fra nettleseren" }),
    element("p", {
      text:
        others > 0
          ? `Bare denne gjennomgangen slettes. Nettleseren har ${others} ${others === 1 ? "annen gjennomgang" : "andre gjennomganger"} av denne sjekklisten; dem kan dere slette under «Din gjennomgang».`
          : "Bare denne gjennomgangen slettes.",
    }),
    element("div", { className: "pv-meeting__row" }, [clear, keep, back]),
  ];
}

/** The minutes: participants and date to fill in, then the engine's minutes model, and the exports. */
export function showMinutes(meeting) {
  meeting.view = "minutes";
  meeting.syncers = [];
  meeting.message = element("p", { className: "pv-meeting__message", role: "status" });
  const record = meeting.page.current;
  const participants = textArea(
    "pv-meeting-participants",
    "Deltakere (én per linje)",
    () => meeting.page.current.participants || "",
    (value) => {
      meeting.page.updateRecord({ participants: value });
      refreshMinutes(meeting);
    },
  );
  const date = element("input", { type: "date", id: "pv-meeting-date" });
  date.value = record.meeting_date || "";
  date.addEventListener("input", () => {
    meeting.page.updateRecord({ meeting_date: date.value });
    refreshMinutes(meeting);
  });
  meeting.minutesBox = element("div", { className: "pv-minutes" }, [
    element("p", { text: "Henter referatet …" }),
  ]);
  const footer = element("div", { className: "pv-meeting__foot" }, [
    element("div", { className: "pv-meeting__nav" }, [
      exportButton(meeting, "Referat (Word)", "referat"),
      exportButton(meeting, "Referat (Markdown)", "referat-md"),
      button("Skriv ut referatet", () => window.print()),
      button("Avslutt møtet …", () => meeting.showEnd(), "md-button md-button--primary"),
    ]),
    element("div", { className: "pv-meeting__nav" }, [
      button("← Tilbake til punktene", () => {
        meeting.view = "item";
        meeting.show(meeting.entries.length - 1);
      }),
      button("Oversikt over punktene", () => meeting.showOverview()),
      button("Lukk møtemodus", () => meeting.close()),
    ]),
    meeting.message,
  ]);
  meeting.render(
    [
      element("h3", {
        className: "pv-meeting__question",
        id: "pv-meeting-question",
        tabindex: "-1",
        text: `Referat: ${record.name}`,
      }),
      element("div", { className: "pv-meeting__meta" }, [
        participants.node,
        element("div", { className: "pv-field" }, [
          element("label", { for: "pv-meeting-date", text: "Møtedato (tom: dagens dato)" }),
          date,
        ]),
      ]),
      meeting.minutesBox,
    ],
    footer,
  );
  meeting.live.textContent = "Referat";
  meeting.remember();
  refreshMinutes(meeting);
  meeting.body.querySelector("#pv-meeting-participants").focus();
}

/** Ask the engine for the minutes again; one request at a time, the last edit wins. */
export async function refreshMinutes(meeting) {
  if (meeting.minutesBusy) {
    meeting.minutesAgain = true;
    return;
  }
  meeting.minutesBusy = true;
  try {
    do {
      meeting.minutesAgain = false;
      const model = await meeting.page.minutes();
      if (meeting.view === "minutes") meeting.minutesBox.replaceChildren(...minutesView(model));
    } while (meeting.minutesAgain);
  } catch (error) {
    if (meeting.view === "minutes")
      meeting.minutesBox.replaceChildren(
        element("p", {
          className: "pv-meeting__message--problem",
          text: `Referatet kunne ikke vises: ${error.message}. Svarene er lagret.`,
        }),
      );
  } finally {
    meeting.minutesBusy = false;
  }
}
