"""Print without the engine: the form prints with its answers and without the controls around it.

With the engine, print is a report of the walk-through (tests/browser/test_review.py); the form is
what prints when no up-to-date report can be made (Pyodide blocked here), as without JavaScript."""

from __future__ import annotations

from browser_helpers import CHECKLIST, answer_item
from playwright.sync_api import Page, expect


def test_print_without_the_engine_shows_the_form_with_answers(site, page: Page, page_errors) -> None:
    page.context.route("**/assets/pyodide/**", lambda route: route.abort())
    page.goto(site.url + CHECKLIST)
    first = answer_item(page, "1.0 a", "Nei", note="Tas opp i neste møte")
    page.emulate_media(media="print")
    expect(page.locator(".pv-report")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Møtemodus")).to_be_hidden()
    expect(page.get_by_role("button", name="JSON")).to_be_hidden()
    expect(first.get_by_role("radio", name="Nei")).to_be_checked()
    expect(first.get_by_label("Notat")).to_be_visible()
    expect(first.get_by_label("Notat")).to_have_value("Tas opp i neste møte")
    # Printed once the engine has failed too (its start is given up with a message).
    page.emulate_media(media="screen")
    expect(page.get_by_role("alert")).to_contain_text("Sjekklistemotoren kunne ikke starte", timeout=60_000)
    page.emulate_media(media="print")
    expect(page.locator(".pv-report")).to_be_hidden()
    expect(first.get_by_label("Notat")).to_have_value("Tas opp i neste møte")
    page_errors.errors.clear()  # the aborted Pyodide requests are logged as console errors by design of this test
