"""What axe cannot see: every focus stop, going forward and back, is visible (WCAG 2.4.7), not under the
sticky header or the back-to-top button (2.4.11), and outlined at 3:1 or more against what is behind
it (1.4.11) — on a checklist page, in meeting mode and in the combine view, in both palettes.

See a11y.FOCUS_STOP for how a stop is measured (computed styles and what is on top at its points)."""

from __future__ import annotations

from pathlib import Path

from a11y import FOCUS_STOP, focus_problem, set_scheme, walk
from conftest import wait_for_engine
from playwright.sync_api import Page, expect
from test_accessibility import open_combine_view
from test_answering import CHECKLIST


def assert_walks(page: Page, keys: list[str], at_least: int, within: str | None = None) -> list[dict]:
    stops = []
    for key in keys:
        found, problems = walk(page, key, limit=600, within=within)
        assert problems == [], "\n".join(problems)
        assert len(found) >= at_least, f"{key} reached only {len(found)} stops"
        stops += found
    return stops


def test_checklist_page_light_tab_and_shift_tab(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    wait_for_engine(page)
    stops = assert_walks(page, ["Tab", "Shift+Tab"], at_least=200)
    items = {stop["inItem"] for stop in stops if stop["inItem"]}
    assert len(items) == page.locator("fieldset[data-pv-item]").count()


def test_checklist_page_dark_shift_tab(site, page: Page) -> None:
    """Backwards is where the sticky header and the back-to-top button covered focus (the harder way)."""
    page.emulate_media(color_scheme="dark")
    page.goto(site.url + CHECKLIST)
    wait_for_engine(page)
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
    page.keyboard.press("Shift")  # keyboard modality, then backwards from the page's last link
    page.locator(".md-footer__link").last.focus()
    assert_walks(page, ["Shift+Tab"], at_least=200)


def test_palette_toggle_shows_focus_in_both_palettes(site, page: Page) -> None:
    page.goto(site.url)
    for scheme in ("dark", "light"):
        set_scheme(page, scheme)
        page.locator("form[data-md-component=palette] input:checked").focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
        stop = page.evaluate(FOCUS_STOP)
        assert stop["tag"] == "INPUT" and stop["type"] == "radio", stop
        assert focus_problem(stop) is None, focus_problem(stop)


def test_meeting_mode_with_an_action_and_the_minutes(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    wait_for_engine(page)
    page.get_by_role("button", name="Møtemodus").click()
    meeting = page.get_by_role("dialog", name="Møtemodus")
    expect(meeting).to_be_visible()
    meeting.get_by_role("button", name="Legg til tiltak").click()
    for scheme in ("light", "dark"):
        set_scheme(page, scheme)
        meeting.get_by_role("radio").first.focus()
        assert_walks(page, ["Tab", "Shift+Tab"], at_least=10, within=".pv-meeting")
    meeting.get_by_role("button", name="Vis hele avsnittet").click()
    meeting.get_by_role("button", name="Neste →").click()  # section 2.0: four questions
    meeting.get_by_role("radio").first.focus()
    assert_walks(page, ["Tab", "Shift+Tab"], at_least=6, within=".pv-meeting")
    meeting.get_by_role("button", name="Vis hele avsnittet").click()
    for _ in range(50):
        if meeting.get_by_role("heading", name="Referat: Min gjennomgang").count():
            break
        meeting.locator(".pv-meeting__nav .md-button--primary").click()
    expect(meeting.get_by_role("heading", name="Referat: Min gjennomgang")).to_be_visible()
    meeting.get_by_label("Deltakere").focus()
    assert_walks(page, ["Tab", "Shift+Tab"], at_least=6, within=".pv-meeting")


def test_combine_view_with_files(site, built_site: Path, page: Page, tmp_path: Path) -> None:
    open_combine_view(page, site, built_site, tmp_path)
    page.get_by_role("heading", name="Respondenter (3)").scroll_into_view_if_needed()
    for scheme, keys in (("light", ["Tab", "Shift+Tab"]), ("dark", ["Shift+Tab"])):
        set_scheme(page, scheme)
        page.locator("#pv-combine-files").focus()
        assert_walks(page, keys, at_least=5)
