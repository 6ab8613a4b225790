"""The engine's exports under the fault corpus, opened by real readers: openpyxl and a CommonMark renderer.

CPython only (neither reader is in Pyodide); tests/engine/test_faults.py covers the rest in both.
"""

from __future__ import annotations

import io
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
from markdown_it import MarkdownIt
from markdown_it.token import Token

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))

from fault_corpus import (
    TODAY,
    all_exports,
    call,
    hostile_answers,
    hostile_walkthrough,
)
from samples import answer_file, definition, survey_definition_data

from partnerskap.engine import api

ARCHIVED = {"gammel": {"value": "ja", "text": "Et fjernet punkt", "note": "```\n# ikke en overskrift\n~~~"}}


def _headings(markdown: str) -> list[tuple[str, str, int]]:
    """(tag, text, index in the token stream) of every heading a CommonMark renderer finds."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [
        (token.tag, _shown(tokens[index + 1]), index)
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def _shown(token: Token) -> str:
    """What a reader sees of an inline token: its text, with line breaks."""
    return "".join(
        "\n" if child.type in ("softbreak", "hardbreak") else child.content for child in token.children or []
    )


def _text_between(markdown: str, start: int, end: int | None) -> str:
    tokens = MarkdownIt("commonmark").parse(markdown)[start:end]
    return "\n".join(_shown(token) for token in tokens if token.type == "inline")


def test_markdown_export_has_one_heading_per_section_and_item_with_each_note_under_its_item() -> None:
    files = all_exports(hostile_walkthrough(), hostile_answers(), ARCHIVED)
    text = files["markdown"].decode("utf-8")
    headings = _headings(text)
    tags = [tag for tag, _, _ in headings]
    sections = definition().sections
    assert tags.count("h1") == 1
    assert tags.count("h2") == len(sections) + 2  # and the archived answers, and the actions
    assert tags.count("h3") == len(definition().items)
    assert [content for tag, content, _ in headings if tag == "h2"][:2] == [s["title"] for s in sections]
    items = [(content, index) for tag, content, index in headings if tag == "h3"]
    following = [index for _, _, index in headings]
    given = hostile_answers()
    numbers = {ref.number: ref.id for ref in definition().items}
    for content, index in items:
        end = next((i for i in following if i > index), None)
        body = _text_between(text, index, end)
        note = given.get(numbers[content.split()[0]], {}).get("note", "")
        assert body.count("Notat:") == (1 if note else 0), content
        for line in note.replace("\r\n", "\n").replace("\r", "\n").replace("\ud800", "\ufffd").split("\n"):
            assert line.strip().translate({0x202E: None, 0x202C: None, 0x2066: None, 0x2069: None}) in body, line
    tokens = MarkdownIt("commonmark").parse(text)
    assert not [t for t in tokens if t.type in ("fence", "code_block", "html_block", "blockquote_open", "hr")]


def test_markdown_minutes_keep_the_same_structure() -> None:
    files = all_exports(hostile_walkthrough(), hostile_answers(), {})
    text = files["referat-md"].decode("utf-8")
    headings = _headings(text)
    tags = [tag for tag, _, _ in headings]
    assert tags.count("h1") == 1
    # Decisions, actions, the items answered Nei or Delvis, and «Punkt for punkt».
    assert [content for tag, content, _ in headings if tag == "h2"] == [
        "Vedtak",
        "Tiltak",
        "Svart Nei eller Delvis",
        "Punkt for punkt",
    ]
    assert tags.count("h3") == len(definition().sections)
    assert tags.count("h4") == len(hostile_answers())  # the minutes show the items with content
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert not [t for t in tokens if t.type in ("fence", "code_block", "html_block", "blockquote_open", "hr")]
    assert [t for t in tokens if t.type == "table_open"]


def test_excel_files_open_in_openpyxl_with_the_text_kept() -> None:
    files = all_exports(hostile_walkthrough(), hostile_answers(), ARCHIVED)
    sheet = openpyxl.load_workbook(io.BytesIO(files["xlsx"])).active
    rows = {row[2]: row for row in ([cell.value for cell in cells] for cells in sheet.iter_rows(min_row=2))}
    assert list(rows) == [ref.id for ref in definition().items] + ["gammel"]
    for item_id in ("forste", "antall", "skala"):
        assert "# Ikke en overskrift" in rows[item_id][5] and "ulovlig  og  og  og \x7f slutt" in rows[item_id][5]
        assert rows[item_id][7] == "ulovlig  og  og  og \x7f slutt"
    assert rows["fritekst"][5] == "lone \ufffd surrogate stored earlier"
    assert rows["gammel"][5] == "```\n# ikke en overskrift\n~~~"


def test_minutes_docx_xml_parses_with_hostile_text() -> None:
    files = all_exports(hostile_walkthrough(), hostile_answers(), {})
    archive = zipfile.ZipFile(io.BytesIO(files["referat"]))
    document = ET.fromstring(archive.read("word/document.xml"))
    text = "".join(
        t.text or "" for t in document.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
    )
    assert "Møte teksten snus \ufffd" in text and "\u202e" not in text


def test_combined_excel_opens_with_hostile_respondents() -> None:
    data = survey_definition_data()
    api.load_definition(data)
    names = ["Nord\x01land", "Troms\uffff", "Finn\u202emark", "Vest<land>&\x1f"]
    files = [
        {
            "name": f"{index}\x02.json",
            "text": answer_file(data, name, {"kommuner": {"value": index + 1, "note": "~~~\x0b"}}, f"wt-{index}"),
        }
        for index, name in enumerate(names)
    ]
    reply = call("export_combined", checklist="undersokelse", files=files, kind="xlsx", today=TODAY)
    assert reply["ok"], reply
    workbook = openpyxl.load_workbook(io.BytesIO(reply["result"]["data"]))
    assert workbook.sheetnames == ["Per punkt", "Per respondent", "Tabell"]
    respondents = [row[0].value for row in workbook["Tabell"].iter_rows(min_row=2)]
    assert respondents == ["Nordland", "Troms", "Finnmark", "Vest<land>&", "Sum"]
    per_respondent = [row[0].value for row in workbook["Per respondent"].iter_rows(min_row=2)]
    assert per_respondent == ["Nordland", "Troms", "Finnmark", "Vest<land>&"]
