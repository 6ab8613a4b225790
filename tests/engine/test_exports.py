"""Every export format, parsed back and checked (standard library only, so it also runs under Pyodide)."""

from __future__ import annotations

import base64
import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile

from samples import answers, definition_data, walkthrough

from partnerskap.engine import api
from partnerskap.engine.exports import slug

TODAY = "2026-11-24"
NS = {
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
}


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
    assert {"[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"} <= set(
        archive.namelist()
    )
    rows = _xlsx_rows(data)
    assert rows[0][0] == "Avsnitt"
    assert rows[1][3:6] == ["Er partene enige?", "Delvis", "Må avklares med «kommunen» & staten."]


def test_minutes_open_as_a_word_document() -> None:
    _, data = run("referat")
    document = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    paragraphs = ["".join(t.text or "" for t in p.iterfind(".//w:t", NS)) for p in document.iterfind(".//w:p", NS)]
    styles = [p.find("w:pPr/w:pStyle", NS) for p in document.iterfind(".//w:p", NS)]
    headings = [text for text, style in zip(paragraphs, styles, strict=False) if style is not None]
    assert headings[0] == "Referat: Eksempel"
    assert "1.1 Er partene enige?" in headings and "Tiltak og ansvar" in headings
    assert "Gjennomgang: Partnerskapsmøte NAV Narvik 2026" in paragraphs
    table = document.find(".//w:tbl", NS)
    cells = ["".join(t.text or "" for t in c.iterfind(".//w:t", NS)) for c in table.iterfind(".//w:tc", NS)]
    assert cells[:6] == ["Nr.", "Punkt", "Tiltak", "Ansvarlig", "Frist", "Status"]
    assert [
        "1.1",
        "Er partene enige?",
        "Må avklares med «kommunen» & staten.",
        "Begge (Kari)",
        "2026-12-31",
        "",
    ] == cells[6:12]


def test_api_reports_problems_as_messages() -> None:
    api.load_definition(definition_data("1.1"))
    response = json.loads(
        api.handle(json.dumps({"method": "parse_import", "args": {"checklist": "eksempel", "text": "{"}}))
    )
    assert response["ok"] is False and "ikke gyldig JSON" in response["message"]
    response = json.loads(
        api.handle(json.dumps({"method": "progress", "args": {"checklist": "eksempel", "answers": answers()}}))
    )
    assert response["ok"] is True and response["result"]["total"]["answered"] == 4


def meeting() -> tuple[dict, dict]:
    walk = {
        **walkthrough(),
        "participants": "Fylkesdirektør Kari Nordmann, kommunedirektør Ola Hansen,\nNAV-leder Per | Pål",
        "meeting_date": "2026-11-20",
    }
    given = answers()
    given["forste"]["decision"] = "Partene lager felles budsjett."
    given["forste"]["actions"] = [
        {
            "what": "Lage utkast | budsjett\nmed vedlegg",
            "owner": "stat",
            "owner_name": "Ola",
            "due": "2027-01-15",
            "done": False,
        },
        {"what": "Kalle inn til møte", "owner": "kommune", "owner_name": "", "due": "", "done": True},
    ]
    given["valg"] = {
        "value": None,
        "actions": [
            {"what": "Avklare valget", "owner": "begge", "owner_name": "Kari", "due": "2027-02-01", "done": False}
        ],
    }
    return walk, given


def run_meeting(kind: str) -> tuple[str, bytes]:
    api.load_definition(definition_data("1.1"))
    walk, given = meeting()
    result = api.export("eksempel", kind, walk, given, {}, TODAY)
    return result["filename"], base64.b64decode(result["base64"])


def _docx(data: bytes) -> tuple[list[str], list[list[str]]]:
    document = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    paragraphs = [
        "\n".join("".join(t.text or "" for t in r.iterfind(".//w:t", NS)) for r in p.iterfind("w:r", NS))
        for p in document.iterfind("w:body/w:p", NS)
    ]
    table = document.find(".//w:tbl", NS)
    rows = [
        ["".join(t.text or "" for t in c.iterfind(".//w:t", NS)) for c in row.iterfind("w:tc", NS)]
        for row in table.iterfind("w:tr", NS)
    ]
    return paragraphs, rows


