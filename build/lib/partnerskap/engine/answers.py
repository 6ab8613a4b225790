"""Answer documents: the lossless, versioned format of a walk-through (gjennomgang).

The same structure is stored in the browser (split per item), exported as JSON and
read back on import. ``answer_file_schema()`` describes it as JSON Schema.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from .definition import Definition

ANSWERS_FORMAT = "partnerskap-svar"
"""Format name written in every answer file."""
ANSWERS_FORMAT_VERSION = 1
"""Bumped on incompatible changes; older versions are migrated on import."""

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Largest answer file accepted on import (a full checklist with long notes is far below)."""
MAX_TEXT = 20_000
"""Longest free text (answer, note, decision) accepted on import."""
MAX_SHORT_TEXT = 300
"""Longest name-like text accepted on import."""
MAX_ACTIONS = 50
"""Most actions per item accepted on import."""
MAX_PARTICIPANTS = 2000
"""Longest list of meeting participants (free text) accepted on import."""

OWNER_SIDES = ("stat", "kommune", "begge")
"""Who follows an item up: the state, the municipality or both."""

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WALKTHROUGH_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HASH = re.compile(r"^[0-9a-f]{16}$")
# Active content in imported text (script, embedded objects, event handlers, javascript: URLs)
# is refused. Other markup such as «<b>» is ordinary text a user may have typed: it is kept,
# and like all text it is only ever shown as text.
MARKUP = re.compile(
    r"<\s*/?\s*(?:script|iframe|frame|object|embed|svg|math|img|image|video|audio|style|link|meta|base|form|input|button|template)\b"
    r"|<[^>]*\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html",
    re.IGNORECASE,
)

ANSWER_TEXT_FIELDS = ("note", "owner_name", "decision")
ANSWER_FIELDS = ("value", "note", "owner", "owner_name", "due", "decision", "actions", "hash", "text", "updated")
ACTION_FIELDS = ("what", "owner", "owner_name", "due", "done")
WALKTHROUGH_FIELDS = ("id", "name", "created", "updated", "exported", "participants", "meeting_date")


class ImportProblem(Exception):
    """An answer file was refused; the message is for the user, in Norwegian."""


def now_iso() -> str:
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def is_answered(item: dict[str, Any], answer: dict[str, Any] | None) -> bool:
    """True if the item's own answer (not just a note) is given."""
    if not answer:
        return False
    value = answer.get("value")
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    return True


def has_content(answer: dict[str, Any] | None) -> bool:
    """True if anything at all was filled in (answer, note, owner, due date, decision, actions)."""
    if not answer:
        return False
    return any(
        answer.get(key) not in (None, "", [])
        for key in ("value", "note", "owner", "owner_name", "due", "decision", "actions")
    )


def new_document(
    definition: Definition,
    walkthrough: dict[str, Any],
    answers: dict[str, Any],
    archived: dict[str, Any] | None = None,
    known_items: dict[str, str] | None = None,
) -> dict[str, Any]:
    """An answer document for export."""
    return {
        "format": ANSWERS_FORMAT,
        "format_version": ANSWERS_FORMAT_VERSION,
        "exported": now_iso(),
        "checklist": {
            "id": definition.id,
            "version": definition.version,
            "title": definition.title,
            "items": known_items if known_items is not None else definition.hashes(),
        },
        "walkthrough": walkthrough,
        "answers": answers,
        "archived": archived or {},
    }


