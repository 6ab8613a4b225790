"""Rules the Python side and the page's JavaScript both apply: the one home for each.

Standard library only (it runs in the browser engine too). The page's JavaScript does not read
this file: ``javascript_module()`` writes the same values as an ES module,
``docs/assets/javascripts/checklist/rules.js``, which is committed and kept current by a test
(``tests/partnerskap/test_rules.py``); regenerate it with ``python -m partnerskap.engine.rules``.
Rules that need code («has content», «is answered») are written in Python here and once in
JavaScript (``answer-form.js``); the same table of cases (``tests/rules_cases.json``) runs on both.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_IMPORT_BYTES = 2 * 1024 * 1024
"""Largest answer file accepted on import, and the largest file a combine reads (a full checklist
with long notes is far below). Also the largest a share link may unpack to."""

MAX_COMBINE_FILES = 500
"""Most files combined at once (a county has far fewer offices)."""

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Checklist, section, item and phase ids: lowercase ASCII words joined by single hyphens (they
appear in URLs and storage keys)."""

WALKTHROUGH_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
"""A walk-through's id, as the page makes it (a UUID) or an import brings it."""

ITEM_HASH_LENGTH = 16
"""Hex digits kept of an item's sha256 (what a respondent answered to: wording, type, answers)."""

ITEM_HASH_PATTERN = rf"^[0-9a-f]{{{ITEM_HASH_LENGTH}}}$"

CHECKLIST_URL_DIR = "sjekklister"
"""Folder of the site (and of ``docs/``) where checklist pages and compiled definitions are generated."""

CONTENT_FIELDS = ("value", "note", "owner", "owner_name", "due", "decision", "actions")
"""An answer's fields a user fills in; the others (hash, text, updated) only describe it."""

EMPTY_VALUES: tuple[Any, ...] = (None, "", [])


def has_content(answer: dict[str, Any] | None) -> bool:
    """True if anything at all was filled in (answer, note, owner, due date, decision, actions).

    Text that is only spaces counts: it was typed and is kept."""
    if not answer:
        return False
    return any(answer.get(key) not in EMPTY_VALUES for key in CONTENT_FIELDS)


def is_answered(answer: dict[str, Any] | None) -> bool:
    """True if the item's own answer (not just a note) is given; text that is only spaces is not an answer."""
    if not answer:
        return False
    value = answer.get("value")
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    return True


def checklist_url(checklist_id: str) -> str:
    """A checklist page's URL below the site root."""
    return f"{CHECKLIST_URL_DIR}/{checklist_id}/"


def definition_path(checklist_id: str) -> str:
    """Where a checklist's compiled definition is published, below the site root."""
    return f"{CHECKLIST_URL_DIR}/{checklist_id}.json"


_FOR_THE_PAGE = {
    # What the page's JavaScript uses (the other rules are applied by the Python side only).
    "MAX_IMPORT_BYTES": MAX_IMPORT_BYTES,
    "MAX_COMBINE_FILES": MAX_COMBINE_FILES,
    "WALKTHROUGH_ID_PATTERN": re.compile(WALKTHROUGH_ID_PATTERN),
    "CONTENT_FIELDS": list(CONTENT_FIELDS),
}


def javascript_module() -> str:
    """The rules as an ES module for the page (the text of ``rules.js``)."""
    lines = [
        "// Generated from partnerskap/engine/rules.py by `python -m partnerskap.engine.rules`: do not edit.",
        "// tests/partnerskap/test_rules.py fails when this file and the Python differ.",
        "",
    ]
    for name, value in _FOR_THE_PAGE.items():
        if isinstance(value, re.Pattern):
            # The patterns are plain ASCII classes and anchors: the same syntax in both languages.
            literal = "/" + value.pattern.replace("/", "\\/") + "/"
        else:
            literal = json.dumps(value, ensure_ascii=False)
        lines.append(f"export const {name} = {literal};")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(javascript_module(), end="")
