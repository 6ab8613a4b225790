"""Every export format, parsed back and checked (standard library only, so it also runs under Pyodide)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile

import pytest
from samples import answers, definition_data, walkthrough, xlsx_rows

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
    return result.filename, result.data


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


def test_markdown_is_readable_as_plain_text() -> None:
    _, data = run("markdown")
    text = data.decode("utf-8")
    assert text.startswith("# Eksempel\n")
    assert "### 1.1 Er partene enige?" in text
    assert "- Svar: Delvis" in text
    # Only what would change the rendering is escaped: no «1\.0», «\(», «\-» or «\.» in ordinary text.
    assert "- Ansvar: Begge, Kari, frist 31. desember 2026" in text
    assert "## 1.0 Første del" in text and "Sjekklisteversjon: 1.1  " in text
    assert "- Notat: Må avklares med «kommunen» & staten." in text
    assert "\\" not in text
    assert "Fremdrift: 4 av 5 besvart" in text
    assert "- Svar: Ikke besvart" in text
    assert "Eksportert: 24. november 2026" in text


@pytest.mark.parametrize(
    "typed,shown",
    [
        ("Versjon 1.0 av NAV-kontoret (stat) og (kommune)!", "Versjon 1.0 av NAV-kontoret (stat) og (kommune)!"),
        ("snake_case og e-post@nav.no. 2. juni", "snake_case og e-post@nav.no. 2. juni"),
        ("*viktig* og _understreket_", "\\*viktig\\* og \\_understreket\\_"),
        ("<b>fet</b> [lenke](x) `kode` ~~slett~~", "\\<b>fet\\</b> \\[lenke](x) \\`kode\\` \\~\\~slett\\~\\~"),
        ("&amp; og & og \\n og \\", "\\&amp; og & og \\n og \\\\"),
    ],
    ids=["ordinary", "words", "emphasis", "inline-markup", "entities-and-backslashes"],
)
def test_markdown_escapes_only_what_changes_the_rendering(typed: str, shown: str) -> None:
    from partnerskap.engine import markdown

    assert markdown.text(typed) == shown


def test_markdown_line_starts_never_open_a_block() -> None:
    from partnerskap.engine import markdown

    typed = "a\n# overskrift\n~~~\n```\n> sitat\n- liste\n1. liste\n2) liste\n===\n---\n***\n   innrykket\n|---|---|"
    assert markdown.text(typed).split("  \n") == [
        "a",
        "\\# overskrift",
        "\\~\\~\\~",
        "\\`\\`\\`",
        "\\> sitat",
        "\\- liste",
        "1\\. liste",
        "2\\) liste",
        "\\===",
        "\\---",
        "\\*\\*\\*",
        "innrykket",
        "\\|---\\|---\\|",
    ]
    # The first line follows «- Notat: », so it needs no block escapes unless it starts a line.
    assert markdown.text("# a") == "# a" and markdown.text("# a", at_start=True) == "\\# a"
    assert markdown.heading("Nummer #") == "Nummer \\#"
    assert markdown.cell("a | b\nc") == "a \\| b<br>c"


def test_markdown_lists_the_actions() -> None:
    _, data = run_meeting("markdown")
    lines = data.decode("utf-8").split("\n")
    table = lines[lines.index("## Tiltak") + 2 :]
    assert table[:5] == [
        "| Nr. | Punkt | Tiltak | Ansvarlig | Frist | Utført |",
        "| --- | --- | --- | --- | --- | --- |",
        "| 1.1 | Er partene enige? | Lage utkast \\| budsjett<br>med vedlegg | Stat, Ola | 15. januar 2027 | Nei |",
        "| 2.2 | Velg ett. | Avklare valget | Begge, Kari | 1. februar 2027 | Nei |",
        "| 1.1 | Er partene enige? | Kalle inn til møte | Kommune |  | Ja |",
    ]


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
    return result.filename, result.data


def _xlsx_cells(data: bytes, sheet: int) -> list[list[ET.Element]]:
    root = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(f"xl/worksheets/sheet{sheet}.xml"))
    return [list(row.iterfind("s:c", NS)) for row in root.iterfind(".//s:row", NS)]


def _sheet_names(data: bytes) -> list[str]:
    workbook = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml"))
    return [sheet.get("name") for sheet in workbook.iter(f"{{{NS['s']}}}sheet")]


def test_xlsx_holds_the_answers() -> None:
    _, data = run("xlsx")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert {"[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"} <= set(
        archive.namelist()
    )
    rows = xlsx_rows(data)
    assert rows[0][0] == "Avsnitt" and rows[0][-1] == "Tiltak"
    assert rows[1][3:6] == ["Er partene enige?", "Delvis", "Må avklares med «kommunen» & staten."]


def test_xlsx_has_actions_and_the_meetings_metadata_with_real_dates() -> None:
    _, data = run_meeting("xlsx")
    assert _sheet_names(data) == ["Svar", "Tiltak", "Om gjennomgangen"]
    actions = xlsx_rows(data, 2)
    assert actions[0] == ["Nr.", "Punkt-id", "Punkt", "Tiltak", "Ansvarlig", "Navn", "Frist", "Utført"]
    # Sorted by due date; a date is Excel's serial number (days since 1899-12-30) in a date-formatted cell.
    what = "Lage utkast | budsjett\nmed vedlegg"
    assert actions[1] == ["1.1", "forste", "Er partene enige?", what, "Stat", "Ola", "46402", "Nei"]
    assert [row[3] for row in actions[1:]] == [what, "Avklare valget", "Kalle inn til møte"]
    styles = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml"))
    formats = [xf.get("numFmtId") for xf in styles.find("s:cellXfs", NS)]
    due = _xlsx_cells(data, 2)[1][6]
    assert formats[int(due.get("s"))] == "14" and due.get("t") is None  # the built-in short date format
    answers_due = _xlsx_cells(data, 1)[1][8]
    assert formats[int(answers_due.get("s"))] == "14" and answers_due.find("s:v", NS).text == "46387"  # 2026-12-31
    meta = {row[0]: row[1:] for row in xlsx_rows(data, 3)[1:]}
    assert meta["Gjennomgang"] == ["Partnerskapsmøte NAV Narvik 2026"]
    assert meta["Møtedato"] == ["46346"]  # 2026-11-20
    assert meta["Deltakere"] == ["Fylkesdirektør Kari Nordmann\nkommunedirektør Ola Hansen\nNAV-leder Per | Pål"]
    assert meta["Sjekkliste-id"] == ["eksempel"] and meta["Sjekklisteversjon"] == ["1.1"]
    assert float(meta["Eksportert (UTC)"][0]) > 46000


def test_csv_of_actions_is_a_second_file() -> None:
    name, data = run_meeting("csv-tiltak")
    assert name == "eksempel-partnerskapsmote-nav-narvik-2026-tiltak-2026-11-24.csv"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Nr.", "Punkt-id", "Punkt", "Tiltak", "Ansvarlig", "Navn", "Frist", "Utført"],
        [
            "1.1",
            "forste",
            "Er partene enige?",
            "Lage utkast | budsjett\nmed vedlegg",
            "Stat",
            "Ola",
            "2027-01-15",
            "Nei",
        ],
        ["2.2", "valg", "Velg ett.", "Avklare valget", "Begge", "Kari", "2027-02-01", "Nei"],
        ["1.1", "forste", "Er partene enige?", "Kalle inn til møte", "Kommune", "", "", "Ja"],
    ]
    _, answers_csv = run_meeting("csv")
    answer_rows = list(csv.reader(io.StringIO(answers_csv.decode("utf-8-sig")), delimiter=";"))
    assert {len(row) for row in answer_rows} == {13}  # one table: every row as wide as the header
    assert answer_rows[1][12] == (
        "Lage utkast | budsjett\nmed vedlegg (Stat, Ola, frist 15. januar 2027)\nKalle inn til møte (Kommune, utført)"
    )


def _docx(data: bytes) -> tuple[list[str], list[str], list[list[str]]]:
    """Paragraph texts (bold prefix and text joined by a line break), heading texts, and the action table's rows."""
    document = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    body = list(document.iterfind("w:body/w:p", NS))
    paragraphs = [
        "\n".join("".join(t.text or "" for t in r.iterfind(".//w:t", NS)) for r in p.iterfind("w:r", NS)) for p in body
    ]
    styles = [p.find("w:pPr/w:pStyle", NS) for p in body]
    headings = [
        text
        for text, style in zip(paragraphs, styles, strict=True)
        if style is not None and style.get(f"{{{NS['w']}}}val").startswith("Heading")
    ]
    table = document.find(".//w:tbl", NS)
    rows = [
        ["".join(t.text or "" for t in c.iterfind(".//w:t", NS)) for c in row.iterfind("w:tc", NS)]
        for row in (table.iterfind("w:tr", NS) if table is not None else [])
    ]
    return paragraphs, headings, rows


