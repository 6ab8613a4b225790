"""Zero axe-core violations (WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices) in light and dark,
on every page and in every state a user can reach: answered, filtered, every dialog open, meeting mode,
the combine view, the comparison, and with each kind of control focused and hovered.

Both palettes are checked after one page load, and pages are visited by Material's instant navigation,
so the checklist engine (Pyodide) boots once per test rather than once per page and scheme."""

from __future__ import annotations

import json
from pathlib import Path

from a11y import wait_for_calm
from axe import axe_in_both_schemes, report
from browser_helpers import (
    CHECKLIST,
    all_pages,
    item,
    navigate,
    open_checklist,
    open_combine_view,
    open_details,
    open_meeting,
    wait_for_engine,
)
from playwright.sync_api import Page, expect


def test_every_page_is_checked(built_site: Path) -> None:
    pages = all_pages(built_site)
    assert "" in pages and "sjekklister/partnerskapsavtale/" in pages and len(pages) >= 19


def test_no_violations_on_any_page(site, built_site: Path, page: Page) -> None:
    page.goto(site.url)
    problems = {}
    for path in all_pages(built_site):
        navigate(page, site.url + path)
        if page.locator("#pv-app").count():
            wait_for_engine(page)
        found = axe_in_both_schemes(page)
        if found:
            problems[path or "/"] = found
    assert problems == {}, report(problems)
    # Instant navigation kept one engine for every checklist page.
    assert page.evaluate("() => window.partnerskapEngineStats.boots") == 1


def answer_and_filter(page: Page) -> None:
    first = page.locator("fieldset[data-pv-item]").first
    radios = first.get_by_role("radio")
    if radios.count():
        radios.first.check()
    else:
        first.get_by_role("textbox").first.fill("Nordland")
    open_details(first)
    first.get_by_label("Notat").fill("Et notat")
    page.get_by_label("Bare ubesvarte").check()
    wait_for_engine(page, answered=1)
    expect(page.locator(".pv-filters__summary")).to_contain_text("Viser")


def test_answered_and_filtered_checklists(site, page: Page) -> None:
    page.goto(site.url + "sjekklister/vertskommunesamarbeid/")
    problems = {}
    for path in (
        "sjekklister/vertskommunesamarbeid/",
        "sjekklister/suksesskriterier/",
        "sjekklister/sporreundersokelse/",
        CHECKLIST,
    ):
        navigate(page, site.url + path)
        wait_for_engine(page)
        answer_and_filter(page)
        page.get_by_label("Bare ubesvarte").uncheck()
        for select in page.locator(".pv-filters select").all():
            select.select_option(index=1)
        found = axe_in_both_schemes(page)
        if found:
            problems[path] = found
    assert problems == {}, report(problems)


def dialog_states(page: Page, tmp_path: Path) -> dict[str, dict]:
    """Open every dialog and panel of a checklist page in turn; axe each one in both palettes."""
    problems: dict[str, dict] = {}

    def check(name: str) -> None:
        found = axe_in_both_schemes(page)
        if found:
            problems[name] = found

    def open_dialog(button: str, title: str):
        page.get_by_role("button", name=button, exact=True).click()
        dialog = page.get_by_role("dialog", name=title)
        expect(dialog).to_be_visible()
        return dialog

    for button, title in (
        ("Ny", "Ny gjennomgang"),
        ("Gi nytt navn", "Gi nytt navn"),
        ("Slett gjennomgang", "Slette gjennomgangen?"),
        ("Slett alle data", "Slette alle data?"),
        ("Del som lenke", "Del svarene som lenke"),
    ):
        open_dialog(button, title)
        check(title)
        page.keyboard.press("Escape")
        expect(page.get_by_role("dialog", name=title)).to_have_count(0)

    dialog = open_dialog("Dupliser", "Dupliser gjennomgang")
    check("Dupliser gjennomgang")
    dialog.get_by_role("button", name="Dupliser").click()
    item(page, "1.0 a").get_by_role("radio", name="Nei").check()

    dialog = open_dialog("Sammenlign med en annen gjennomgang", "Sammenlign gjennomganger")
    check("Sammenlign gjennomganger")
    dialog.get_by_role("button", name="Sammenlign").click()
    expect(page.get_by_role("region", name="Sammenligning")).to_contain_text("Endrede svar")
    check("Sammenligningen")

    dialog = open_dialog("Del som lenke", "Del svarene som lenke")
    dialog.get_by_role("button", name="Lag lenke").click()
    expect(page.get_by_role("dialog", name="Lenke til svarene")).to_be_visible()
    check("Lenke til svarene")
    page.keyboard.press("Escape")

    # Import a file written for an older version of the checklist: the import dialog, then the changes box.
    with page.expect_download() as info:
        page.get_by_role("button", name="JSON", exact=True).click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    data["checklist"]["version"] = "0.9"
    first_item = next(iter(data["checklist"]["items"]))
    data["checklist"]["items"][first_item] = "0" * 16  # the question was worded differently then
    older = tmp_path / "eldre.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    page.locator("#pv-import").set_input_files(str(older))
    dialog = page.get_by_role("dialog", name="Importer svar")
    expect(dialog).to_be_visible()
    check("Importer svar")
    dialog.get_by_role("button", name="Som ny gjennomgang").click()
    expect(page.get_by_role("region", name="Sjekklisten er endret")).to_be_visible()
    check("Sjekklisten er endret")
    return problems


