"""WCAG 4.1.3 Status messages: the filter summary («Viser 43 av 44 punkter.») and the progress are in
polite live regions, and each is written once per change of its text — never rewritten with the same
text on every keystroke, which would make screen readers repeat it."""

from __future__ import annotations

from browser_helpers import item, open_checklist, open_details, wait_for_engine
from playwright.sync_api import Page, expect

# Every write to a live region's text, as [region, text], in order.
RECORD_WRITES = """() => {
  window.pvLiveWrites = [];
  const regions = [...document.querySelectorAll('[role=status], [role=alert], [aria-live]:not([aria-live=off])')];
  new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      const region = regions.find((r) => r.contains(node));
      if (region) window.pvLiveWrites.push([region.className || region.id, region.textContent.trim()]);
    }
  }).observe(document.getElementById('pv-app'), { childList: true, characterData: true, subtree: true });
}"""


def writes(page: Page) -> list[list[str]]:
    return page.evaluate("() => window.pvLiveWrites.splice(0)")


def test_filter_summary_and_progress_are_announced_once_per_change(site, page: Page) -> None:
    open_checklist(page, site)
    summary = page.locator(".pv-filters__summary")
    expect(summary).to_have_attribute("role", "status")
    expect(page.locator(".pv-panel__progress")).to_have_attribute("role", "status")
    page.evaluate(RECORD_WRITES)

    # A filter: the summary is written once; the progress text does not change, so it is not written.
    page.get_by_label("Bare ubesvarte").check()
    expect(summary).to_have_text("Viser 44 av 44 punkter.")
    wait_for_engine(page, answered=0)
    first = item(page, "1.0 a")
    first.get_by_role("radio", name="Ja").check()
    wait_for_engine(page, answered=1)
    expect(summary).to_have_text("Viser 43 av 44 punkter.")
    log = writes(page)
    assert [text for region, text in log if "pv-filters__summary" in region] == [
        "Viser 44 av 44 punkter.",
        "Viser 43 av 44 punkter.",
    ], log
    progress = [text for region, text in log if "pv-panel__progress" in region]
    assert len(progress) == 1 and progress[0].startswith("Fremdrift: 1 av 44"), log

    # Typing a note recomputes the progress on every keystroke, but its text stays the same: no writes.
    page.get_by_label("Bare ubesvarte").uncheck()
    expect(summary).to_have_text("")
    writes(page)
    open_details(first)
    first.get_by_label("Notat").press_sequentially("Tas opp igjen i mars")
    # One more answer after the note: the engine answers in order, so every keystroke's update is done.
    item(page, "2.0 a").get_by_role("radio", name="Nei").check()
    wait_for_engine(page, answered=2)
    log = writes(page)
    assert [text for region, text in log if "pv-filters__summary" in region] == [], log
    progress = [text for region, text in log if "pv-panel__progress" in region]
    assert len(progress) == 1 and progress[0].startswith("Fremdrift: 2 av 44"), log
