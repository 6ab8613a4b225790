"""The compiled checklist definition: the JSON the site publishes and the browser engine reads."""

from __future__ import annotations

import dataclasses
from typing import Any

from . import model
from .engine.rules import checklist_url, definition_path

DEFINITION_FORMAT = "partnerskap-sjekkliste/1"
"""Format tag of a compiled definition; bump the number on incompatible changes."""


def definition(checklist: model.Checklist) -> dict[str, Any]:
    """Compile ``checklist`` to a JSON-ready dict with every default resolved."""
    scales = checklist.all_scales()
    roles = checklist.all_roles()
    used_scales = {name for item in checklist.items() if (name := checklist.scale_name(item)) is not None}
    numbers = model.item_numbers(checklist)
    return {
        "format": DEFINITION_FORMAT,
        "id": checklist.id,
        "title": checklist.title,
        "version": checklist.version,
        "url": checklist_url(checklist.id),
        "source": {**dataclasses.asdict(checklist.source), "year_text": checklist.source.year_text()},
        "changelog": [dataclasses.asdict(entry) for entry in checklist.changelog],
        "audience": checklist.audience,
        "intro": checklist.intro,
        "roles": roles,
        "phases": [dataclasses.asdict(phase) for phase in checklist.phases],
        "fields": list(checklist.fields),
        "scales": {name: dataclasses.asdict(scales[name]) for name in sorted(used_scales)},
        "sections": [
            {
                "id": section.id,
                "number": section.number,
                "title": section.title,
                "guidance": section.guidance,
                "references": [dataclasses.asdict(r) for r in section.references],
                "items": [_item(checklist, item, numbers[item.id]) for item in section.items],
            }
            for section in checklist.sections
        ],
    }


def _item(checklist: model.Checklist, item: model.Item, number: str) -> dict[str, Any]:
    data = dataclasses.asdict(item)
    data["scale"] = checklist.scale_name(item)
    data["number"] = number
    return data


def index_entry(checklist: model.Checklist) -> dict[str, Any]:
    """One checklist's entry in ``sjekklister/index.json``."""
    return {
        "id": checklist.id,
        "title": checklist.title,
        "version": checklist.version,
        "url": checklist_url(checklist.id),
        "definition": definition_path(checklist.id),
        "items": len(checklist.items()),
    }
