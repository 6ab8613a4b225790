// The panel above the checklist: walk-through management, progress, filters, the meeting,
// export, import, compare and share buttons, and the boxes that report to the user
// (alerts, status, content changes, comparisons, archived answers). Mixed into ChecklistPage
// (page.js), so `this` is the page controller.
import { isEmpty } from "./answer-form.js";
import { element, setContent } from "./dialog.js";
import { MeetingMode } from "./meeting.js";
import { EXPORTS } from "./transfer.js";

function formatTime(iso) {
  if (!iso) return "aldri";
  return new Date(iso).toLocaleString("nb-NO", { dateStyle: "long", timeStyle: "short" });
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export const panelMethods = {
  buildPanel() {
    const panel = element("section", { className: "pv-panel", "aria-labelledby": "pv-panel-title" });
    panel.append(
      element("h2", {
        id: "pv-panel-title",
        className: "pv-panel__title",
        text: "Din gjennomgang",
        tabindex: "-1",
      }),
    );
    this.storageNote = element("p", { className: "pv-panel__note" });
    panel.append(this.storageNote, ...this.life.nodes);

    this.walkthroughSelect = element("select", { id: "pv-walkthrough" });
    this.listen(this.walkthroughSelect, "change", () => this.activate(this.walkthroughSelect.value));
    const manage = element("div", { className: "pv-panel__row" }, [
      element("label", { for: "pv-walkthrough", text: "Gjennomgang" }),
      this.walkthroughSelect,
    ]);
    for (const [label, action] of [
      ["Ny", () => this.createWalkthrough()],
      ["Gi nytt navn", () => this.renameWalkthrough()],
      ["Dupliser", () => this.duplicateWalkthrough()],
      ["Slett gjennomgang", () => this.deleteWalkthrough()],
    ]) {
      manage.append(this.button(label, action));
    }
    panel.append(manage);

    this.progressText = element("span", {
      id: "pv-progress-text",
      text: "Fremdriften vises når sjekklistemotoren er klar …",
    });
    this.progressBar = element("progress", {
      max: "100",
      value: "0",
      "aria-labelledby": "pv-progress-text",
      hidden: "",
    });
    panel.append(
      element("div", { className: "pv-panel__progress", role: "status" }, [
        this.progressText,
        this.progressBar,
      ]),
    );

    panel.append(this.engineStatus.node);
    panel.append(this.buildFilters());

    const meeting = this.button("Møtemodus", () => {
      this.openerAfterMeeting = meeting;
      new MeetingMode(this).open();
    });
    meeting.classList.add("md-button--primary");
    panel.append(
      element("div", { className: "pv-panel__row" }, [
        meeting,
        element("span", {
          className: "pv-hint",
          text: "Ett punkt om gangen i stor skrift, med vedtak, tiltak og referat – for delt skjerm i partnerskapsmøtet.",
        }),
      ]),
    );

    const exportRow = element(
      "div",
      { className: "pv-panel__row", role: "group", "aria-labelledby": "pv-export-label" },
      [element("span", { id: "pv-export-label", text: "Eksporter:" })],
    );
    for (const [kind, label] of EXPORTS) exportRow.append(this.button(label, () => this.exportAs(kind)));
    exportRow.append(this.button("Skriv ut", () => window.print()));
    panel.append(exportRow);
    this.compareButton = this.button("Sammenlign med en annen gjennomgang", () => this.compareWalkthroughs());
    panel.append(
      element("div", { className: "pv-panel__row" }, [
        this.compareButton,
        this.button("Del som lenke", () => this.shareLink()),
      ]),
    );

    // The native file input names its button in the browser's language; a label styled as a
    // button gives a Norwegian name, and the input stays focusable for keyboard users.
    this.importInput = element("input", {
      type: "file",
      id: "pv-import",
      accept: ".json,application/json",
      className: "pv-visually-hidden",
    });
    this.listen(this.importInput, "change", () => this.importFile());
    panel.append(
      element("div", { className: "pv-panel__row" }, [
        this.importInput,
        element("label", {
          for: "pv-import",
          className: "md-button pv-button pv-file-button",
          text: "Importer svar fra fil (JSON) …",
        }),
      ]),
    );

    const danger = this.button("Slett alle data", () => this.deleteEverything());
    danger.classList.add("pv-button--danger");
    panel.append(element("div", { className: "pv-panel__row" }, [danger]));

    this.alert = element("div", { className: "pv-alert", role: "alert" });
    this.status = element("p", { className: "pv-status", role: "status" });
    this.changes = element("section", {
      className: "pv-changes",
      "aria-labelledby": "pv-changes-title",
      hidden: "",
    });
    this.comparison = element("section", {
      className: "pv-changes pv-comparison",
      "aria-labelledby": "pv-comparison-title",
      hidden: "",
    });
    this.archivedBox = element("details", { className: "pv-archived", hidden: "" });
    panel.append(this.alert, this.status, this.changes, this.comparison, this.archivedBox);
    this.root.replaceChildren(panel);
  },

  button(label, action) {
    const button = element("button", { type: "button", className: "md-button pv-button", text: label });
    this.listen(button, "click", action);
    return button;
  },

  buildFilters() {
    const roles = new Set();
    const phases = new Set();
    for (const fieldset of this.items.values()) {
      for (const role of fieldset.dataset.pvRoles.split(" ").filter(Boolean)) roles.add(role);
      if (fieldset.dataset.pvPhase) phases.add(fieldset.dataset.pvPhase);
    }
    const box = element("fieldset", { className: "pv-filters" }, [
      element("legend", { text: "Vis punkter" }),
    ]);
    this.filterControls = [];
    const select = (id, label, values, key) => {
      const control = element("select", { id, disabled: "" }, [
        element("option", { value: "", text: "Alle" }),
      ]);
      for (const value of values) control.append(element("option", { value, text: value }));
      this.listen(control, "change", () => {
        this.filters[key] = control.value;
        this.queueProgress();
      });
      this.filterControls.push(control);
      box.append(
        element("span", { className: "pv-field pv-field--inline" }, [
          element("label", { for: id, text: label }),
          control,
        ]),
      );
      return control;
    };
    if (roles.size) this.roleSelect = select("pv-filter-role", "Rolle", [...roles], "role");
    if (phases.size) this.phaseSelect = select("pv-filter-phase", "Fase", [...phases], "phase");
    const unanswered = element("input", { type: "checkbox", id: "pv-filter-unanswered", disabled: "" });
    this.listen(unanswered, "change", () => {
      this.filters.unanswered = unanswered.checked;
      this.queueProgress();
    });
    this.filterControls.push(unanswered);
    box.append(
      element("span", { className: "pv-field pv-field--inline" }, [
        unanswered,
        element("label", { for: "pv-filter-unanswered", text: "Bare ubesvarte" }),
      ]),
    );
    // A polite live region: screen readers hear «Viser 43 av 44 punkter.» once per change.
    this.filterSummary = element("span", { className: "pv-filters__summary", role: "status" });
    box.append(this.filterSummary);
    return box;
  },

  /** Replace filter option ids with the labels from the definition once it is loaded. */
  labelFilters(definition) {
    const label = (control, names) => {
      if (!control) return;
      for (const option of control.options)
        if (option.value && names[option.value]) option.textContent = names[option.value];
    };
    label(this.roleSelect, definition.roles);
    label(this.phaseSelect, Object.fromEntries(definition.phases.map((p) => [p.id, p.title])));
  },

  /** message: a string, or nodes from named(); extra: nodes after it (e.g. a button). */
  showProblem(message, extra = []) {
    if (this.alert) {
      this.alert.replaceChildren(setContent(element("p"), message), ...extra);
    } else {
      this.pendingProblem = message;
    }
  },

  say(message) {
    setContent(this.status, message);
  },

  renderWalkthroughs() {
    const list = this.store.walkthroughs();
    this.walkthroughSelect.replaceChildren(
      ...list.map((w) => element("option", { value: w.id, text: w.name })),
    );
    this.walkthroughSelect.value = this.active;
    const current = this.current;
    this.storageNote.textContent = `Svarene lagres bare i denne nettleseren, på denne maskinen – ingenting sendes noe sted. Sist eksportert: ${formatTime(current.exported)}.`;
  },

  renderProgress(result) {
    const total = result.total;
    // Live regions are written only when their text changes, so each change is announced once.
    setText(this.progressText, `Fremdrift: ${total.text} (${total.percent} %)`);
    this.progressBar.value = total.percent;
    this.progressBar.hidden = false;
    // Looked up once: a query per section per update is quadratic on long checklists.
    this.sectionLines ??= new Map(
      [...this.article.querySelectorAll("[data-pv-section-progress]")].map((line) => [
        line.dataset.pvSectionProgress,
        line,
      ]),
    );
    for (const [sectionId, counts] of Object.entries(result.sections)) {
      const line = this.sectionLines.get(sectionId);
      if (line) {
        setText(line, counts.text);
        line.hidden = false;
      }
    }
    const visible = new Set(result.visible);
    for (const [itemId, fieldset] of this.items) {
      const hidden = !visible.has(itemId);
      if (fieldset.hidden !== hidden) fieldset.hidden = hidden; // unchanged items cost no style work
    }
    const filtered = this.filters.role || this.filters.phase || this.filters.unanswered;
    setText(this.filterSummary, filtered ? `Viser ${visible.size} av ${this.items.size} punkter.` : "");
    performance.mark("pv-progress-updated");
    this.root.dataset.pvProgress = String(total.answered);
  },

  renderChanges(report, knownItems, version) {
    const title = element("h3", {
      id: "pv-changes-title",
      text: `Sjekklisten er endret siden denne gjennomgangen ble startet (versjon ${report.from_version} → ${report.to_version})`,
    });
    const parts = [title];
    const list = (heading, entries) => {
      if (!entries.length) return;
      parts.push(element("h4", { text: heading }));
      parts.push(
        element(
          "ul",
          {},
          entries.map((entry) =>
            element("li", {}, [typeof entry === "string" ? entry : this.itemLink(entry)]),
          ),
        ),
      );
    };
    list("Omformulert", report.reworded);
    list("Nye punkter", report.added);
    list(
      "Fjernet (svarene er tatt vare på under «Arkiverte svar»)",
      report.removed.map((id) => (this.archived[id] && this.archived[id].text) || id),
    );
    for (const entry of report.reworded) {
      const fieldset = this.items.get(entry.id);
      if (fieldset && report.reworded_answered.includes(entry.id))
        fieldset.classList.add("pv-item--reworded");
    }
    const done = element("button", {
      type: "button",
      className: "md-button",
      text: "Jeg har sett endringene",
    });
    done.addEventListener("click", () => {
      this.store.updateWalkthrough(this.active, { items: knownItems, version });
      this.changes.hidden = true;
      for (const fieldset of this.items.values()) fieldset.classList.remove("pv-item--reworded");
      this.say("Endringene er merket som sett.");
      // The button is gone with its box: focus goes to the panel's heading, not to the page body.
      this.root.querySelector("#pv-panel-title").focus();
    });
    parts.push(done);
    this.changes.replaceChildren(...parts);
    this.changes.hidden = false;
  },

  itemLink(entry) {
    return element("a", { href: `#punkt-${entry.id}`, text: `${entry.number} ${entry.text}` });
  },

  renderArchived() {
    const entries = Object.entries(this.archived || {});
    this.archivedBox.hidden = entries.length === 0;
    if (!entries.length) return;
    this.archivedBox.replaceChildren(
      element("summary", {
        text: `Arkiverte svar (${entries.length}) – punkter som er fjernet fra sjekklisten`,
      }),
      element(
        "ul",
        {},
        entries.map(([id, answer]) =>
          element("li", {
            text: `${answer.text || id}: ${isEmpty(answer.value) ? "ikke besvart" : answer.value}${answer.note ? ` – ${answer.note}` : ""}`,
          }),
        ),
      ),
    );
  },
};
