"""WCAG 1.4.10 Reflow: every view fits 320 × 256 CSS px (400 % zoom of 1280 × 1024) without sideways
scrolling of the page or of an open dialog. Tables may scroll inside their own focusable region."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y import wait_for_calm
from browser_helpers import (
    OVERFLOW,
    all_pages,
    item,
    navigate,
    open_checklist,
    open_combine_view,
    open_meeting,
)
from playwright.sync_api import BrowserContext, Page, expect


@pytest.fixture
def small(context: BrowserContext, page: Page) -> Page:
    page.set_viewport_size({"width": 320, "height": 256})
    return page


def overflow(page: Page) -> list[str]:
    wait_for_calm(page)
    return page.evaluate(OVERFLOW)


def test_every_page_fits(site, built_site: Path, small: Page) -> None:
    small.goto(site.url)
    wide = {}
    for path in all_pages(built_site):
        navigate(small, site.url + path)
        if found := overflow(small):
            wide[path or "/"] = found
    assert wide == {}


def test_checklist_filters_dialogs_and_comparison_fit(site, small: Page) -> None:
    page = small
    open_checklist(page, site)
    wide = {}

    def check(state: str) -> None:
        if found := overflow(page):
            wide[state] = found

    for select in page.locator(".pv-filters select").all():
        select.select_option(index=1)
    check("filtrert")
    for button, title in (
        ("Ny", "Ny gjennomgang"),
        ("Gi nytt navn", "Gi nytt navn"),
        ("Slett gjennomgang", "Slette gjennomgangen?"),
        ("Slett alle data", "Slette alle data?"),
        ("Del som lenke", "Del svarene som lenke"),
    ):
        page.get_by_role("button", name=button, exact=True).click()
        expect(page.get_by_role("dialog", name=title)).to_be_visible()
        check(title)
        page.keyboard.press("Escape")
    for select in page.locator(".pv-filters select").all():
        select.select_option(index=0)
    item(page, "1.0 a").get_by_role("radio", name="Nei").check()
    page.get_by_role("button", name="Dupliser", exact=True).click()
    page.get_by_role("dialog", name="Dupliser gjennomgang").get_by_role("button", name="Dupliser").click()
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    page.get_by_role("button", name="Sammenlign med en annen gjennomgang").click()
    dialog = page.get_by_role("dialog", name="Sammenlign gjennomganger")
    check("Sammenlign gjennomganger")
    dialog.get_by_role("button", name="Sammenlign").click()
    expect(page.get_by_role("region", name="Sammenligning")).to_contain_text("Endrede svar")
    check("sammenligningen")
    assert wide == {}


def test_meeting_mode_fits(site, small: Page) -> None:
    page = small
    open_checklist(page, site)
    meeting = open_meeting(page)
    wide = {}
    if found := overflow(page):
        wide["punkt"] = found
    meeting.get_by_role("button", name="Legg til tiltak").click()
    meeting.get_by_label("Tiltak 1").fill("Sende utkast til kommunen")
    if found := overflow(page):
        wide["tiltak"] = found
    meeting.get_by_role("button", name="Vis hele avsnittet").click()
    if found := overflow(page):
        wide["avsnitt"] = found
    meeting.get_by_role("button", name="Vis hele avsnittet").click()
    for _ in range(50):
        if meeting.get_by_role("heading", name="Referat: Min gjennomgang").count():
            break
        meeting.locator(".pv-meeting__nav .md-button--primary").click()
    expect(meeting.get_by_role("heading", name="Referat: Min gjennomgang")).to_be_visible()
    if found := overflow(page):
        wide["referat"] = found
    assert wide == {}


def test_combine_view_with_charts_fits(site, built_site: Path, small: Page, tmp_path: Path) -> None:
    open_combine_view(small, site, built_site, tmp_path)
    expect(small.locator("figure.pv-chart svg").first).to_be_visible()
    assert overflow(small) == []
