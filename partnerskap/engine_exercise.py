"""Every engine API method, called the way the browser calls it, over given checklist definitions.

Run inside Pyodide at build time to record which standard-library modules the engine imports
(:mod:`partnerskap.stdlib`), and by the tests with exactly the shipped, trimmed standard library,
so a module left out fails a test instead of a user. Not part of the engine wheel.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import zipfile
from typing import Any

from partnerskap.engine import api

TODAY = "2026-11-30"
WALKTHROUGH = {
    "id": "wt-ovelse",
    "name": "Øvelse «partnerskapsmøte» & oppfølging",
    "created": "2026-11-30T09:00:00Z",
    "updated": "2026-11-30T10:00:00Z",
}


def _call(method: str, called: set[str], expect_ok: bool | None = True, **args: Any) -> Any:
    """One request through :func:`api.respond`; ``expect_ok=None`` accepts a refusal with a message too."""
    response = _request(method, called, args)[0]
    if expect_ok is None and not response["ok"] and response.get("message"):
        return None
    if response["ok"] is not (expect_ok is not False):
        raise AssertionError(f"{method}: expected ok={expect_ok}, got {response}")
    return response.get("result")


def _request(method: str, called: set[str], args: dict[str, Any]) -> tuple[dict[str, Any], bytes | None]:
    reply = api.respond(json.dumps({"method": method, "args": args}, ensure_ascii=False))
    called.add(method)
    if reply.package is not None:
        raise AssertionError(f"{method}: needs {reply.package}, which the run loads first")
    return json.loads(reply.text), reply.data


def _file(method: str, called: set[str], **args: Any) -> bytes:
    """An export's bytes (checked to be a whole file: a zip for the Office formats)."""
    response, data = _request(method, called, args)
    if not response["ok"] or data is None or len(data) != response["result"]["size"]:
        raise AssertionError(f"{method} {args.get('kind')}: no file, {response}")
    if response["result"]["filename"].endswith((".xlsx", ".docx")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if archive.testzip() is not None:
                raise AssertionError(f"{method} {args.get('kind')}: a damaged zip")
    return data


def _answer(definition: dict[str, Any], item: dict[str, Any], turn: int) -> dict[str, Any]:
    scale = definition["scales"].get(item.get("scale") or "")
    if scale is not None:
        options = [option["value"] for option in scale["options"]]
        value: Any = options[turn % len(options)]
    elif item["type"] == "choice":
        value = item["options"][turn % len(item["options"])]
    elif item["type"] == "number":
        value = (item.get("min") or 0) + turn
    else:
        value = f"Svar {turn}: «sitat» & linje\nto"
    answer = {"value": value, "note": f"=Notat {turn}", "hash": item["hash"], "text": item["text"]}
    if turn % 2 == 0:
        answer.update(owner="begge", owner_name="Kari Nordmann", due="2027-01-31", decision="Vedtatt.")
        answer["actions"] = [{"what": "Følge opp", "owner": "kommune", "owner_name": "", "due": "2027-02-01"}]
    return answer


def _answers(definition: dict[str, Any], turn: int) -> dict[str, Any]:
    items = [item for section in definition["sections"] for item in section["items"]]
    return {item["id"]: _answer(definition, item, turn + n) for n, item in enumerate(items) if (n + turn) % 3}


def import_every_engine_module() -> list[str]:
    """Import every module of the engine package, including those the API imports on first use."""
    package = importlib.import_module("partnerskap.engine")
    names = sorted(name[:-3] for name in os.listdir(package.__path__[0]) if name.endswith(".py"))
    for name in names:
        importlib.import_module(f"partnerskap.engine.{name}")
    return names


def exercise(definitions: list[dict[str, Any]]) -> list[str]:
    """Call every method of :data:`api.METHODS` (and its error paths) for each definition; return the names called."""
    from partnerskap.engine.exports import EXPORTERS

    called: set[str] = set()
    import_every_engine_module()
    _call("warm_up", called)
    _call("warm_up", called, combine=True)
    _call("progress", called, expect_ok=False, checklist="finnes-ikke", answers={})
    for definition in definitions:
        checklist = definition["id"]
        _call("load_definition", called, definition=definition)
        first, second = _answers(definition, 0), _answers(definition, 1)
        _call("progress", called, checklist=checklist, answers=first)
        roles = sorted(definition["roles"])
        _call("progress", called, checklist=checklist, answers=first, filters={"role": roles[0], "unanswered": True})
        _call(
            "open_walkthrough",
            called,
            checklist=checklist,
            answers={**first, "fjernet-punkt": {"value": "ja"}},
            archived={},
            known_items=None,
            known_version=None,
        )
        _call("minutes", called, checklist=checklist, walkthrough=WALKTHROUGH, answers=first, today=TODAY)
        numbers = [item for section in definition["sections"] for item in section["items"] if item["type"] == "number"]
        first_item = definition["sections"][0]["items"][0]["id"]
        _call("check_answer", called, checklist=checklist, item=first_item, value="x")
        for item in numbers[:1]:
            _call("check_answer", called, checklist=checklist, item=item["id"], value="12")
            _call("check_answer", called, checklist=checklist, item=item["id"], value="2,5")
        _call("check_answer", called, expect_ok=False, checklist=checklist, item="finnes-ikke", value="1")
        files = []
        for kind in EXPORTERS:
            data = _file(
                "export",
                called,
                checklist=checklist,
                kind=kind,
                walkthrough=WALKTHROUGH,
                answers=first,
                archived={},
                today=TODAY,
            )
            if kind == "json":
                files.append({"name": "en.json", "text": data.decode("utf-8")})
        other = json.dumps(
            {**json.loads(files[0]["text"]), "walkthrough": {**WALKTHROUGH, "id": "wt-2"}, "answers": second}
        )
        files.append({"name": "to.json", "text": other})
        _call("parse_import", called, checklist=checklist, text=files[0]["text"])
        _call("parse_import", called, expect_ok=False, checklist=checklist, text="{ikke json")
        combined = _call("combine", called, checklist=checklist, files=[*files, {"name": "feil.json", "text": "[]"}])
        for kind in combined["exports"]:
            _file("export_combined", called, checklist=checklist, files=files, kind=kind, today=TODAY)
        _call(
            "compare",
            called,
            checklist=checklist,
            a={"name": "Første", "answers": first},
            b={"name": "Andre", "answers": second},
        )
        # Share links have a length limit, which a long checklist exceeds: a refusal is a valid answer.
        shared = _call(
            "share_encode", called, expect_ok=None, checklist=checklist, walkthrough=WALKTHROUGH, answers=first
        )
        if shared is not None:
            _call("share_decode", called, checklist=checklist, fragment=shared["fragment"])
        _call("share_decode", called, expect_ok=False, checklist=checklist, fragment="ødelagt")
    missing = sorted(set(api.METHODS) - called)
    if missing:
        raise AssertionError(f"methods never called: {missing}")
    return sorted(called)
