"""WCAG 2.1.4 Character key shortcuts: Material's single-key shortcuts (n . p , s f /) are off unless the
reader turns them on, and never act while a dialog or meeting mode is open; meeting mode's own keys
(←/→, 1–9, N) have a visible switch that turns them off."""

from __future__ import annotations

import re

from browser_helpers import CHECKLIST, item, open_checklist, open_meeting
from playwright.sync_api import Page, expect

MATERIAL_KEYS = ["n", ".", "p", ",", "s", "f", "/"]


def assert_keys_do_nothing(page: Page, url: str) -> None:
    for key in MATERIAL_KEYS:
        before = page.evaluate_handle("() => document.activeElement")
        page.keyboard.press(key)
        # (navigation.tracking may add the current section's #anchor: that is not leaving the page)
        assert page.url.split("#")[0] == url, f"{key} navigated to {page.url}"
        assert page.evaluate("(el) => document.activeElement === el", before), f"{key} moved focus"
        assert not page.evaluate("() => document.getElementById('__search').checked"), f"{key} opened the search"


def test_single_keys_on_a_focused_radio_do_nothing(site, page: Page) -> None:
    open_checklist(page, site)
    radio = item(page, "1.0 a").get_by_role("radio", name="Ja")
    radio.focus()
    assert_keys_do_nothing(page, site.url + CHECKLIST)
    expect(radio).to_be_focused()
    expect(radio).not_to_be_checked()


def test_shortcuts_can_be_turned_on_but_never_act_in_meeting_mode(site, page: Page) -> None:
    page.goto(site.url + "tilgjengelighet/")
    switch = page.get_by_role("checkbox", name="Slå på hurtigtastene")
    expect(switch).not_to_be_checked()
    switch.check()

    open_checklist(page, site)
    meeting = open_meeting(page)
    meeting.get_by_role("button", name="Lukk møtemodus").focus()
    for key in (".", "p", ",", "s", "f", "/"):
        page.keyboard.press(key)
        expect(meeting).to_be_visible()
        assert page.url.split("#")[0] == site.url + CHECKLIST, key
    page.keyboard.press("Escape")
    expect(meeting).to_have_count(0)

    # Outside any dialog, the reader's choice is respected: n goes to the next page.
    item(page, "1.0 a").get_by_role("radio", name="Ja").focus()
    next_page = page.evaluate("() => document.querySelector('link[rel=next]').href")
    page.keyboard.press("n")
    expect(page).to_have_url(re.compile("^" + re.escape(next_page)))

    # And off again.
    page.goto(site.url + "tilgjengelighet/")
    page.get_by_role("checkbox", name="Slå på hurtigtastene").uncheck()
    page.goto(site.url + CHECKLIST)
    item(page, "1.0 a").get_by_role("radio", name="Ja").focus()
    assert_keys_do_nothing(page, site.url + CHECKLIST)


def test_meeting_keys_can_be_turned_off(site, page: Page) -> None:
    open_checklist(page, site)
    meeting = open_meeting(page)
    place = meeting.locator(".pv-meeting__place")
    expect(place).to_contain_text("Punkt 1 av 44")
    switch = meeting.get_by_role("checkbox", name="Hurtigtaster i møtemodus")
    expect(switch).to_be_checked()
    switch.uncheck()
    expect(meeting.locator("#pv-meeting-keys-hint")).to_contain_text("Hurtigtastene er slått av")
    switch.focus()
    for key in ("1", "2", "ArrowRight", "n"):
        page.keyboard.press(key)
    expect(switch).to_be_focused()
    expect(place).to_contain_text("Punkt 1 av 44")
    first = page.locator("fieldset[data-pv-item]").first  # the page's own item, behind the meeting view
    expect(first.get_by_role("radio", name="Ja")).not_to_be_checked()
    expect(first.get_by_role("radio", name="Delvis")).not_to_be_checked()

    # The buttons still work, and the switch stays off on the next item.
    meeting.get_by_role("button", name="Neste →").click()
    expect(place).to_contain_text("Punkt 2 av 44")
    expect(meeting.get_by_role("checkbox", name="Hurtigtaster i møtemodus")).not_to_be_checked()
    meeting.get_by_role("checkbox", name="Hurtigtaster i møtemodus").check()
    meeting.get_by_role("button", name="Lukk møtemodus").focus()
    page.keyboard.press("ArrowRight")
    expect(place).to_contain_text("Punkt 3 av 44")