def test_minutes_show_participants_meeting_date_decisions_and_actions() -> None:
    _, data = run_meeting("referat")
    paragraphs, rows = _docx(data)
    assert "Deltakere: \nFylkesdirektør Kari Nordmann, kommunedirektør Ola Hansen,NAV-leder Per | Pål" in paragraphs
    assert "Møtedato: \n2026-11-20" in paragraphs
    assert not any(p.startswith("Dato:") for p in paragraphs)
    assert "Vedtak: \nPartene lager felles budsjett." in paragraphs
    assert "Tiltak: \nKalle inn til møte (Kommune, utført)" in paragraphs
    assert "2.2 Velg ett." in paragraphs  # an item with only an action is in the minutes
    assert rows[0] == ["Nr.", "Punkt", "Tiltak", "Ansvarlig", "Frist", "Status"]
    assert ["1.1", "Er partene enige?", "Lage utkast | budsjettmed vedlegg", "Stat (Ola)", "2027-01-15", "Åpen"] in rows
    assert ["1.1", "Er partene enige?", "Kalle inn til møte", "Kommune", "", "Utført"] in rows
    assert ["2.2", "Velg ett.", "Avklare valget", "Begge (Kari)", "2027-02-01", "Åpen"] in rows


def test_minutes_without_meeting_fields_carry_the_export_date() -> None:
    _, data = run("referat")
    paragraphs, _ = _docx(data)
    assert "Dato: \n2026-11-24" in paragraphs and not any(p.startswith(("Deltakere", "Møtedato")) for p in paragraphs)


def test_markdown_minutes_have_the_same_content_and_a_sound_action_table() -> None:
    name, data = run_meeting("referat-md")
    assert name == "eksempel-partnerskapsmote-nav-narvik-2026-referat-2026-11-24.md"
    text = data.decode("utf-8")
    lines = text.split("\n")
    assert lines[0] == "# Referat: Eksempel"
    assert "Møtedato: 2026-11-20  " in lines
    assert "Deltakere: Fylkesdirektør Kari Nordmann, kommunedirektør Ola Hansen,  " in lines
    assert "NAV\\-leder Per \\| Pål  " in lines
    assert "### 1.1 Er partene enige?" in lines and "### 2.2 Velg ett\\." in lines
    assert "- Svar: Delvis" in lines
    assert "- Vedtak: Partene lager felles budsjett\\." in lines
    assert "- Notat: Må avklares med «kommunen» & staten\\." in lines
    table = lines[lines.index("## Tiltak") + 2 :]
    table = table[: table.index("")]
    assert table[0] == "| Nr. | Punkt | Tiltak | Ansvarlig | Frist | Status |"
    assert table[1] == "| --- | --- | --- | --- | --- | --- |"
    # Every row has exactly six cells: escaped pipes and line breaks never split a cell or a row.
    for row in table:
        cells = [c for c in row.replace("\\|", "").split("|")][1:-1]
        assert len(cells) == 6, row
    assert (
        "| 1\\.1 | Er partene enige? | Lage utkast \\| budsjett<br>med vedlegg | Stat \\(Ola\\) | 2027-01-15 | Åpen |"
        in table
    )
    assert "| 2\\.2 | Velg ett\\. | Avklare valget | Begge \\(Kari\\) | 2027-02-01 | Åpen |" in table
    assert "<script" not in text


def test_markdown_minutes_escape_hostile_text() -> None:
    api.load_definition(definition_data("1.1"))
    given = answers()
    given["forste"]["actions"] = [{"what": "<b>Fet</b> [lenke](javascript:x) `kode`", "done": False}]
    result = api.export("eksempel", "referat-md", {**walkthrough(), "participants": "**Alle**"}, given, {}, TODAY)
    text = base64.b64decode(result["base64"]).decode("utf-8")
    assert "\\<b\\>Fet\\</b\\> \\[lenke\\]\\(javascript:x\\) \\`kode\\`" in text
    assert "Deltakere: \\*\\*Alle\\*\\*" in text
