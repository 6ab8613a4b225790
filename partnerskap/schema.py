"""Turn located YAML data into the model, collecting every error with its line and fix."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import types
import typing
from typing import Any

from . import model
from .errors import ContentError
from .located import LocatedDict, LocatedList


class Converter:
    """Builds model objects from located data; errors go to :attr:`errors` instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[ContentError] = []
        self.current_item: str | None = None
        self._origins: dict[int, tuple[Any, int | None]] = {}

    def line(self, obj: Any, field_name: str | None = None) -> int | None:
        """Line where ``obj`` (or one of its fields) was written."""
        raw, line = self._origins.get(id(obj), (None, None))
        if field_name is not None and isinstance(raw, LocatedDict):
            return raw.line_of(field_name)
        return line

    def error(self, line: int | None, message: str, fix: str = "", item: str | None = None) -> None:
        self.errors.append(ContentError(self.file, line, message, fix, item or self.current_item))

    # -- generic conversion -------------------------------------------------

    def build(self, cls: type, raw: Any, line: int | None, what: str) -> Any:
        """Convert ``raw`` to dataclass ``cls``; return ``None`` if it is unusable."""
        if cls is model.Reference:
            return self.reference(raw, line)
        if not isinstance(raw, dict):
            self.error(line, f"{what} skal være en blokk med felter (nøkkel: verdi), ikke {_describe(raw)}.")
            return None
        raw_line = getattr(raw, "line", line)
        hints = typing.get_type_hints(cls)
        fields = [f for f in dataclasses.fields(cls) if not f.metadata.get("derived")]
        names = [f.name for f in fields]
        if "id" in raw and isinstance(raw["id"], str) and cls in (model.Item, model.Section):
            self.current_item = raw["id"]
        for key in raw:
            if key not in names:
                close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
                fix = f"Mente du «{close[0]}»?" if close else f"Tillatte felter er: {', '.join(names)}."
                self.error(_line_of(raw, key, raw_line), f"Ukjent felt «{key}» i {what}.", fix)
        values: dict[str, Any] = {}
        for f in fields:
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if f.name not in raw or raw[f.name] is None:
                if required:
                    self.error(raw_line, f"Feltet «{f.name}» mangler i {what}.", f"Legg til «{f.name}: …».")
                continue
            value = self.value(hints[f.name], raw[f.name], _line_of(raw, f.name, raw_line), f"«{f.name}»")
            if value is not _INVALID:
                values[f.name] = value
            elif required:
                return None
        try:
            obj = cls(**values)
        except TypeError:  # a required field was missing; already reported
            return None
        self._origins[id(obj)] = (raw, raw_line)
        return obj

    def value(self, hint: Any, raw: Any, line: int | None, what: str) -> Any:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            return self.value(inner[0], raw, line, what)
        if origin is list:
            if not isinstance(raw, list):
                self.error(
                    line,
                    f"{what} skal være en liste, ikke {_describe(raw)}.",
                    "Skriv hvert element på en egen linje som begynner med «- ».",
                )
                return _INVALID
            result = []
            for index, entry in enumerate(raw):
                entry_line = raw.line_of(index) if isinstance(raw, LocatedList) else line
                converted = self.value(args[0], entry, entry_line, f"element {index + 1} i {what}")
                if converted is not _INVALID and converted is not None:
                    result.append(converted)
            return result
        if origin is dict:
            if not isinstance(raw, dict):
                self.error(line, f"{what} skal være en blokk (nøkkel: verdi), ikke {_describe(raw)}.")
                return _INVALID
            mapping: dict[str, Any] = {}
            for key, entry in raw.items():
                converted = self.value(args[1], entry, _line_of(raw, key, line), f"«{key}» i {what}")
                if converted is not _INVALID and converted is not None:
                    mapping[str(key)] = converted
            return mapping
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            built = self.build(hint, raw, line, what)
            return _INVALID if built is None else built
        if hint is str:
            if isinstance(raw, datetime.date):
                return raw.isoformat()
            if isinstance(raw, str):
                return raw
            self.error(
                line,
                f"{what} skal være tekst, men YAML leste {_describe(raw)}.",
                f'Sett verdien i anførselstegn: "{_yaml_text(raw)}".',
            )
            return _INVALID
        if hint is int:
            if isinstance(raw, int) and not isinstance(raw, bool):
                return raw
            self.error(
                line,
                f"{what} skal være et heltall, ikke {_describe(raw)}.",
                "Skriv et tall uten anførselstegn, f.eks. 2019.",
            )
            return _INVALID
        if hint is bool:
            if isinstance(raw, bool):
                return raw
            self.error(line, f"{what} skal være true eller false, ikke {_describe(raw)}.")
            return _INVALID
        raise TypeError(f"unsupported schema type {hint!r}")  # pragma: no cover - schema bug

    def reference(self, raw: Any, line: int | None) -> model.Reference | None:
        kinds = ", ".join(model.REFERENCE_KINDS)
        if not isinstance(raw, dict) or len(raw) != 1:
            self.error(
                line,
                f"En henvisning skal ha nøyaktig én nøkkel ({kinds}), ikke {_describe(raw)}.",
                "Skriv f.eks. «- page: vertskommunesamarbeid.md#medbestemmelse».",
            )
            return None
        ((kind, target),) = raw.items()
        if kind not in model.REFERENCE_KINDS:
            close = difflib.get_close_matches(str(kind), model.REFERENCE_KINDS, n=1, cutoff=0.5)
            fix = f"Mente du «{close[0]}»?" if close else f"Bruk en av: {kinds}."
            self.error(line, f"Ukjent henvisningstype «{kind}».", fix)
            return None
        if not isinstance(target, str) or not target.strip():
            self.error(
                line,
                f"Henvisningen «{kind}» mangler tekst.",
                "Skriv målet etter kolon, i anførselstegn om det inneholder kolon.",
            )
            return None
        reference = model.Reference(kind, target.strip())
        self._origins[id(reference)] = (raw, line)
        return reference


_INVALID = object()


def _line_of(raw: Any, key: str, default: int | None) -> int | None:
    return raw.line_of(key) if isinstance(raw, LocatedDict) else default


def _describe(raw: Any) -> str:
    if raw is None:
        return "en tom verdi"
    if isinstance(raw, bool):
        return f"sannhetsverdien {str(raw).lower()} (YAML leser ord som yes/no/on/off slik)"
    if isinstance(raw, (int, float)):
        return f"tallet {raw}"
    if isinstance(raw, str):
        return f"teksten «{raw}»"
    if isinstance(raw, list):
        return "en liste"
    if isinstance(raw, dict):
        return "en blokk med felter"
    return type(raw).__name__


def _yaml_text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "ja" if raw else "nei"
    return str(raw)
