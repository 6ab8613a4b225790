"""The review views as a user meets them: «Sjekk svarene» before export, the actions list outside
meeting mode, and print as a report of the walk-through (the minutes model, saved as an A4 PDF)."""

from __future__ import annotations

import re
from pathlib import Path

from browser_helpers import CHECKLIST, item, stored_answers, wait_for_engine
from playwright.sync_api import Page, expect
from review_data import item_ids, meeting_page, minutes_model

__all__ = ["meeting_page"]  # the fixture, used by name


def focused(page: Page) -> str:
    """The focused element as «tag#id» or «tag: text»."""
    return page.evaluate(
        """() => { const el = document.activeElement;
                   return el.id ? `${el.tagName.toLowerCase()}#${el.id}` : `${el.tagName.toLowerCase()}: ${el.textContent.trim()}`; }"""
    )


def test_check_answers_summarises_the_walk_through_and_links_back(meeting_page: Page, built_site: Path) -> None:
    page = meeting_page
    opener = page.get_by_role("button", name="Sjekk svarene")
    opener.click()
    view = page.get_by_role("dialog", name="Sjekk svarene")
    expect(view).to_be_visible()
    assert focused(page) == "h2#pv-check-title"
    expect(view).to_contain_text("Partnerskapsmøte Nav Narvik 2026 · Fremdrift: 3 av 44 besvart")

    unanswered = view.get_by_role("list", name=re.compile("^Ikke besvart"))
    expect(view.get_by_role("heading", name="Ikke besvart (41)")).to_be_visible()
    # A long list starts folded, so the answers come first.
    expect(unanswered).to_be_hidden()
    view.get_by_text("Vis alle 41").click()
    expect(unanswered.get_by_role("link")).to_have_count(41)
    expect(unanswered.get_by_role("link").first).to_have_text(re.compile(r"^2\.0 c "))
    follow_up = view.get_by_role("list", name=re.compile("^Svart Nei eller Delvis"))
    expect(follow_up.get_by_role("listitem")).to_have_text(
        [re.compile(r"^1\.0 a .*: Nei$"), re.compile(r"^2\.0 a .*: Delvis$")]
    )
    open_actions = view.get_by_role("list", name=re.compile("^Åpne tiltak"))
    expect(view.get_by_role("heading", name="Åpne tiltak (2)")).to_be_visible()
    expect(open_actions.get_by_role("listitem")).to_have_text(
        [
            "1.0 a Sjekke delegeringsvedtaket (Kommune, Kari Nordmann, frist 15. desember 2026)",
            "1.0 a Sende utkast til staten (Stat, Ola Hansen, frist 20. januar 2027)",
        ]
    )
    # Every filled-in item with its lines, as in the minutes (notes, decisions, actions).
    model = minutes_model(built_site)
    for section in model["sections"]:
        for entry in section["items"]:
            row = view.locator(".pv-summary__row").filter(has=page.get_by_text(entry["title"], exact=True))
            expect(row.locator(".pv-summary__value p")).to_have_text(
                [f"{line['label']}: {line['text']}" for line in entry["lines"]]
            )
    expect(
        view.get_by_role("link", name="Endre 2.0 b " + item(page, "2.0 b").locator(".pv-item__text").inner_text())
    ).to_be_visible()

    # «Endre» goes to the item and focuses its checked answer.
    view.get_by_role("link", name=re.compile(r"^Endre 2\.0 a ")).click()
    expect(view).to_be_hidden()
    expect(item(page, "2.0 a").get_by_role("radio", name="Delvis")).to_be_focused()
    item(page, "2.0 a").get_by_role("radio", name="Ja").check()
    wait_for_engine(page, answered=3)

    # Reopened, it shows the change; an unanswered item hidden by a filter is shown when its link is followed.
    page.get_by_label("Bare ubesvarte").check()
    expect(item(page, "2.0 a")).to_be_hidden()
    opener.click()
    expect(follow_up.get_by_role("listitem")).to_have_text([re.compile(r"^1\.0 a .*: Nei$")])
    view.get_by_role("link", name=re.compile(r"^Endre 2\.0 a ")).click()
    expect(item(page, "2.0 a")).to_be_visible()
    expect(page.get_by_label("Bare ubesvarte")).not_to_be_checked()
    expect(item(page, "2.0 a").get_by_role("radio", name="Ja")).to_be_focused()

    # Esc closes the view and focus goes back to the button that opened it.
    opener.click()
    expect(view).to_be_visible()
    page.keyboard.press("Escape")
    expect(view).to_be_hidden()
    expect(opener).to_be_focused()

    # «Gå videre til eksport» leads to the export buttons.
    opener.click()
    view.get_by_role("button", name="Gå videre til eksport").click()
    expect(page.get_by_role("button", name="JSON", exact=True)).to_be_focused()


