"""WCAG 2.4.3 Focus order: when a dialog or panel closes, focus goes back to the control that opened it
(or, when that control is gone with its panel, to the panel's heading) — never to the page body."""

from __future__ import annotations

import json
from pathlib import Path

from browser_helpers import item, open_checklist, wait_for_engine
from playwright.sync_api import Page, expect

DIALOGS = [
    ("Ny", "Ny gjennomgang"),
    ("Gi nytt navn", "Gi nytt navn"),
    ("Dupliser", "Dupliser gjennomgang"),
    ("Slett gjennomgang", "Slette gjennomgangen?"),
    ("Slett alle data", "Slette alle data?"),
    ("Del som lenke", "Del svarene som lenke"),
]


def open_with_keyboard(page: Page, button: str) -> None:
    page.get_by_role("button", name=button, exact=True).focus()
    page.keyboard.press("Enter")


def test_every_dialog_returns_focus_to_its_button(site, page: Page) -> None:
    open_checklist(page, site)
    for button, title in DIALOGS:
        for close in ("Escape", "Avbryt"):
            open_with_keyboard(page, button)
            dialog = page.get_by_role("dialog", name=title)
            expect(dialog).to_be_visible()
            if close == "Escape":
                page.keyboard.press("Escape")
            else:
                dialog.get_by_role("button", name="Avbryt").click()
            expect(dialog).to_have_count(0)
            expect(page.get_by_role("button", name=button, exact=True)).to_be_focused()
    # After a dialog that did something, too.
    open_with_keyboard(page, "Ny")
    page.get_by_role("dialog", name="Ny gjennomgang").get_by_role("textbox").fill("Våren 2027")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Ny", exact=True)).to_be_focused()


def test_meeting_mode_returns_focus_to_its_button(site, page: Page) -> None:
    open_checklist(page, site)
    meeting = page.get_by_role("dialog", name="Møtemodus")
    opener = page.get_by_role("button", name="Møtemodus")
    for close in ("Escape", "Lukk møtemodus"):
        opener.focus()
        page.keyboard.press("Enter")
        expect(meeting).to_be_visible()
        if close == "Escape":
            page.keyboard.press("Escape")
        else:
            meeting.get_by_role("button", name="Lukk møtemodus").click()
        expect(meeting).to_have_count(0)
        expect(opener).to_be_focused()


def test_closing_the_comparison_returns_focus_to_its_button(site, page: Page) -> None:
    open_checklist(page, site)
    item(page, "1.0 a").get_by_role("radio", name="Nei").check()
    open_with_keyboard(page, "Dupliser")
    page.keyboard.press("Enter")
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    open_with_keyboard(page, "Sammenlign med en annen gjennomgang")
    page.get_by_role("dialog", name="Sammenlign gjennomganger").get_by_role("button", name="Sammenlign").click()
    region = page.get_by_role("region", name="Sammenligning")
    expect(region.get_by_role("heading").first).to_be_focused()
    region.get_by_role("button", name="Lukk sammenligningen").focus()
    page.keyboard.press("Enter")
    expect(region).to_be_hidden()
    expect(page.get_by_role("button", name="Sammenlign med en annen gjennomgang")).to_be_focused()


def test_seen_changes_moves_focus_to_the_panel_heading(site, page: Page, tmp_path: Path) -> None:
    open_checklist(page, site)
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    wait_for_engine(page, answered=1)
    with page.expect_download() as info:
        page.get_by_role("button", name="JSON", exact=True).click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    data["checklist"]["version"] = "0.9"
    older = tmp_path / "eldre.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    page.locator("#pv-import").set_input_files(str(older))
    page.get_by_role("dialog", name="Importer svar").get_by_role("button", name="Som ny gjennomgang").click()
    changes = page.get_by_role("region", name="Sjekklisten er endret")
    changes.get_by_role("button", name="Jeg har sett endringene").focus()
    page.keyboard.press("Enter")
    expect(changes).to_be_hidden()
    expect(page.get_by_role("heading", name="Din gjennomgang")).to_be_focused()
