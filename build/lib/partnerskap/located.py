"""Containers that remember where in a source file they and their entries came from."""

from __future__ import annotations

from typing import Any


class LocatedDict(dict):
    """A mapping with the 1-based line of the mapping and of each key."""

    line: int | None = None
    """Line where the mapping starts."""
    key_lines: dict[str, int]
    """Line of each key."""

    def __init__(self, *args: Any, line: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines = {}

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence with the 1-based line of the sequence and of each entry."""

    line: int | None = None
    """Line where the sequence starts."""
    item_lines: list[int | None]
    """Line of each entry."""

    def __init__(self, *args: Any, line: int | None = None) -> None:
        super().__init__(*args)
        self.line = line
        self.item_lines = []

    def line_of(self, index: int) -> int | None:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line