def test_every_dialog_and_panel(site, page: Page, tmp_path: Path) -> None:
    open_checklist(page, site)
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    wait_for_engine(page, answered=1)
    problems = dialog_states(page, tmp_path)
    assert problems == {}, report(problems)


def test_meeting_mode_states(site, page: Page) -> None:
    open_checklist(page, site)
    meeting = open_meeting(page)
    problems = {}
    found = axe_in_both_schemes(page)
    if found:
        problems["punkt"] = found
    page.keyboard.press("1")
    meeting.get_by_role("button", name="Legg til tiltak").click()
    expect(meeting.get_by_label("Tiltak 1")).to_be_focused()
    found = axe_in_both_schemes(page)
    if found:
        problems["tiltak"] = found
    meeting.get_by_role("button", name="Vis hele avsnittet").click()
    expect(meeting.get_by_role("button", name="Vis hele avsnittet")).to_have_attribute("aria-pressed", "true")
    found = axe_in_both_schemes(page)
    if found:
        problems["avsnitt"] = found
    meeting.get_by_role("button", name="Vis hele avsnittet").click()
    for _ in range(50):
        if meeting.get_by_role("heading", name="Referat: Min gjennomgang").count():
            break
        meeting.locator(".pv-meeting__nav .md-button--primary").click()
    expect(meeting.get_by_role("heading", name="Referat: Min gjennomgang")).to_be_visible()
    found = axe_in_both_schemes(page)
    if found:
        problems["referat"] = found
    assert problems == {}, report(problems)


def test_combine_view_with_files(site, built_site: Path, page: Page, tmp_path: Path) -> None:
    open_combine_view(page, site, built_site, tmp_path)
    problems = axe_in_both_schemes(page)
    assert problems == {}, report(problems)


# One of each kind of control, on a checklist page: (how to find it, what to call it, hover it too).
CONTROLS = [
    (".md-skip", "lenke til innholdet", True),
    ("a.md-header__button.md-logo", "lenke i toppfeltet", True),
    (".md-search__input", "søkefelt", False),
    ("form[data-md-component='palette'] input:checked", "temavelger", False),
    (".md-nav--primary a.md-nav__link", "lenke i menyen", True),
    (".md-nav--secondary a.md-nav__link", "lenke i innholdsfortegnelsen", True),
    ("#pv-walkthrough", "nedtrekksliste", False),
    (".pv-panel .md-button:not(.md-button--primary):not(.pv-button--danger)", "knapp", True),
    (".pv-panel .md-button--primary", "hovedknapp", True),
    (".pv-panel .pv-button--danger", "fareknapp", True),
    ("#pv-import", "filvelger", False),
    ("#pv-filter-unanswered", "avkrysningsboks", False),
    ("fieldset[data-pv-item] input[type=radio]", "svarknapp", True),
    ("fieldset[data-pv-item] summary", "sammendrag som åpner mer", True),
    ("fieldset[data-pv-item] textarea", "tekstfelt", False),
    ("fieldset[data-pv-item] input[type=text]", "tekstlinje", False),
    ("fieldset[data-pv-item] input[type=date]", "datofelt", False),
    (".md-typeset .headerlink", "lenke til overskrift", True),
    ("details.pv-source > summary", "kildelinje under tittelen", True),
    (".md-typeset .pv-refs a", "lenke i teksten", True),
    (".md-footer__link", "lenke i bunnen", True),
]


def test_focused_and_hovered_controls(site, page: Page) -> None:
    open_checklist(page, site)
    open_details(page.locator("fieldset[data-pv-item]").first)
    page.keyboard.press("Shift")  # keyboard modality: programmatic focus now shows :focus-visible
    problems = {}
    for selector, name, hover in CONTROLS:
        shown = page.locator(selector).locator("visible=true")
        control = shown.first if shown.count() else page.locator(selector).first  # visually hidden radios
        control.focus()
        assert control.evaluate("el => el === document.activeElement"), name
        found = axe_in_both_schemes(page, scope="focus")
        if found:
            problems[f"{name} (fokus)"] = found
        if hover:
            control.hover()
            found = axe_in_both_schemes(page, scope="focus")
            if found:
                problems[f"{name} (mus over)"] = found
        page.keyboard.press("Escape")  # closes the search if the control opened it
    # Back-to-top appears when the reader scrolls back up.
    page.mouse.wheel(0, 3000)
    page.mouse.wheel(0, -400)
    back_to_top = page.locator(".md-top")
    expect(back_to_top).to_be_visible()
    wait_for_calm(page)
    back_to_top.focus()
    found = axe_in_both_schemes(page, scope="focus")
    if found:
        problems["til toppen"] = found
    assert problems == {}, report(problems)
