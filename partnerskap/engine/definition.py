"""Read-only access to a compiled checklist definition (``sjekklister/<id>.json``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ItemRef:
    """An item with its place in the checklist."""

    data: dict[str, Any]
    """The item as compiled."""
    section: dict[str, Any]
    """The section it belongs to."""
    number: str
    """Display number: the source's number the compiled item carries (e.g. «2.1 b»), or, for definitions
    compiled before items carried one, «section.item» by position."""

    @property
    def id(self) -> str:
        return self.data["id"]


class Definition:
    """A compiled checklist with lookups the engine needs."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.id: str = data["id"]
        self.version: str = data["version"]
        self.title: str = data["title"]
        self.sections: list[dict[str, Any]] = data["sections"]
        self.scales: dict[str, dict[str, Any]] = data["scales"]
        self.roles: dict[str, str] = data["roles"]
        self.phases: dict[str, str] = {p["id"]: p["title"] for p in data.get("phases", [])}
        self.items: list[ItemRef] = [
            ItemRef(item, section, item.get("number") or f"{s}.{i}")
            for s, section in enumerate(self.sections, start=1)
            for i, item in enumerate(section["items"], start=1)
        ]
        self.by_id: dict[str, ItemRef] = {ref.id: ref for ref in self.items}

    def hashes(self) -> dict[str, str]:
        """Item id → wording hash, for every item of this version."""
        return {ref.id: ref.data["hash"] for ref in self.items}

    def scale_of(self, item: dict[str, Any]) -> dict[str, Any] | None:
        return self.scales.get(item["scale"]) if item.get("scale") else None

    def allowed_values(self, item: dict[str, Any]) -> list[str] | None:
        """Values a choice-like item accepts, or ``None`` for free text and numbers."""
        scale = self.scale_of(item)
        if scale is not None:
            return [option["value"] for option in scale["options"]]
        if item["type"] == "choice":
            return list(item["options"])
        return None

    def value_label(self, item: dict[str, Any], value: Any) -> str:
        """The answer as a person reads it («Delvis», «4», free text)."""
        if value is None or value == "":
            return ""
        scale = self.scale_of(item)
        if scale is not None:
            for option in scale["options"]:
                if option["value"] == value:
                    return option["label"]
        return str(value)