def parse_answer_file(raw: bytes | str, definition: Definition) -> dict[str, Any]:
    """Validate an imported answer file against ``definition``; return the document or raise :class:`ImportProblem`."""
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > MAX_FILE_BYTES:
        raise ImportProblem(
            f"Filen er for stor ({size / 1024 / 1024:.1f} MB). En svarfil kan være høyst {MAX_FILE_BYTES // 1024 // 1024} MB."
        )
    if size == 0:
        raise ImportProblem("Filen er tom.")
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        data = json.loads(text)
    except UnicodeDecodeError:
        raise ImportProblem(
            "Filen er ikke en tekstfil i UTF-8. Velg en JSON-fil eksportert fra Partnerskapsverktøyet."
        ) from None
    except json.JSONDecodeError as exc:
        raise ImportProblem(
            f"Filen er ikke gyldig JSON – den kan være avkortet eller skadet (feil på linje {exc.lineno}, tegn {exc.colno})."
        ) from None
    if not isinstance(data, dict) or data.get("format") != ANSWERS_FORMAT:
        raise ImportProblem(
            "Filen er ikke en svarfil fra Partnerskapsverktøyet. Velg en JSON-fil som er eksportert fra en sjekkliste."
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportProblem("Filen mangler formatversjon og kan ikke leses.")
    if version > ANSWERS_FORMAT_VERSION:
        raise ImportProblem(
            "Filen er laget med en nyere versjon av Partnerskapsverktøyet. Last inn siden på nytt for å få den nyeste versjonen, og prøv igjen."
        )
    _only_keys(
        data, ("format", "format_version", "exported", "checklist", "walkthrough", "answers", "archived"), "filen"
    )
    checklist = _mapping(data.get("checklist"), "«checklist»")
    _only_keys(checklist, ("id", "version", "title", "items"), "«checklist»")
    if checklist.get("id") != definition.id:
        other = checklist.get("id")
        name = f"«{other}»" if isinstance(other, str) and ID_PATTERN.match(other) else "en annen sjekkliste"
        raise ImportProblem(
            f"Filen gjelder sjekklisten {name}, ikke «{definition.id}». Åpne riktig sjekkliste og importer der."
        )
    if not isinstance(checklist.get("version"), str) or len(checklist["version"]) > 20:
        raise ImportProblem("Filen mangler sjekklisteversjon.")
    items = _mapping(checklist.get("items", {}), "«checklist.items»")
    for item_id, item_hash in items.items():
        if not ID_PATTERN.match(item_id) or not isinstance(item_hash, str) or not HASH.match(item_hash):
            raise ImportProblem("Filen har en ugyldig liste over punkter («checklist.items»).")
    walkthrough = _mapping(data.get("walkthrough"), "«walkthrough»")
    _only_keys(walkthrough, WALKTHROUGH_FIELDS, "«walkthrough»")
    name = walkthrough.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_SHORT_TEXT:
        raise ImportProblem("Gjennomgangen i filen mangler navn.")
    _check_text(name, "navnet på gjennomgangen")
    if "id" in walkthrough and not (isinstance(walkthrough["id"], str) and WALKTHROUGH_ID.match(walkthrough["id"])):
        raise ImportProblem("Gjennomgangen i filen har en ugyldig id.")
    for key in ("created", "updated", "exported"):
        if key in walkthrough and not (isinstance(walkthrough[key], str) and len(walkthrough[key]) <= 40):
            raise ImportProblem(f"Gjennomgangen i filen har en ugyldig dato («{key}»).")
    if "participants" in walkthrough:
        if not isinstance(walkthrough["participants"], str):
            raise ImportProblem("Deltakerlisten i filen har feil type (den skal være tekst).")
        _check_text(walkthrough["participants"], "deltakerlisten", MAX_PARTICIPANTS)
    meeting_date = walkthrough.get("meeting_date", "")
    if meeting_date != "" and not (
        isinstance(meeting_date, str) and DATE.match(meeting_date) and _valid_date(meeting_date)
    ):
        raise ImportProblem("Ugyldig møtedato i filen. Møtedatoen skal være en dato (ÅÅÅÅ-MM-DD).")
    answers = _mapping(data.get("answers", {}), "«answers»")
    archived = _mapping(data.get("archived", {}), "«archived»")
    for collection in (answers, archived):
        for item_id, answer in collection.items():
            if not ID_PATTERN.match(item_id):
                raise ImportProblem("Filen har et svar til et punkt med ugyldig id.")
            _check_answer(definition, item_id, answer, archived=collection is archived)
    return data


def _only_keys(data: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    unknown = [key for key in data if key not in allowed]
    if unknown:
        shown = ", ".join(f"«{key[:40]}»" for key in unknown[:3])
        raise ImportProblem(
            f"Filen har ukjente felter i {where}: {shown}. Den er ikke en uendret eksport fra Partnerskapsverktøyet."
        )


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportProblem(f"Filen er ufullstendig: {where} mangler eller har feil form.")
    return value


def _check_text(value: str, what: str, limit: int = MAX_TEXT) -> None:
    if len(value) > limit:
        raise ImportProblem(f"Teksten i {what} er for lang ({len(value)} tegn; høyst {limit}).")
    if MARKUP.search(value):
        raise ImportProblem(
            f"Filen inneholder skript eller aktivt HTML-innhold i {what}. Av sikkerhetshensyn importeres den ikke."
        )


def _check_answer(definition: Definition, item_id: str, answer: Any, archived: bool) -> None:
    where = f"svaret på punkt «{item_id}»"
    if not isinstance(answer, dict):
        raise ImportProblem(f"Filen har feil form på {where}.")
    _only_keys(answer, ANSWER_FIELDS + (("archived_in_version",) if archived else ()), where)
    for key in (*ANSWER_TEXT_FIELDS, "text"):
        if key in answer:
            if not isinstance(answer[key], str):
                raise ImportProblem(f"Filen har feil type i {where} («{key}» skal være tekst).")
            _check_text(answer[key], where, MAX_SHORT_TEXT if key == "owner_name" else MAX_TEXT)
    if answer.get("owner", "") not in ("", *OWNER_SIDES):
        raise ImportProblem(f"Ukjent ansvarlig i {where}. Gyldige verdier er stat, kommune og begge.")
    due = answer.get("due", "")
    if due != "" and not (isinstance(due, str) and DATE.match(due) and _valid_date(due)):
        raise ImportProblem(f"Ugyldig frist i {where}. Fristen skal være en dato (ÅÅÅÅ-MM-DD).")
    if "hash" in answer and not (isinstance(answer["hash"], str) and HASH.match(answer["hash"])):
        raise ImportProblem(f"Filen har en ugyldig kontrollsum i {where}.")
    if "updated" in answer and not (isinstance(answer["updated"], str) and len(answer["updated"]) <= 40):
        raise ImportProblem(f"Ugyldig tidspunkt i {where}.")
    actions = answer.get("actions", [])
    if not isinstance(actions, list) or len(actions) > MAX_ACTIONS:
        raise ImportProblem(f"Filen har feil form på tiltakene i {where}.")
    for action in actions:
        if not isinstance(action, dict):
            raise ImportProblem(f"Filen har feil form på tiltakene i {where}.")
        _only_keys(action, ACTION_FIELDS, f"et tiltak i {where}")
        for key in ("what", "owner_name"):
            if not isinstance(action.get(key, ""), str):
                raise ImportProblem(f"Filen har feil type i et tiltak i {where}.")
            _check_text(action.get(key, ""), f"et tiltak i {where}")
        if action.get("owner", "") not in ("", *OWNER_SIDES) or not isinstance(action.get("done", False), bool):
            raise ImportProblem(f"Filen har ugyldige verdier i et tiltak i {where}.")
        if action.get("due", "") and not (
            isinstance(action["due"], str) and DATE.match(action["due"]) and _valid_date(action["due"])
        ):
            raise ImportProblem(f"Ugyldig frist i et tiltak i {where}.")
    value = answer.get("value")
    if value is None or archived or item_id not in definition.by_id:
        if value is not None and (not isinstance(value, (str, int)) or isinstance(value, bool)):
            raise ImportProblem(f"Filen har en ugyldig verdi i {where}.")
        if isinstance(value, str):
            _check_text(value, where)
        return
    item = definition.by_id[item_id].data
    allowed = definition.allowed_values(item)
    if allowed is not None:
        if value not in allowed:
            raise ImportProblem(f"Svaret «{str(value)[:40]}» på punkt «{item_id}» finnes ikke blant svaralternativene.")
    elif item["type"] == "number":
        if not isinstance(value, int) or isinstance(value, bool):
            raise ImportProblem(f"Svaret på punkt «{item_id}» skal være et heltall.")
        low, high = item.get("min"), item.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            raise ImportProblem(f"Svaret på punkt «{item_id}» er utenfor tillatt område.")
    else:
        if not isinstance(value, str):
            raise ImportProblem(f"Svaret på punkt «{item_id}» skal være tekst.")
        _check_text(value, where)


def _valid_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
