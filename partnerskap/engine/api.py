"""The engine's entry point for the browser: JSON in, JSON out, one call per request.

The Web Worker calls :func:`handle` with ``{"method": ..., "args": {...}}``. Every call
returns a reply, whatever happens (it never raises), in standard JSON (no ``NaN``, no lone
surrogates), in one of three shapes:

- ``{"ok": true, "result": ...}``;
- ``{"ok": false, "error": "user", "message": "..."}``: a Norwegian message for the user
  (a refused file, a number outside what the item allows);
- ``{"ok": false, "error": "internal", "message": "...", "detail": "..."}``: a programming
  error. ``message`` is a generic Norwegian text with a way to report it; ``detail`` (the
  traceback) is for the browser console, never for the page.

The Worker calls :func:`respond`, which also gives an export's bytes apart from the JSON (the page
gets them as a transferable ``Uint8Array``, not as base64) and names a package the browser loads
on demand (:data:`ON_DEMAND_PACKAGES`) when a method needs one that is not loaded yet.

Kept free of Pyodide imports so the same calls are tested under CPython.
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable
from typing import Any, NamedTuple

from . import textsafety
from .answers import (
    DATE,
    new_document,
    now_iso,
    number_bounds,
    parse_answer_file,
    parse_number,
    usable_answers,
    walkthrough_record,
)
from .definition import Definition
from .files import ExportFile
from .labels import item_title, owner_options, section_title
from .migrate import archive_removed, change_report, reworded_answers
from .problems import INTERNAL_MESSAGE, UserError
from .progress import progress
from .texts import text

# Exports, combining, comparing and share links (and what they import: zipfile, csv, zlib,
# statistics) are imported on first use, so the engine starts almost as fast as bare Pyodide.

ON_DEMAND_PACKAGES = ("xlsxwriter",)
"""Pure-Python packages the browser loads only when a method first imports them (the Excel exports);
the engine's pyodide-lock.json declares each with its sha256."""

_definitions: dict[str, Definition] = {}


def _definition(checklist: str) -> Definition:
    try:
        return _definitions[checklist]
    except KeyError:
        raise UserError(text("engine.not_loaded", checklist=textsafety.readable(str(checklist))[:60])) from None


def load_definition(definition: dict[str, Any]) -> dict[str, Any]:
    """Load a compiled checklist.

    The reply gives the bounds of every number item (``numbers``), the owner sides with their
    labels (``owners``: ``[{"value": "stat", "label": "Stat"}, …]``), the engine's one list of them,
    and the structure as people name it (``sections``: ``[{"id", "title": "2 Ansvar", "items":
    [{"id", "number", "text", "title": "2.1 a Er …?"}]}]``), so views need not read the page's markup.
    """
    loaded = Definition(definition)
    _definitions[loaded.id] = loaded
    numbers = {
        ref.id: dict(zip(("min", "max"), number_bounds(ref.data), strict=True)) | {"integer": True}
        for ref in loaded.items
        if ref.data["type"] == "number"
    }
    return {
        "id": loaded.id,
        "version": loaded.version,
        "items": len(loaded.items),
        "numbers": numbers,
        "owners": owner_options(),
        "sections": [
            {
                "id": section["id"],
                "title": section_title(section),
                "items": [
                    {"id": ref.id, "number": ref.number, "text": ref.data["text"], "title": item_title(ref)}
                    for ref in loaded.items
                    if ref.section is section
                ],
            }
            for section in loaded.sections
        ],
    }


def check_answer(checklist: str, item: str, value: Any) -> dict[str, Any]:
    """Validate what was typed into a number item: ``{"value": int | None, "message": str | None}``.

    ``value`` is the field's text (or a number). A valid number comes back as ``value`` with
    ``message`` ``None``; an empty field as both ``None``; anything else as ``value`` ``None``
    and a Norwegian ``message`` naming the item (not a whole number, below ``min``, above
    ``max``, too large for a browser to hold exactly). Other item types accept any value.
    """
    definition = _definition(checklist)
    ref = definition.by_id.get(item) if isinstance(item, str) else None
    if ref is None:
        raise UserError(text("engine.no_such_item", item=textsafety.readable(str(item))[:40]))
    if ref.data["type"] != "number":
        return {"value": value, "message": None}
    number, message = parse_number(ref, value)
    return {"value": number, "message": message}


def compute_progress(checklist: str, answers: dict[str, Any], filters: dict[str, Any] | None = None) -> dict[str, Any]:
    return progress(_definition(checklist), usable_answers(answers)[0], filters)


