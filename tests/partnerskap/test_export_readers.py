"""Exports opened by real readers: openpyxl (Excel), python-docx (Word) and markdown-it-py (CommonMark + tables).

CPython only (none of the readers is in Pyodide); tests/engine/test_minutes.py checks the same with the
standard library, in both.
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

import docx
import openpyxl
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))

from samples import answer_file, survey_definition_data
from test_minutes import export, model

from partnerskap.engine import api, minutes


def test_excel_due_dates_and_meeting_date_are_dates() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(export("xlsx")))
    assert workbook.sheetnames == ["Svar", "Tiltak", "Om gjennomgangen"]
    answers = workbook["Svar"]
    header = [cell.value for cell in answers[1]]
    due = header.index("Frist") + 1
    assert answers.cell(row=2, column=due).value == datetime.datetime(2026, 12, 31)
    assert answers.cell(row=2, column=due).is_date
    actions = [[cell.value for cell in row] for row in workbook["Tiltak"].iter_rows(min_row=2)]
    assert [(row[3], row[6], row[7]) for row in actions] == [
        ("Avklare", datetime.datetime(2026, 12, 1), "Nei"),
        ("Lage *utkast* | budsjett", datetime.datetime(2027, 1, 15), "Nei"),
        ("Kalle inn", None, "Ja"),
    ]
    meta = {row[0].value: row[1].value for row in workbook["Om gjennomgangen"].iter_rows(min_row=2)}
    assert meta["Møtedato"] == datetime.datetime(2026, 11, 20)
    assert meta["Deltakere"] == "Kari Nordmann (stat)\nOla Hansen\nPer *Pål*"
    assert meta["Sjekkliste-id"] == "eksempel" and meta["Sjekklisteversjon"] == "1.1"
    exported = meta["Eksportert (UTC)"]
    assert isinstance(exported, datetime.datetime)
    assert abs(exported - datetime.datetime.now(datetime.UTC).replace(tzinfo=None)) < datetime.timedelta(minutes=5)


def test_word_minutes_read_by_python_docx_agree_with_the_model() -> None:
    found = model()
    document = docx.Document(io.BytesIO(export("referat")))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Heading 1", found["title"])
    bullets = [text for style, text in paragraphs if style == "List Bullet"]
    assert bullets[: len(found["participants"])] == found["participants"]
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [found["labels"]["actions.columns"], *(minutes.action_row(a) for a in found["actions"])]
    for section in found["sections"]:
        assert ("Heading 3", section["title"]) in paragraphs
        for entry in section["items"]:
            start = paragraphs.index(("Heading 4", entry["title"]))
            end = next((i for i in range(start + 1, len(paragraphs)) if paragraphs[i][0].startswith("Heading")), None)
            shown = [text for _, text in paragraphs[start + 1 : end]]
            assert shown == [f"{label}: {value}" for label, value in minutes.item_lines(entry)]


def _inline_text(token) -> str:
    return "".join("\n" if c.type in ("softbreak", "hardbreak") else c.content for c in token.children or [])


def test_markdown_minutes_rendered_by_markdown_it_agree_with_the_model() -> None:
    found = model()
    tokens = MarkdownIt("commonmark").enable("table").parse(export("referat-md").decode("utf-8"))
    # Headings, in order, with what a reader sees.
    headings = [(t.tag, _inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    expected = [("h1", found["title"]), ("h2", "Vedtak"), ("h2", "Tiltak"), ("h2", "Svart Nei eller Delvis")]
    expected.append(("h2", "Punkt for punkt"))
    for section in found["sections"]:
        expected.append(("h3", section["title"]))
        expected += [("h4", entry["title"]) for entry in section["items"]]
    assert headings == expected
    # Each item's list: exactly the model's lines, the note's «# …», «~~~» and «1.» lines kept as text.
    for section in found["sections"]:
        for entry in section["items"]:
            index = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content.endswith(entry["title"]))
            end = next((i for i in range(index + 1, len(tokens)) if tokens[i].type == "heading_open"), len(tokens))
            items = [_inline_text(t) for t in tokens[index + 1 : end] if t.type == "inline"]
            assert items == [f"{label}: {value}" for label, value in minutes.item_lines(entry)]
    assert not [t for t in tokens if t.type in ("fence", "code_block", "html_block")]
    assert sum(t.type == "table_open" for t in tokens) == 1  # the action table, one row per action
    start = next(i for i, t in enumerate(tokens) if t.type == "table_open")
    end = next(i for i, t in enumerate(tokens) if t.type == "table_close")
    body = [_inline_text(t) for t in tokens[start:end] if t.type == "inline"]
    width = len(found["labels"]["actions.columns"])
    rows = [body[i : i + width] for i in range(0, len(body), width)]
    expected_rows = [found["labels"]["actions.columns"], *(minutes.action_row(a) for a in found["actions"])]
    assert [[cell.replace("<br>", "\n") for cell in row] for row in rows] == expected_rows


def test_answer_markdown_keeps_ordinary_text_unescaped_and_lists_actions() -> None:
    text = export("markdown").decode("utf-8")
    assert "Versjon 1.0 gjelder fra 1. januar (for NAV-kontoret)." in text
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert sum(t.type == "table_open" for t in tokens) == 1
    assert "Lage *utkast* | budsjett" in [_inline_text(t) for t in tokens if t.type == "inline"]


def test_combined_excel_has_one_row_per_respondent_and_one_column_per_item() -> None:
    data = survey_definition_data()
    api.load_definition(data)
    files = [
        {
            "name": "a.json",
            "text": answer_file(data, "Nordland", {"kommuner": {"value": 44}, "enig": {"value": "Enig"}}),
        },
        {"name": "b.json", "text": answer_file(data, "Troms", {"kommuner": {"value": 25}})},
    ]
    reply = api.export_combined("undersokelse", files, "xlsx", "2026-11-24")
    workbook = openpyxl.load_workbook(io.BytesIO(reply.data))
    sheet = [[cell.value for cell in row] for row in workbook["Per respondent"].iter_rows()]
    assert sheet[0][:4] == ["Respondent", "Fil", "1.1 Hva heter avdelingen eller fylket?", "1.2 Hvor mange kommuner?"]
    assert len(sheet[0]) == 2 + 5
    assert sheet[1] == ["Nordland", "a.json", None, 44, None, None, "Enig"]
    assert sheet[2] == ["Troms", "b.json", None, 25, None, None, None]
    items = workbook["Per punkt"]
    distribution = {row[2].value: row[5].value for row in items.iter_rows(min_row=2)}
    assert distribution["enig"] == "Enig: 1 (100\u00a0%), Uenig: 0 (0\u00a0%)"


def _widths(sheet) -> list[int]:
    """Column widths as set by the engine (XlsxWriter stores them with Excel's padding of under one
    character, and one range for neighbouring columns of the same width)."""
    widths: dict[int, int] = {}
    for dimension in sheet.column_dimensions.values():
        for column in range(dimension.min, dimension.max + 1):
            widths[column] = int(dimension.width)
    return [widths.get(column, 0) for column in range(1, max(widths) + 1)]


def test_excel_sheets_have_their_widths_a_frozen_bold_header_and_text_kept_as_text() -> None:
    from partnerskap.engine.exports import ACTION_WIDTHS, COLUMN_WIDTHS, META_WIDTHS

    api.load_definition(survey_definition_data())
    hostile = {"value": 3, "note": '=HYPERLINK("https://example.org","x")\nhttps://example.org'}
    workbook = openpyxl.load_workbook(
        io.BytesIO(api.export("undersokelse", "xlsx", {"name": "Møte"}, {"kommuner": hostile}, {}, "2026-11-24").data)
    )
    for name, widths in (("Svar", COLUMN_WIDTHS), ("Tiltak", ACTION_WIDTHS), ("Om gjennomgangen", META_WIDTHS)):
        sheet = workbook[name]
        assert _widths(sheet)[: len(widths)] == widths, name
        assert sheet.freeze_panes == "A2", name
        assert all(cell.font.b for cell in sheet[1] if cell.value is not None), name
    answers = workbook["Svar"]
    note_column = [cell.value for cell in answers[1]].index("Notat") + 1
    row = next(r for r in range(2, answers.max_row + 1) if answers.cell(row=r, column=3).value == "kommuner")
    note = answers.cell(row=row, column=note_column)
    # A note is text: never a formula, never turned into a link, wrapped at the top of its cell.
    assert note.data_type == "s" and note.value == hostile["note"] and note.hyperlink is None
    assert note.alignment.wrap_text and note.alignment.vertical == "top"
    number = answers.cell(row=row, column=[cell.value for cell in answers[1]].index("Svar") + 1)
    assert number.value == "3"  # a number item's answer is shown as its label, as in CSV


def test_combined_excel_sheets_have_their_widths() -> None:
    from partnerskap.engine.combine import ITEM_WIDTHS

    data = survey_definition_data()
    api.load_definition(data)
    files = [{"name": "a.json", "text": answer_file(data, "Nordland", {"kommuner": {"value": 44}})}]
    workbook = openpyxl.load_workbook(io.BytesIO(api.export_combined("undersokelse", files, "xlsx", "2026-11-24").data))
    assert workbook.sheetnames == ["Per punkt", "Per respondent", "Tabell"]
    assert _widths(workbook["Per punkt"]) == ITEM_WIDTHS
    assert _widths(workbook["Per respondent"]) == [30, 20, *([24] * 5)]
    assert _widths(workbook["Tabell"])[:3] == [30, 16, 16]
    assert all(workbook[name].freeze_panes == "A2" for name in workbook.sheetnames)
