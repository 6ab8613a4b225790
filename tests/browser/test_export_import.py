"""Every export downloaded and parsed; JSON round trip into a fresh profile; hostile imports refused."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from browser_helpers import CHECKLIST, PageErrors, answer_item, download, item, wait_for_engine
from playwright.sync_api import Browser, Page, expect


def answer_some(page: Page) -> None:
    answer_item(
        page,
        "1.0 a",
        "Delvis",
        note='Uenighet om <b>kostnader</b> & "ansvar"\nAndre linje',
        owner="Begge",
        name="Kari Nordmann",
        due="2027-02-01",
    )
    item(page, "2.0 a").get_by_role("radio", name="Ja").check()
    item(page, "2.1 a").get_by_role("radio", name="Nei").check()


def test_every_export_format(site, built_site: Path, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    answer_some(page)
    wait_for_engine(page, answered=3)
    today = page.evaluate("() => { const d = new Date(); return d.toISOString().slice(0, 10); }")

    name, data = download(page, "JSON")
    assert name == f"partnerskapsavtale-min-gjennomgang-{today}.json"
    doc = json.loads(data)
    schema = json.loads((built_site / "skjema" / "svarfil-v1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    assert doc["checklist"]["id"] == "partnerskapsavtale" and len(doc["answers"]) == 3
    note = 'Uenighet om <b>kostnader</b> & "ansvar"\nAndre linje'
    assert note in [a.get("note") for a in doc["answers"].values()]

    name, data = download(page, "CSV")
    assert name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert (
        len(rows) == 45
        and rows[1][4] == "Delvis"
        and rows[1][5] == note
        and rows[1][6:9] == ["Begge", "Kari Nordmann", "2027-02-01"]
    )

    name, data = download(page, "Markdown")
    text = data.decode("utf-8")
    assert (
        name.endswith(".md")
        and text.startswith("# Partnerskapsavtalen punkt for punkt")
        and "Fremdrift: 3 av 44 besvart" in text
    )
    # Markup in notes is escaped (shown as typed, never rendered); ordinary punctuation is left alone.
    assert 'Uenighet om \\<b>kostnader\\</b> & "ansvar"' in text and "<b>" not in text.replace("\\<b>", "")

    name, data = download(page, "Excel")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:5] == ["Avsnitt", "Nr.", "Punkt-id", "Spørsmål / aktivitet", "Svar"]
    assert values[1][4:6] == ["Delvis", note] and len(values) == 45

    name, data = download(page, "Referat (Word)")
    assert name == f"partnerskapsavtale-min-gjennomgang-referat-{today}.docx"
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert (
        "Referat: Partnerskapsavtalen punkt for punkt" in document
        and "Kari Nordmann" in document
        and ">Tiltak</w:t>" in document
    )

    expect(page.locator(".pv-panel__note")).not_to_contain_text("Sist eksportert: aldri")


def test_json_round_trip_into_a_fresh_profile(site, browser: Browser, page: Page, tmp_path: Path) -> None:
    page.goto(site.url + CHECKLIST)
    answer_some(page)
    wait_for_engine(page, answered=3)
    _, exported = download(page, "JSON")
    original = json.loads(exported)
    # The meeting's participants and date travel with the answers (they were lost on import before).
    original["walkthrough"].update(participants="Kari Nordmann\nOla Nordmann", meeting_date="2026-11-30")
    file = tmp_path / "svar.json"
    file.write_text(json.dumps(original, ensure_ascii=False), encoding="utf-8")

    fresh = browser.new_context(accept_downloads=True)
    errors = PageErrors()
    other = fresh.new_page()
    errors.watch(other)
    other.goto(site.url + CHECKLIST)
    other.locator("#pv-import").set_input_files(str(file))
    dialog = other.get_by_role("dialog", name="Importer svar")
    dialog.get_by_role("button", name="Som ny gjennomgang").click()
    expect(other.get_by_role("status").filter(has_text="Importerte 3 svar")).to_be_visible()
    # The import replaces the fresh profile's empty default walk-through, so it keeps its own name (no «(2)»).
    expect(other.get_by_label("Gjennomgang", exact=True).locator("option")).to_have_text(["Min gjennomgang"])
    expect(item(other, "1.0 a").get_by_role("radio", name="Delvis")).to_be_checked()
    _, again = download(other, "JSON")
    reimported = json.loads(again)
    assert reimported["answers"] == original["answers"]
    assert reimported["walkthrough"]["name"] == original["walkthrough"]["name"]
    assert reimported["walkthrough"]["participants"] == original["walkthrough"]["participants"]
    assert reimported["walkthrough"]["meeting_date"] == "2026-11-30"
    assert reimported["archived"] == original["archived"] and reimported["checklist"] == original["checklist"]
    assert errors.errors == [] and errors.dialogs == []
    fresh.close()


def _storage(page: Page) -> dict:
    return page.evaluate(
        "() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => !k.endsWith(':sist-brukt')))"
    )


BAD_IMPORTS = [
    ("ikke-json.json", b"dette er ikke json", "ikke gyldig JSON"),
    ("avkortet.json", None, "avkortet"),
    ("annen-sjekkliste.json", "other-checklist", "gjelder sjekklisten «vertskommunesamarbeid»"),
    ("skript.json", "script", "skript eller aktivt HTML-innhold"),
    ("for-stor.json", b"{" + b" " * (3 * 1024 * 1024) + b"}", "for stor"),
    ("ukjente-felter.json", "odd-keys", "ukjente felter"),
]


@pytest.mark.parametrize("filename,content,message", BAD_IMPORTS, ids=[case[0] for case in BAD_IMPORTS])
def test_bad_import_files_leave_answers_untouched(
    site, page: Page, tmp_path: Path, filename: str, content, message: str
) -> None:
    page.goto(site.url + CHECKLIST)
    answer_some(page)
    wait_for_engine(page, answered=3)
    _, exported = download(page, "JSON")
    doc = json.loads(exported)
    if content is None:
        content = exported[: len(exported) // 2]
    elif content == "other-checklist":
        doc["checklist"]["id"] = "vertskommunesamarbeid"
        content = json.dumps(doc).encode()
    elif content == "script":
        first = next(iter(doc["answers"]))
        doc["answers"][first]["note"] = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
        content = json.dumps(doc).encode()
    elif content == "odd-keys":
        doc["__proto__"] = {"polluted": True}
        content = json.dumps(doc).encode()
    before = _storage(page)
    file = tmp_path / filename
    file.write_bytes(content)
    page.locator("#pv-import").set_input_files(str(file))
    expect(page.get_by_role("alert")).to_contain_text(message)
    expect(page.locator("dialog.pv-dialog")).to_have_count(0)
    assert _storage(page) == before
    assert page.evaluate("() => window.__pwned === undefined && Object.prototype.polluted === undefined")
    assert page.locator("img[src=x]").count() == 0
    expect(item(page, "1.0 a").get_by_role("radio", name="Delvis")).to_be_checked()
