"""Zero axe-core violations (WCAG 2.0/2.1 A and AA) on every page, light and dark, checklists empty and answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe import axe_violations
from conftest import wait_for_engine
from playwright.sync_api import Page, expect
from test_answering import open_details

SCHEMES = ["light", "dark"]


def all_pages(site_dir: Path) -> list[str]:
    pages = sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in pages if not p.startswith("assets")]


def test_every_page_is_checked(built_site: Path) -> None:
    pages = all_pages(built_site)
    assert "" in pages and "sjekklister/partnerskapsavtale/" in pages and len(pages) >= 19


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_violations_on_any_page(site, built_site: Path, page: Page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    problems = {}
    for path in all_pages(built_site):
        page.goto(site.url + path)
        if page.locator("#pv-app").count():
            wait_for_engine(page)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == expected
        violations = axe_violations(page)
        if violations:
            problems[path or "/"] = violations
    assert problems == {}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_answered_checklist_and_dialogs_have_no_violations(site, page: Page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    for path in (
        "sjekklister/vertskommunesamarbeid/",
        "sjekklister/suksesskriterier/",
        "sjekklister/sporreundersokelse/",
    ):
        page.goto(site.url + path)
        wait_for_engine(page)
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
        assert axe_violations(page) == [], path
    page.get_by_role("button", name="Ny", exact=True).click()
    expect(page.get_by_role("dialog", name="Ny gjennomgang")).to_be_visible()
    assert axe_violations(page) == []


def test_meeting_mode_and_combine_view_in_dark_palette(site, built_site: Path, page: Page, tmp_path: Path) -> None:
    import json

    from test_beyond import COUNTIES, survey_file

    page.emulate_media(color_scheme="dark")
    page.goto(site.url + "sjekklister/partnerskapsavtale/")
    wait_for_engine(page)
    page.get_by_role("button", name="Møtemodus").click()
    expect(page.get_by_role("dialog", name="Møtemodus")).to_be_visible()
    page.keyboard.press("1")
    page.get_by_role("button", name="Legg til tiltak").click()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")

    files = []
    for index, (name, numbers) in enumerate(COUNTIES):
        path = tmp_path / f"{index}.json"
        path.write_text(
            json.dumps(survey_file(built_site, name, numbers, walkthrough_id=f"wt-{index}")), encoding="utf-8"
        )
        files.append(str(path))
    page.goto(site.url + "sjekklister/sporreundersokelse/sammenstill/")
    page.locator("#pv-combine-files").set_input_files(files)
    expect(page.get_by_role("heading", name="Respondenter (3)")).to_be_visible(timeout=120_000)
    assert axe_violations(page) == []
