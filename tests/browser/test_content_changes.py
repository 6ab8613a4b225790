"""A walk-through started on one version of a checklist, opened after KS publishes the next (two real builds)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from browser_helpers import CHECKLIST, CURRENT_VERSION, NEXT_VERSION, download, wait_for_engine
from playwright.sync_api import Page, expect


def test_changes_are_reported_and_removed_answers_archived(
    site, built_site: Path, next_version_site: Path, page: Page
) -> None:
    page.goto(site.url + CHECKLIST)
    by_id = lambda item_id: page.locator(f"fieldset[data-pv-item='{item_id}']")  # noqa: E731
    by_id("formal-felles-mal").get_by_role("radio", name="Ja").check()
    by_id("formal-visjoner").get_by_role("radio", name="Delvis").check()
    by_id("formal-samfunnsoppdrag").get_by_role("radio", name="Nei").check()
    wait_for_engine(page, answered=3)

    site.root = next_version_site
    try:
        page.reload()
        wait_for_engine(page)
        changes = page.get_by_role("region", name="Sjekklisten er endret")
        expect(changes).to_contain_text(f"versjon {CURRENT_VERSION} → {NEXT_VERSION}")
        expect(changes).to_contain_text("2.0 b Er dere enige om felles mål og prioriteringer for Nav-kontoret?")
        expect(changes).to_contain_text("Har dere avtalt hvordan målene skal følges opp?")
        expect(changes).to_contain_text("Har dere visjoner eller verdier som dere vil skrive inn i avtalen?")
        expect(by_id("formal-felles-mal")).to_have_class("pv-item pv-item--answered pv-item--reworded")
        expect(by_id("formal-samfunnsoppdrag").get_by_role("radio", name="Nei")).to_be_checked()
        archived = page.locator("details.pv-archived")
        expect(archived).to_contain_text("Arkiverte svar (1)")
        archived.locator("summary").click()
        expect(archived).to_contain_text("Har dere visjoner eller verdier som dere vil skrive inn i avtalen?: delvis")
        wait_for_engine(page, answered=2)

        _, data = download(page, "CSV")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        assert ["Arkivert (punktet er fjernet)", "", "formal-visjoner"] == rows[-1][:3]

        changes.get_by_role("button", name="Jeg har sett endringene").click()
        expect(changes).to_be_hidden()
        page.reload()
        wait_for_engine(page, answered=2)
        expect(page.get_by_role("region", name="Sjekklisten er endret")).to_have_count(0)
        expect(page.locator("details.pv-archived")).to_contain_text("Arkiverte svar (1)")
    finally:
        site.root = built_site
