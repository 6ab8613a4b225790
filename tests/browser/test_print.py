"""The print view shows the answers and hides the controls around them."""

from __future__ import annotations

from browser_helpers import CHECKLIST, answer_item
from playwright.sync_api import Page, expect


def test_print_view_shows_answers_without_controls(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    first = answer_item(page, "1.0 a", "Nei", note="Tas opp i neste møte")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Møtemodus")).to_be_hidden()
    expect(page.get_by_role("button", name="JSON")).to_be_hidden()
    expect(first.get_by_role("radio", name="Nei")).to_be_checked()
    expect(first.get_by_label("Notat")).to_be_visible()
    expect(first.get_by_label("Notat")).to_have_value("Tas opp i neste møte")
    # Filtered-out items are printed too: the print is the whole checklist.
    page.emulate_media(media="screen")
    page.get_by_label("Bare ubesvarte").check()
    expect(first).to_be_hidden()
    page.emulate_media(media="print")
    expect(first).to_be_visible()