def test_actions_list_sorts_and_ticks_off_actions(meeting_page: Page, built_site: Path) -> None:
    page = meeting_page
    opener = page.get_by_role("button", name="Tiltaksliste")
    opener.click()
    view = page.get_by_role("dialog", name="Tiltaksliste")
    expect(view).to_be_visible()
    assert focused(page) == "h2#pv-actions-title"
    expect(view.locator(".pv-actions__summary")).to_have_text("3 tiltak, 2 ikke utført.")
    rows = view.locator("tbody tr")
    # The last column holds the «Utført» checkbox, labelled (visually hidden) with the action.
    columns = [
        "1.0 a",
        "Sjekke delegeringsvedtaket",
        "Kommune",
        "Kari Nordmann",
        "15. desember 2026",
        "Utført: Sjekke delegeringsvedtaket",
    ]
    # By due date first (the engine's order), with the engine's owner labels and Norwegian dates.
    expect(rows.nth(0).locator("td")).to_have_text(
        ["2.0 a", "Bestille møterom", "Begge", "", "1. desember 2026", "Utført: Bestille møterom"]
    )
    expect(rows.nth(1).locator("td")).to_have_text(columns)
    expect(rows.locator("td:nth-child(2)")).to_have_text(
        ["Bestille møterom", "Sjekke delegeringsvedtaket", "Sende utkast til staten"]
    )
    expect(view.get_by_role("columnheader", name="Frist")).to_have_attribute("aria-sort", "ascending")

    # By owner side, in the engine's order of sides (Stat, Kommune, Begge).
    view.get_by_role("button", name="Ansvarlig side").click()
    expect(rows.locator("td:nth-child(3)")).to_have_text(["Stat", "Kommune", "Begge"])
    expect(view.get_by_role("columnheader", name="Ansvarlig side")).to_have_attribute("aria-sort", "ascending")
    expect(view.get_by_role("columnheader", name="Frist")).to_have_attribute("aria-sort", "none")
    expect(view.get_by_role("button", name="Ansvarlig side")).to_be_focused()
    expect(view.get_by_role("status")).to_have_text("Sortert etter ansvarlig side.")

    # Ticked off: saved at once, like every answer, and announced.
    done = view.get_by_role("checkbox", name="Utført: Sjekke delegeringsvedtaket")
    expect(view.get_by_role("checkbox", name="Utført: Bestille møterom")).to_be_checked()
    done.check()
    expect(view.get_by_role("status")).to_have_text("«Sjekke delegeringsvedtaket» er merket som utført.")
    expect(view.locator(".pv-actions__summary")).to_have_text("3 tiltak, 1 ikke utført.")
    first = item_ids(built_site)["1.0 a"]
    saved = [stored for key, stored in stored_answers(page).items() if key == first]
    assert [bool(a.get("done")) for a in saved[0]["actions"]] == [True, False]
    # The rest of the answer is untouched.
    assert saved[0]["value"] == "nei" and saved[0]["decision"].startswith("Kommunen sjekker")

    page.keyboard.press("Escape")
    expect(opener).to_be_focused()
    page.reload()
    wait_for_engine(page, answered=3)
    page.get_by_role("button", name="Tiltaksliste").click()
    expect(view.get_by_role("checkbox", name="Utført: Sjekke delegeringsvedtaket")).to_be_checked()
    expect(view.get_by_role("checkbox", name="Utført: Sende utkast til staten")).not_to_be_checked()
    # The item link leads to the item.
    view.get_by_role("link", name="2.0 a").click()
    expect(view).to_be_hidden()
    expect(item(page, "2.0 a").get_by_role("radio", name="Delvis")).to_be_focused()


