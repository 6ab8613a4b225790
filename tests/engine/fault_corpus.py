"""Crafted hostile and broken input for the engine: answer files, share links, stored answers and text.

Each case is built here rather than stored, so the corpus needs no fixtures and runs the same
under CPython and Pyodide. tests/engine/test_faults.py checks it with the standard library;
tests/partnerskap/test_fault_exports.py opens the exports with openpyxl and a CommonMark renderer.
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

from samples import answers, definition, definition_data, walkthrough

from partnerskap.engine import api
from partnerskap.engine.answers import new_document
from partnerskap.engine.textsafety import LONE_SURROGATE

TODAY = "2026-11-30"
CHECKLIST = "eksempel"
EXPORT_KINDS = ("json", "csv", "markdown", "xlsx", "referat", "referat-md")


def good_document() -> dict[str, Any]:
    return json.loads(json.dumps(new_document(definition(), walkthrough(), answers())))


def file_text(change: Any) -> str:
    """A valid answer file changed by ``change(doc)``, as JSON text."""
    doc = good_document()
    change(doc)
    return json.dumps(doc, ensure_ascii=False)


def _set(path: list[Any], value: Any) -> Any:
    def change(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _replace(old: str, new: str) -> str:
    """A valid answer file with ``old`` in its JSON text replaced by ``new`` (for what json.dumps will not write)."""
    text = file_text(_set(["answers", "antall", "value"], 424242))
    assert old in text
    return text.replace(old, new, 1)


def _archived(**answer: Any) -> Any:
    return _set(["archived", "gammel"], {"value": "ja", **answer})


DEEP = "[" * 10_000 + "]" * 10_000
"""Nesting 10 000 deep in 20 KB: overflowed Pyodide's stack before the depth check."""

REFUSED_FILES: list[tuple[str, str, str]] = [
    ("lone-surrogate-in-note", file_text(_set(["answers", "forste", "note"], "før \ud800 etter")), "ugyldige tegn"),
    ("lone-surrogate-in-name", file_text(_set(["walkthrough", "name"], "Møte \udfff")), "ugyldige tegn"),
    ("nan-in-archived-version", file_text(_archived(archived_in_version=float("nan"))), "ikke er et tall"),
    ("infinity-as-value", _replace("424242", "Infinity"), "ikke er et tall"),
    ("huge-float-as-value", _replace("424242", "1e400"), "for stort"),
    ("number-as-archived-version", file_text(_archived(archived_in_version=5)), "archived_in_version"),
    ("list-as-checklist-title", file_text(_set(["checklist", "title"], ["x"])), "sjekklistetittel"),
    (
        "text-as-export-time",
        file_text(
            _set(
                [
                    "exported",
                ],
                "i går <b>",
            )
        ),
        "eksporttidspunkt",
    ),
    ("deep-nesting", DEEP, "nestet for dypt"),
    ("deep-nesting-inside-a-file", _replace("424242", "[" * 5000 + "]" * 5000), "nestet for dypt"),
    ("5000-digit-number", _replace("424242", "9" * 5000), "5000 sifre"),
    ("400-digit-number", _replace("424242", "1" + "0" * 399), "400 sifre"),
    ("2^53+1", _replace("424242", str(2**53 + 1)), "for stort til å lagres nøyaktig"),
    ("-(2^53+1)", _replace("424242", str(-(2**53 + 1))), "for stort til å lagres nøyaktig"),
    ("decimal-in-whole-number-item", _replace("424242", "2.5"), "heltall"),
    ("below-min", _replace("424242", "-3"), "kan ikke være mindre enn 0"),
    ("null-answer", file_text(_set(["answers", "forste"], None)), "feil form"),
    ("list-answer", file_text(_set(["answers", "forste"], ["delvis"])), "feil form"),
    ("list-as-answers", file_text(_set(["answers"], [None])), "feil form"),
    ("null-archived-answer", file_text(_set(["archived"], {"gammel": None})), "feil form"),
]
"""(case, file text, part of the Norwegian message) for files an import must refuse."""

HOSTILE_TEXT = {
    "fence-tilde": "~~~",
    "fence-backtick": "```",
    "long-fence": "før\n~~~~~~\n# Ikke en overskrift\n```python\n=====\n---\n    innrykket\n> sitat\n1. liste\n"
    "<div>\n\ndoble linjeskift",
    "carriage-returns": "linje\r~~~\r# ikke overskrift\r\nslutt",
    "xml-forbidden": "ulovlig \ufffe og \uffff og \x01\x02\x0b\x0c\x1f og \x7f slutt",
    "bidi": "Navn \u202egnitsøM\u202c og \u2066isolert\u2069",
    "formula-tab": "\t=1+1",
    "formula-cr": "\r=1+1",
}
"""Text a user may type or paste; every export must stay valid with it in every field."""


def hostile_answers() -> dict[str, Any]:
    """Every answer field filled with hostile text (one kind per item, all kinds in the notes)."""
    given = answers()
    everything = "\n".join(HOSTILE_TEXT.values())
    for item_id in given:
        given[item_id]["note"] = everything
        given[item_id]["decision"] = HOSTILE_TEXT["fence-backtick"] + "\n" + HOSTILE_TEXT["bidi"]
        given[item_id]["owner"] = "stat"
        given[item_id]["owner_name"] = HOSTILE_TEXT["xml-forbidden"]
        given[item_id]["actions"] = [{"what": HOSTILE_TEXT["long-fence"], "owner": "kommune", "done": False}]
    given["fritekst"]["value"] = everything
    given["fritekst"]["note"] = "lone \ud800 surrogate stored earlier"
    return given


def hostile_walkthrough() -> dict[str, Any]:
    return {
        **walkthrough(),
        "name": "Møte \u202eteksten snus\u202c \ud83d \x01 \uffff",
        "participants": "Kari\n~~~\nOla\udc00",
        "meeting_date": "2026-11-20",
    }


def all_exports(walk: dict[str, Any], given: dict[str, Any], archived: dict[str, Any]) -> dict[str, bytes]:
    """Every export format of a walk-through through the engine's JSON interface, as file bytes."""
    api.load_definition(definition_data("1.1"))
    out = {}
    for kind in EXPORT_KINDS:
        reply = call(
            "export",
            checklist=CHECKLIST,
            kind=kind,
            walkthrough=walk,
            answers=given,
            archived=archived,
            today=TODAY,
        )
        assert reply["ok"], reply
        out[kind] = reply["result"]["data"]
    return out


def strict_json(text: str) -> Any:
    """``json.loads`` that fails on NaN and infinities, as the browser's JSON.parse does."""

    def refuse(name: str) -> Any:
        raise ValueError(f"non-standard JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


def call(method: str, **args: Any) -> dict[str, Any]:
    """One request through :func:`api.respond`, as the Web Worker makes it (JSON text both ways).

    An export's bytes come beside the reply; like the page's engine client, they are put in the
    result as ``data``.
    """
    reply = api.respond(json.dumps({"method": method, "args": args}, ensure_ascii=True))
    assert isinstance(reply.text, str) and reply.package is None
    reply.text.encode("utf-8")  # a reply is always encodable (no lone surrogates)
    parsed = strict_json(reply.text)
    if reply.data is not None:
        assert parsed["ok"] and parsed["result"]["size"] == len(reply.data)
        parsed["result"]["data"] = reply.data
    return parsed


def share_fragment(text: str) -> str:
    """A share-link fragment carrying ``text`` as its document, however broken."""
    escaped = LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)  # as JSON.stringify writes them
    packed = zlib.compress(escaped.encode("utf-8"), 9)
    return "v1." + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")
