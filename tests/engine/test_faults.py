"""The fault corpus through the engine's JSON interface: a Norwegian message, nothing lost, every export valid.

Standard library only, so it also runs under Pyodide (tests/pyodide).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import time
import xml.etree.ElementTree as ET
import zipfile

import pytest
from fault_corpus import (
    CHECKLIST,
    DEEP,
    REFUSED_FILES,
    TODAY,
    all_exports,
    call,
    file_text,
    good_document,
    hostile_answers,
    hostile_walkthrough,
    share_fragment,
    strict_json,
)
from samples import answer_file, answers, definition_data, survey_definition_data, walkthrough

from partnerskap.engine import api
from partnerskap.engine.textsafety import BIDI_CONTROLS, LONE_SURROGATE, XML_FORBIDDEN

NORWEGIAN = re.compile(r"[æøåÆØÅ]|\b(?:ikke|er|og|på|i|Filen|Svaret|Lenken)\b")


def _norwegian(message: str) -> None:
    assert message and NORWEGIAN.search(message), message
    assert "Traceback" not in message and "Error" not in message, message


def _assert_exports_valid(files: dict[str, bytes]) -> None:
    """JSON parses (strictly), CSV parses, Markdown has no raw fence or heading line from user text, OOXML parses."""
    doc = strict_json(files["json"].decode("utf-8"))
    assert doc["format"] == "partnerskap-svar"
    rows = list(csv.reader(io.StringIO(files["csv"].decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Avsnitt" and len(rows) > 5
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), row
    for kind in ("markdown", "referat-md"):
        text = files[kind].decode("utf-8")
        for line in text.splitlines():
            stripped = line.lstrip()
            assert not stripped.startswith(("```", "~~~", "<div", "> ")), line
            assert not re.match(r"#{1,6} ", stripped) or line.startswith("#"), line
    for kind, part in (("xlsx", "xl/worksheets/sheet1.xml"), ("referat", "word/document.xml")):
        archive = zipfile.ZipFile(io.BytesIO(files[kind]))
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ET.fromstring(archive.read(name))  # raises on any character XML 1.0 forbids
        assert XML_FORBIDDEN.search(archive.read(part).decode("utf-8")) is None


CASES = [case for case, _, _ in REFUSED_FILES]


@pytest.mark.parametrize("case,text,expected", REFUSED_FILES, ids=CASES)
def test_crafted_files_are_refused_with_a_norwegian_message(case, text, expected) -> None:
    api.load_definition(definition_data("1.1"))
    started = time.perf_counter()
    reply = call("parse_import", checklist=CHECKLIST, text=text)
    assert time.perf_counter() - started < 5, case
    assert reply["ok"] is False and reply["error"] == "user", (case, reply)
    assert expected in reply["message"], (case, reply["message"])
    _norwegian(reply["message"])


@pytest.mark.parametrize("case,text,expected", REFUSED_FILES, ids=CASES)
def test_crafted_share_links_are_refused_with_a_norwegian_message(case, text, expected) -> None:
    api.load_definition(definition_data("1.1"))
    fragment = share_fragment(text)
    reply = call("share_decode", checklist=CHECKLIST, fragment=fragment)
    if len(fragment) > 8000:
        assert reply["ok"] is False and "for lang" in reply["message"]
        return
    assert reply["ok"] is False and reply["error"] == "user", (case, reply)
    assert expected in reply["message"] or "lenken" in reply["message"].lower(), (case, reply["message"])
    _norwegian(reply["message"])


def test_existing_answers_are_untouched_and_exportable_after_every_refusal() -> None:
    given = answers()
    before = copy.deepcopy(given)
    for _, text, _ in REFUSED_FILES:
        call("parse_import", checklist=CHECKLIST, text=text)
    assert given == before
    _assert_exports_valid(all_exports(walkthrough(), given, {}))


def test_every_export_is_valid_with_hostile_text_in_every_field() -> None:
    files = all_exports(hostile_walkthrough(), hostile_answers(), {"gammel": {"value": "ja", "note": "~~~\n\ud800"}})
    _assert_exports_valid(files)
    for kind, data in files.items():
        if kind in ("xlsx", "referat"):
            continue
        text = data.decode("utf-8")
        assert not LONE_SURROGATE.search(text)
        if kind != "json":
            assert not BIDI_CONTROLS.search(text), kind
    doc = strict_json(files["json"].decode("utf-8"))
    assert doc["answers"]["fritekst"]["note"] == "lone \ufffd surrogate stored earlier"
    assert doc["walkthrough"]["participants"] == "Kari\n~~~\nOla\ufffd"


def test_a_repaired_export_imports_again() -> None:
    files = all_exports(hostile_walkthrough(), hostile_answers(), {})
    reply = call("parse_import", checklist=CHECKLIST, text=files["json"].decode("utf-8"))
    assert reply["ok"], reply
    assert reply["result"]["answers"]["fritekst"]["note"] == "lone \ufffd surrogate stored earlier"


def test_odd_stored_walkthrough_fields_still_give_an_export_that_imports() -> None:
    odd = {"id": "ugyldig id!", "name": 5, "created": "<b>", "participants": 7, "meeting_date": "i morgen"}
    files = all_exports(odd, answers(), {})
    reply = call("parse_import", checklist=CHECKLIST, text=files["json"].decode("utf-8"))
    assert reply["ok"], reply
    assert reply["result"]["walkthrough"] == {"name": "Gjennomgang"} and reply["result"]["record"] == {}


def test_share_link_of_stored_text_with_a_lone_surrogate_is_made_and_opens() -> None:
    api.load_definition(definition_data("1.1"))
    given = answers()
    given["forste"]["note"] = "halv \ud83d"
    shared = call("share_encode", checklist=CHECKLIST, walkthrough=walkthrough(), answers=given, archived={})
    assert shared["ok"], shared
    opened = call("share_decode", checklist=CHECKLIST, fragment=shared["result"]["fragment"])
    assert opened["ok"] and opened["result"]["answers"]["forste"]["note"] == "halv \ufffd"


def test_meeting_fields_survive_export_import_and_share_links() -> None:
    walk = {**walkthrough(), "participants": "Kari Nordmann\nOla Hansen", "meeting_date": "2026-11-20"}
    files = all_exports(walk, answers(), {})
    expected = {"created": walk["created"], "participants": walk["participants"], "meeting_date": "2026-11-20"}
    imported = call("parse_import", checklist=CHECKLIST, text=files["json"].decode("utf-8"))
    assert imported["result"]["record"] == expected
    shared = call("share_encode", checklist=CHECKLIST, walkthrough=walk, answers=answers(), archived={})
    opened = call("share_decode", checklist=CHECKLIST, fragment=shared["result"]["fragment"])
    assert opened["result"]["record"] == expected


def test_imported_names_lose_bidi_controls_for_confirmations() -> None:
    text = file_text(lambda doc: doc["walkthrough"].update(name="Møte \u202eabc\u202c i Narvik"))
    reply = call("parse_import", checklist=CHECKLIST, text=text)
    assert reply["result"]["walkthrough"]["name"] == "Møte abc i Narvik"
    compared = call(
        "compare",
        checklist=CHECKLIST,
        a={"name": "A \u202eB", "answers": answers()},
        b={"name": "C\u2067D", "answers": {}},
    )
    assert not BIDI_CONTROLS.search(json.dumps(compared, ensure_ascii=False))


def test_corrupt_stored_answers_are_listed_for_quarantine_and_the_rest_is_used() -> None:
    api.load_definition(definition_data("1.1"))
    stored = {**answers(), "valg": [None], "skala": {"value": "5", "note": ["liste"]}, "fritekst": None}
    for archived, bad_archive in (([None], ["*"]), ({"gammel": None}, ["gammel"]), ({"ok": {"value": "x"}}, [])):
        reply = call(
            "open_walkthrough",
            checklist=CHECKLIST,
            answers=stored,
            archived=archived,
            known_items=None,
            known_version=None,
        )
        assert reply["ok"], reply
        result = reply["result"]
        quarantined = {(q["where"], q["item"]) for q in result["quarantine"]}
        assert quarantined == {("answers", "valg"), ("answers", "skala"), ("answers", "fritekst")} | {
            ("archived", item) for item in bad_archive
        }
        assert set(result["answers"]) == {"forste", "antall"}
        for entry in result["quarantine"]:
            _norwegian(entry["reason"])
    for method, extra in (
        ("progress", {}),
        ("share_encode", {"walkthrough": walkthrough(), "archived": [None]}),
        ("minutes", {"walkthrough": walkthrough(), "today": TODAY, "archived": [None]}),
    ):
        assert call(method, checklist=CHECKLIST, answers=stored, **extra)["ok"]
    _assert_exports_valid(all_exports(walkthrough(), stored, {"gammel": None}))


def test_deep_nesting_in_combine_names_and_skips_only_that_file() -> None:
    data = survey_definition_data()
    api.load_definition(data)
    good = {"name": "troms.json", "text": answer_file(data, "Troms", {"kommuner": {"value": 3}})}
    huge = answer_file(data, "Stor", {"kommuner": {"value": 3}}).replace('"value": 3', '"value": ' + "9" * 5000)
    files = [
        {"name": "dyp.json", "text": DEEP},
        good,
        {"name": "stor.json", "text": huge},
        {"name": "stygg\u202e.json", "text": "[" * 100},
    ]
    reply = call("combine", checklist="undersokelse", files=files)
    assert reply["ok"], reply
    result = reply["result"]
    assert result["count"] == 1 and result["respondents"][0]["name"] == "Troms"
    skipped = {entry["file"]: entry["reason"] for entry in result["skipped"]}
    assert set(skipped) == {"dyp.json", "stor.json", "stygg.json"}
    assert "nestet for dypt" in skipped["dyp.json"] and "5000 sifre" in skipped["stor.json"]
    exported = call("export_combined", checklist="undersokelse", files=files, kind="xlsx", today=TODAY)
    assert exported["ok"], exported


def test_an_unexpected_fault_in_one_file_skips_only_that_file() -> None:
    from partnerskap.engine import combine as combine_module

    data = survey_definition_data()
    api.load_definition(data)
    files = [{"name": f"{name}.json", "text": answer_file(data, name, {"kommuner": {"value": 2}})} for name in "AB"]
    real = combine_module.parse_answer_file

    def failing(text, definition):
        if '"A"' in text:
            raise RuntimeError("a programming error")
        return real(text, definition)

    combine_module.parse_answer_file = failing
    try:
        result = call("combine", checklist="undersokelse", files=files)["result"]
    finally:
        combine_module.parse_answer_file = real
    assert result["count"] == 1 and [entry["file"] for entry in result["skipped"]] == ["A.json"]
    _norwegian(result["skipped"][0]["reason"])


def test_control_characters_in_respondent_names_keep_every_chart_well_formed() -> None:
    data = survey_definition_data()
    api.load_definition(data)
    names = ["Nord\x01land", "Troms\uffff", "Finn\u202emark", "Agder", "Vest<land>&\x1f"]
    files = [
        {
            "name": f"{index}\x02.json",
            "text": answer_file(data, name, {"kommuner": {"value": index + 1}}, walkthrough_id=f"wt-{index}"),
        }
        for index, name in enumerate(names)
    ]
    files[3]["text"] = files[3]["text"].replace('"Agder"', '"Agder\\ud800"')  # escaped, as a browser writes it
    reply = call("combine", checklist="undersokelse", files=files)
    result = reply["result"]
    assert result["count"] == 4, result["skipped"]
    assert [entry["file"] for entry in result["skipped"]] == ["3\x02.json"]
    assert "ugyldige tegn" in result["skipped"][0]["reason"]
    charts = [entry["chart"] for entry in result["items"] if entry["chart"]]
    charts.append(result["survey_table"]["chart"])
    assert len(charts) == 3  # «kommuner» per respondent, «enig» (no answers, still drawn), the survey table
    for svg in charts:
        ET.fromstring(svg)
    assert "Nordland" in charts[-1] and "Vest&lt;land&gt;&amp;" in charts[-1]
    # The engine returns data, not HTML tables: the page builds its tables with textContent.
    assert all("table" not in entry for entry in result["items"]) and "table" not in result["survey_table"]


def test_errors_have_one_of_two_shapes_and_internal_ones_say_how_to_report() -> None:
    api.load_definition(definition_data("1.1"))
    user = call("export", checklist=CHECKLIST, kind="pdf", walkthrough={}, answers={}, archived={}, today=TODAY)
    assert user == {"ok": False, "error": "user", "message": "Ukjent eksportformat «pdf»."}
    for request in (
        json.dumps({"method": "nope"}),
        json.dumps({"method": "progress", "args": {"answers": {}}}),
        json.dumps({"method": "progress", "args": ["x"]}),
        json.dumps({"args": {}}),
        "[1, 2",
        "null",
        "{}",
    ):
        reply = strict_json(api.handle(request))
        assert reply["ok"] is False and reply["error"] in ("internal", "user"), (request, reply)
        assert reply["message"] not in ("nope", "name", "method", "args")
        _norwegian(reply["message"])
        if reply["error"] == "internal":
            assert "meld fra" in reply["message"] and "Traceback" in reply["detail"]
    not_loaded = call("progress", checklist="finnes-ikke", answers={})
    assert not_loaded["error"] == "user" and "ikke lastet" in not_loaded["message"]


def test_replies_are_standard_json_even_for_nan_and_deep_requests() -> None:
    api.load_definition(definition_data("1.1"))
    for request in (
        '{"method": "progress", "args": {"checklist": "eksempel", "answers": {"antall": {"value": NaN}}}}',
        '{"method": "progress", "args": {"checklist": "eksempel", "answers": ' + DEEP + "}}",
        '{"method": "progress", "args": {"checklist": "eksempel", "answers": {"antall": {"value": 1e999}}}}',
    ):
        reply = strict_json(api.handle(request))
        assert reply["ok"] is False and reply["error"] == "user", reply
        _norwegian(reply["message"])


@pytest.mark.parametrize(
    "entered,value,message",
    [
        ("12", 12, None),
        (" 1 234 ", 1234, None),
        ("\u22123", None, "kan ikke være mindre enn 0"),
        ("-3", None, "kan ikke være mindre enn 0"),
        ("2.5", None, "heltall"),
        ("2,5", None, "heltall"),
        (2.5, None, "heltall"),
        ("", None, None),
        ("tolv", None, "må være et tall"),
        (str(2**53 + 1), None, "kan ikke være større enn 9\u00a0007\u00a0199\u00a0254\u00a0740\u00a0991"),
        ("9" * 5000, None, "kan ikke være større enn"),
        ("1" + "0" * 399, None, "kan ikke være større enn"),
    ],
)
def test_number_answers_are_checked_against_the_item(entered, value, message) -> None:
    api.load_definition(definition_data("1.1"))
    reply = call("check_answer", checklist=CHECKLIST, item="antall", value=entered)
    assert reply["ok"], reply
    assert reply["result"]["value"] == value
    if message is None:
        assert reply["result"]["message"] is None
    else:
        assert message in reply["result"]["message"] and "1.2" in reply["result"]["message"]


def test_number_bounds_come_with_the_definition() -> None:
    loaded = api.load_definition(definition_data("1.1"))
    assert loaded["numbers"] == {"antall": {"min": 0, "max": 2**53 - 1, "integer": True}}


def test_good_document_still_imports() -> None:
    reply = call("parse_import", checklist=CHECKLIST, text=json.dumps(good_document()))
    assert reply["ok"] and reply["result"]["answers"] == answers()
