"""Meeting mode on a shared screen: what a meeting needs on an item is on screen at the usual
screen sizes, the answers are large targets, and the overview, resume, keys and live updates work
as a meeting uses them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe import axe_in_both_schemes
from browser_helpers import meeting_item, wait_for_engine
from playwright.sync_api import Page, expect

CHECKLIST = "sjekklister/partnerskapsavtale/"
SCREENS = [(1920, 1080), (1366, 768), (1280, 720)]

BOXES = """(dialog) => [...dialog.querySelectorAll(
  '#pv-meeting-question, .pv-meeting__choice, #pv-meeting-note, #pv-meeting-decision, .pv-meeting__actions, '
  + '.pv-meeting__actions input, .pv-meeting__actions select, .pv-meeting__actions button, .pv-meeting__nav button'
)].map((el) => {
  const box = el.getBoundingClientRect();
  return {name: el.id || el.textContent.trim().slice(0, 30) || el.className, top: box.top, bottom: box.bottom,
          left: box.left, right: box.right};
})"""


def open_meeting(page: Page, width: int = 1280, height: int = 720):
    page.set_viewport_size({"width": width, "height": height})
    wait_for_engine(page)
    page.get_by_role("button", name="Møtemodus").click()
    meeting = page.get_by_role("dialog", name="Møtemodus")
    expect(meeting.locator("#pv-meeting-question")).to_be_visible()
    return meeting


def off_screen(page: Page, meeting, width: int, height: int) -> list[str]:
    """What of the item view lies outside the screen, or is only reachable by scrolling."""
    boxes = meeting.evaluate(BOXES)
    assert len(boxes) >= 10, boxes
    outside = [
        f"{box['name']} {box['top']:.0f}–{box['bottom']:.0f}"
        for box in boxes
        if box["top"] < 0 or box["bottom"] > height or box["left"] < 0 or box["right"] > width
    ]
    scrolls = meeting.evaluate(
        """(dialog) => [dialog, dialog.querySelector('.pv-meeting__content')]
             .filter((el) => el.scrollHeight > el.clientHeight + 1).map((el) => el.className)"""
    )
    return outside + [f"scrolls: {name}" for name in scrolls]


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_an_item_with_an_action_fits_the_screen(site, page: Page, width: int, height: int) -> None:
    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page, width, height)
    page.keyboard.press("2")
    meeting.get_by_label("Notat (tast N)").fill("Drøftet i møtet.")
    meeting.get_by_label("Vedtak / konklusjon").fill("Partene skriver et nytt utkast.")
    meeting.get_by_role("button", name="Legg til tiltak").click()
    meeting.get_by_label("Tiltak 1").fill("Sende utkast til kommunen")
    assert off_screen(page, meeting, width, height) == []
    # The item with the longest question, reached through the overview.
    longest = page.evaluate(
        """() => [...document.querySelectorAll('fieldset[data-pv-item] .pv-item__text')]
             .reduce((a, b) => (b.textContent.length > a.textContent.length ? b : a))
             .closest('fieldset').querySelector('.pv-item__number').textContent"""
    )
    meeting.get_by_role("button", name="Oversikt over punktene").click()
    meeting.locator(".pv-meeting__jump").filter(has_text=longest).first.click()
    expect(meeting.locator("#pv-meeting-question")).to_contain_text(longest)
    meeting.get_by_role("button", name="Legg til tiltak").click()
    assert off_screen(page, meeting, width, height) == []


@pytest.mark.parametrize(("width", "height"), [SCREENS[0], SCREENS[2]])
def test_answers_are_large_targets_and_the_bar_does_not_move_the_question(
    site, page: Page, width: int, height: int
) -> None:
    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page, width, height)
    targets = meeting.locator(".pv-meeting__choice")
    expect(targets).to_have_count(4)
    for target in targets.all():
        box = target.bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44, box
        size = float(target.evaluate("(el) => getComputedStyle(el).fontSize").removesuffix("px"))
        assert size >= 20, size
    question_top = meeting.locator("#pv-meeting-question").bounding_box()["y"]
    meeting.get_by_label("Tidsramme for avsnittet (min)").fill("5")
    expect(meeting.get_by_role("timer")).to_contain_text("igjen")
    assert meeting.locator("#pv-meeting-question").bounding_box()["y"] == question_top
    meeting.get_by_role("button", name="Vis hele avsnittet").click()
    expect(meeting.get_by_role("button", name="Vis hele avsnittet")).to_have_attribute("aria-pressed", "true")
    assert meeting.locator("#pv-meeting-question").bounding_box()["y"] == question_top
    assert question_top < height * 0.15


def test_overview_jumps_and_shows_each_items_state(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page)
    progress = meeting.get_by_role("progressbar", name="0 av 44 besvart")
    expect(progress).to_be_visible()
    page.keyboard.press("3")
    expect(meeting.get_by_role("progressbar", name="1 av 44 besvart")).to_have_attribute("value", "1")
    meeting.get_by_label("Vedtak / konklusjon").fill("Tas opp igjen i mars.")
    meeting.get_by_role("button", name="Oversikt over punktene").click()
    jumps = meeting.locator(".pv-meeting__jump")
    expect(jumps).to_have_count(44)
    expect(jumps.first).to_have_accessible_name(re.compile(r"^1\.0 a \w.+ – Nei, vedtak$"))
    expect(jumps.first).to_have_attribute("aria-current", "step")
    expect(jumps.first).to_be_focused()
    expect(jumps.nth(1)).to_contain_text("Ikke besvart")
    assert axe_in_both_schemes(page) == {}
    jumps.nth(20).click()
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 21 av 44")


def test_section_titles_are_the_definitions_own(site, built_site: Path, page: Page) -> None:
    definition = json.loads((built_site / "sjekklister/partnerskapsavtale.json").read_text(encoding="utf-8"))
    expected = [
        section["title"]
        if section["title"].startswith(section["number"])
        else f"{section['number']} {section['title']}"
        for section in definition["sections"]
    ]
    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page)
    meeting.get_by_role("button", name="Oversikt over punktene").click()
    assert meeting.locator(".pv-meeting__content h4").all_inner_texts() == expected


def test_esc_in_a_field_stays_and_reopening_resumes(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page)
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 4 av 44")
    page.keyboard.press("Shift+N")  # Shift+N works like N
    expect(meeting.get_by_label("Notat (tast N)")).to_be_focused()
    page.keyboard.type("Notat")
    page.keyboard.press("Escape")  # leaves the field, meeting mode stays
    expect(meeting).to_be_visible()
    expect(meeting.locator("#pv-meeting-question")).to_be_focused()
    page.keyboard.press("Escape")
    expect(meeting).to_have_count(0)
    page.get_by_role("button", name="Møtemodus").click()
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 4 av 44")
    expect(meeting.get_by_label("Notat (tast N)")).to_have_value("Notat")
    # The minutes, too, are where a reopened meeting resumes.
    meeting.get_by_role("button", name="Oversikt over punktene").click()
    meeting.get_by_role("button", name="Til referatet →").click()
    expect(meeting.get_by_role("heading", name="Referat: Min gjennomgang")).to_be_visible()
    meeting.get_by_role("button", name="Lukk møtemodus").click()
    page.get_by_role("button", name="Møtemodus").click()
    expect(meeting.get_by_role("heading", name="Referat: Min gjennomgang")).to_be_visible()


def test_focus_goes_to_the_checked_answer(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    wait_for_engine(page)
    meeting_item(page, "2.0 b").get_by_role("radio", name="Nei").check()
    meeting = open_meeting(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(meeting.locator("#pv-meeting-question")).to_contain_text("2.0 b")
    expect(meeting.get_by_role("radio", name="Nei (3)")).to_be_focused()


def test_another_tab_changes_the_answer_on_screen(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page)
    other = page.context.new_page()
    other.goto(site.url + CHECKLIST)
    wait_for_engine(other)
    meeting_item(other, "1.0 a").get_by_role("radio", name="Delvis").check()
    # The page's note sits in a closed «Les mer»; type into it as an input event would.
    meeting_item(other, "1.0 a").get_by_label("Notat").evaluate(
        "(el) => { el.value = 'Fra den andre fanen'; el.dispatchEvent(new Event('input', {bubbles: true})); }"
    )
    expect(meeting.get_by_role("radio", name="Delvis (2)")).to_be_checked()
    expect(meeting.get_by_label("Notat (tast N)")).to_have_value("Fra den andre fanen")
    expect(meeting.get_by_role("progressbar")).to_have_attribute("value", "1")
    other.close()


def test_exports_say_what_happened_inside_meeting_mode(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page)
    meeting.get_by_role("button", name="Oversikt over punktene").click()
    meeting.get_by_role("button", name="Til referatet →").click()
    with page.expect_download() as info:
        meeting.get_by_role("button", name="Referat (Word)").click()
    expect(meeting.get_by_role("status")).to_have_text(f"Lastet ned «{info.value.suggested_filename}».")
    expect(meeting.get_by_role("status")).to_be_visible()


def fill_a_meeting(page: Page, meeting) -> None:
    """Two items discussed: answers, a note, decisions and two actions with due dates in reverse order."""
    page.keyboard.press("2")
    meeting.get_by_label("Notat (tast N)").fill("Drøftet i møtet")
    meeting.get_by_label("Vedtak / konklusjon").fill("Partene skriver et nytt utkast.")
    for position, (what, due) in enumerate([("Sende utkast", "2027-02-01"), ("Kalle inn til møte", "2027-01-15")], 1):
        meeting.get_by_role("button", name="Legg til tiltak").click()
        meeting.get_by_label(f"Tiltak {position}").fill(what)
        meeting.locator(f"#pv-action-{position - 1}-side").select_option("stat")
        meeting.locator(f"#pv-action-{position - 1}-due").fill(due)
    meeting.get_by_role("button", name="Neste →").click()
    page.keyboard.press("3")
    meeting.get_by_label("Vedtak / konklusjon").fill("Målene drøftes i neste møte.")
    meeting.get_by_role("button", name="Oversikt over punktene").click()
    meeting.get_by_role("button", name="Til referatet →").click()
    meeting.get_by_label("Deltakere (én per linje)").fill("Kari Nordmann\nOla Nordmann")
    meeting.get_by_label("Møtedato (tom: dagens dato)").fill("2026-11-30")
    expect(meeting.locator(".pv-minutes__participants li")).to_have_count(2)


SCREEN_MINUTES = """(box) => {
  const texts = (selector) => [...box.querySelectorAll(selector)].map((el) => el.textContent.trim());
  const pairs = (dl) => [...dl.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling.textContent}`);
  return {
    header: pairs(box.querySelector('.pv-minutes__header')),
    participants: texts('.pv-minutes__participants li'),
    decisions: texts('.pv-meeting__decisions li'),
    actions: [...box.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
    follow_up: texts('.pv-minutes__follow-up li'),
    items: Object.fromEntries([...box.querySelectorAll('.pv-minutes__item')].map((li) =>
      [li.querySelector('h6').textContent, pairs(li.querySelector('dl'))])),
  };
}"""


def markdown_minutes(text: str) -> dict:
    """The same parts, read from the Markdown minutes."""
    out: dict = {"header": [], "participants": [], "decisions": [], "actions": [], "follow_up": [], "items": {}}
    part, item_title = "header", None
    for line in text.splitlines():
        if line.startswith("#### "):
            item_title = line[5:]
            out["items"][item_title] = []
        elif line.startswith("## "):
            part = {"Vedtak": "decisions", "Tiltak": "actions", "Punkt for punkt": "items"}.get(line[3:], "follow_up")
        elif line == "Deltakere:":
            part = "participants"
        elif part == "header" and ": " in line and not line.startswith("#"):
            out["header"].append(line.rstrip())
        elif line.startswith("- ") and part == "items":
            out["items"][item_title].append(line[2:])
        elif line.startswith("- "):
            out[part].append(line[2:])
        elif line.startswith("| ") and part == "actions" and not line.startswith("| ---"):
            out["actions"].append([cell.strip() for cell in line.strip("|").split(" | ")])
    out["actions"] = out["actions"][1:]  # the column headings
    return out


def test_the_minutes_on_screen_agree_item_by_item_with_the_markdown(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page)
    fill_a_meeting(page, meeting)
    expect(meeting.locator(".pv-minutes__header")).to_contain_text("30. november 2026")
    screen = meeting.locator(".pv-minutes").evaluate(SCREEN_MINUTES)
    with page.expect_download() as info:
        meeting.get_by_role("button", name="Referat (Markdown)").click()
    written = markdown_minutes(Path(info.value.path()).read_text(encoding="utf-8"))
    assert screen == written
    # What the minutes must hold, so the comparison is not between two empty lists.
    assert screen["participants"] == ["Kari Nordmann", "Ola Nordmann"]
    assert [row[2] for row in screen["actions"]] == ["Kalle inn til møte", "Sende utkast"]  # by due date
    assert screen["actions"][0][4] == "15. januar 2027" and screen["actions"][0][3] == "Stat"
    assert len(screen["decisions"]) == 2 and len(screen["follow_up"]) == 2
    assert any("Delvis" in line for line in screen["follow_up"]) and any("Nei" in line for line in screen["follow_up"])
    assert len(screen["items"]) == 2
    assert axe_in_both_schemes(page) == {}


def test_ending_the_meeting_offers_the_files_then_clears_the_walkthrough(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page)
    fill_a_meeting(page, meeting)
    meeting.get_by_role("button", name="Avslutt møtet …").click()
    expect(meeting.get_by_role("heading", name="Avslutt møtet")).to_be_focused()
    assert axe_in_both_schemes(page) == {}
    with page.expect_download() as info:
        meeting.get_by_role("button", name="Svar (JSON)").click()
    assert json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["answers"]
    expect(meeting.get_by_role("status")).to_contain_text(info.value.suggested_filename)

    # Nothing is lost without the user choosing it: the confirmation says the minutes were not saved.
    meeting.get_by_role("button", name="Slett gjennomgangen fra nettleseren …").click()
    confirm = page.get_by_role("dialog", name="Slette gjennomgangen fra nettleseren?")
    expect(confirm).to_contain_text("ikke lastet ned både referatet og svarene")
    assert axe_in_both_schemes(page) == {}
    confirm.get_by_role("button", name="Avbryt").click()
    expect(confirm).to_have_count(0)
    expect(meeting).to_be_visible()
    assert "Drøftet i møtet" in page.evaluate("() => JSON.stringify(localStorage)")

    meeting.get_by_role("button", name="Slett gjennomgangen fra nettleseren …").click()
    confirm.get_by_role("button", name="Slett").click()
    expect(meeting).to_have_count(0)
    stored = page.evaluate("() => JSON.stringify(localStorage)")
    assert "Drøftet i møtet" not in stored and "Kari Nordmann" not in stored
    expect(meeting_item(page, "1.0 a").get_by_role("radio", name="Delvis")).not_to_be_checked()
    # The next group starts at item 1, not where the last meeting stopped.
    page.get_by_role("button", name="Møtemodus").click()
    expect(meeting.locator(".pv-meeting__place")).to_contain_text("Punkt 1 av 44")


def test_overview_and_ending_reflow_at_320_px(site, page: Page) -> None:
    from test_a11y_reflow import overflow

    page.goto(site.url + CHECKLIST)
    meeting = open_meeting(page, 320, 256)
    wide = {}
    meeting.get_by_role("button", name="Oversikt over punktene").click()
    expect(meeting.locator(".pv-meeting__jump")).to_have_count(44)
    if found := overflow(page):
        wide["oversikt"] = found
    meeting.get_by_role("button", name="Til referatet →").click()
    meeting.get_by_role("button", name="Avslutt møtet …").click()
    expect(meeting.get_by_role("heading", name="Avslutt møtet")).to_be_visible()
    if found := overflow(page):
        wide["avslutt"] = found
    assert wide == {}
