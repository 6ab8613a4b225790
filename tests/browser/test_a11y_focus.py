"""What axe cannot see: every focus stop, going forward and back, is visible (WCAG 2.4.7), not under the
sticky header or the back-to-top button (2.4.11), and outlined at 3:1 or more against what is behind
it (1.4.11) — on a checklist page, in meeting mode and in the combine view, in both palettes.

See a11y.FOCUS_STOP for how a stop is measured (computed styles and what is on top at its points)."""

from __future__ import annotations

from pathlib import Path

from a11y import focus_problem, focus_stop, set_scheme, walk
from browser_helpers import open_checklist, open_combine_view, open_meeting
from playwright.sync_api import Page, expect


def assert_walks(page: Page, keys: list[str], at_least: int, within: str | None = None) -> list[dict]:
    stops = []
    for key in keys:
        found, problems = walk(page, key, limit=600, within=within)
        assert problems == [], "\n".join(problems)
        assert len(found) >= at_least, f"{key} reached only {len(found)} stops"
        stops += found
    return stops


def test_checklist_page_light_tab_and_shift_tab(site, page: Page) -> None:
    open_checklist(page, site)
    stops = assert_walks(page, ["Tab", "Shift+Tab"], at_least=200)
    items = {stop["inItem"] for stop in stops if stop["inItem"]}
    assert len(items) == page.locator("fieldset[data-pv-item]").count()


def test_checklist_page_dark_shift_tab(site, page: Page) -> None:
    """Backwards is where the sticky header and the back-to-top button covered focus (the harder way)."""
    page.emulate_media(color_scheme="dark")
    open_checklist(page, site)
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
        stop = focus_stop(page)
        assert stop["tag"] == "INPUT" and stop["type"] == "radio", stop
        assert focus_problem(stop) is None, focus_problem(stop)


def test_meeting_mode_with_an_action_and_the_minutes(site, page: Page) -> None:
    open_checklist(page, site)
    meeting = open_meeting(page)
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


def press(page: Page, key: str) -> dict:
    """Press a key and check that focus, wherever it went, is visible (WCAG 2.4.7, 2.4.11, 1.4.11)."""
    page.keyboard.press(key)
    stop = focus_stop(page)
    assert stop is not None, f"focus fell to the page body after {key}"
    problem = focus_problem(stop)
    assert problem is None, problem
    return stop


def tab_to(page: Page, name: str, key: str = "Tab", limit: int = 300) -> None:
    for _ in range(limit):
        if name in press(page, key)["name"]:
            return
    raise AssertionError(f"Tab never reached {name}")


def test_a_whole_meeting_with_the_keyboard_alone_keeps_focus_visible(site, page: Page) -> None:
    open_checklist(page, site)
    tab_to(page, "Møtemodus")
    press(page, "Enter")
    meeting = page.get_by_role("dialog", name="Møtemodus")
    expect(meeting).to_be_visible()
    press(page, "2")  # answer: Delvis
    press(page, "n")  # to the note
    page.keyboard.type("Drøftet i møtet")
    tab_to(page, "Vedtak / konklusjon")
    page.keyboard.type("Partene skriver et nytt utkast.")
    tab_to(page, "Legg til tiltak")
    press(page, "Enter")
    page.keyboard.type("Sende utkast til kommunen")
    press(page, "Tab")
    press(page, "ArrowDown")  # responsible side: Stat
    press(page, "Tab")
    page.keyboard.type("Kari Nordmann")
    tab_to(page, "Neste →")
    for _ in range(44):
        if meeting.get_by_role("heading", name="Referat: Min gjennomgang").count():
            break
        press(page, "ArrowRight")
    expect(meeting.get_by_role("heading", name="Referat: Min gjennomgang")).to_be_visible()
    page.keyboard.type("Fylkesdirektør, kommunedirektør, NAV-leder")
    expect(meeting.get_by_role("table", name="Tiltak")).to_contain_text("Stat, Kari Nordmann")
    tab_to(page, "Referat (Word)")
    with page.expect_download() as info:
        press(page, "Enter")
    assert info.value.suggested_filename.endswith(".docx")
    page.keyboard.press("Escape")
    expect(meeting).to_have_count(0)
    stop = focus_stop(page)
    assert "Møtemodus" in stop["name"] and focus_problem(stop) is None
