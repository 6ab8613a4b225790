"""Text and JSON the engine can always encode and every reader can parse.

One home for the character rules the engine applies on the way in (strict JSON: no NaN,
no infinities, no numbers a browser would round, no deep nesting) and on the way out
(no lone surrogates, no characters XML 1.0 forbids, no bidirectional overrides in text
a person reads).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

MAX_SAFE_INTEGER = 2**53 - 1
"""Largest whole number a browser (JavaScript) holds exactly; larger ones are refused, never rounded."""
MAX_NUMBER_DIGITS = 30
"""Longer number literals are refused before Python converts them (its int-string limit is 4300 digits)."""
MAX_DEPTH = 32
"""Deepest nesting of ``[`` and ``{`` accepted (an answer file needs 5); deeper input is refused unparsed."""

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""A UTF-16 half that lost its pair: valid in a JavaScript string, not encodable as UTF-8."""
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 does not allow (tab, line feed and carriage return are allowed)."""
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Explicit embeddings, overrides and isolates: they can reverse the text around a name."""
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 controls and DEL, except tab, line feed and carriage return."""

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class JSONProblem(ValueError):
    """JSON the engine will not parse; the message is for the user, in Norwegian (without «Filen»)."""


def repair(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, so it can always be encoded."""
    return LONE_SURROGATE.sub("\ufffd", text)


def readable(text: str) -> str:
    """Text for a person to read in an export: repaired, without bidirectional controls."""
    return BIDI_CONTROLS.sub("", repair(text))


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: forbidden characters dropped (lone surrogates and U+FFFE/U+FFFF too)."""
    return XML_FORBIDDEN.sub("", text)


def deep(value: Any, fix: Any) -> Any:
    """``value`` with ``fix`` applied to every string in it (keys too)."""
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, dict):
        return {deep(k, fix) if isinstance(k, str) else k: deep(v, fix) for k, v in value.items()}
    if isinstance(value, list):
        return [deep(v, fix) for v in value]
    return value


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deeply ``[``/``{`` nest in JSON ``text`` (strings ignored), counting no further than ``limit + 1``.

    Runs before :func:`json.loads`, whose recursion would overflow Pyodide's stack on deep input.
    """
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    if len(brackets) <= limit:
        return len(brackets)
    depth = deepest = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        else:
            depth -= 1
    return deepest


def _refuse_constant(name: str) -> Any:
    raise JSONProblem(f"har en verdi som ikke er et tall («{name}»). Bare vanlige tall er tillatt.")


def _parse_float(literal: str) -> float:
    number = float(literal)
    if not math.isfinite(number):
        raise JSONProblem(f"har et tall som er for stort («{literal[:20]}…»).")
    return number


def _parse_int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise JSONProblem(f"har et tall med {len(literal.lstrip('-'))} sifre. Så store tall er ikke tillatt.")
    return int(literal)


def loads(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """Strict :func:`json.loads`: nesting, NaN, infinities and overlong numbers are refused as :class:`JSONProblem`."""
    if not isinstance(text, str):
        raise JSONProblem("er ikke tekst.")
    if nesting_depth(text, max_depth) > max_depth:
        raise JSONProblem(f"er nestet for dypt (mer enn {max_depth} nivåer) og kan ikke leses.")
    return json.loads(text, parse_constant=_refuse_constant, parse_float=_parse_float, parse_int=_parse_int)


def dumps(value: Any, **options: Any) -> str:
    """Standard JSON only (``allow_nan=False``), with lone surrogates repaired."""
    return repair(json.dumps(value, ensure_ascii=False, allow_nan=False, **options))


def first_problem(value: Any, path: tuple[str | int, ...] = ()) -> tuple[tuple[str | int, ...], str] | None:
    """The first place in parsed JSON with a lone surrogate or a number a browser cannot hold exactly."""
    if isinstance(value, str):
        return (path, "surrogate") if LONE_SURROGATE.search(value) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (path, "number") if abs(value) > MAX_SAFE_INTEGER else None
    if isinstance(value, dict):
        for key, item in value.items():
            if LONE_SURROGATE.search(key):
                return (path, "surrogate")
            found = first_problem(item, (*path, key))
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = first_problem(item, (*path, index))
            if found:
                return found
    return None
