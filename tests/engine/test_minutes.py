"""The minutes: one model, and its four forms (the model, the screen/print data, Word, Markdown) agree item by item.

Standard library only (it also runs under Pyodide); tests/partnerskap/test_export_readers.py reads the
same files with python-docx and markdown-it-py.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

from samples import answers, definition, definition_data, walkthrough

from partnerskap.engine import api, minutes, textsafety
from partnerskap.engine.answers import new_document
from partnerskap.engine.definition import Definition
from partnerskap.engine.texts import date_text

TODAY = "2026-11-24"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def meeting() -> tuple[dict[str, Any], dict[str, Any]]:
    """A meeting with decisions, actions (dated, undated, done) and text that looks like Markdown."""
    walk = {
        **walkthrough(),
        "participants": "Kari Nordmann (stat)\nOla Hansen; Per *Pål*",
        "meeting_date": "2026-11-20",
    }
    given = answers()
    given["forste"]["decision"] = "Versjon 1.0 gjelder fra 1. januar (for NAV-kontoret)."
    given["forste"]["actions"] = [
        {"what": "Kalle inn", "owner": "kommune", "owner_name": "", "due": "", "done": True},
        {"what": "Lage *utkast* | budsjett", "owner": "stat", "owner_name": "Ola", "due": "2027-01-15", "done": False},
    ]
    given["skala"]["note"] = "# ikke en overskrift\n~~~\n1. ikke en liste"
    given["valg"] = {"value": None, "actions": [{"what": "Avklare", "owner": "begge", "due": "2026-12-01"}]}
    return walk, given


def model() -> dict[str, Any]:
    walk, given = meeting()
    doc = textsafety.deep(new_document(definition(), walk, given), textsafety.readable)
    return minutes.build(definition(), doc, TODAY)


def export(kind: str) -> bytes:
    api.load_definition(definition_data("1.1"))
    walk, given = meeting()
    return api.export("eksempel", kind, walk, given, {}, TODAY).data


def screen() -> dict[str, Any]:
    """What the page gets for the screen and print view, through the worker's JSON interface."""
    api.load_definition(definition_data("1.1"))
    walk, given = meeting()
    request = {
        "method": "minutes",
        "args": {"checklist": "eksempel", "walkthrough": walk, "answers": given, "today": TODAY},
    }
    reply = json.loads(api.handle(json.dumps(request)))
    assert reply["ok"], reply
    return reply["result"]


