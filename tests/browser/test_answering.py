"""Answering a checklist in the browser: saved at once, restored on reload, safe across tabs."""

from __future__ import annotations

import re

from browser_helpers import CHECKLIST, answer_item, item, open_details, stored_answers, wait_for_engine
from playwright.sync_api import BrowserContext, Page, expect


def test_answers_are_saved_and_restored_after_reload(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    first = answer_item(
        page,
        "1.0 a",
        "Delvis",
        note="Partene må bekrefte dette i neste møte.",
        owner="Kommune",
        name="Kommunedirektøren",
        due="2027-01-31",
    )
    item(page, "2.0 a").get_by_role("radio", name="Ikke aktuelt").check()

    page.reload()
    first = item(page, "1.0 a")
    expect(first.get_by_role("radio", name="Delvis")).to_be_checked()
    expect(first.get_by_label("Notat")).to_have_value("Partene må bekrefte dette i neste møte.")
    expect(first.get_by_role("group", name="Ansvarlig").get_by_role("radio", name="Kommune")).to_be_checked()
    expect(first.get_by_label("Navn")).to_have_value("Kommunedirektøren")
    expect(first.get_by_label("Frist")).to_have_value("2027-01-31")
    expect(item(page, "2.0 a").get_by_role("radio", name="Ikke aktuelt")).to_be_checked()
    wait_for_engine(page, answered=2)
    expect(page.locator("#pv-progress-text")).to_have_text("Fremdrift: 2 av 44 besvart (1 ikke aktuelt) (5 %)")


def test_answers_are_saved_before_and_without_the_engine(site, page: Page, page_errors) -> None:
    # Block Pyodide entirely: the form must still work and save.
    page.context.route("**/assets/pyodide/**", lambda route: route.abort())  # also what the service worker fetches
    page.goto(site.url + CHECKLIST)
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    assert [answer["value"] for answer in stored_answers(page).values()] == ["ja"]
    expect(page.get_by_role("alert")).to_contain_text("Sjekklistemotoren kunne ikke starte", timeout=60_000)
    page.reload()
    expect(item(page, "1.0 a").get_by_role("radio", name="Ja")).to_be_checked()
    page_errors.errors.clear()  # the aborted Pyodide requests are logged as console errors by design of this test


def test_two_tabs_never_overwrite_each_other(site, context: BrowserContext) -> None:
    one = context.new_page()
    two = context.new_page()
    one.goto(site.url + CHECKLIST)
    two.goto(site.url + CHECKLIST)
    item(one, "1.0 a").get_by_role("radio", name="Ja").check()
    item(two, "2.0 a").get_by_role("radio", name="Nei").check()
    # Each tab sees the other's answer without reloading.
    expect(item(two, "1.0 a").get_by_role("radio", name="Ja")).to_be_checked()
    expect(item(one, "2.0 a").get_by_role("radio", name="Nei")).to_be_checked()
    # Editing other fields of the same item in the second tab keeps the first tab's answer.
    open_details(item(two, "1.0 a"))
    item(two, "1.0 a").get_by_label("Notat").fill("Notat fra fane to")
    one.reload()
    expect(item(one, "1.0 a").get_by_role("radio", name="Ja")).to_be_checked()
    expect(item(one, "2.0 a").get_by_role("radio", name="Nei")).to_be_checked()
    expect(item(one, "1.0 a").get_by_label("Notat")).to_have_value("Notat fra fane to")


def test_progress_filters_by_role_and_unanswered(site, page: Page) -> None:
    page.goto(site.url + "sjekklister/vertskommunesamarbeid/")
    wait_for_engine(page, answered=0)
    total = page.locator("fieldset[data-pv-item]").count()
    page.get_by_label("Rolle").select_option(label="Verneombud")
    expect(page.locator(".pv-filters__summary")).to_have_text(re.compile(rf"^Viser \d+ av {total} punkter\.$"))
    shown = page.locator("fieldset[data-pv-item]:visible")
    assert 0 < shown.count() < total
    for roles in shown.evaluate_all("els => els.map(e => e.dataset.pvRoles)"):
        assert "verneombud" in roles.split()
    page.get_by_label("Rolle").select_option(label="Alle")
    first = page.locator("fieldset[data-pv-item]").first
    first.get_by_role("radio", name="Ferdig").check()
    page.get_by_label("Bare ubesvarte").check()
    expect(first).to_be_hidden()
    expect(page.locator(".pv-filters__summary")).to_have_text(f"Viser {total - 1} av {total} punkter.")


def test_storage_full_is_reported_and_the_page_keeps_working(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    page.evaluate(
        """() => { const real = Storage.prototype.setItem;
             Storage.prototype.setItem = function (key, value) {
               if (key.includes(':svar:')) throw new DOMException('full', 'QuotaExceededError');
               return real.call(this, key, value); }; }"""
    )
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    expect(page.get_by_role("alert")).to_contain_text("lagringsplass er full")
    expect(item(page, "1.0 a").get_by_role("radio", name="Ja")).to_be_checked()
    item(page, "2.0 a").get_by_role("radio", name="Nei").check()
    expect(item(page, "2.0 a").get_by_role("radio", name="Nei")).to_be_checked()


def test_blocked_storage_is_reported(site, page: Page) -> None:
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });"
    )
    page.goto(site.url + CHECKLIST)
    expect(page.get_by_role("alert")).to_contain_text("tillater ikke lagring")
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    wait_for_engine(page, answered=1)


def test_corrupt_stored_data_is_kept_and_reported(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    key = page.evaluate("() => Object.keys(localStorage).find(k => k.includes(':svar:'))")
    page.evaluate("key => localStorage.setItem(key, '{ikke json')", key)
    page.reload()
    expect(page.get_by_role("alert")).to_contain_text("kunne ikke leses")
    kept = page.evaluate(
        "() => Object.entries(localStorage).filter(([k]) => k.includes(':uleselig:')).map(([, v]) => v)"
    )
    assert kept == ["{ikke json"]
    expect(item(page, "1.0 a").get_by_role("radio", name="Ja")).not_to_be_checked()
