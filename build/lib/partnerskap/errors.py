"""Content errors that name the file, the line, the item, the problem and the fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError:
    """One problem in an authored file, worded for an editor (in Norwegian)."""

    file: str
    """Path of the file, relative to the project root where possible."""
    line: int | None
    """1-based line number, or ``None`` when the problem has no single place."""
    message: str
    """What is wrong."""
    fix: str = ""
    """What would be right, or how to make it right."""
    item: str | None = None
    """Id of the section or item the problem is in, if any."""

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        where = f" (punkt «{self.item}»)" if self.item else ""
        text = f"{place}{where}: {self.message}"
        if self.fix:
            text += f" Slik retter du det: {self.fix}"
        return text


class ContentErrors(Exception):
    """Raised when content has one or more errors; carries all of them."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = list(errors)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        heading = "1 feil i innholdet:" if count == 1 else f"{count} feil i innholdet:"
        return "\n".join([heading, *(f"  - {error}" for error in self.errors)])