def test_actions_list_without_actions(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    wait_for_engine(page)
    page.get_by_role("button", name="Tiltaksliste").click()
    view = page.get_by_role("dialog", name="Tiltaksliste")
    expect(view).to_contain_text("Ingen tiltak er registrert.")
    expect(view.get_by_role("table")).to_have_count(0)
    view.get_by_role("button", name="Lukk").click()
    expect(page.get_by_role("button", name="Tiltaksliste")).to_be_focused()


REPORT_READY = "() => document.querySelector('.pv-report')?.dataset.pvReady === 'true'"


def test_print_is_a_report_of_the_walk_through(meeting_page: Page, built_site: Path) -> None:
    page = meeting_page
    page.wait_for_function(REPORT_READY)
    page.emulate_media(media="print")
    report = page.locator(".pv-report")
    expect(report).to_be_visible()
    # The form is not printed: no empty date fields, no radios, no panel.
    expect(page.locator("input[type=date]:visible")).to_have_count(0)
    expect(page.locator("fieldset[data-pv-item]:visible")).to_have_count(0)
    expect(page.locator(".md-header")).to_be_hidden()

    # The minutes model, the same as the Word and Markdown minutes: meeting, decisions, actions, items.
    model = minutes_model(built_site)
    expect(report.get_by_role("heading", level=1)).to_have_text(model["title"])
    meta = report.locator(".pv-lines--meta")
    expect(meta.locator("dt")).to_have_text([line["label"] for line in model["header"]])
    expect(meta.locator("dd")).to_have_text([line["text"] for line in model["header"]])
    expect(meta).to_contain_text("30. november 2026")
    expect(report.locator("ul").first.locator("li")).to_have_text(["Kari Nordmann", "Ola Hansen"])
    expect(report.locator("table tbody tr")).to_have_count(3)
    for row, action in zip(report.locator("table tbody tr").all(), model["actions"], strict=True):
        expect(row.locator("td")).to_have_text(action["row"])
    expect(report).to_contain_text("Kommunen sjekker delegeringen før neste møte.")
    for section in model["sections"]:
        expect(report.get_by_role("heading", level=3, name=section["title"])).to_be_visible()
        for entry in section["items"]:
            heading = report.get_by_role("heading", level=4, name=entry["title"])
            lines = heading.locator("xpath=following-sibling::dl[1]")
            expect(lines.locator("dd")).to_have_text([line["text"] for line in entry["lines"]])

    # Saved as PDF from print: A4 pages, a sane number of them.
    pdf = page.pdf(prefer_css_page_size=True, print_background=False)
    pages = int(re.search(rb"/Type /Pages\b.*?/Count (\d+)", pdf, re.S).group(1))
    assert 1 <= pages <= 4, pages
    box = [float(n) for n in re.search(rb"/MediaBox \[([\d. ]+)\]", pdf).group(1).split()]
    assert round(box[2]) == 595 and round(box[3]) == 842, box  # A4 in points

    # A change makes a new report; until it is ready, the form prints (never an outdated report).
    page.emulate_media(media="screen")
    item(page, "2.0 b").get_by_role("radio", name="Nei").check()
    wait_for_engine(page, answered=3)
    page.wait_for_function(REPORT_READY)
    page.emulate_media(media="print")
    expect(report.locator("li").filter(has_text=re.compile(r"^2\.0 b .*: Nei$"))).to_have_count(1)


def test_print_button_prints_the_report_even_right_after_an_edit(meeting_page: Page) -> None:
    page = meeting_page
    # window.print is replaced so the test sees what is on the page at the moment the browser prints.
    page.evaluate(
        """() => { window.print = () => {
             window.pvPrinted = { ready: document.documentElement.classList.contains('pv-print-report'),
                                  text: document.querySelector('.pv-report').textContent }; }; }"""
    )
    item(page, "2.1 a").get_by_role("radio", name="Ja").check()
    page.get_by_role("button", name="Skriv ut", exact=True).click()
    page.wait_for_function("() => window.pvPrinted !== undefined")
    printed = page.evaluate("() => window.pvPrinted")
    assert printed["ready"] is True
    assert "Fremdrift4 av 44 besvart" in printed["text"]


def test_views_say_so_when_the_engine_cannot_start(site, page: Page, page_errors) -> None:
    page.context.route("**/assets/pyodide/**", lambda route: route.abort())
    page.goto(site.url + CHECKLIST)
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    page.get_by_role("button", name="Sjekk svarene").click()
    view = page.get_by_role("dialog", name="Sjekk svarene")
    expect(view.get_by_role("status")).to_have_text(
        "Svarene kan ikke vises før sjekklistemotoren har startet. Svarene dine er lagret.", timeout=60_000
    )
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Tiltaksliste").click()
    expect(page.get_by_role("dialog", name="Tiltaksliste").get_by_role("status")).to_have_text(
        "Tiltakene kan ikke vises før sjekklistemotoren har startet. Svarene dine er lagret."
    )
    # Nothing was lost.
    assert [answer["value"] for answer in stored_answers(page).values()] == ["ja"]
    page_errors.errors.clear()  # the aborted Pyodide requests are logged as console errors by design of this test
