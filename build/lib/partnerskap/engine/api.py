"""The engine's entry point for the browser: JSON in, JSON out, one call per request.

The Web Worker calls :func:`handle` with ``{"method": ..., "args": {...}}`` and gets
``{"ok": true, "result": ...}`` or ``{"ok": false, "message": ...}`` back. Kept free of
Pyodide imports so the same calls are tested under CPython.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

from .answers import ImportProblem, new_document, parse_answer_file
from .definition import Definition
from .migrate import archive_removed, change_report, reworded_answers
from .progress import progress

# Exports, combining, comparing and share links (and what they import: zipfile, csv, zlib,
# statistics) are imported on first use, so the engine starts almost as fast as bare Pyodide.

_definitions: dict[str, Definition] = {}


def _definition(checklist: str) -> Definition:
    try:
        return _definitions[checklist]
    except KeyError:
        raise LookupError(f"Sjekklisten «{checklist}» er ikke lastet.") from None


def load_definition(definition: dict[str, Any]) -> dict[str, Any]:
    loaded = Definition(definition)
    _definitions[loaded.id] = loaded
    return {"id": loaded.id, "version": loaded.version, "items": len(loaded.items)}


def compute_progress(checklist: str, answers: dict[str, Any], filters: dict[str, Any] | None = None) -> dict[str, Any]:
    return progress(_definition(checklist), answers, filters)


def open_walkthrough(
    checklist: str,
    answers: dict[str, Any],
    archived: dict[str, Any],
    known_items: dict[str, str] | None,
    known_version: str | None,
) -> dict[str, Any]:
    """Archive answers to removed items and report what changed since the walk-through last saw the checklist."""
    definition = _definition(checklist)
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
    }


def export(
    checklist: str,
    kind: str,
    walkthrough: dict[str, Any],
    answers: dict[str, Any],
    archived: dict[str, Any],
    today: str,
) -> dict[str, Any]:
    from .exports import EXPORTERS

    definition = _definition(checklist)
    if kind not in EXPORTERS:
        raise LookupError(f"Ukjent eksportformat «{kind}».")
    doc = new_document(definition, walkthrough, answers, archived)
    return _file_result(EXPORTERS[kind](definition, doc, today))


def _file_result(file: Any) -> dict[str, Any]:
    return {"filename": file.filename, "mime": file.mime, "base64": base64.b64encode(file.data).decode("ascii")}


def _imported(definition: Definition, doc: dict[str, Any]) -> dict[str, Any]:
    """A validated document brought up to the current checklist version, with its change report."""
    answers, archived, moved = archive_removed(definition, doc.get("answers", {}), doc.get("archived", {}))
    file_checklist = doc["checklist"]
    report = change_report(definition, file_checklist.get("items") or definition.hashes(), file_checklist["version"])
    report["archived"] = moved
    report["reworded_answered"] = reworded_answers(definition, answers)
    return {"walkthrough": doc["walkthrough"], "answers": answers, "archived": archived, "report": report}


def parse_import(checklist: str, text: str) -> dict[str, Any]:
    """Validate an answer file and bring it up to the current checklist version."""
    definition = _definition(checklist)
    return _imported(definition, parse_answer_file(text, definition))


def combine(checklist: str, files: list[dict[str, Any]]) -> dict[str, Any]:
    """«Sammenstill»: ``files`` is ``[{"name": filename, "text": content}]``; see :func:`combine.combine`."""
    from .combine import combine as combine_files

    return combine_files(_definition(checklist), files)


def export_combined(checklist: str, files: list[dict[str, Any]], kind: str, today: str) -> dict[str, Any]:
    """The combined answers of ``files`` as ``csv`` or ``xlsx``: ``{filename, mime, base64}``."""
    from .combine import combine as combine_files
    from .combine import export_combined as export_combined_file

    definition = _definition(checklist)
    if kind not in ("csv", "xlsx"):
        raise LookupError(f"Ukjent eksportformat «{kind}».")
    return _file_result(export_combined_file(definition, combine_files(definition, files), kind, today))


def compare(checklist: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """«Sammenlign» two walk-throughs ``{"name", "answers"}``: ``a`` the earlier, ``b`` the later."""
    from .compare import compare as compare_walkthroughs

    return compare_walkthroughs(_definition(checklist), a, b)


def share_encode(
    checklist: str, walkthrough: dict[str, Any], answers: dict[str, Any], archived: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The share-link fragment for a walk-through: ``{"fragment", "length"}``; too long → a message."""
    from . import sharelink

    fragment = sharelink.encode(new_document(_definition(checklist), walkthrough, answers, archived))
    return {"fragment": fragment, "length": len(fragment)}


def share_decode(checklist: str, fragment: str) -> dict[str, Any]:
    """Open a share link's fragment: the same result as :func:`parse_import`."""
    from . import sharelink

    definition = _definition(checklist)
    return _imported(definition, sharelink.decode(fragment, definition))


def warm_up() -> bool:
    """Import the export code in advance, once the page is idle, so the first export is quick."""
    from . import exports  # noqa: F401

    return True


METHODS: dict[str, Callable[..., Any]] = {
    "warm_up": warm_up,
    "load_definition": load_definition,
    "progress": compute_progress,
    "open_walkthrough": open_walkthrough,
    "export": export,
    "parse_import": parse_import,
    "combine": combine,
    "export_combined": export_combined,
    "compare": compare,
    "share_encode": share_encode,
    "share_decode": share_decode,
}


def handle(request: str) -> str:
    """Run one request; problems meant for users come back as ``ok: false`` with a Norwegian message."""
    try:
        message = json.loads(request)
        result = METHODS[message["method"]](**message.get("args", {}))
        return json.dumps({"ok": True, "result": result}, ensure_ascii=False)
    except ImportProblem as problem:
        return json.dumps({"ok": False, "message": str(problem)}, ensure_ascii=False)
    except LookupError as problem:
        return json.dumps(
            {"ok": False, "message": str(problem.args[0] if problem.args else problem)}, ensure_ascii=False
        )
