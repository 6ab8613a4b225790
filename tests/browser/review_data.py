"""A partnership meeting's walk-through as a JSON answer file, made by the real engine (CPython) from the
built site's definition, for the review tests to import through the page as a user would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import wait_for_engine
from playwright.sync_api import Page, expect

from partnerskap.engine import api, minutes

CHECKLIST_ID = "partnerskapsavtale"
WALKTHROUGH = {
    "id": "narvik-2026",
    "name": "Partnerskapsmøte Nav Narvik 2026",
    "created": "2026-11-30T09:00:00Z",
    "updated": "2026-11-30T11:00:00Z",
    "participants": "Kari Nordmann\nOla Hansen",
    "meeting_date": "2026-11-30",
}
TODAY = "2026-11-30"


def definition(built_site: Path) -> dict[str, Any]:
    return json.loads((built_site / "sjekklister" / f"{CHECKLIST_ID}.json").read_text(encoding="utf-8"))


def item_ids(built_site: Path) -> dict[str, str]:
    """Item number («1.0 a») → id."""
    return {item["number"]: item["id"] for s in definition(built_site)["sections"] for item in s["items"]}


def meeting_answers(built_site: Path) -> dict[str, Any]:
    ids = item_ids(built_site)
    return {
        ids["1.0 a"]: {
            "value": "nei",
            "note": "Delegeringsvedtaket må finnes fram.",
            "decision": "Kommunen sjekker delegeringen før neste møte.",
            "actions": [
                {
                    "what": "Sjekke delegeringsvedtaket",
                    "owner": "kommune",
                    "owner_name": "Kari Nordmann",
                    "due": "2026-12-15",
                    "done": False,
                },
                {"what": "Sende utkast til staten", "owner": "stat", "owner_name": "Ola Hansen", "due": "2027-01-20"},
            ],
        },
        ids["2.0 a"]: {
            "value": "delvis",
            "actions": [{"what": "Bestille møterom", "owner": "begge", "due": "2026-12-01", "done": True}],
        },
        ids["2.0 b"]: {"value": "ja", "note": "Står i avtalen fra 2024."},
    }


def _loaded(built_site: Path) -> None:
    api.load_definition(definition(built_site))


def answer_file(built_site: Path, tmp_path: Path) -> Path:
    """The meeting exported as JSON by the engine, as a colleague would send it."""
    _loaded(built_site)
    exported = api.export(CHECKLIST_ID, "json", WALKTHROUGH, meeting_answers(built_site), {}, TODAY)
    file = tmp_path / "narvik.json"
    file.write_bytes(exported.data)
    return file


def minutes_model(built_site: Path) -> dict[str, Any]:
    _loaded(built_site)
    return api.minutes(CHECKLIST_ID, WALKTHROUGH, meeting_answers(built_site), TODAY)


def minutes_markdown(built_site: Path) -> str:
    return minutes.markdown_text(minutes_model(built_site))


def import_meeting(page: Page, file: Path) -> None:
    """Import the file through the panel as a new walk-through, and wait until it is shown."""
    page.locator("#pv-import").set_input_files(str(file))
    page.get_by_role("dialog", name="Importer svar").get_by_role("button", name="Som ny gjennomgang").click()
    expect(page.get_by_role("status").filter(has_text="Importerte 3 svar")).to_be_visible()


@pytest.fixture
def meeting_page(site, built_site: Path, page: Page, tmp_path: Path) -> Page:
    """The checklist page with the Narvik meeting imported (3 answers, 3 actions, a decision, notes)."""
    page.goto(site.url + f"sjekklister/{CHECKLIST_ID}/")
    wait_for_engine(page)
    import_meeting(page, answer_file(built_site, tmp_path))
    wait_for_engine(page, answered=3)
    return page
