// What the review views (check-answers.js, actions-list.js, print-report.js) need from the checklist
// controller, in one place: the views know nothing of the controller's fields, and the controller
// wires them in with a few lines.

/** Focus an item's answer (the checked choice, else its first field), showing it if a filter hid it. */
export function focusItem(page, itemId) {
  const fieldset = page.items.get(itemId);
  if (!fieldset) return;
  if (fieldset.hidden) {
    // A filter hides it: clear the filters through their own controls, so the page's state follows.
    for (const control of page.filterControls || []) {
      if (control.type === "checkbox" ? !control.checked : control.value === "") continue;
      if (control.type === "checkbox") control.checked = false;
      else control.value = "";
      control.dispatchEvent(new Event("change", { bubbles: true }));
    }
    fieldset.hidden = false;
  }
  const target =
    fieldset.querySelector("[data-pv-field=value]:checked") ||
    fieldset.querySelector("[data-pv-field]:not([type=hidden])");
  // Centred, so the sticky header never covers it (WCAG 2.4.11).
  fieldset.scrollIntoView({ block: "center" });
  (target || fieldset).focus({ preventScroll: true });
}

/** The host object the review views are given; ``page`` is the ChecklistPage controller. */
export function reviewHost(page, report) {
  return {
    minutes: async () => {
      await page.engineLoaded;
      return page.minutes();
    },
    snapshot: () => JSON.stringify([page.active, page.exportRecord(), page.answers, page.archived]),
    owners: () => page.owners || [],
    focusItem: (itemId) => focusItem(page, itemId),
    focusExports: () => {
      const exports = page.root.querySelector("[aria-labelledby=pv-export-label]");
      (exports?.querySelector("button") || page.root.querySelector("#pv-panel-title"))?.focus();
    },
    print: () => report().print(),
    /** Tick one action (``index`` in its item's list) done or not; false if it is no longer there. */
    setActionDone: (itemId, index, done) => {
      const actions = page.answers[itemId]?.actions;
      if (!Array.isArray(actions) || !actions[index] || typeof actions[index] !== "object") return false;
      page.setExtra(itemId, { actions: actions.map((a, i) => (i === index ? { ...a, done } : a)) });
      return true;
    },
  };
}