def word_blocks(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of every paragraph of the Word document, in order; table rows as ("Table", cells joined by «|»)."""
    body = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(f"{W}body")
    out = []
    for block in body:
        if block.tag == f"{W}p":
            style = block.find(f"{W}pPr/{W}pStyle")
            runs = ["\n".join(t.text or "" for t in r.iter(f"{W}t")) for r in block.iter(f"{W}r")]
            out.append((style.get(f"{W}val") if style is not None else "", "".join(runs)))
        elif block.tag == f"{W}tbl":
            for row in block.iter(f"{W}tr"):
                out.append(
                    ("Table", "|".join("".join(t.text or "" for t in c.iter(f"{W}t")) for c in row.iter(f"{W}tc")))
                )
    return out


def plain(markdown_line: str) -> str:
    """What a reader sees of a Markdown line: escapes removed, hard breaks as line breaks."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown_line.replace("  \n  ", "\n").replace("  \n", "\n"))


def markdown_blocks(text: str) -> list[str]:
    """The Markdown minutes' headings and list items, each as one plain-text entry (continuation lines joined)."""
    entries: list[str] = []
    for line in text.split("\n"):
        if line.startswith(("#", "- ", "| ")):
            entries.append(line)
        elif line.startswith("  ") and entries:
            entries[-1] += "\n" + line[2:]
    return [entry if entry.startswith("| ") else plain(entry) for entry in entries]  # table cells: see below


def test_the_model_has_the_meeting_decisions_sorted_actions_and_follow_up() -> None:
    found = model()
    assert found["date_text"] == "20. november 2026" and found["date_is_meeting_date"]
    assert found["participants"] == ["Kari Nordmann (stat)", "Ola Hansen", "Per *Pål*"]
    assert [d["title"] for d in found["decisions"]] == ["1.1 Er partene enige?"]
    # Sorted by due date, undated last.
    assert [(a["what"], a["due_text"]) for a in found["actions"]] == [
        ("Avklare", "1. desember 2026"),
        ("Lage *utkast* | budsjett", "15. januar 2027"),
        ("Kalle inn", ""),
    ]
    assert [(a["done"], a["done_text"]) for a in found["actions"]] == [(False, "Nei"), (False, "Nei"), (True, "Ja")]
    assert [(f["number"], f["answer"]) for f in found["follow_up"]] == [("1.1", "Delvis")]
    assert date_text("2026-11-30") == "30. november 2026" and date_text("") == ""


def test_the_model_lists_unanswered_items_and_where_each_action_sits_in_its_item() -> None:
    found = model()
    answered = {"forste", "antall", "skala", "fritekst"}
    every = [ref.id for ref in definition().items]
    # «valg» has only an action (no answer), so it is unanswered too.
    assert [entry["id"] for entry in found["unanswered"]] == [i for i in every if i not in answered]
    assert all(entry["title"].startswith(entry["number"] + " ") for entry in found["unanswered"])
    assert found["labels"]["minutes.unanswered"] == "Ikke besvart"
    # The index points back into the item's own list: the view ticks that one action.
    _, given = meeting()
    for action in found["actions"]:
        assert given[action["item"]]["actions"][action["index"]]["what"].strip() == action["what"]
        assert action["row"] == minutes.action_row(action)


def test_screen_data_is_the_model() -> None:
    assert screen() == json.loads(json.dumps(model()))


def test_word_agrees_with_the_model_item_by_item() -> None:
    found = model()
    blocks = word_blocks(export("referat"))
    texts = [text for _, text in blocks]
    people = [text for style, text in blocks if style == "ListBullet"][: len(found["participants"])]
    assert people == found["participants"]
    assert texts[1 : 1 + len(found["header"])] == [f"{line['label']}: {line['text']}" for line in found["header"]]
    for decision in found["decisions"]:
        assert f"{decision['title']}: {decision['decision']}" in texts
    table = [text for style, text in blocks if style == "Table"]
    assert table == ["|".join(found["labels"]["actions.columns"])] + [
        "|".join(minutes.action_row(action)).replace("\n", "") for action in found["actions"]
    ]
    for section in found["sections"]:
        assert ("Heading3", section["title"]) in blocks
        for entry in section["items"]:
            start = blocks.index(("Heading4", entry["title"]))
            end = next((i for i in range(start + 1, len(blocks)) if blocks[i][0].startswith("Heading")), len(blocks))
            shown = [text for _, text in blocks[start + 1 : end]]
            assert shown == [f"{label}: {value}" for label, value in minutes.item_lines(entry)], entry["id"]
            assert shown == [f"{line['label']}: {line['text']}" for line in entry["lines"]]  # what the screen shows


def test_markdown_agrees_with_the_model_item_by_item() -> None:
    found = model()
    blocks = markdown_blocks(export("referat-md").decode("utf-8"))
    assert [f"- {name}" for name in found["participants"]] == blocks[1 : 1 + len(found["participants"])]
    for decision in found["decisions"]:
        assert f"- {decision['title']}: {decision['decision']}" in blocks
    rows = [entry for entry in blocks if entry.startswith("| ") and "---" not in entry]
    cells = [[plain(cell).replace("<br>", "\n") for cell in re.split(r"(?<!\\) \| ", row[2:-2])] for row in rows]
    assert cells[1:] == [minutes.action_row(action) for action in found["actions"]]
    for section in found["sections"]:
        assert f"### {section['title']}" in blocks
        for entry in section["items"]:
            start = blocks.index(f"#### {entry['title']}")
            end = next((i for i in range(start + 1, len(blocks)) if blocks[i].startswith("#")), len(blocks))
            assert blocks[start + 1 : end] == [f"- {label}: {value}" for label, value in minutes.item_lines(entry)]


def test_the_screen_words_are_the_documents_words() -> None:
    found = screen()
    labels = found["labels"]
    assert labels["actions.columns"] == ["Nr.", "Punkt", "Tiltak", "Ansvarlig", "Frist", "Utført"]
    assert labels["meta.date"] == "Møtedato"
    blocks = word_blocks(export("referat"))
    assert ("Heading2", labels["minutes.decisions"]) in blocks and ("Heading2", labels["actions.heading"]) in blocks
    assert f"## {labels['minutes.follow_up']}" in export("referat-md").decode("utf-8")


def test_numbers_come_from_the_definition() -> None:
    """Section and item numbers are whatever the compiled definition gives (the sources' own, e.g. «2.1 a»)."""
    data = definition_data("1.1")
    data["sections"][0]["number"] = "7"
    data["sections"][0]["title"] = "Ansvar"
    data["sections"][0]["items"][0]["number"] = "7.1 a"
    numbered = Definition(data)
    given = {"forste": {"value": "nei", "decision": "Ja."}}
    doc = new_document(numbered, walkthrough(), given)
    found = minutes.build(numbered, doc, TODAY)
    assert found["sections"][0]["title"] == "7 Ansvar"
    assert found["decisions"][0]["title"] == "7.1 a Er partene enige?"
    assert found["follow_up"][0]["number"] == "7.1 a"
