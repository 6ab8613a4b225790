"""Shared by every view and export: owner sides, how an answer's people and dates read, safe spreadsheet cells.

One home for these rules, so exports, minutes, combine and compare say the same thing
(no module reaches into another's private helpers).
"""

from __future__ import annotations

from typing import Any

from .texts import date_text, text

OWNER_SIDES = ("stat", "kommune", "begge")
"""Who follows an item or action up: the state, the municipality or both (stored values)."""


def owner_label(side: Any) -> str:
    """«Stat», «Kommune», «Begge», or "" for no or an unknown side."""
    return text(f"owner.{side}") if side in OWNER_SIDES else ""


def owner_options() -> list[dict[str, str]]:
    """The sides with their labels, in order, for the page's owner choices (``load_definition`` returns them)."""
    return [{"value": side, "label": owner_label(side)} for side in OWNER_SIDES]


def responsible(record: dict[str, Any]) -> str:
    """Who follows up an answer or action: «Stat, Kari Nordmann», «Stat», «Kari Nordmann» or ""."""
    name = record.get("owner_name", "")
    name = " ".join(name.split()) if isinstance(name, str) else ""
    return ", ".join(part for part in (owner_label(record.get("owner", "")), name) if part)


def due(record: dict[str, Any]) -> str:
    """The due date as ISO text ("" when there is none)."""
    value = record.get("due", "")
    return value if isinstance(value, str) else ""


def done_text(done: bool) -> str:
    """The one wording of an action's state, everywhere: «Ja» (done) or «Nei»."""
    return text("yes") if done else text("no")


def action_line(action: dict[str, Any]) -> str:
    """One action as a line: «Skrive utkast (Stat, Ola, frist 15. januar 2027, utført)»."""
    details = [
        part
        for part in (
            responsible(action),
            text("due", date=date_text(due(action))) if due(action) else "",
            text("done") if action.get("done") else "",
        )
        if part
    ]
    what = str(action.get("what", "")).strip() or text("action.untitled")
    return f"{what} ({', '.join(details)})" if details else what


def item_title(ref: Any) -> str:
    """An item as people name it: its number (whatever the definition gives) and its text, «2.1 a Er …?»."""
    return f"{ref.number} {ref.data['text']}"


def section_title(section: dict[str, Any]) -> str:
    """A section as its heading reads: «2 Ansvar», with the source's number unless the title already starts with it."""
    number, title = section.get("number") or "", section["title"]
    return f"{number} {title}" if number and not title.startswith(number) else title


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these may be read as a formula by a spreadsheet (OWASP's CSV injection list)."""


def safe_cells(row: list[Any]) -> list[Any]:
    """Neutralise spreadsheet formulas in free text (CSV injection); other values pass unchanged."""
    return ["'" + cell if isinstance(cell, str) and cell[:1] in FORMULA_STARTS else cell for cell in row]
