"""Importing answer files: everything malformed, foreign or hostile is refused with a Norwegian message."""

from __future__ import annotations

import json

import pytest
from samples import definition, document

from partnerskap.engine.answers import ImportProblem, parse_answer_file
from partnerskap.engine.rules import MAX_IMPORT_BYTES


def dump(doc) -> str:
    return json.dumps(doc, ensure_ascii=False)


def test_round_trip_of_an_export_is_accepted() -> None:
    doc = document()
    assert parse_answer_file(dump(doc), definition()) == doc


def broken(change) -> str:
    doc = document()
    change(doc)
    return dump(doc)


def _set(path, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


BAD_FILES = [
    ("not-json", "dette er ikke json", "ikke gyldig JSON"),
    ("truncated", dump(document())[:-40], "avkortet"),
    ("empty", "", "tom"),
    ("array", "[1, 2]", "ikke en svarfil"),
    ("other-format", json.dumps({"format": "noe-annet"}), "ikke en svarfil"),
    ("newer-format", broken(_set(["format_version"], 99)), "nyere versjon"),
    (
        "other-checklist",
        broken(_set(["checklist", "id"], "partnerskapsavtale")),
        "gjelder sjekklisten «partnerskapsavtale»",
    ),
    ("unknown-top-key", broken(_set(["__proto__"], {"x": 1})), "ukjente felter"),
    ("unknown-answer-key", broken(_set(["answers", "forste", "onclick"], "x")), "ukjente felter"),
    (
        "script-in-note",
        broken(_set(["answers", "forste", "note"], "<script>alert(1)</script>")),
        "skript eller aktivt HTML-innhold",
    ),
    (
        "img-onerror",
        broken(_set(["walkthrough", "name"], '<img src=x onerror="alert(1)">')),
        "skript eller aktivt HTML-innhold",
    ),
    (
        "javascript-url",
        broken(_set(["answers", "forste", "owner_name"], "javascript:alert(1)")),
        "skript eller aktivt HTML-innhold",
    ),
    ("invalid-value", broken(_set(["answers", "forste", "value"], "kanskje")), "finnes ikke blant svaralternativene"),
    ("number-as-text", broken(_set(["answers", "antall", "value"], "7")), "heltall"),
    ("number-out-of-range", broken(_set(["answers", "antall", "value"], -1)), "kan ikke være mindre enn 0"),
    ("bad-owner", broken(_set(["answers", "forste", "owner"], "fylket")), "Ukjent ansvarlig"),
    ("bad-date", broken(_set(["answers", "forste", "due"], "2026-02-30")), "Ugyldig frist"),
    ("bad-item-id", broken(_set(["answers", "Ugyldig Id!"], {"value": "ja"})), "ugyldig id"),
    ("answers-not-object", broken(_set(["answers"], [])), "feil form"),
    ("no-name", broken(_set(["walkthrough", "name"], " ")), "mangler navn"),
    ("long-note", broken(_set(["answers", "forste", "note"], "x" * 30_000)), "for lang"),
]


@pytest.mark.parametrize("text,message", [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES])
def test_bad_files_are_refused_with_a_clear_message(text, message) -> None:
    with pytest.raises(ImportProblem) as caught:
        parse_answer_file(text, definition())
    assert message in str(caught.value)


def test_huge_file_is_refused_before_parsing() -> None:
    with pytest.raises(ImportProblem, match="for stor"):
        parse_answer_file("{" + " " * (MAX_IMPORT_BYTES + 1) + "}", definition())


def test_ordinary_text_with_signs_and_harmless_tags_is_kept() -> None:
    doc = document()
    note = "Færre enn 5 < 10 ansatte; kontoret=åpent; <b>viktig</b>; onsdag = møtedag"
    doc["answers"]["forste"]["note"] = note
    assert parse_answer_file(dump(doc), definition())["answers"]["forste"]["note"] == note


def test_messages_name_an_item_by_number_and_text_cut_at_a_word() -> None:
    from partnerskap.engine.answers import known_item_name
    from partnerskap.engine.definition import ItemRef

    text = "Prinsipp- og handlingsprogrammet til NTL NAV sa at NTL NAV skulle arbeide for statlige Nav-kontor"
    ref = ItemRef({"id": "statlige-nav-kontor", "text": text}, {}, "13 a")
    assert known_item_name(ref) == "punkt 13 a («Prinsipp- og handlingsprogrammet til NTL NAV sa at NTL NAV…»)"
    assert known_item_name(ItemRef({"id": "kort", "text": "Er partene enige?"}, {}, "1.1")) == (
        "punkt 1.1 («Er partene enige?»)"
    )
