"""Every export format, parsed back and checked (standard library only, so it also runs under Pyodide)."""

from __future__ import annotations

import base64
import csv
import io
import json
import zipfile
import xml.etree.ElementTree as ET

from partnerskap.engine import api
from partnerskap.engine.exports import slug

from samples import answers, definition_data, walkthrough

TODAY = "2026-11-24"
NS = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def run(kind: str) -> tuple[str, bytes]:
    api.load_definition(definition_data("1.1"))
    result = api.export("eksempel", kind, walkthrough(), answers(), {}, TODAY)
    return result["filename"], base64.b64decode(result["base64"])


def test_file_names_carry_checklist_walkthrough_and_date() -> None:
    assert run("json")[0] == "eksempel-partnerskapsmote-nav-narvik-2026-2026-11-24.json"
    assert run("referat")[0] == "eksempel-partnerskapsmote-nav-narvik-2026-referat-2026-11-24.docx"
    assert slug("Æ ø Å / møte") == "ae-o-a-mote"


def test_json_export_reimports_identically() -> None:
    _, data = run("json")
    imported = api.parse_import("eksempel", data.decode("utf-8"))
    assert imported["answers"] == answers()
    assert imported["walkthrough"] == walkthrough()
    assert not imported["report"]["changed"]


def test_csv_has_every_item_and_neutralises_formulas() -> None:
    _, data = run("csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Avsnitt", "Nr.", "Punkt-id", "Spørsmål / aktivitet", "Svar"]
    by_id = {row[2]: row for row in rows[1:]}
    assert list(by_id) == ["forste", "antall", "skala", "valg", "fritekst"]
    assert by_id["forste"][4:9] == ["Delvis", "Må avklares med «kommunen» & staten.", "Begge", "Kari", "2026-12-31"]
    assert by_id["antall"][4] == "7"
    assert by_id["fritekst"][5] == "'=SUM(A1)"


def test_markdown_escapes_answers() -> None:
    _, data = run("markdown")
    text = data.decode("utf-8")
    assert text.startswith("# Eksempel\n")
    assert "### 1.1 Er partene enige?" in text
    assert "- Svar: Delvis" in text
    assert "- Ansvarlig: Begge \\(Kari\\)" in text
    assert "Fremdrift: 4 av 5 besvart" in text
    assert "- Svar: Ikke besvart" in text


def _xlsx_rows(data: bytes) -> list[list[str]]:
    sheet = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iterfind(".//s:row", NS):
        cells = []
        for cell in row.iterfind("s:c", NS):
            text = cell.find(".//s:t", NS)
            cells.append(text.text if text is not None else cell.find("s:v", NS).text)
        rows.append(cells)
    return rows


def test_xlsx_holds_the_answers() -> None:
    _, data = run("xlsx")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert {"[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"} <= set(archive.namelist())
    rows = _xlsx_rows(data)
    assert rows[0][0] == "Avsnitt"
    assert rows[1][3:6] == ["Er partene enige?", "Delvis", "Må avklares med «kommunen» & staten."]


def test_minutes_open_as_a_word_document() -> None:
    _, data = run("referat")
    document = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    paragraphs = ["".join(t.text or "" for t in p.iterfind(".//w:t", NS)) for p in document.iterfind(".//w:p", NS)]
    styles = [p.find("w:pPr/w:pStyle", NS) for p in document.iterfind(".//w:p", NS)]
    headings = [text for text, style in zip(paragraphs, styles) if style is not None]
    assert headings[0] == "Referat: Eksempel"
    assert "1.1 Er partene enige?" in headings and "Tiltak og ansvar" in headings
    assert "Gjennomgang: Partnerskapsmøte NAV Narvik 2026" in paragraphs
    table = document.find(".//w:tbl", NS)
    cells = ["".join(t.text or "" for t in c.iterfind(".//w:t", NS)) for c in table.iterfind(".//w:tc", NS)]
    assert cells[:5] == ["Nr.", "Punkt", "Tiltak", "Ansvarlig", "Frist"]
    assert ["1.1", "Er partene enige?", "Må avklares med «kommunen» & staten.", "Begge (Kari)", "2026-12-31"] == cells[5:10]


def test_api_reports_problems_as_messages() -> None:
    api.load_definition(definition_data("1.1"))
    response = json.loads(api.handle(json.dumps({"method": "parse_import", "args": {"checklist": "eksempel", "text": "{"}})))
    assert response["ok"] is False and "ikke gyldig JSON" in response["message"]
    response = json.loads(api.handle(json.dumps({"method": "progress", "args": {"checklist": "eksempel", "answers": answers()}})))
    assert response["ok"] is True and response["result"]["total"]["answered"] == 4