def open_walkthrough(
    checklist: str,
    answers: dict[str, Any],
    archived: dict[str, Any],
    known_items: dict[str, str] | None,
    known_version: str | None,
) -> dict[str, Any]:
    """Archive answers to removed items and report what changed since the walk-through last saw the checklist.

    Stored answers of the wrong shape are left out of ``answers``/``archived`` and listed in
    ``quarantine`` as ``{"where": "answers" | "archived", "item": id or "*", "reason"}`` for the
    page to set aside unchanged (``"*"``: the whole collection had the wrong shape).
    """
    definition = _definition(checklist)
    answers, bad_answers = usable_answers(answers)
    archived, bad_archived = usable_answers(archived, archived=True)
    kept, archive, moved = archive_removed(definition, answers, archived)
    report = change_report(
        definition, known_items if known_items is not None else definition.hashes(), known_version or definition.version
    )
    report["archived"] = moved
    report["reworded_answered"] = reworded_answers(definition, kept)
    return {
        "answers": kept,
        "archived": archive,
        "report": report,
        "known_items": definition.hashes(),
        "version": definition.version,
        "quarantine": [{"where": "answers", **bad} for bad in bad_answers]
        + [{"where": "archived", **bad} for bad in bad_archived],
    }


def export(
    checklist: str,
    kind: str,
    walkthrough: dict[str, Any],
    answers: dict[str, Any],
    archived: dict[str, Any],
    today: str,
) -> ExportFile:
    """An export of one walk-through (``kind``: a key of ``exports.EXPORTERS``): ``{filename, mime}`` and its bytes."""
    from .exports import EXPORTERS

    definition = _definition(checklist)
    if kind not in EXPORTERS:
        raise UserError(text("unknown_format", kind=textsafety.readable(str(kind))[:40]))
    doc = new_document(definition, walkthrough, answers, archived)
    if kind != "json":  # the JSON export is the lossless backup; every other format is read by people
        doc = textsafety.deep(doc, textsafety.readable)
    return EXPORTERS[kind](definition, doc, _day(today))


