"""The rules both sides apply have one home (partnerskap/engine/rules.py), and the page's JavaScript agrees with it.

The constants reach the page as a generated ES module (rules.js); «has content» and «is answered» are
written once in Python and once in JavaScript (answer-form.js), and the same table of cases runs on both,
the JavaScript under Node.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from partnerskap.engine import rules

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "docs" / "assets" / "javascripts" / "checklist"
RULES_JS = SCRIPTS / "rules.js"
CASES = json.loads((Path(__file__).parent / "rules_cases.json").read_text(encoding="utf-8"))
NODE = shutil.which("node")


def run_node(script: str) -> object:
    """Run an ES module snippet under Node with the page's modules importable; its printed JSON."""
    if NODE is None:
        pytest.fail("node is required (scripts/test installs the npm packages with it)")
    # Node 20 reads a .js file as CommonJS unless told otherwise; the page's modules are ES modules.
    done = subprocess.run(
        [NODE, "--experimental-default-type=module", "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        check=False,
        cwd=SCRIPTS,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_generated_module_is_current() -> None:
    assert RULES_JS.read_text(encoding="utf-8") == rules.javascript_module(), (
        "rules.js is out of date: run .venv/bin/python -m partnerskap.engine.rules > " + str(RULES_JS.relative_to(ROOT))
    )


def test_the_page_reads_the_same_limits_and_patterns() -> None:
    ids = ["3f2c9a1e-7b4d-4c2a-9e1f-0a1b2c3d4e5f", "gammel_id_1", "", "a" * 65, "med mellomrom", "æøå"]
    seen = run_node(
        f"""
        import * as rules from "{RULES_JS.as_uri()}";
        console.log(JSON.stringify({{
          MAX_IMPORT_BYTES: rules.MAX_IMPORT_BYTES,
          MAX_COMBINE_FILES: rules.MAX_COMBINE_FILES,
          CONTENT_FIELDS: rules.CONTENT_FIELDS,
          walkthrough_ids: {json.dumps(ids)}.map((id) => rules.WALKTHROUGH_ID_PATTERN.test(id)),
        }}));
        """
    )
    assert seen == {
        "MAX_IMPORT_BYTES": rules.MAX_IMPORT_BYTES,
        "MAX_COMBINE_FILES": rules.MAX_COMBINE_FILES,
        "CONTENT_FIELDS": list(rules.CONTENT_FIELDS),
        "walkthrough_ids": [bool(re.match(rules.WALKTHROUGH_ID_PATTERN, i)) for i in ids],
    }
    assert seen["walkthrough_ids"] == [True, True, False, False, False, False]  # type: ignore[index]


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_python_has_content_and_is_answered(case: dict) -> None:
    assert rules.has_content(case["answer"]) is case["has_content"]
    assert rules.is_answered(case["answer"]) is case["is_answered"]


def test_javascript_has_content_and_is_answered_on_the_same_cases() -> None:
    seen = run_node(
        f"""
        import {{ hasContent, isAnswered }} from "{(SCRIPTS / "answer-form.js").as_uri()}";
        const cases = {json.dumps(CASES)};
        console.log(JSON.stringify(cases.map((c) => [c.case, hasContent(c.answer), isAnswered(c.answer)])));
        """
    )
    assert seen == [[case["case"], case["has_content"], case["is_answered"]] for case in CASES]
