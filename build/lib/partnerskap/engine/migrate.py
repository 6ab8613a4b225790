"""Content changes between checklist versions: what was reworded, added or removed.

Answers to removed items are archived (kept, shown on request, still exported), never dropped.
"""

from __future__ import annotations

from typing import Any

from .definition import Definition


def change_report(definition: Definition, known_items: dict[str, str], from_version: str) -> dict[str, Any]:
    """Compare the items a walk-through knew (id → hash) with the current definition."""
    current = definition.hashes()
    reworded = [i for i in current if i in known_items and known_items[i] != current[i]]
    added = [i for i in current if i not in known_items]
    removed = [i for i in known_items if i not in current]
    return {
        "from_version": from_version,
        "to_version": definition.version,
        "changed": bool(reworded or added or removed) or from_version != definition.version,
        "reworded": [
            {"id": i, "number": definition.by_id[i].number, "text": definition.by_id[i].data["text"]} for i in reworded
        ],
        "added": [
            {"id": i, "number": definition.by_id[i].number, "text": definition.by_id[i].data["text"]} for i in added
        ],
        "removed": removed,
    }


def archive_removed(
    definition: Definition, answers: dict[str, Any], archived: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Move answers to items the definition no longer has into ``archived``; return both and the moved ids."""
    kept: dict[str, Any] = {}
    archive = dict(archived)
    moved = []
    for item_id, answer in answers.items():
        if item_id in definition.by_id:
            kept[item_id] = answer
        else:
            archive[item_id] = {**answer, "archived_in_version": definition.version}
            moved.append(item_id)
    return kept, archive, moved


def reworded_answers(definition: Definition, answers: dict[str, Any]) -> list[str]:
    """Ids of answered items whose wording changed since the answer was given."""
    return [
        item_id
        for item_id, answer in answers.items()
        if item_id in definition.by_id
        and answer.get("hash")
        and answer["hash"] != definition.by_id[item_id].data["hash"]
    ]
