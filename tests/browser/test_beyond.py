"""Combine many respondents' files, compare walk-throughs, and share answers by link — in the browser."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
from axe import axe_violations
from browser_helpers import (
    CHECKLIST,
    COUNTIES,
    PageErrors,
    answer_item,
    download,
    item,
    open_details,
    survey_file,
    wait_for_engine,
)
from playwright.sync_api import Browser, Page, expect


def test_combine_survey_files_with_bad_ones_reported_by_name(
    site, built_site: Path, page: Page, tmp_path: Path
) -> None:
    files = []
    for index, (name, numbers) in enumerate(COUNTIES):
        path = tmp_path / f"{name.lower()}.json"
        path.write_text(
            json.dumps(survey_file(built_site, name, numbers, walkthrough_id=f"wt-{index}")), encoding="utf-8"
        )
        files.append(path)
    duplicate = tmp_path / "nordland-kopi.json"
    duplicate.write_text((tmp_path / "nordland.json").read_text(encoding="utf-8"), encoding="utf-8")
    other = tmp_path / "feil-sjekkliste.json"
    other.write_text(
        json.dumps(
            survey_file(built_site, "Finnmark", [19] * 6, walkthrough_id="wt-x", checklist="partnerskapsavtale")
        ),
        encoding="utf-8",
    )
    old = tmp_path / "gammel-versjon.json"
    old.write_text(
        json.dumps(survey_file(built_site, "Hedmark", [22] * 6, walkthrough_id="wt-y", version="0.9")), encoding="utf-8"
    )
    broken = tmp_path / "skadet.json"
    broken.write_text('{"format": "partnerskap-svar", "answ', encoding="utf-8")
    files += [duplicate, other, old, broken]

    page.goto(site.url + "sjekklister/sporreundersokelse/sammenstill/")
    page.locator("#pv-combine-files").set_input_files([str(f) for f in files])
    expect(page.get_by_role("heading", name="Respondenter (3)")).to_be_visible(timeout=120_000)
    skipped = page.locator(".pv-combine__skipped li")
    expect(skipped).to_have_count(4)
    for name in ("nordland-kopi.json", "feil-sjekkliste.json", "gammel-versjon.json", "skadet.json"):
        expect(skipped.filter(has_text=name)).to_have_count(1)
    # The survey table: one row per county and a sum row, like table 1 of the NTL survey.
    survey = page.get_by_role("table", name="svar fra 3 respondenter")
    rows = survey.locator("tbody tr")
    expect(rows).to_have_count(3)
    expected_sum = [str(sum(numbers[i] for _, numbers in COUNTIES)) for i in range(6)]
    foot = survey.locator("tfoot tr").locator("th, td").all_text_contents()
    assert foot == ["Sum", *expected_sum]
    expect(page.locator("figure.pv-chart svg").first).to_be_visible()
    assert page.locator("figure.pv-chart script").count() == 0
    expect(page.locator(".pv-combine__notes").first).to_contain_text("NTL Troms")  # the county names, side by side
    expect(page.locator(".pv-combine__notes").nth(1)).to_contain_text("Notat fra Troms")
    assert axe_violations(page) == []

    name, data = download(page, "Per punkt (CSV)")
    assert name.startswith("sporreundersokelse-sammenstilling-") and name.endswith(".csv")
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    name, data = download(page, "Alle tabellene (Excel)")
    assert name.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Per punkt", "Per respondent", "Tabell"]
    respondents = [[cell.value for cell in row] for row in workbook["Per respondent"].iter_rows(min_row=2)]
    assert [row[1] for row in respondents] == ["nordland.json", "troms.json", "oslo.json"]
    table = [[cell.value for cell in row] for row in workbook["Tabell"].iter_rows()]
    assert table[-1] == ["Sum", *(int(n) for n in expected_sum)]


def test_combine_scale_items_show_mean_median_and_spread(site, page: Page, tmp_path: Path) -> None:
    page.goto(site.url + "sjekklister/suksesskriterier/")
    exported = []
    for values in (("1", "6"), ("6", "6"), ("3", "6")):
        first = page.locator("fieldset[data-pv-item]").nth(0)
        second = page.locator("fieldset[data-pv-item]").nth(1)
        first.get_by_role("radio", name=values[0], exact=True).check()
        second.get_by_role("radio", name=values[1], exact=True).check()
        wait_for_engine(page, answered=2)
        _, data = download(page, "JSON")
        path = tmp_path / f"svar-{len(exported)}.json"
        doc = json.loads(data)
        doc["walkthrough"]["id"] = f"respondent-{len(exported)}"
        path.write_text(json.dumps(doc), encoding="utf-8")
        exported.append(path)
    page.goto(site.url + "sjekklister/suksesskriterier/sammenstill/")
    page.locator("#pv-combine-files").set_input_files([str(p) for p in exported])
    expect(page.get_by_role("heading", name="Respondenter (3)")).to_be_visible(timeout=120_000)
    first = page.locator(".pv-combine__item").first
    expect(first).to_contain_text("Gjennomsnitt 3,3, median 3, standardavvik (utvalg) 2,5")
    # The first item (1, 6, 3) spreads more than the second (6, 6, 6): it leads the disagreement list.
    expect(page.locator("#pv-uenighet + ol li").first).to_contain_text(first.locator("h3").text_content())


def test_compare_two_walkthroughs(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    item(page, "1.0 a").get_by_role("radio", name="Nei").check()
    item(page, "2.0 a").get_by_role("radio", name="Ja").check()
    page.get_by_role("button", name="Dupliser").click()
    page.get_by_role("dialog", name="Dupliser gjennomgang").get_by_role("textbox").fill("Høsten 2027")
    page.get_by_role("dialog", name="Dupliser gjennomgang").get_by_role("button", name="Dupliser").click()
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    item(page, "2.1 a").get_by_role("radio", name="Delvis").check()
    page.get_by_role("button", name="Sammenlign med en annen gjennomgang").click()
    dialog = page.get_by_role("dialog", name="Sammenlign gjennomganger")
    dialog.get_by_label("Tidligere gjennomgang").select_option(label="Min gjennomgang")
    dialog.get_by_role("button", name="Sammenlign").click()
    region = page.get_by_role("region", name="Sammenligning")
    expect(region).to_contain_text("Endrede svar")
    expect(region).to_contain_text("Nei → Ja")
    expect(region).to_contain_text("Besvart bare i «Høsten 2027»")
    expect(region).to_contain_text("Delvis")
    assert axe_violations(page) == []


def test_share_link_round_trip_with_privacy_warning(site, browser: Browser, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    answer_item(page, "1.0 a", "Delvis", note="Delt via lenke")
    wait_for_engine(page, answered=1)
    page.get_by_role("button", name="Del som lenke").click()
    warning = page.get_by_role("dialog", name="Del svarene som lenke")
    expect(warning).to_contain_text("Alle som får lenken, kan lese svarene")
    warning.get_by_role("button", name="Lag lenke").click()
    result = page.get_by_role("dialog", name="Lenke til svarene")
    link = result.get_by_label("Lenke").input_value()
    assert "#del=" in link and link.startswith(site.url)
    result.get_by_role("button", name="Lukk").click()

    fresh = browser.new_context()
    errors = PageErrors()
    other = fresh.new_page()
    errors.watch(other)
    requests: list[str] = []
    other.on("request", lambda request: requests.append(request.url))
    other.goto(link)
    confirm = other.get_by_role("dialog", name="Åpne delte svar?")
    expect(confirm).to_be_visible(timeout=120_000)
    confirm.get_by_role("button", name="Åpne som ny gjennomgang").click()
    expect(item(other, "1.0 a").get_by_role("radio", name="Delvis")).to_be_checked()
    expect(item(other, "1.0 a").get_by_label("Notat")).to_have_value("Delt via lenke")
    assert "#" not in other.url  # the answers are removed from the address bar once opened
    assert not [u for u in requests if "del=" in u]  # the fragment never reached the server
    assert errors.errors == [] and errors.dialogs == []
    fresh.close()


def test_share_link_too_large_is_refused_clearly(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    import random

    rng = random.Random(7)
    for index in range(6):
        fieldset = page.locator("fieldset[data-pv-item]").nth(index)
        open_details(fieldset)
        fieldset.get_by_label("Notat").fill("".join(rng.choice("abcdefghijklmnopqrstuvwxyzæøå ") for _ in range(3000)))
    page.get_by_role("button", name="Del som lenke").click()
    page.get_by_role("dialog", name="Del svarene som lenke").get_by_role("button", name="Lag lenke").click()
    expect(page.get_by_role("alert")).to_contain_text("for store til å deles som lenke")
    expect(page.get_by_role("dialog", name="Lenke til svarene")).to_have_count(0)
