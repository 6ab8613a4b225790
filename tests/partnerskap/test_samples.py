"""The engine's JSON fixtures are exactly what the generator makes of the fixture checklists."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import NEXT_VERSION, VALID_CHECKLIST, compiled_sample

ENGINE_TESTS = Path(__file__).parents[1] / "engine"


def test_engine_fixtures_match_the_generator() -> None:
    for name, text in (("sample_v1_1.json", VALID_CHECKLIST), ("sample_v1_2.json", NEXT_VERSION)):
        assert json.loads((ENGINE_TESTS / name).read_text(encoding="utf-8")) == compiled_sample(text), name
