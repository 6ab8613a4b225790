"""WCAG 2.2 AA in the review views: axe in both colour schemes with each view open (and its folded
parts unfolded, a column sorted, an action ticked), no sideways scrolling at 320 CSS px, and every
focus stop visible, outlined at 3:1 and never under the view's sticky head (2.4.7, 2.4.11, 1.4.11)."""

from __future__ import annotations

from a11y import set_scheme, wait_for_calm, walk
from axe import axe_in_both_schemes, report
from browser_helpers import OVERFLOW
from playwright.sync_api import Page, expect
from review_data import meeting_page

__all__ = ["meeting_page"]  # the fixture, used by name


def open_views(page: Page, check) -> None:
    """Open each view in its states and call ``check(name)`` in each."""
    page.get_by_role("button", name="Sjekk svarene").click()
    view = page.get_by_role("dialog", name="Sjekk svarene")
    expect(view.locator(".pv-summary").first).to_be_visible()
    check("Sjekk svarene")
    view.get_by_text("Vis alle 41").click()
    view.get_by_role("link", name="Endre", exact=False).last.focus()
    check("Sjekk svarene, ubesvarte vist, Endre i fokus")
    page.keyboard.press("Escape")
    expect(view).to_be_hidden()

    page.get_by_role("button", name="Tiltaksliste").click()
    actions = page.get_by_role("dialog", name="Tiltaksliste")
    expect(actions.get_by_role("table")).to_be_visible()
    check("Tiltaksliste")
    actions.get_by_role("button", name="Ansvarlig side").click()
    actions.get_by_role("checkbox", name="Utført: Sende utkast til staten").check()
    expect(actions.get_by_role("status")).to_contain_text("utført")
    check("Tiltaksliste, sortert og krysset av")
    actions.get_by_role("button", name="Lukk").click()
    expect(actions).to_be_hidden()


def test_review_views_have_no_axe_violations(meeting_page: Page) -> None:
    problems = {}

    def check(state: str) -> None:
        if found := axe_in_both_schemes(meeting_page):
            problems[state] = found

    open_views(meeting_page, check)
    assert problems == {}, report(problems)


def test_review_views_fit_320_px(meeting_page: Page) -> None:
    page = meeting_page
    page.set_viewport_size({"width": 320, "height": 256})
    wide = {}

    def check(state: str) -> None:
        wait_for_calm(page)
        if found := page.evaluate(OVERFLOW):
            wide[state] = found

    open_views(page, check)
    assert wide == {}


def test_review_views_show_every_focus_stop(meeting_page: Page) -> None:
    page = meeting_page
    page.set_viewport_size({"width": 800, "height": 500})  # short: the sticky head must not hide focus
    for button, within, at_least in (("Sjekk svarene", "#pv-check", 12), ("Tiltaksliste", "#pv-actions", 8)):
        page.get_by_role("button", name=button).click()
        sheet = page.locator(within)
        expect(sheet.locator(".pv-sheet__body > *").first).to_be_visible()
        if button == "Sjekk svarene":
            sheet.get_by_text("Vis alle 41").click()
        for scheme in ("light", "dark"):
            set_scheme(page, scheme)
            sheet.get_by_role("button", name="Lukk").focus()
            for key in ("Tab", "Shift+Tab"):
                stops, problems = walk(page, key, limit=200, within=within)
                assert problems == [], "\n".join(problems)
                assert len(stops) >= at_least, f"{button}: {key} reached only {len(stops)} stops"
        page.keyboard.press("Escape")
        expect(sheet).to_be_hidden()
