"""Meeting mode run from start to finish with the keyboard alone, leaving with minutes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from axe import axe_violations
from browser_helpers import meeting_item, open_checklist, open_meeting
from playwright.sync_api import Page, expect


def focused_name(page: Page) -> str:
    return page.evaluate(
        "() => { const el = document.activeElement; return el.labels?.[0]?.textContent.trim() || el.textContent.trim(); }"
    )


def test_meeting_with_the_keyboard_and_minutes(site, page: Page) -> None:
    open_checklist(page, site)
    page.get_by_role("button", name="Møtemodus").focus()
    page.keyboard.press("Enter")
    meeting = page.get_by_role("dialog", name="Møtemodus")
    expect(meeting).to_be_visible()
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 1 av 44")
    assert axe_violations(page) == []

    # Number keys set the status; the page's own form follows and is saved.
    page.keyboard.press("2")
    expect(meeting_item(page, "1.0 a").get_by_role("radio", name="Delvis")).to_be_checked()
    # N goes to the note.
    page.keyboard.press("n")
    page.keyboard.type("Drøftet i møtet")
    expect(meeting_item(page, "1.0 a").get_by_label("Notat")).to_have_value("Drøftet i møtet")
    # Decision and an action, by Tab and typing.
    page.keyboard.press("Tab")
    assert focused_name(page) == "Vedtak / konklusjon"
    page.keyboard.type("Partene skriver et nytt utkast til avtalen.")
    page.keyboard.press("Tab")
    assert focused_name(page) == "Legg til tiltak"
    page.keyboard.press("Enter")
    page.keyboard.type("Sende utkast til kommunen")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the side: Stat
    page.keyboard.press("Tab")
    page.keyboard.type("Kari Nordmann")
    page.keyboard.press("Tab")
    # The date field is the browser's own, keyboard-operable control; its digit order follows the
    # browser's language, so the value is set on the focused field directly.
    page.locator(":focus").fill("2027-01-15")
    # → moves on once focus is outside a text field.
    meeting.get_by_role("button", name="Neste →").focus()
    page.keyboard.press("ArrowRight")
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 2 av 44")
    page.keyboard.press("ArrowRight")  # focus is now on the new item's answer: arrows still move
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 3 av 44")
    page.keyboard.press("ArrowLeft")
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 2 av 44")
    page.keyboard.press("1")
    expect(meeting_item(page, "2.0 a").get_by_role("radio", name="Ja")).to_be_checked()

    # Skip to the end: the minutes screen.
    for _ in range(44):
        if meeting.get_by_role("heading", name="Referat: Min gjennomgang").count():
            break
        meeting.get_by_role("button", name="Neste →").or_(
            meeting.get_by_role("button", name="Til referatet →")
        ).first.click()
    expect(meeting.get_by_role("heading", name="Referat: Min gjennomgang")).to_be_visible()
    page.keyboard.type("Fylkesdirektør, kommunedirektør, NAV-leder")
    expect(meeting.locator("ol.pv-meeting__decisions")).to_contain_text("Partene skriver et nytt utkast til avtalen.")
    expect(meeting.get_by_role("table", name="Tiltak")).to_contain_text("Sende utkast til kommunen")
    expect(meeting.get_by_role("table", name="Tiltak")).to_contain_text("Stat, Kari Nordmann")
    assert axe_violations(page) == []

    with page.expect_download() as info:
        meeting.get_by_role("button", name="Referat (Word)").click()
    document = (
        zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes())).read("word/document.xml").decode("utf-8")
    )
    for text in (
        # The participants as a list (one paragraph each), the due date as people write it.
        ">Fylkesdirektør<",
        ">kommunedirektør<",
        ">NAV-leder<",
        "Partene skriver et nytt utkast til avtalen.",
        "Sende utkast til kommunen",
        "Kari Nordmann",
        "15. januar 2027",
    ):
        assert text in document, text
    with page.expect_download() as info:
        meeting.get_by_role("button", name="Referat (Markdown)").click()
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert "Partene skriver et nytt utkast til avtalen" in markdown and "Kari Nordmann" in markdown

    page.keyboard.press("Escape")
    expect(meeting).to_have_count(0)
    page.reload()
    expect(meeting_item(page, "1.0 a").get_by_role("radio", name="Delvis")).to_be_checked()


def test_meeting_mode_one_section_at_a_time(site, page: Page) -> None:
    open_checklist(page, site)
    meeting = open_meeting(page)
    meeting.get_by_role("button", name="Vis hele avsnittet").click()
    expect(meeting.get_by_role("button", name="Vis hele avsnittet")).to_have_attribute("aria-pressed", "true")
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 1 av 44")
    page.keyboard.press("ArrowRight")  # next section: 2.0 has four questions
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 2–5 av 44")
    groups = meeting.locator("fieldset.pv-meeting__answer")
    expect(groups).to_have_count(4)
    groups.nth(2).get_by_role("radio").first.focus()
    page.keyboard.press("3")  # answers the focused item only
    expect(page.locator("fieldset[data-pv-item]").nth(3).get_by_role("radio", name="Nei")).to_be_checked()
    expect(page.locator("fieldset[data-pv-item]").nth(1).get_by_role("radio", name="Nei")).not_to_be_checked()
    assert axe_violations(page) == []
    page.keyboard.press("ArrowLeft")
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 1 av 44")
