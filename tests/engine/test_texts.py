"""The engine's wording has one home (partnerskap/engine/texts.py): every key the code asks for exists, none is dead."""

from __future__ import annotations

import re
import string
from pathlib import Path

import partnerskap.engine
from partnerskap.engine import texts
from partnerskap.engine.labels import OWNER_SIDES

ENGINE = Path(partnerskap.engine.__file__).parent
LOOKUP = re.compile(r"""\b(text|counted)\(\s*["']([a-z0-9_.]+)["']""")
LITERAL = re.compile(r"""["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")


def _sources() -> list[str]:
    return [source.read_text(encoding="utf-8") for source in ENGINE.glob("*.py") if source.name != "texts.py"]


def _asked_for() -> set[str]:
    keys = set()
    for source in _sources():
        for kind, key in LOOKUP.findall(source):
            keys |= {f"{key}.one", f"{key}.many"} if kind == "counted" else {key}
    return keys | {f"owner.{side}" for side in OWNER_SIDES}  # looked up by the side's code


def test_every_key_the_engine_asks_for_exists_and_every_string_is_used() -> None:
    asked = _asked_for()
    defined = set(texts.STRINGS[texts.LANGUAGE])
    assert asked - defined == set()
    # Used: asked for directly, or named as a literal (a conditional key, the minutes' label tuple).
    named = {key for source in _sources() for key in LITERAL.findall(source)}
    counted = {key for key in named for form in ("one", "many") if f"{key}.{form}" in defined}
    used = asked | named | {f"{key}.{form}" for key in counted for form in ("one", "many")}
    assert defined - used == set()


def test_placeholders_are_named_and_dates_are_written_out() -> None:
    for key, value in texts.STRINGS[texts.LANGUAGE].items():
        for piece in value if isinstance(value, list) else [value] if isinstance(value, str) else value.values():
            fields = [name for _, name, _, _ in string.Formatter().parse(piece) if name is not None]
            assert all(name.isidentifier() for name in fields), key
    assert texts.date_text("2027-01-05") == "5. januar 2027"
    assert texts.date_text("ikke en dato") == "ikke en dato"
    assert texts.percent_text(2 / 3) == "67\u00a0%"
