"""The checklist page as a user meets it (issue 11): one primary path, grouped actions with
deleting apart, what works while the engine starts, compact items, filters in the
definition's order that hide whole sections, and «Fjern svaret»."""

from __future__ import annotations

from collections.abc import Callable

from browser_helpers import download, item, wait_for_engine
from faults import stored_answer
from playwright.sync_api import BrowserContext, Page, Route, expect

from partnerskap.engine.exports import EXPORTERS

CHECKLIST = "sjekklister/partnerskapsavtale/"
PHASED = "sjekklister/vertskommunesamarbeid/"

# The button the page offers for each export kind the engine has.
EXPORT_BUTTONS = {
    "json": "JSON",
    "xlsx": "Excel",
    "csv": "CSV",
    "csv-tiltak": "Tiltak (CSV)",
    "markdown": "Markdown",
    "referat": "Referat (Word)",
    "referat-md": "Referat (Markdown)",
}


def test_panel_has_one_primary_action_grouped_exports_and_deleting_apart(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    wait_for_engine(page)
    panel = page.locator(".pv-panel")
    primary = panel.locator(".md-button--primary")
    expect(primary).to_have_count(1)
    expect(primary).to_have_text("Møtemodus")

    manage = panel.get_by_role("group", name="Behandle gjennomgangen")
    for name in ("Ny", "Gi nytt navn", "Dupliser"):
        expect(manage.get_by_role("button", name=name, exact=True)).to_be_visible()

    # Every kind the engine can export has a button in the export group, and nothing else does.
    assert set(EXPORT_BUTTONS) == set(EXPORTERS)
    exports = panel.get_by_role("group", name="Last ned svarene")
    for label in EXPORT_BUTTONS.values():
        expect(exports.get_by_role("button", name=label, exact=True)).to_be_visible()
    name, data = download(page, "Tiltak (CSV)")
    assert name.endswith(".csv") and "tiltak" in name, name
    assert data
    name, data = download(page, "Referat (Markdown)")
    assert name.endswith(".md"), name
    assert data.decode("utf-8").strip()

    # Deleting is its own group, the panel's last, away from import and export.
    groups = panel.get_by_role("group")
    danger = panel.get_by_role("group", name="Slette")
    assert groups.last.get_attribute("aria-labelledby") == danger.get_attribute("aria-labelledby")
    expect(danger.get_by_role("button")).to_have_text(["Slett gjennomgang", "Slett alle data"])
    expect(danger.locator("#pv-import")).to_have_count(0)
    expect(exports.get_by_role("button", name="Slett alle data")).to_have_count(0)
    top_of_danger = danger.bounding_box()["y"]
    for other in ("Last ned svarene", "Del, sammenlign og importer"):
        assert panel.get_by_role("group", name=other).bounding_box()["y"] < top_of_danger

    # A destructive action still asks first; «Avbryt» keeps the answers.
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    wait_for_engine(page, answered=1)
    danger.get_by_role("button", name="Slett alle data").click()
    dialog = page.get_by_role("dialog", name="Slette alle data?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Avbryt").click()
    expect(dialog).to_be_hidden()
    assert stored_answer(page, "parter-vertskommune")["value"] == "ja"


def hold_definition(context: BrowserContext) -> Callable[[], None]:
    """Hold the checklist's definition (the engine cannot start without it); returns a release function."""
    held: list[Route] = []
    released = False

    def hold(route: Route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    context.route("**/sjekklister/*.json", hold)

    def release() -> None:
        nonlocal released
        released = True
        for route in held:
            route.continue_()

    return release


def test_while_the_engine_starts_the_page_says_what_works_and_what_waits(
    site, context: BrowserContext, page: Page
) -> None:
    release = hold_definition(context)
    page.goto(site.url + CHECKLIST)
    status = page.locator(".pv-engine-status__line")
    expect(status).to_contain_text("Du kan svare nå – hvert svar lagres i nettleseren med en gang.")
    expect(status).to_contain_text("Fremdrift, filtre og eksport blir klare når sjekklistemotoren har startet.")
    # The disabled filters say why they are disabled.
    unanswered = page.get_by_label("Bare ubesvarte")
    expect(unanswered).to_be_disabled()
    filters = page.get_by_role("group", name="Vis punkter")
    expect(filters).to_have_accessible_description("Filtrene kan brukes når sjekklistemotoren har startet.")

    # Answering works at once and is saved while the engine waits.
    item(page, "1.0 a").get_by_role("radio", name="Delvis").check()
    assert stored_answer(page, "parter-vertskommune")["value"] == "delvis"
    expect(page.locator("#pv-progress-text")).to_have_text("Fremdriften vises når sjekklistemotoren er klar …")

    release()
    wait_for_engine(page, answered=1)
    expect(status).to_be_hidden()
    expect(unanswered).to_be_enabled()
    expect(filters).to_have_accessible_description("")
    expect(page.locator("#pv-progress-text")).to_contain_text("1 av 44")


def test_items_stay_scannable_with_guidance_and_sources_one_click_away(site, page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.url + CHECKLIST)
    wait_for_engine(page)
    fieldsets = page.locator("fieldset[data-pv-item]")
    assert fieldsets.count() == 44
    # Each item shows its question, meta line and choices; guidance and sources are closed.
    heights = fieldsets.evaluate_all("all => all.map(f => f.getBoundingClientRect().height)")
    assert sum(heights) / len(heights) <= 160, max(heights)  # was about 245 px with every line open
    expect(page.locator("details.pv-item__about[open]")).to_have_count(0)
    first = item(page, "1.0 a")
    link = first.locator(".pv-refs a").first
    expect(link).to_be_hidden()
    # The meta line is smaller than the question.
    question = first.locator(".pv-item__text")
    meta = first.locator(".pv-item__meta")
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    assert meta.evaluate(size) < question.evaluate(size)
    # Keyboard: the summary opens with Enter and the source link is then reachable.
    summary = first.locator("details.pv-item__about > summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(first.locator("details.pv-item__about")).to_have_attribute("open", "")
    expect(link).to_be_visible()
    page.keyboard.press("Tab")
    expect(link).to_be_focused()


def test_filters_follow_the_definition_and_hide_empty_sections_with_their_intro(site, page: Page) -> None:
    page.goto(site.url + PHASED)
    wait_for_engine(page)
    definition = page.request.get(site.url + "sjekklister/vertskommunesamarbeid.json").json()
    phase = page.get_by_label("Fase")
    expect(phase.locator("option")).to_have_text(["Alle"] + [p["title"] for p in definition["phases"]])

    vedtak = [s for s in definition["sections"] if any(i.get("phase") == "vedtak" for i in s["items"])]
    others = [s for s in definition["sections"] if s not in vedtak]
    assert vedtak and others
    phase.select_option(label="Vedtaksfasen")
    expect(page.locator(".pv-filters__summary")).to_contain_text("Viser ")
    for section in others:
        heading = page.locator(f"h2#{section['id']}")
        expect(heading).to_be_hidden()
        expect(page.locator(f"[data-pv-section-progress='{section['id']}']")).to_be_hidden()
    for section in vedtak:
        expect(page.locator(f"h2#{section['id']}")).to_be_visible()
    # The intro text of a hidden section goes too: nothing between two hidden headings is shown.
    hidden = others[0]["id"]
    shown_between = page.evaluate(
        """id => {
          const shown = [];
          for (let n = document.getElementById(id).nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling)
            if (n.getClientRects().length) shown.push(n.outerHTML.slice(0, 80));
          return shown;
        }""",
        hidden,
    )
    assert shown_between == []

    phase.select_option(label="Alle")
    expect(page.locator(".pv-filters__summary")).to_have_text("")
    for section in definition["sections"]:
        expect(page.locator(f"h2#{section['id']}")).to_be_visible()


def test_an_answer_can_be_cleared_by_keyboard_and_stays_cleared(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    wait_for_engine(page)
    first = item(page, "1.0 a")
    clear = first.get_by_role("button", name="Fjern svaret på punkt 1.0 a")
    expect(clear).to_be_hidden()  # nothing to clear yet
    first.get_by_role("radio", name="Ja").check()
    first.locator("details.pv-item__more > summary").click()
    first.get_by_label("Notat").fill("Avklares med kommunen.")
    wait_for_engine(page, answered=1)

    clear.focus()
    page.keyboard.press("Enter")
    wait_for_engine(page, answered=0)
    for radio in first.get_by_role("radio").all():
        expect(radio).not_to_be_checked()
    expect(clear).to_be_hidden()
    expect(first.get_by_role("radio").first).to_be_focused()  # focus stays in the item
    expect(page.locator(".pv-status")).to_have_text("Svaret på punkt 1.0 a er fjernet.")
    expect(page.locator("#pv-progress-text")).to_contain_text("0 av 44")
    saved = stored_answer(page, "parter-vertskommune")
    assert saved is not None and "value" not in saved and saved["note"] == "Avklares med kommunen."

    page.reload()
    wait_for_engine(page, answered=0)
    for radio in item(page, "1.0 a").get_by_role("radio").all():
        expect(radio).not_to_be_checked()
    expect(item(page, "1.0 a").get_by_label("Notat")).to_have_value("Avklares med kommunen.")
