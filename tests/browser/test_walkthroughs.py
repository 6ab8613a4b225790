"""Named walk-throughs: create, rename, duplicate, switch, delete, and «Slett alle data»."""

from __future__ import annotations

from browser_helpers import CHECKLIST, dialog_answer, item
from playwright.sync_api import Page, expect


def selected(page: Page):
    return page.get_by_label("Gjennomgang", exact=True).locator("option:checked")


def test_walkthrough_lifecycle(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    expect(selected(page)).to_have_text("Min gjennomgang")
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()

    page.get_by_role("button", name="Ny", exact=True).click()
    dialog_answer(page, "Ny gjennomgang", "Opprett", "Partnerskapsmøte NAV Narvik 2026")
    expect(selected(page)).to_have_text("Partnerskapsmøte NAV Narvik 2026")
    expect(item(page, "1.0 a").get_by_role("radio", name="Ja")).not_to_be_checked()
    item(page, "1.0 a").get_by_role("radio", name="Nei").check()

    page.get_by_role("button", name="Gi nytt navn").click()
    dialog_answer(page, "Gi nytt navn", "Lagre", "Partnerskapsmøte Narvik høst 2026")
    expect(selected(page)).to_have_text("Partnerskapsmøte Narvik høst 2026")

    page.get_by_role("button", name="Dupliser").click()
    dialog_answer(page, "Dupliser gjennomgang", "Dupliser")
    expect(selected(page)).to_have_text("Partnerskapsmøte Narvik høst 2026 (kopi)")
    expect(item(page, "1.0 a").get_by_role("radio", name="Nei")).to_be_checked()
    item(page, "2.0 a").get_by_role("radio", name="Delvis").check()

    page.get_by_label("Gjennomgang", exact=True).select_option(label="Min gjennomgang")
    expect(item(page, "1.0 a").get_by_role("radio", name="Ja")).to_be_checked()
    expect(item(page, "2.0 a").get_by_role("radio", name="Delvis")).not_to_be_checked()

    # Cancel keeps it; confirming deletes it.
    page.get_by_role("button", name="Slett gjennomgang").click()
    dialog_answer(page, "Slette gjennomgangen?", "Avbryt")
    expect(selected(page)).to_have_text("Min gjennomgang")
    page.get_by_role("button", name="Slett gjennomgang").click()
    dialog_answer(page, "Slette gjennomgangen?", "Slett")
    options = page.get_by_label("Gjennomgang", exact=True).locator("option")
    expect(options).to_have_text(["Partnerskapsmøte Narvik høst 2026", "Partnerskapsmøte Narvik høst 2026 (kopi)"])

    page.reload()
    expect(options).to_have_count(2)

    page.get_by_role("button", name="Slett alle data").click()
    dialog_answer(page, "Slette alle data?", "Slett alt")
    expect(options).to_have_text(["Min gjennomgang"])
    assert (
        page.evaluate(
            "() => Object.keys(localStorage).filter(k => k.startsWith('partnerskap:') && !k.includes(':gjennomgang:') && !k.endsWith(':sist-brukt'))"
        )
        == []
    )
    expect(item(page, "1.0 a").get_by_role("radio", name="Nei")).not_to_be_checked()


def test_page_says_where_answers_live_and_when_last_exported(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    note = page.locator(".pv-panel__note")
    expect(note).to_contain_text("Svarene lagres bare i denne nettleseren")
    expect(note).to_contain_text("Sist eksportert: aldri")
