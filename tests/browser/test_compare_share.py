"""Comparing walk-throughs and opening share links, as a meeting's secretary meets them: the engine's
own wording of actions and outcomes, a share link opened twice recognised (never a silent «… (2)»),
and a fresh browser profile that keeps no empty «Min gjennomgang» beside what arrived."""

from __future__ import annotations

import json
from pathlib import Path

from browser_helpers import CHECKLIST, PageErrors, item
from playwright.sync_api import Browser, Page, expect

DEFINITION = "sjekklister/partnerskapsavtale.json"


def answer_file(built_site: Path, name: str, walkthrough_id: str, value: str, actions: list[dict]) -> str:
    """An export of «partnerskapsavtale» with an answer and actions on item 1.0 a."""
    data = json.loads((built_site / DEFINITION).read_text(encoding="utf-8"))
    items = [i for s in data["sections"] for i in s["items"]]
    first = items[0]
    return json.dumps(
        {
            "format": "partnerskap-svar",
            "format_version": 1,
            "exported": "2026-11-24T10:00:00Z",
            "checklist": {
                "id": data["id"],
                "version": data["version"],
                "title": data["title"],
                "items": {i["id"]: i["hash"] for i in items},
            },
            "walkthrough": {"id": walkthrough_id, "name": name, "created": "2026-11-01T09:00:00Z"},
            "answers": {first["id"]: {"value": value, "hash": first["hash"], "actions": actions}},
            "archived": {},
        }
    )


def import_as_new(page: Page, path: Path) -> None:
    page.locator("#pv-import").set_input_files(str(path))
    dialog = page.get_by_role("dialog", name="Importer svar")
    dialog.get_by_role("button", name="Som ny gjennomgang").click()
    expect(page.get_by_role("status").filter(has_text="Importerte")).to_be_visible()


def walkthrough_names(page: Page) -> list[str]:
    return page.get_by_label("Gjennomgang", exact=True).locator("option").all_text_contents()


def test_compare_shows_actions_and_outcomes_as_the_engine_words_them(
    site, built_site: Path, page: Page, tmp_path: Path
) -> None:
    earlier = tmp_path / "2025.json"
    earlier.write_text(
        answer_file(
            built_site,
            "Møte 2025",
            "mote-2025",
            "delvis",
            [
                {"what": "Lage budsjett", "owner": "stat", "owner_name": "Kari", "due": "2025-11-01", "done": False},
                {"what": "Invitere tillitsvalgte", "owner": "kommune", "done": False},
            ],
        ),
        encoding="utf-8",
    )
    later = tmp_path / "2026.json"
    later.write_text(
        answer_file(
            built_site,
            "Møte 2026",
            "mote-2026",
            "ja",
            [
                {"what": "Lage budsjett", "owner": "stat", "owner_name": "Kari", "due": "2025-11-01", "done": True},
                {"what": "Evaluere samarbeidet", "owner": "begge", "due": "2027-06-01", "done": False},
            ],
        ),
        encoding="utf-8",
    )
    page.goto(site.url + CHECKLIST)
    import_as_new(page, earlier)
    import_as_new(page, later)
    page.get_by_role("button", name="Sammenlign med en annen gjennomgang").click()
    dialog = page.get_by_role("dialog", name="Sammenlign gjennomganger")
    dialog.get_by_label("Tidligere gjennomgang").select_option(label="Møte 2025")
    dialog.get_by_role("button", name="Sammenlign").click()
    region = page.get_by_role("region", name="Sammenligning")
    new = region.get_by_role("heading", name="Nye tiltak").locator("xpath=following-sibling::ul[1]/li")
    expect(new).to_have_count(1)
    expect(new).to_contain_text("Evaluere samarbeidet (Begge, frist 1. juni 2027)")
    resolved = region.get_by_role("heading", name="Tiltak som er utført eller fjernet").locator(
        "xpath=following-sibling::ul[1]/li"
    )
    expect(resolved).to_have_count(2)
    expect(resolved.nth(0)).to_contain_text("Lage budsjett (Stat, Kari, frist 1. november 2025) – utført")
    expect(resolved.nth(1)).to_contain_text("Invitere tillitsvalgte (Kommune) – fjernet")
    expect(region).not_to_contain_text("2027-06-01")  # dates as people write them, never ISO


