"""«Sammenstill» as the person who collects everyone's answers meets it: files dropped or chosen,
shares in the distribution tables, the sample standard deviation named as such, a missing number
shown as missing (never as 0), one table per CSV file, and skipped files explained by title and number."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

from axe import axe_in_both_schemes, report
from browser_helpers import download, survey_file
from playwright.sync_api import Page, expect

SURVEY = "sjekklister/sporreundersokelse/sammenstill/"
SCALE = "sjekklister/suksesskriterier/sammenstill/"
EXPORTS = ["Per punkt (CSV)", "Per respondent (CSV)", "Tallsvar med sum (CSV)", "Alle tabellene (Excel)"]


def definition(built_site: Path, checklist: str) -> dict:
    return json.loads((built_site / "sjekklister" / f"{checklist}.json").read_text(encoding="utf-8"))


def items_of(data: dict) -> list[dict]:
    return [item for section in data["sections"] for item in section["items"]]


def survey_files(built_site: Path, tmp_path: Path) -> list[str]:
    """Three counties; Troms did not answer question 3, and each county chose on 13 a."""
    items = {item["number"]: item for item in items_of(definition(built_site, "sporreundersokelse"))}
    rows = [
        ("Nordland", [44, 43, 34, 9, 0, 0], "Enig"),
        ("Troms", [25, 24, 22, 2, 0, 0], "Enig"),
        ("Oslo", [15, 15, 0, 0, 15, 0], "Uenig"),
    ]
    paths = []
    for index, (county, numbers, choice) in enumerate(rows):
        doc = survey_file(built_site, county, numbers, walkthrough_id=f"fylke-{index}")
        if county == "Troms":
            del doc["answers"][items["3"]["id"]]
        doc["answers"][items["13 a"]["id"]] = {"value": choice, "hash": items["13 a"]["hash"]}
        path = tmp_path / f"{county.lower()}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(str(path))
    return paths


def combine(page: Page, url: str, files: list[str], respondents: int) -> None:
    page.goto(url)
    page.locator("#pv-combine-files").set_input_files(files)
    expect(page.get_by_role("heading", name=f"Respondenter ({respondents})")).to_be_visible(timeout=120_000)


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_survey_tables_show_shares_and_a_missing_number_as_missing(
    site, built_site: Path, page: Page, tmp_path: Path
) -> None:
    combine(page, site.url + SURVEY, survey_files(built_site, tmp_path), 3)
    # «Tallsvar per respondent»: Troms's missing answer says so, and the sum leaves it out.
    survey = page.get_by_role("table", name="svar fra 3 respondenter")
    header = survey.locator("thead th").all_text_contents()
    column = header.index("Hvor mange Nav-kontor er det i fylket?")
    troms = survey.locator("tbody tr").filter(has_text="Troms").locator("th, td").all_text_contents()
    assert troms[column] == "ikke besvart"
    assert survey.locator("tfoot tr").locator("th, td").all_text_contents()[column] == str(43 + 15)
    expect(page.get_by_text("har ingen stolpe i diagrammet og er ikke med i summen")).to_be_visible()
    # The chart draws 17 bars for 17 numbers (never a bar of 0 for the missing one) and marks the gap.
    svg = page.locator("#pv-tabell ~ figure.pv-chart svg").first
    expect(svg.locator("rect[data-value]")).to_have_count(17)
    expect(svg.locator("text.pv-chart__missing")).to_have_text(["ikke besvart"])
    expect(svg.locator("desc")).to_contain_text("Manglende svar er ikke tegnet")

    # A distribution table has the engine's share of each answer next to the count.
    item = page.locator(".pv-combine__item").filter(has=page.get_by_role("heading", name=re.compile(r"^13 a ")))
    table = item.get_by_role("table", name="Fordeling av svarene: 13 a")
    expect(table.locator("thead th")).to_have_text(["Svar", "Antall", "Andel"])
    expect(table.locator("tbody tr").first.locator("th, td")).to_have_text(["Enig", "2", "67\u00a0%"])
    expect(table.locator("tbody tr").nth(2).locator("th, td")).to_have_text(["Uenig", "1", "33\u00a0%"])
    # Number items: 44, 25, 15 have the sample standard deviation 14,7 (the population one is 12,0).
    kommuner = page.locator(".pv-combine__item").filter(has=page.get_by_role("heading", name=re.compile(r"^2 ")))
    expect(kommuner).to_contain_text("Gjennomsnitt 28, median 25, standardavvik (utvalg) 14,7, laveste 15, høyeste 44.")


def test_every_export_is_offered_as_a_button_with_one_table_per_file(
    site, built_site: Path, page: Page, tmp_path: Path
) -> None:
    combine(page, site.url + SURVEY, survey_files(built_site, tmp_path), 3)
    group = page.get_by_role("group", name="Eksporter sammenstillingen")
    expect(group.get_by_role("button")).to_have_text(EXPORTS)

    name, data = download(page, "Per punkt (CSV)")
    assert re.fullmatch(r"sporreundersokelse-sammenstilling-\d{4}-\d\d-\d\d\.csv", name)
    rows = csv_rows(data)
    assert rows[0][:2] == ["Avsnitt", "Nr."] and "Standardavvik (utvalg)" in rows[0]
    assert {len(row) for row in rows} == {len(rows[0])}  # one table: every row as wide as its header
    assert len(rows) == 1 + len(items_of(definition(built_site, "sporreundersokelse")))

    name, data = download(page, "Per respondent (CSV)")
    assert name.startswith("sporreundersokelse-sammenstilling-respondenter-")
    rows = csv_rows(data)
    assert rows[0][:3] == ["Respondent", "Fil", "1 Hva heter avdelingen eller fylket?"]
    assert [row[1] for row in rows[1:]] == ["nordland.json", "troms.json", "oslo.json"]
    column = rows[0].index("3 Hvor mange Nav-kontor er det i fylket?")
    assert [row[column] for row in rows[1:]] == ["43", "", "15"]  # Troms: empty, not 0

    name, data = download(page, "Tallsvar med sum (CSV)")
    assert name.startswith("sporreundersokelse-sammenstilling-tabell-")
    rows = csv_rows(data)
    assert [row[0] for row in rows] == ["Hva heter avdelingen eller fylket?", "Nordland", "Troms", "Oslo", "Sum"]
    assert rows[-1][1:] == ["84", "58", "56", "11", "15", "0"]

    name, data = download(page, "Alle tabellene (Excel)")
    assert name.endswith(".xlsx")
    workbook = zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml").decode("utf-8")
    assert re.findall(r'<sheet name="([^"]+)"', workbook) == ["Per punkt", "Per respondent", "Tabell"]
    expect(page.get_by_role("status")).to_contain_text(name)


def test_scale_checklist_names_the_sample_standard_deviation_and_offers_no_number_table(
    site, built_site: Path, page: Page, tmp_path: Path
) -> None:
    data = definition(built_site, "suksesskriterier")
    first = items_of(data)[0]
    paths = []
    for index, value in enumerate(("1", "6", "3")):
        doc = json.loads(Path(survey_files(built_site, tmp_path)[0]).read_text(encoding="utf-8"))
        doc["checklist"] = {
            "id": data["id"],
            "version": data["version"],
            "title": data["title"],
            "items": {item["id"]: item["hash"] for item in items_of(data)},
        }
        doc["walkthrough"] = {"id": f"kontor-{index}", "name": f"Kontor {index + 1}"}
        doc["answers"] = {first["id"]: {"value": value, "hash": first["hash"]}}
        path = tmp_path / f"kontor-{index}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(str(path))
    page.goto(site.url + SCALE)
    expect(page.locator("article")).to_contain_text("spredning på skalaen 1–6")
    expect(page.locator("article")).to_contain_text("standardavvik for et utvalg")
    combine(page, site.url + SCALE, paths, 3)
    item = page.locator(".pv-combine__item").first
    # 1, 6, 3: sample standard deviation 2,5 (spreadsheets' STDEV.S); the population formula gives 2,1.
    expect(item).to_contain_text("Gjennomsnitt 3,3, median 3, standardavvik (utvalg) 2,5, laveste 1, høyeste 6.")
    expect(item).to_contain_text("Standardavvik (utvalg) 2,5")
    expect(page.locator("#pv-uenighet + ol li").first).to_contain_text("Standardavvik (utvalg) 2,5")
    group = page.get_by_role("group", name="Eksporter sammenstillingen")
    expect(group.get_by_role("button")).to_have_text([EXPORTS[0], EXPORTS[1], EXPORTS[3]])


def test_survey_page_promises_no_scale_it_does_not_have(site, page: Page) -> None:
    page.goto(site.url + SURVEY)
    intro = page.locator("article")
    expect(intro).to_contain_text("tallsvarene i en tabell med én rad per respondent og en sumrad")
    expect(intro).not_to_contain_text("1–6")
    expect(intro).not_to_contain_text("skalaen")


DRAG = """([target, type, files]) => {
  const transfer = new DataTransfer();
  for (const [name, text] of files) transfer.items.add(new File([text], name, { type: "application/json" }));
  const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer });
  return document.querySelector(target).dispatchEvent(event);
}"""


def drag(page: Page, target: str, type_: str, paths: list[str]) -> bool:
    """Fire one drag event carrying ``paths`` as files at ``target``; False when the page took it over."""
    files = [[Path(p).name, Path(p).read_text(encoding="utf-8")] for p in paths]
    return page.evaluate(DRAG, [target, type_, files])


def test_files_dropped_anywhere_on_the_page_are_combined_and_the_button_does_the_same(
    site, built_site: Path, page: Page, tmp_path: Path
) -> None:
    page.on("filechooser", lambda _chooser: None)  # interception on long before the keyboard opens one
    files = survey_files(built_site, tmp_path)
    page.goto(site.url + SURVEY)
    zone = page.locator(".pv-dropzone")
    expect(zone).to_be_visible()
    expect(zone).to_contain_text("Dra svarfilene hit")
    expect(zone.locator("label[for=pv-combine-files]")).to_have_text("Legg til svarfiler (JSON) …")

    # Dragging files over the page marks the zone; the page takes the drop (the browser does not open the file).
    assert drag(page, "h1", "dragenter", files[:2]) is False
    expect(zone).to_have_class(re.compile(r"\bpv-dropzone--active\b"))
    problems = axe_in_both_schemes(page)
    assert problems == {}, report({"slipp": problems})
    assert drag(page, "h1", "dragover", files[:2]) is False
    assert drag(page, "h1", "drop", files[:2]) is False
    expect(page.get_by_role("heading", name="Respondenter (2)")).to_be_visible(timeout=120_000)
    expect(zone).not_to_have_class(re.compile(r"\bpv-dropzone--active\b"))

    # The keyboard way: the file control in the zone, opened with Space, adds to what is there.
    page.locator("#pv-combine-files").focus()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(files[2])
    expect(page.get_by_role("heading", name="Respondenter (3)")).to_be_visible()
    expect(page.get_by_role("list").filter(has_text="oslo.json")).to_be_visible()


def test_skipped_files_name_the_checklist_and_item_by_title_and_number(
    site, built_site: Path, page: Page, tmp_path: Path
) -> None:
    items = {item["number"]: item for item in items_of(definition(built_site, "sporreundersokelse"))}
    good = survey_file(built_site, "Nordland", [44], walkthrough_id="god")
    bad_choice = survey_file(built_site, "Troms", [25], walkthrough_id="valg")
    bad_choice["answers"][items["13 a"]["id"]] = {"value": "Kanskje", "hash": items["13 a"]["hash"]}
    bad_number = survey_file(built_site, "Oslo", [-3], walkthrough_id="tall")
    agreement = definition(built_site, "partnerskapsavtale")
    other = {
        **survey_file(built_site, "Finnmark", [], walkthrough_id="annen"),
        "checklist": {
            "id": agreement["id"],
            "version": agreement["version"],
            "title": agreement["title"],
            "items": {item["id"]: item["hash"] for item in items_of(agreement)},
        },
        "answers": {},
    }
    paths = []
    for name, doc in (("god", good), ("valg", bad_choice), ("tall", bad_number), ("avtalen", other)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(str(path))
    combine(page, site.url + SURVEY, paths, 1)
    skipped = page.locator(".pv-combine__skipped li")
    expect(skipped).to_have_count(3)
    expect(skipped.filter(has_text="valg.json")).to_contain_text(
        "Svaret «Kanskje» på punkt 13 a («Prinsipp- og handlingsprogrammet til NTL NAV sa at NTL NAV…») "
        "finnes ikke blant svaralternativene."
    )
    expect(skipped.filter(has_text="tall.json")).to_contain_text(
        "punkt 2 («Hvor mange kommuner er det i fylket?») kan ikke være mindre enn 0"
    )
    expect(skipped.filter(has_text="avtalen.json")).to_contain_text(
        "gjelder sjekklisten «Partnerskapsavtalen punkt for punkt», "
        "ikke «Spørreundersøkelse om partnerskapet for tillitsvalgte»"
    )
    text = " ".join(skipped.all_text_contents())
    for internal in ("statlige-nav-kontor", "antall-kommuner", "partnerskapsavtale", "sporreundersokelse"):
        assert internal not in text
