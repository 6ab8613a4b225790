"""Answer documents: the lossless, versioned format of a walk-through (gjennomgang).

The same structure is stored in the browser (split per item), exported as JSON and
read back on import. ``answer_file_schema()`` describes it as JSON Schema.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from . import rules, texts, textsafety
from .definition import Definition
from .labels import OWNER_SIDES
from .problems import UserError

ANSWERS_FORMAT = "partnerskap-svar"
"""Format name written in every answer file."""
ANSWERS_FORMAT_VERSION = 1
"""Bumped on incompatible changes; older versions are migrated on import."""

MAX_TEXT = 20_000
"""Longest free text (answer, note, decision) accepted on import."""
MAX_SHORT_TEXT = 300
"""Longest name-like text accepted on import."""
MAX_ACTIONS = 50
"""Most actions per item accepted on import."""
MAX_PARTICIPANTS = 2000
"""Longest list of meeting participants (free text) accepted on import."""


ID_PATTERN = re.compile(rules.ID_PATTERN)
WALKTHROUGH_ID = re.compile(rules.WALKTHROUGH_ID_PATTERN)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HASH = re.compile(rules.ITEM_HASH_PATTERN)
TIMESTAMP = re.compile(r"^[0-9][0-9T:.+\-Z]{0,39}$")
"""An ISO date or time as the page writes it (``2026-11-24T10:00:00Z``); nothing else in a time field."""
VERSION = re.compile(r"^[0-9A-Za-z.\-]{1,20}$")
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
ARCHIVE_FIELDS = ("archived_in_version",)
WALKTHROUGH_FIELDS = ("id", "name", "created", "updated", "exported", "participants", "meeting_date")
RECORD_FIELDS = ("created", "participants", "meeting_date")
"""Walk-through fields an import or share link brings along besides the answers (the name is given separately)."""


class ImportProblem(UserError):
    """An answer file was refused; the message is for the user, in Norwegian."""


def now_iso() -> str:
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_document(
    definition: Definition,
    walkthrough: dict[str, Any],
    answers: dict[str, Any],
    archived: dict[str, Any] | None = None,
    known_items: dict[str, str] | None = None,
) -> dict[str, Any]:
    """An answer document for export: only the fields an import accepts, every text encodable."""
    record = walkthrough if isinstance(walkthrough, dict) else {}
    name = record.get("name")
    return textsafety.deep(
        {
            "format": ANSWERS_FORMAT,
            "format_version": ANSWERS_FORMAT_VERSION,
            "exported": now_iso(),
            "checklist": {
                "id": definition.id,
                "version": definition.version,
                "title": definition.title,
                "items": known_items if known_items is not None else definition.hashes(),
            },
            "walkthrough": {
                **{key: record[key] for key in WALKTHROUGH_FIELDS if _exportable(key, record.get(key))},
                "name": name[:MAX_SHORT_TEXT] if isinstance(name, str) and name.strip() else "Gjennomgang",
            },
            "answers": _known_fields(usable_answers(answers)[0], ANSWER_FIELDS),
            "archived": _known_fields(usable_answers(archived or {}, archived=True)[0], ANSWER_FIELDS + ARCHIVE_FIELDS),
        },
        textsafety.repair,
    )


def _exportable(key: str, value: Any) -> bool:
    """Whether a stored walk-through field is one an import accepts (so every JSON export imports again)."""
    if not isinstance(value, str):
        return False
    if key == "id":
        return bool(WALKTHROUGH_ID.match(value))
    if key == "meeting_date":
        return bool(DATE.match(value)) and _valid_date(value)
    if key in ("created", "updated", "exported"):
        return bool(TIMESTAMP.match(value))
    return key == "participants" and len(value) <= MAX_PARTICIPANTS


def _known_fields(answers: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {item_id: {k: v for k, v in answer.items() if k in fields} for item_id, answer in answers.items()}


def walkthrough_record(doc: dict[str, Any]) -> dict[str, Any]:
    """What an import or a share link carries about the meeting itself, for the page to keep with the answers."""
    walkthrough = doc["walkthrough"]
    return {key: walkthrough[key] for key in RECORD_FIELDS if walkthrough.get(key)}


def parse_answer_file(raw: bytes | str, definition: Definition) -> dict[str, Any]:
    """Validate an imported answer file against ``definition``; return the document or raise :class:`ImportProblem`."""
    if not isinstance(raw, (bytes, str)):
        raise ImportProblem(texts.text("import.unreadable"))
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > rules.MAX_IMPORT_BYTES:
        limit = rules.MAX_IMPORT_BYTES // 1024 // 1024
        raise ImportProblem(
            texts.text("import.too_large", size=f"{size / 1024 / 1024:.1f}".replace(".", ","), limit=limit)
        )
    if size == 0:
        raise ImportProblem(texts.text("import.empty"))
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        data = textsafety.loads(text)
    except UnicodeDecodeError:
        raise ImportProblem(texts.text("import.not_utf8")) from None
    except json.JSONDecodeError as exc:
        raise ImportProblem(texts.text("import.bad_json", line=exc.lineno, column=exc.colno)) from None
    except textsafety.JSONProblem as problem:
        raise ImportProblem(texts.text("import.json_problem", problem=problem)) from None
    if not isinstance(data, dict) or data.get("format") != ANSWERS_FORMAT:
        raise ImportProblem(texts.text("import.not_answer_file"))
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportProblem(texts.text("import.no_format_version"))
    if version > ANSWERS_FORMAT_VERSION:
        raise ImportProblem(texts.text("import.newer_format"))
    _check_encodable(data, definition)
    _only_keys(
        data, ("format", "format_version", "exported", "checklist", "walkthrough", "answers", "archived"), "filen"
    )
    _timestamp(data, "exported", texts.text("import.bad_exported"))
    checklist = _mapping(data.get("checklist"), "«checklist»")
    _only_keys(checklist, ("id", "version", "title", "items"), "«checklist»")
    if checklist.get("id") != definition.id:
        other = checklist.get("id")
        title = checklist.get("title")
        if isinstance(title, str) and title.strip() and len(title) <= MAX_SHORT_TEXT and title != definition.title:
            shown = f"«{textsafety.readable(' '.join(title.split()))[:80]}»"
        else:
            known = isinstance(other, str) and ID_PATTERN.match(other)
            shown = f"«{other}»" if known else texts.text("import.another_checklist")
        raise ImportProblem(texts.text("import.other_checklist", shown=shown, current=definition.title))
    if not isinstance(checklist.get("version"), str) or not VERSION.match(checklist["version"]):
        raise ImportProblem(texts.text("import.no_checklist_version"))
    if "title" in checklist and not (isinstance(checklist["title"], str) and len(checklist["title"]) <= MAX_SHORT_TEXT):
        raise ImportProblem(texts.text("import.bad_checklist_title"))
    items = _mapping(checklist.get("items", {}), "«checklist.items»")
    for item_id, item_hash in items.items():
        if not ID_PATTERN.match(item_id) or not isinstance(item_hash, str) or not HASH.match(item_hash):
            raise ImportProblem(texts.text("import.bad_item_list"))
    walkthrough = _mapping(data.get("walkthrough"), "«walkthrough»")
    _only_keys(walkthrough, WALKTHROUGH_FIELDS, "«walkthrough»")
    name = walkthrough.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_SHORT_TEXT:
        raise ImportProblem(texts.text("import.no_name"))
    _check_text(name, texts.text("import.walkthrough_name"))
    if "id" in walkthrough and not (isinstance(walkthrough["id"], str) and WALKTHROUGH_ID.match(walkthrough["id"])):
        raise ImportProblem(texts.text("import.bad_walkthrough_id"))
    for key in ("created", "updated", "exported"):
        _timestamp(walkthrough, key, texts.text("import.bad_walkthrough_date", key=key))
    if "participants" in walkthrough:
        if not isinstance(walkthrough["participants"], str):
            raise ImportProblem(texts.text("import.bad_participants_type"))
        _check_text(walkthrough["participants"], texts.text("import.participants"), MAX_PARTICIPANTS)
    meeting_date = walkthrough.get("meeting_date", "")
    if meeting_date != "" and not (
        isinstance(meeting_date, str) and DATE.match(meeting_date) and _valid_date(meeting_date)
    ):
        raise ImportProblem(texts.text("import.bad_meeting_date"))
    answers = _mapping(data.get("answers", {}), "«answers»")
    archived = _mapping(data.get("archived", {}), "«archived»")
    for collection in (answers, archived):
        for item_id, answer in collection.items():
            if not ID_PATTERN.match(item_id):
                raise ImportProblem(texts.text("import.bad_item_id"))
            _check_answer(definition, item_id, answer, archived=collection is archived)
    return data


def usable_answers(answers: Any, archived: bool = False) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """Stored answers split into those of the right shape and those to quarantine (``{"item", "reason"}``).

    Only the shape is checked (field types, never whether a value is still allowed), so an
    answer the checklist has since changed around is kept, while ``[null]``, ``null`` or a list
    where an answer belongs is set aside. ``answers`` that is not a mapping is set aside whole
    (``item`` ``"*"``).
    """
    if not isinstance(answers, dict):
        return {}, [{"item": "*", "reason": texts.text("import.stored_bad_shape")}]
    good: dict[str, Any] = {}
    bad: list[dict[str, str]] = []
    for item_id, answer in answers.items():
        try:
            if not ID_PATTERN.match(item_id):
                raise ImportProblem(texts.text("import.stored_bad_id"))
            _check_answer(None, item_id, answer, archived=archived, stored=True)
        except ImportProblem as problem:
            bad.append({"item": item_id, "reason": str(problem)})
        else:
            good[item_id] = answer
    return good, bad


def _check_encodable(data: Any, definition: Definition | None = None) -> None:
    found = textsafety.first_problem(data)
    if found is None:
        return
    path, kind = found
    where = _describe(path, definition)
    if kind == "surrogate":
        raise ImportProblem(texts.text("import.surrogate", where=where))
    raise ImportProblem(
        texts.text("import.unsafe_number", where=where, limit=_norwegian_int(textsafety.MAX_SAFE_INTEGER))
    )


def item_name(definition: Definition | None, item_id: str) -> str:
    """An item as messages name it: «punkt 1.2 («Hvor mange kontorer?»)», by number and title, not by id.

    An id the checklist does not have (an archived or unknown item) is shown as it is.
    """
    ref = definition.by_id.get(item_id) if definition is not None else None
    if ref is None:
        return texts.text("import.item.unknown", id=str(item_id)[:40])
    return known_item_name(ref)


MAX_TITLE_IN_MESSAGE = 60
"""Longest item text a message quotes; a longer one is cut at a word, with «…»."""


def known_item_name(ref: Any) -> str:
    """An item of the checklist (an ``ItemRef``) as messages name it: its number and its (shortened) text."""
    title = " ".join(ref.data["text"].split())
    if len(title) > MAX_TITLE_IN_MESSAGE:
        title = title[: MAX_TITLE_IN_MESSAGE - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-") + "…"
    return texts.text("import.item.known", number=ref.number, text=title)


def _describe(path: tuple[str | int, ...], definition: Definition | None = None) -> str:
    """A place in an answer file in words: «svaret på punkt 1.2 («Hvor mange kontorer?»)», ««walkthrough»»."""
    if len(path) >= 2 and path[0] in ("answers", "archived"):
        return texts.text(
            "import.answer_to", item=item_name(definition if path[0] == "answers" else None, str(path[1]))
        )
    return f"«{'.'.join(str(p) for p in path[:3])[:60]}»" if path else texts.text("import.the_file")


def _timestamp(data: dict[str, Any], key: str, message: str) -> None:
    if key in data and not (isinstance(data[key], str) and (data[key] == "" or TIMESTAMP.match(data[key]))):
        raise ImportProblem(message)


def _only_keys(data: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    unknown = [key for key in data if key not in allowed]
    if unknown:
        shown = ", ".join(f"«{key[:40]}»" for key in unknown[:3])
        raise ImportProblem(texts.text("import.unknown_fields", where=where, shown=shown))


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportProblem(texts.text("import.incomplete", where=where))
    return value


def _check_text(value: str, what: str, limit: int = MAX_TEXT) -> None:
    if len(value) > limit:
        raise ImportProblem(texts.text("import.too_long", what=what, length=len(value), limit=limit))
    if MARKUP.search(value):
        raise ImportProblem(texts.text("import.markup", what=what))


def _check_answer(
    definition: Definition | None, item_id: str, answer: Any, archived: bool, stored: bool = False
) -> None:
    """Refuse an answer of the wrong shape; unless ``stored``, also text with markup and values the item forbids."""
    where = texts.text("import.answer_to", item=item_name(None if archived else definition, item_id))
    if not isinstance(answer, dict):
        raise ImportProblem(texts.text("import.bad_shape", where=where))
    if not stored:
        _only_keys(answer, ANSWER_FIELDS + (ARCHIVE_FIELDS if archived else ()), where)

    def text(value: str, what: str, limit: int = MAX_TEXT) -> None:
        if not stored:
            _check_text(value, what, limit)

    for key in (*ANSWER_TEXT_FIELDS, "text"):
        if key in answer:
            if not isinstance(answer[key], str):
                raise ImportProblem(texts.text("import.bad_type", where=where, key=key))
            text(answer[key], where, MAX_SHORT_TEXT if key == "owner_name" else MAX_TEXT)
    if not isinstance(answer.get("owner", ""), str) or answer.get("owner", "") not in ("", *OWNER_SIDES):
        sides = f"{', '.join(OWNER_SIDES[:-1])} {texts.text('and')} {OWNER_SIDES[-1]}"
        raise ImportProblem(texts.text("import.unknown_owner", where=where, sides=sides))
    due = answer.get("due", "")
    if due != "" and not (isinstance(due, str) and DATE.match(due) and _valid_date(due)):
        raise ImportProblem(texts.text("import.bad_due", where=where))
    if "hash" in answer and not (isinstance(answer["hash"], str) and HASH.match(answer["hash"])):
        raise ImportProblem(texts.text("import.bad_hash", where=where))
    _timestamp(answer, "updated", texts.text("import.bad_time", where=where))
    if "archived_in_version" in answer and not (
        isinstance(answer["archived_in_version"], str) and VERSION.match(answer["archived_in_version"])
    ):
        raise ImportProblem(texts.text("import.bad_archived_version", where=where))
    actions = answer.get("actions", [])
    if not isinstance(actions, list) or len(actions) > MAX_ACTIONS:
        raise ImportProblem(texts.text("import.bad_actions", where=where))
    for action in actions:
        if not isinstance(action, dict):
            raise ImportProblem(texts.text("import.bad_actions", where=where))
        if not stored:
            _only_keys(action, ACTION_FIELDS, texts.text("import.an_action", where=where))
        for key in ("what", "owner_name"):
            if not isinstance(action.get(key, ""), str):
                raise ImportProblem(texts.text("import.bad_action_type", where=where))
            text(action.get(key, ""), texts.text("import.an_action", where=where))
        owner = action.get("owner", "")
        if (
            not isinstance(owner, str)
            or owner not in ("", *OWNER_SIDES)
            or not isinstance(action.get("done", False), bool)
        ):
            raise ImportProblem(texts.text("import.bad_action_values", where=where))
        if action.get("due", "") and not (
            isinstance(action["due"], str) and DATE.match(action["due"]) and _valid_date(action["due"])
        ):
            raise ImportProblem(texts.text("import.bad_action_due", where=where))
    value = answer.get("value")
    ref = None if value is None or archived or stored or definition is None else definition.by_id.get(item_id)
    if ref is None:
        if value is not None and (not isinstance(value, (str, int)) or isinstance(value, bool)):
            raise ImportProblem(texts.text("import.bad_value", where=where))
        if isinstance(value, int) and abs(value) > textsafety.MAX_SAFE_INTEGER:
            raise ImportProblem(texts.text("import.number_too_large", where=where))
        if isinstance(value, str):
            text(value, where)
        return
    assert definition is not None
    item = ref.data
    allowed = definition.allowed_values(item)
    if allowed is not None:
        if value not in allowed:
            item_text = item_name(definition, item_id)
            raise ImportProblem(texts.text("import.not_an_option", value=str(value)[:40], item=item_text))
    elif item["type"] == "number":
        problem = number_problem(ref, value)
        if problem or not isinstance(value, (int, float)):
            raise ImportProblem(texts.text("import.number_problem", problem=problem))
        answer["value"] = int(value)  # 7.0 in a file is the whole number 7
    else:
        if not isinstance(value, str):
            raise ImportProblem(texts.text("import.must_be_text", item=item_name(definition, item_id)))
        text(value, where)


def number_bounds(item: dict[str, Any]) -> tuple[int, int]:
    """The lowest and highest whole number a ``number`` item accepts: its ``min``/``max``, else what JS holds."""
    low, high = item.get("min"), item.get("max")
    limit = textsafety.MAX_SAFE_INTEGER
    return (max(low, -limit) if isinstance(low, int) else -limit, min(high, limit) if isinstance(high, int) else limit)


def _norwegian_int(number: int) -> str:
    return f"{number:,}".replace(",", "\u00a0").replace("-", "\u2212")


def number_problem(ref: Any, value: Any) -> str | None:
    """Why ``value`` is not a valid answer to number item ``ref`` (an ``ItemRef``), in Norwegian, or ``None``."""
    item = ref.data
    name = known_item_name(ref)
    low, high = number_bounds(item)
    if isinstance(value, float) and value.is_integer() and abs(value) <= textsafety.MAX_SAFE_INTEGER:
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        return texts.text("number.whole", item=name)
    if value < low:
        return texts.text("number.below", item=name, limit=_norwegian_int(low))
    if value > high:
        return texts.text("number.above", item=name, limit=_norwegian_int(high))
    return None


def parse_number(ref: Any, entered: Any) -> tuple[int | None, str | None]:
    """A number typed into item ``ref``: ``(value, None)``, ``(None, message)`` or, when empty, ``(None, None)``.

    Accepts what a person types: spaces as thousands separators, «−» as minus. «2,5» and «2.5»
    are refused with a message, never rounded; so are numbers outside the item's bounds.
    """
    if entered is None:
        return None, None
    if isinstance(entered, bool):
        return None, number_problem(ref, 0.5)
    if isinstance(entered, (int, float)):
        problem = number_problem(ref, entered)
        return (None, problem) if problem else (int(entered), None)
    if not isinstance(entered, str):
        return None, number_problem(ref, 0.5)
    text = re.sub(r"[\s\u00a0\u202f]", "", entered).replace("\u2212", "-")
    if text == "":
        return None, None
    if re.fullmatch(r"[+-]?\d+", text):
        digits = text.lstrip("+-")
        if len(digits) > textsafety.MAX_NUMBER_DIGITS:
            low, high = number_bounds(ref.data)
            return None, number_problem(ref, high + 1 if not text.startswith("-") else low - 1)
        number = int(text)
        problem = number_problem(ref, number)
        return (None, problem) if problem else (number, None)
    if re.fullmatch(r"[+-]?\d*[.,]\d+", text):
        return None, number_problem(ref, 0.5)
    return None, texts.text("number.not_a_number", item=known_item_name(ref))


def _valid_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
