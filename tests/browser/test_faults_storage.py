"""Fault suite, storage: blocked by the browser, full to the quota, and corrupted with data of the wrong shape."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import CHECKLIST, PageErrors, answer_item, dialog_answer, item, wait_for_engine
from faults import check_every_export, exported_json, fill_storage, free_storage, stored, stored_answer
from playwright.sync_api import BrowserContext, Page, Playwright, expect

from partnerskap.chromium import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture
def blocking_profile(playwright: Playwright, tmp_path: Path) -> Iterator[BrowserContext]:
    """A real Chromium profile whose settings block all site data (cookies, localStorage, sessionStorage)."""
    profile = tmp_path / "profil"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}), encoding="utf-8"
    )
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), accept_downloads=True, locale="nb-NO"
    )
    yield context
    context.close()


def test_storage_blocked_by_the_browser_profile(site, blocking_profile: BrowserContext) -> None:
    page = blocking_profile.new_page()
    errors = PageErrors()
    errors.watch(page)
    page.goto(site.url + CHECKLIST)
    blocked = page.evaluate(
        """() => { const r = {};
             for (const area of ['localStorage', 'sessionStorage']) {
               try { window[area].setItem('x', '1'); r[area] = 'ok'; } catch (e) { r[area] = e.name; } }
             return r; }"""
    )
    assert blocked == {"localStorage": "SecurityError", "sessionStorage": "SecurityError"}, blocked
    expect(page.get_by_role("alert")).to_contain_text("tillater ikke lagring")
    expect(page.get_by_role("alert")).to_contain_text("Eksporter svarene til en fil")
    first = answer_item(page, "1.0 a", "Delvis", note="Bare i minnet")
    item(page, "2.0 a").get_by_role("radio", name="Ja").check()
    wait_for_engine(page, answered=2)
    expect(page.get_by_label("Gjennomgang", exact=True).locator("option")).to_have_text(["Min gjennomgang"])
    doc = check_every_export(page, {"parter-vertskommune": {"value": "delvis", "note": "Bare i minnet"}})
    assert len(doc["answers"]) == 2 and doc["walkthrough"]["name"] == "Min gjennomgang"
    expect(first.get_by_role("radio", name="Delvis")).to_be_checked()
    assert errors.errors == [] and errors.dialogs == []


def _answer_three(page: Page) -> None:
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    item(page, "2.0 a").get_by_role("radio", name="Nei").check()
    item(page, "2.1 a").get_by_role("radio", name="Delvis").check()


def test_storage_full_import_changes_nothing_and_edits_are_kept_and_retried(
    site, page: Page, page_errors: PageErrors, tmp_path: Path
) -> None:
    # A file with 17 answers, made by the page itself in the same browser.
    page.goto(site.url + CHECKLIST)
    fieldsets = page.locator("fieldset[data-pv-item]")
    for index in range(17):
        fieldsets.nth(index).get_by_role("radio").first.check()
    wait_for_engine(page, answered=17)
    file = tmp_path / "sytten.json"
    file.write_text(json.dumps(exported_json(page)), encoding="utf-8")
    page.get_by_role("button", name="Slett alle data").click()
    dialog_answer(page, "Slette alle data?", "Slett alt")
    _answer_three(page)
    wait_for_engine(page, answered=3)
    before = stored(page, "partnerskap:")

    assert fill_storage(page) > 0
    for choice in ("Som ny gjennomgang", "Erstatt svarene i «Min gjennomgang»"):
        page.locator("#pv-import").set_input_files(str(file))
        dialog_answer(page, "Importer svar", choice)
        expect(page.get_by_role("alert")).to_contain_text("ikke plass")
        expect(page.get_by_role("alert")).to_contain_text("ingen svar er endret")
        expect(page.locator(".pv-status")).to_have_text("Filen «sytten.json» ble ikke importert.")
        assert stored(page, "partnerskap:") == before  # nothing deleted, nothing half-written
        expect(item(page, "1.0 a").get_by_role("radio", name="Ja")).to_be_checked()
        expect(page.get_by_label("Gjennomgang", exact=True).locator("option")).to_have_count(1)

    # An edit that cannot be written stays on the page and is listed as unsaved.
    item(page, "3.1 a").get_by_role("radio", name="Ja").check()
    expect(page.get_by_role("alert")).to_contain_text("lagringsplass er full")
    unsaved = page.locator(".pv-panel__warning[role=status]")
    expect(unsaved).to_contain_text("Ikke lagret ennå: svarene på punkt 3.1 a")
    expect(item(page, "3.1 a")).to_have_class(re.compile("pv-item--unsaved"))
    wait_for_engine(page, answered=4)
    doc = check_every_export(page, {})  # exports use the answers on the page, saved or not
    assert len(doc["answers"]) == 4
    assert stored_answer(page, item(page, "3.1 a").get_attribute("data-pv-item")) is None  # truly not stored

    # Room again: the next write retries the one that failed.
    free_storage(page)
    item(page, "3.2 a").get_by_role("radio", name="Nei").check()
    expect(unsaved).to_have_text("Alle endringer er lagret nå.")
    page.reload()
    wait_for_engine(page, answered=5)
    expect(item(page, "3.1 a").get_by_role("radio", name="Ja")).to_be_checked()
    page.locator("#pv-import").set_input_files(str(file))
    dialog_answer(page, "Importer svar", "Erstatt svarene i «Min gjennomgang»")
    expect(page.locator(".pv-status")).to_have_text("Importerte 17 svar fra «sytten.json».")
    wait_for_engine(page, answered=17)
    assert len(exported_json(page)["answers"]) == 17


def test_wrongly_shaped_storage_is_quarantined_with_a_true_message(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    _answer_three(page)
    wait_for_engine(page, answered=3)
    second = page.evaluate("() => Object.keys(localStorage).find(k => k.includes(':svar:formal-samfunnsoppdrag'))")
    base = second.split(":svar:")[0]
    bad = {
        second: "[1, 2]",  # an answer that is a list
        base + ":arkiv": '{"gammel":null}',  # an archived answer that is not an object
        "partnerskap:v1:partnerskapsavtale:gjennomganger": "[null]",  # the old list with a null record
    }
    page.evaluate("bad => { for (const [k, v] of Object.entries(bad)) localStorage.setItem(k, v); }", bad)
    page.reload()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("kunne ikke leses fordi de var ødelagt eller hadde feil form")
    expect(alert).to_contain_text("partnerskap:v1:uleselig")
    kept = stored(page, ":uleselig:")
    assert sorted(kept.values()) == sorted(bad.values())
    assert all(key not in stored(page, "partnerskap:") for key in bad)
    wait_for_engine(page, answered=2)
    expect(item(page, "1.0 a").get_by_role("radio", name="Ja")).to_be_checked()
    expect(item(page, "2.1 a").get_by_role("radio", name="Delvis")).to_be_checked()
    expect(item(page, "2.0 a").get_by_role("radio", name="Nei")).not_to_be_checked()
    doc = check_every_export(page, {"parter-vertskommune": {"value": "ja"}})
    assert len(doc["answers"]) == 2 and doc["archived"] == {}
    # The page keeps working: the quarantined item can be answered again.
    item(page, "2.0 a").get_by_role("radio", name="Nei").check()
    wait_for_engine(page, answered=3)


def test_walkthroughs_stored_in_the_old_single_list_are_kept(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    legacy = [
        {"id": "gammel-1", "name": "Vår 2026", "created": "2026-03-01T10:00:00Z", "updated": "2026-03-01T10:00:00Z"},
        {"id": "gammel-2", "name": "Høst 2026", "created": "2026-09-01T10:00:00Z", "updated": "2026-09-01T10:00:00Z"},
    ]
    base = "partnerskap:v1:partnerskapsavtale:"
    page.evaluate(
        """([base, legacy]) => { localStorage.clear();
             localStorage.setItem(base + 'gjennomganger', JSON.stringify(legacy));
             localStorage.setItem(base + 'gammel-2:svar:parter-vertskommune', JSON.stringify({ value: 'nei' }));
             localStorage.setItem(base + 'sist-brukt', 'gammel-2'); }""",
        [base, legacy],
    )
    page.reload()
    expect(page.get_by_label("Gjennomgang", exact=True).locator("option")).to_have_text(["Vår 2026", "Høst 2026"])
    expect(item(page, "1.0 a").get_by_role("radio", name="Nei")).to_be_checked()
    assert stored(page, base + "gjennomganger") == {}
    assert stored(page, base + "gjennomgang:gammel-1:name") == {base + "gjennomgang:gammel-1:name": '"Vår 2026"'}
    wait_for_engine(page, answered=1)
    assert check_every_export(page, {"parter-vertskommune": {"value": "nei"}})["walkthrough"]["name"] == "Høst 2026"
