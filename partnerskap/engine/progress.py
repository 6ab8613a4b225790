"""Progress per section and in total, and which items a filter shows."""

from __future__ import annotations

from typing import Any

from .definition import Definition
from .rules import is_answered
from .texts import text


def _empty() -> dict[str, Any]:
    return {"answered": 0, "total": 0, "not_applicable": 0, "done": 0}


def progress(definition: Definition, answers: dict[str, Any], filters: dict[str, Any] | None = None) -> dict[str, Any]:
    """Counts for the whole checklist and per section, plus the ids that match ``filters``.

    «Ikke aktuelt» counts as answered (the item has been considered) and is reported
    separately; ``done`` counts the scale's completed values (e.g. «Ferdig», «Ja»).
    Filters: ``role`` (role id), ``phase`` (phase id), ``unanswered`` (bool).
    """
    filters = filters or {}
    total = _empty()
    sections: dict[str, dict[str, Any]] = {}
    visible: list[str] = []
    for ref in definition.items:
        item = ref.data
        answer = answers.get(ref.id)
        counts = sections.setdefault(ref.section["id"], _empty())
        answered = is_answered(answer)
        scale = definition.scale_of(item)
        for bucket in (total, counts):
            bucket["total"] += 1
            if answered:
                bucket["answered"] += 1
                value = (answer or {}).get("value")
                if scale and value == scale.get("not_applicable"):
                    bucket["not_applicable"] += 1
                if scale and value in scale.get("done", []):
                    bucket["done"] += 1
        if filters.get("role") and filters["role"] not in item.get("roles", []):
            continue
        if filters.get("phase") and filters["phase"] != item.get("phase"):
            continue
        if filters.get("unanswered") and answered:
            continue
        visible.append(ref.id)
    for bucket in (total, *sections.values()):
        bucket["percent"] = round(100 * bucket["answered"] / bucket["total"]) if bucket["total"] else 0
        bucket["text"] = _text(bucket)
    return {"total": total, "sections": sections, "visible": visible}


def _text(bucket: dict[str, Any]) -> str:
    shown = text("progress.answered", answered=bucket["answered"], total=bucket["total"])
    if bucket["not_applicable"]:
        shown += text("progress.not_applicable", count=bucket["not_applicable"])
    return shown