def test_minutes_show_participants_meeting_date_decisions_and_actions() -> None:
    name, data = run_meeting("referat")
    assert name == "eksempel-partnerskapsmote-nav-narvik-2026-referat-2026-11-24.docx"
    paragraphs, headings, rows = _docx(data)
    assert headings[:5] == ["Referat: Eksempel", "Vedtak", "Tiltak", "Svart Nei eller Delvis", "Punkt for punkt"]
    assert "1.1 Er partene enige?" in headings and "2.2 Velg ett." in headings  # an item with only an action
    assert "Møtedato: \n20. november 2026" in paragraphs
    assert not any(p.startswith("Dato:") for p in paragraphs)
    start = paragraphs.index("Deltakere:\n") + 1
    people = ["Fylkesdirektør Kari Nordmann", "kommunedirektør Ola Hansen", "NAV-leder Per | Pål"]
    assert paragraphs[start : start + 3] == people
    assert "1.1 Er partene enige?: \nPartene lager felles budsjett." in paragraphs
    assert "Tiltak: \nKalle inn til møte (Kommune, utført)" in paragraphs
    assert "Ansvar: \nBegge, Kari, frist 31. desember 2026" in paragraphs
    # Only actions are actions: the item's own note, owner and due date stay with the item.
    assert rows == [
        ["Nr.", "Punkt", "Tiltak", "Ansvarlig", "Frist", "Utført"],
        ["1.1", "Er partene enige?", "Lage utkast | budsjettmed vedlegg", "Stat, Ola", "15. januar 2027", "Nei"],
        ["2.2", "Velg ett.", "Avklare valget", "Begge, Kari", "1. februar 2027", "Nei"],
        ["1.1", "Er partene enige?", "Kalle inn til møte", "Kommune", "", "Ja"],
    ]
    ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/numbering.xml"))


