"""The JSON Schema published with the site describes exactly what the engine exports and accepts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "engine"))
from samples import definition, document
from test_answers import BAD_FILES

from partnerskap.engine.answers import ImportProblem, parse_answer_file

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "docs" / "skjema" / "svarfil-v1.schema.json").read_text(encoding="utf-8")
)


def test_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_export_validates_against_the_schema() -> None:
    doc = document()
    doc["archived"] = {"gammel": {"value": "ja", "text": "Fjernet spørsmål", "archived_in_version": "1.1"}}
    doc["answers"]["forste"]["actions"] = [
        {"what": "Skrive utkast", "owner": "stat", "owner_name": "Ola", "due": "2027-01-15", "done": False}
    ]
    jsonschema.validate(doc, SCHEMA)
    parse_answer_file(json.dumps(doc), definition())


# Calendar validity (30 February) is beyond JSON Schema patterns: only the engine checks it.
STRUCTURAL = {
    "unknown-top-key",
    "unknown-answer-key",
    "bad-owner",
    "bad-item-id",
    "answers-not-object",
    "other-format",
    "newer-format",
    "long-note",
}


@pytest.mark.parametrize("case", [c for c in BAD_FILES if c[0] in STRUCTURAL], ids=lambda c: c[0])
def test_schema_rejects_what_the_engine_rejects(case) -> None:
    _, text, _ = case
    with pytest.raises(ImportProblem):
        parse_answer_file(text, definition())
    data = json.loads(text)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_export_with_meeting_fields_validates() -> None:
    doc = document()
    doc["walkthrough"]["participants"] = "Fylkesdirektør Kari Nordmann, kommunedirektør Ola Hansen, NAV-leder Per Olsen"
    doc["walkthrough"]["meeting_date"] = "2026-11-20"
    jsonschema.validate(doc, SCHEMA)
    assert parse_answer_file(json.dumps(doc), definition())["walkthrough"] == doc["walkthrough"]
    doc["walkthrough"]["meeting_date"] = ""
    jsonschema.validate(doc, SCHEMA)
    parse_answer_file(json.dumps(doc), definition())


BAD_MEETING_FIELDS = [
    ("participants-too-long", {"participants": "x" * 2001}, "for lang"),
    ("participants-not-text", {"participants": ["Kari"]}, "feil type"),
    ("meeting-date-format", {"meeting_date": "20.11.2026"}, "Ugyldig møtedato"),
    ("meeting-date-number", {"meeting_date": 20261120}, "Ugyldig møtedato"),
]


@pytest.mark.parametrize("case", BAD_MEETING_FIELDS, ids=lambda c: c[0])
def test_bad_meeting_fields_are_refused_by_engine_and_schema(case) -> None:
    _, fields, message = case
    doc = document()
    doc["walkthrough"].update(fields)
    with pytest.raises(ImportProblem, match=message):
        parse_answer_file(json.dumps(doc), definition())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_active_content_in_participants_is_refused() -> None:
    doc = document()
    doc["walkthrough"]["participants"] = "Kari <img src=x onerror=alert(1)>"
    with pytest.raises(ImportProblem, match="skript eller aktivt HTML-innhold i deltakerlisten"):
        parse_answer_file(json.dumps(doc), definition())
