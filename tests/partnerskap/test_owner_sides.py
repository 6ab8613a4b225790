"""Owner sides have one home in the engine (labels.OWNER_SIDES); the page's choices and the engine agree with it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))

from samples import answer_file, definition, definition_data

from partnerskap import generator
from partnerskap.engine import api, labels
from partnerskap.engine.answers import ImportProblem, parse_answer_file


def test_the_generated_owner_choices_are_the_engines() -> None:
    """The page's owner radios are rendered from labels.owner_options(), in its order."""
    import re

    from helpers import VALID_CHECKLIST, make_project

    from partnerskap.project import load_project

    root = make_project(Path(__import__("tempfile").mkdtemp()), {"eksempel.yml": VALID_CHECKLIST})
    page = generator.generate(load_project(root / "checklists", root / "docs", root))["sjekklister/eksempel.md"]
    start = page.index('<fieldset class="pv-owner">')
    owner_block = page[start : page.index("</fieldset>", start)]
    choices = re.findall(r'value="(\w+)" data-pv-field="owner"> ([^<]+)</label>', owner_block)
    assert [{"value": value, "label": label} for value, label in choices] == labels.owner_options()


def test_load_definition_gives_the_page_the_owner_sides() -> None:
    reply = api.load_definition(definition_data("1.1"))
    assert reply["owners"] == [
        {"value": "stat", "label": "Stat"},
        {"value": "kommune", "label": "Kommune"},
        {"value": "begge", "label": "Begge"},
    ]


def test_an_import_accepts_exactly_these_sides_and_names_them() -> None:
    for side in labels.OWNER_SIDES:
        parse_answer_file(answer_file(definition_data("1.1"), "Møte", {"forste": {"owner": side}}), definition())
    doc = json.loads(answer_file(definition_data("1.1"), "Møte", {}))
    doc["answers"]["forste"] = {"owner": "fylke"}
    with pytest.raises(ImportProblem) as caught:
        parse_answer_file(json.dumps(doc), definition())
    assert "punkt 1.1 («Er partene enige?»)" in str(caught.value)
    assert "stat, kommune og begge" in str(caught.value)