def make_link(page: Page) -> str:
    page.get_by_role("button", name="Del som lenke").click()
    page.get_by_role("dialog", name="Del svarene som lenke").get_by_role("button", name="Lag lenke").click()
    result = page.get_by_role("dialog", name="Lenke til svarene")
    link = result.get_by_label("Lenke").input_value()
    result.get_by_role("button", name="Lukk").click()
    return link


def test_opening_the_same_share_link_again_offers_the_stored_one_or_an_update(
    site, browser: Browser, page: Page
) -> None:
    page.goto(site.url + CHECKLIST)
    page.get_by_role("button", name="Gi nytt navn").click()
    rename = page.get_by_role("dialog", name="Gi nytt navn")
    rename.get_by_role("textbox").fill("Partnerskapsmøte Narvik")
    rename.get_by_role("button", name="Lagre").click()
    item(page, "1.0 a").get_by_role("radio", name="Delvis").check()
    link = make_link(page)

    fresh = browser.new_context(locale="nb-NO")
    errors = PageErrors()
    other = fresh.new_page()
    errors.watch(other)
    other.goto(link)
    first = other.get_by_role("dialog", name="Åpne delte svar?")
    expect(first).to_be_visible(timeout=120_000)
    first.get_by_role("button", name="Åpne som ny gjennomgang").click()
    expect(item(other, "1.0 a").get_by_role("radio", name="Delvis")).to_be_checked()
    # A fresh profile holds what arrived, not an empty «Min gjennomgang» beside it.
    assert walkthrough_names(other) == ["Partnerskapsmøte Narvik"]

    # The same link again: recognised, and the stored walk-through is opened as it is.
    item(other, "1.0 a").get_by_role("radio", name="Ja").check()
    other.goto(link)
    again = other.get_by_role("dialog", name="Gjennomgangen finnes allerede")
    expect(again).to_be_visible(timeout=120_000)
    expect(again).to_contain_text("allerede lagret i denne nettleseren som «Partnerskapsmøte Narvik»")
    again.get_by_role("button", name="Åpne den lagrede").click()
    expect(other.get_by_role("status").filter(has_text="Svarene i lenken er ikke brukt")).to_be_visible()
    expect(item(other, "1.0 a").get_by_role("radio", name="Ja")).to_be_checked()
    assert walkthrough_names(other) == ["Partnerskapsmøte Narvik"]

    # And once more, to update it from the link: the answer in the link replaces the one stored.
    other.goto(link)
    again = other.get_by_role("dialog", name="Gjennomgangen finnes allerede")
    expect(again).to_be_visible(timeout=120_000)
    again.get_by_role("button", name="Oppdater med svarene i lenken").click()
    expect(other.get_by_role("status").filter(has_text="Oppdaterte «Partnerskapsmøte Narvik»")).to_be_visible()
    expect(item(other, "1.0 a").get_by_role("radio", name="Delvis")).to_be_checked()
    assert walkthrough_names(other) == ["Partnerskapsmøte Narvik"]
    assert errors.errors == [] and errors.dialogs == []
    fresh.close()

    # The sender opening their own link is recognised too.
    page.goto(link)
    own = page.get_by_role("dialog", name="Gjennomgangen finnes allerede")
    expect(own).to_be_visible(timeout=120_000)
    own.get_by_role("button", name="Avbryt").click()
    assert walkthrough_names(page) == ["Partnerskapsmøte Narvik"]


def test_import_into_a_fresh_profile_leaves_no_empty_default_walkthrough(
    site, built_site: Path, page: Page, tmp_path: Path
) -> None:
    path = tmp_path / "narvik.json"
    path.write_text(answer_file(built_site, "Min gjennomgang", "narvik", "ja", []), encoding="utf-8")
    page.goto(site.url + CHECKLIST)
    assert walkthrough_names(page) == ["Min gjennomgang"]  # the page's own, empty
    import_as_new(page, path)
    expect(item(page, "1.0 a").get_by_role("radio", name="Ja")).to_be_checked()
    # The empty default is gone, so the arrived walk-through keeps its own name (no «(2)»).
    assert walkthrough_names(page) == ["Min gjennomgang"]
    stored = page.evaluate("() => Object.keys(localStorage).filter((k) => /:gjennomgang:[^:]+:name$/.test(k)).length")
    assert stored == 1
