"""Fault suite, two real tabs: per-field merge, a walk-through deleted elsewhere, and no lost rename."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_helpers import PageErrors, dialog_answer, item, open_checklist, open_details, wait_for_engine
from faults import check_every_export, stored, stored_answer
from playwright.sync_api import BrowserContext, Page, expect

FIRST = "parter-vertskommune"  # item 1.1
SECOND = "formal-samfunnsoppdrag"  # item 2.1


@pytest.fixture
def other(context: BrowserContext, page_errors: PageErrors) -> Iterator[Page]:
    """A second tab in the same browser profile, watched like the first."""
    tab = context.new_page()
    page_errors.watch(tab)
    yield tab


def open_both(site, page: Page, other: Page) -> None:
    open_checklist(page, site)
    open_checklist(other, site)


def test_edits_merge_per_field_and_the_other_tab_shows_what_changed(site, page: Page, other: Page) -> None:
    open_both(site, page, other)
    first_here, first_there = item(page, "1.0 a"), item(other, "1.0 a")
    open_details(first_here)
    first_here.get_by_label("Notat").fill("Notat fra fane A")
    # The other tab shows the note at once, says so, and its own edit keeps the note.
    expect(first_there.get_by_label("Notat")).to_have_value("Notat fra fane A")
    expect(first_there.locator(".pv-item__remote")).to_contain_text("Endret i en annen fane")
    expect(first_there.locator(".pv-item__remote")).to_contain_text("notatet")
    first_there.get_by_role("radio", name="Delvis").check()
    expect(first_there.locator(".pv-item__remote")).to_have_count(0)
    expect(first_here.get_by_role("radio", name="Delvis")).to_be_checked()
    assert {k: stored_answer(page, FIRST)[k] for k in ("value", "note")} == {
        "value": "delvis",
        "note": "Notat fra fane A",
    }

    # Typing in a field another tab changes: the typed text is not replaced under the fingers.
    second_here, second_there = item(page, "2.0 a"), item(other, "2.0 a")
    open_details(second_there)
    note_there = second_there.get_by_label("Notat")
    note_there.fill("B skriver")
    # Wait for the sync to reach this tab: it unfolds the note there, and a click on the summary
    # racing it would fold the note away again.
    expect(second_here.get_by_label("Notat")).to_have_value("B skriver")
    open_details(second_here)
    second_here.get_by_role("radio", name="Nei").check()  # another field: merged, B's note kept
    expect(second_there.get_by_role("radio", name="Nei")).to_be_checked()
    assert stored_answer(page, SECOND)["note"] == "B skriver" and stored_answer(page, SECOND)["value"] == "nei"
    note_there.focus()
    second_here.get_by_label("Notat").fill("A sin tekst")
    expect(second_there.locator(".pv-item__remote")).to_contain_text("Du skriver i det samme feltet")
    expect(note_there).to_have_value("B skriver")
    note_there.press("Tab")  # leaving without typing more shows what is stored
    expect(note_there).to_have_value("A sin tekst")
    expect(second_there.locator(".pv-item__remote")).to_contain_text("Viser nå det som ble lagret i den andre fanen")
    assert stored_answer(other, SECOND)["note"] == "A sin tekst"
    wait_for_engine(other, answered=2)
    check_every_export(
        other,
        {FIRST: {"value": "delvis", "note": "Notat fra fane A"}, SECOND: {"value": "nei", "note": "A sin tekst"}},
    )


def test_walkthrough_deleted_in_another_tab_never_gets_old_text_into_another(site, page: Page, other: Page) -> None:
    open_both(site, page, other)
    # Two walk-throughs; both tabs show the second one, «Narvik».
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    page.get_by_role("button", name="Ny", exact=True).click()
    dialog_answer(page, "Ny gjennomgang", "Opprett", name="Narvik")
    other.reload()
    other.get_by_label("Gjennomgang", exact=True).select_option(label="Narvik")
    first_there = item(other, "1.0 a")
    open_details(first_there)
    note = first_there.get_by_label("Notat")
    note.fill("Tekst i Narvik")
    expect(item(page, "1.0 a").get_by_label("Notat")).to_have_value("Tekst i Narvik")

    page.get_by_role("button", name="Slett gjennomgang").click()
    dialog_answer(page, "Slette gjennomgangen?", "Slett")
    alert = other.get_by_role("alert")
    expect(alert).to_contain_text("«Narvik» ble slettet i en annen fane")
    expect(alert).to_contain_text("Nå vises «Min gjennomgang»")
    expect(other.get_by_label("Gjennomgang", exact=True)).to_have_value(
        page.get_by_label("Gjennomgang", exact=True).input_value()
    )
    expect(note).to_have_value("")  # the focused field no longer holds the deleted walk-through's text
    note.press_sequentially("x")
    assert stored_answer(other, FIRST)["note"] == "x" and stored_answer(other, FIRST)["value"] == "ja"

    # Nothing is lost: the deleted walk-through can be brought back from this tab.
    alert.get_by_role("button", name="Gjenopprett den med svarene fra denne fanen").click()
    expect(other.locator(".pv-status")).to_contain_text("«Narvik» er gjenopprettet med 1 svar")
    expect(other.get_by_label("Gjennomgang", exact=True).locator("option:checked")).to_have_text("Narvik")
    expect(item(other, "1.0 a").get_by_label("Notat")).to_have_value("Tekst i Narvik")
    doc = check_every_export(other, {FIRST: {"note": "Tekst i Narvik"}})
    assert doc["walkthrough"]["name"] == "Narvik"


def test_a_rename_is_never_lost_to_another_tab_writing_at_the_same_time(site, page: Page, other: Page) -> None:
    open_both(site, page, other)
    radios = ["Ja", "Nei", "Delvis", "Ikke aktuelt"]
    for attempt in range(8):
        name = f"Møte {attempt}"
        page.get_by_role("button", name="Gi nytt navn").click()
        dialog = page.get_by_role("dialog", name="Gi nytt navn")
        dialog.get_by_role("textbox").fill(name)
        dialog.get_by_role("button", name="Lagre").click()
        # Right away, the other tab writes the same walk-through (its answer and «updated»).
        item(other, "1.0 a").get_by_role("radio", name=radios[attempt % 4]).check()
        expect(page.get_by_label("Gjennomgang", exact=True).locator("option")).to_have_text([name])
        expect(other.get_by_label("Gjennomgang", exact=True).locator("option")).to_have_text([name])
        names = [v for k, v in stored(page, ":gjennomgang:").items() if k.endswith(":name")]
        assert names == [f'"{name}"'], names
    page.reload()
    expect(page.get_by_label("Gjennomgang", exact=True).locator("option")).to_have_text(["Møte 7"])
    wait_for_engine(page, answered=1)
    assert check_every_export(page, {FIRST: {"value": "ikke-aktuelt"}})["walkthrough"]["name"] == "Møte 7"