def minutes(
    checklist: str,
    walkthrough: dict[str, Any],
    answers: dict[str, Any],
    today: str,
    archived: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The minutes model the screen and print view show: the same one the Word and Markdown minutes are made from.

    See :mod:`partnerskap.engine.minutes` for its fields; all text is ready to show (dates as
    «30. november 2026», who is responsible as «Stat, Kari Nordmann», done as «Ja»/«Nei»).
    """
    from . import minutes as minutes_model

    definition = _definition(checklist)
    doc = textsafety.deep(new_document(definition, walkthrough, answers, archived or {}), textsafety.readable)
    return minutes_model.build(definition, doc, _day(today))


def _day(today: Any) -> str:
    """The date the page passes for file names and minutes, or the engine's own if it is not one."""
    return today if isinstance(today, str) and DATE.fullmatch(today) else now_iso()[:10]


def _imported(definition: Definition, doc: dict[str, Any]) -> dict[str, Any]:
    """A validated document brought up to the current checklist version, with its change report.

    ``record`` holds the walk-through fields the page must keep with the answers (created,
    participants, meeting date); the name shown in confirmations has no bidirectional controls.
    """
    answers, archived, moved = archive_removed(definition, doc.get("answers", {}), doc.get("archived", {}))
    file_checklist = doc["checklist"]
    report = change_report(definition, file_checklist.get("items") or definition.hashes(), file_checklist["version"])
    report["archived"] = moved
    report["reworded_answered"] = reworded_answers(definition, answers)
    walkthrough = {**doc["walkthrough"], "name": textsafety.readable(doc["walkthrough"]["name"]).strip()}
    return {
        "walkthrough": walkthrough,
        "record": walkthrough_record(doc),
        "answers": answers,
        "archived": archived,
        "report": report,
    }


def parse_import(checklist: str, text: str) -> dict[str, Any]:
    """Validate an answer file and bring it up to the current checklist version."""
    definition = _definition(checklist)
    return _imported(definition, parse_answer_file(text, definition))


def combine(checklist: str, files: list[dict[str, Any]]) -> dict[str, Any]:
    """«Sammenstill»: ``files`` is ``[{"name": filename, "text": content}]``; see :func:`combine.combine`."""
    from .combine import combine as combine_files

    return combine_files(_definition(checklist), files)


def export_combined(checklist: str, files: list[dict[str, Any]], kind: str, today: str) -> ExportFile:
    """The combined answers of ``files`` as one of ``combine.EXPORT_KINDS``: ``{filename, mime}`` and its bytes.

    ``csv`` is the table per item, ``csv-respondenter`` one row per respondent, ``csv-tabell`` the
    number table with its sum row, ``xlsx`` all of them as sheets.
    """
    from .combine import EXPORT_KINDS
    from .combine import combine as combine_files
    from .combine import export_combined as export_combined_file

    definition = _definition(checklist)
    if kind not in EXPORT_KINDS:
        raise UserError(text("unknown_format", kind=textsafety.readable(str(kind))[:40]))
    return export_combined_file(definition, combine_files(definition, files), kind, _day(today))


def compare(checklist: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """«Sammenlign» two walk-throughs ``{"name", "answers"}``: ``a`` the earlier, ``b`` the later."""
    from .compare import compare as compare_walkthroughs

    def side(walkthrough: Any) -> Any:
        if not isinstance(walkthrough, dict):
            return walkthrough
        answers = usable_answers(walkthrough.get("answers", {}))[0]
        return textsafety.deep({"name": walkthrough.get("name"), "answers": answers}, textsafety.readable)

    return compare_walkthroughs(_definition(checklist), side(a), side(b))


def share_encode(
    checklist: str, walkthrough: dict[str, Any], answers: dict[str, Any], archived: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The share-link fragment for a walk-through: ``{"fragment", "length"}``; too long → a message."""
    from . import sharelink

    fragment = sharelink.encode(new_document(_definition(checklist), walkthrough, answers, archived or {}))
    return {"fragment": fragment, "length": len(fragment)}


def share_decode(checklist: str, fragment: str) -> dict[str, Any]:
    """Open a share link's fragment: the same result as :func:`parse_import`."""
    from . import sharelink

    definition = _definition(checklist)
    return _imported(definition, sharelink.decode(fragment, definition))


def warm_up(combine: bool = False) -> bool:
    """Import the export code (and with ``combine``, the combine code) in advance, once the page is
    idle, so the first export or combine is quick.

    In the browser the first call asks for XlsxWriter (see :func:`respond`): it is downloaded
    while the page is idle, and kept by the service worker for exports without network.
    """
    from . import exports, xlsx  # noqa: F401

    if combine:
        from . import combine as combine_module  # noqa: F401

    return True


METHODS: dict[str, Callable[..., Any]] = {
    "warm_up": warm_up,
    "load_definition": load_definition,
    "check_answer": check_answer,
    "progress": compute_progress,
    "open_walkthrough": open_walkthrough,
    "export": export,
    "minutes": minutes,
    "parse_import": parse_import,
    "combine": combine,
    "export_combined": export_combined,
    "compare": compare,
    "share_encode": share_encode,
    "share_decode": share_decode,
}


MAX_REQUEST_DEPTH = 40
"""Deepest nesting of a request (answers are 5 levels, plus the envelope); deeper is refused unparsed."""


class Reply(NamedTuple):
    """What :func:`respond` gives the Worker."""

    text: str
    """The JSON reply (see the module docstring); a file's result is ``{filename, mime, size}``."""
    data: bytes | None = None
    """An export's bytes, or ``None``."""
    package: str | None = None
    """A package (of :data:`ON_DEMAND_PACKAGES`) to load before asking again; ``text`` then says, in
    Norwegian, that it could not be loaded, for when loading fails (no network)."""


def respond(request: str) -> Reply:
    """Run one request: its reply, an export's bytes apart from it, or the package it needs; never raises."""
    try:
        try:
            message = textsafety.loads(request, MAX_REQUEST_DEPTH)
        except textsafety.JSONProblem as problem:
            raise UserError(text("engine.bad_request", problem=problem)) from None
        method = METHODS[message["method"]]
        args = message.get("args", {})
        if not isinstance(args, dict):
            raise TypeError(f"args must be an object, not {type(args).__name__}")
        result = method(**args)
        if isinstance(result, ExportFile):
            file = {"filename": result.filename, "mime": result.mime, "size": len(result.data)}
            return Reply(textsafety.dumps({"ok": True, "result": file}), result.data)
        return Reply(textsafety.dumps({"ok": True, "result": result}))
    except UserError as problem:
        return Reply(textsafety.dumps({"ok": False, "error": "user", "message": str(problem)}))
    except RecursionError:
        return Reply(textsafety.dumps({"ok": False, "error": "user", "message": text("engine.too_deep")}))
    except ModuleNotFoundError as missing:
        if missing.name not in ON_DEMAND_PACKAGES:
            return Reply(_internal_error(request))
        unavailable = {"ok": False, "error": "user", "message": text("engine.package_unavailable")}
        return Reply(textsafety.dumps(unavailable), package=missing.name)
    except Exception:  # noqa: BLE001 - the one place every other failure becomes a reply
        return Reply(_internal_error(request))


def handle(request: str) -> str:
    """Run one request and return its JSON reply (see the module docstring); never raises.

    An export's reply holds only ``{filename, mime, size}``: its bytes come from :func:`respond`.
    """
    return respond(request).text


def _internal_error(request: Any) -> str:
    """A programming error: the traceback to the console (stderr), a generic Norwegian message to the page."""
    detail = traceback.format_exc(limit=20)
    method = ""
    if isinstance(request, str):
        try:
            method = str(json.loads(request).get("method", ""))[:40]
        except Exception:  # noqa: BLE001 - only naming the method in the log
            method = ""
    print(f"partnerskap engine: internal error in «{method}»\n{detail}", file=sys.stderr)
    try:
        return textsafety.dumps({"ok": False, "error": "internal", "message": INTERNAL_MESSAGE, "detail": detail})
    except Exception:  # noqa: BLE001 - the reply must still be valid JSON
        return json.dumps({"ok": False, "error": "internal", "message": INTERNAL_MESSAGE})