def test_minutes_without_meeting_fields_carry_the_export_date() -> None:
    _, data = run("referat")
    paragraphs, _, rows = _docx(data)
    assert "Dato: \n24. november 2026" in paragraphs and "Ingen deltakere er registrert." in paragraphs
    assert not any(p.startswith("Møtedato") for p in paragraphs)
    assert rows == [] and "Ingen tiltak er registrert." in paragraphs


def test_markdown_minutes_have_the_same_content_and_a_sound_action_table() -> None:
    name, data = run_meeting("referat-md")
    assert name == "eksempel-partnerskapsmote-nav-narvik-2026-referat-2026-11-24.md"
    text = data.decode("utf-8")
    lines = text.split("\n")
    assert lines[0] == "# Referat: Eksempel"
    assert "Møtedato: 20. november 2026  " in lines
    start = lines.index("Deltakere:") + 2
    people = ["- Fylkesdirektør Kari Nordmann", "- kommunedirektør Ola Hansen", "- NAV-leder Per | Pål"]
    assert lines[start : start + 3] == people
    assert "#### 1.1 Er partene enige?" in lines and "#### 2.2 Velg ett." in lines
    assert "- Svar: Delvis" in lines
    assert "- 1.1 Er partene enige?: Partene lager felles budsjett." in lines
    assert "- Notat: Må avklares med «kommunen» & staten." in lines
    assert "- 1.1 Er partene enige?: Delvis" in lines[lines.index("## Svart Nei eller Delvis") :]
    table = lines[lines.index("## Tiltak") + 2 :]
    table = table[: table.index("")]
    assert table[0] == "| Nr. | Punkt | Tiltak | Ansvarlig | Frist | Utført |"
    assert table[1] == "| --- | --- | --- | --- | --- | --- |"
    # Every row has exactly six cells: escaped pipes and line breaks never split a cell or a row.
    for row in table:
        cells = [c for c in row.replace("\\|", "").split("|")][1:-1]
        assert len(cells) == 6, row
    row = "| 1.1 | Er partene enige? | Lage utkast \\| budsjett<br>med vedlegg | Stat, Ola | 15. januar 2027 | Nei |"
    assert row in table
    assert "| 2.2 | Velg ett. | Avklare valget | Begge, Kari | 1. februar 2027 | Nei |" in table
    assert "<script" not in text


def test_markdown_minutes_escape_hostile_text() -> None:
    api.load_definition(definition_data("1.1"))
    given = answers()
    given["forste"]["actions"] = [{"what": "<b>Fet</b> [lenke](javascript:x) `kode`", "done": False}]
    result = api.export("eksempel", "referat-md", {**walkthrough(), "participants": "**Alle**"}, given, {}, TODAY)
    text = result.data.decode("utf-8")
    assert "\\<b>Fet\\</b> \\[lenke](javascript:x) \\`kode\\`" in text
    assert "- \\*\\*Alle\\*\\*" in text


def test_loading_gives_the_structure_views_show() -> None:
    """Meeting mode takes sections, numbers and titles from here, not from the page's markup."""
    loaded = api.load_definition(definition_data("1.1"))
    first = loaded["sections"][0]
    assert first["id"] == "del-en" and first["title"] == "1.0 Første del"
    assert first["items"][0]["id"] == "forste" and first["items"][0]["number"] == "1.1"
    assert first["items"][0]["title"].startswith("1.1 ")
    assert sum(len(section["items"]) for section in loaded["sections"]) == loaded["items"]
    assert [owner["value"] for owner in loaded["owners"]] == ["stat", "kommune", "begge"]
