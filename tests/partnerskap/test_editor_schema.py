"""The editors' JSON Schema: generated from the model, shipped current, referenced by every checklist,
accepted by every checklist and refused by the validator's shape errors (checked with check-jsonschema)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from helpers import VALID_CHECKLIST
from test_validate import CASES

from partnerskap import model
from partnerskap.yamlschema import SCHEMA_LINE, SCHEMA_PATH, checklist_schema, missing_descriptions, render

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / SCHEMA_PATH
CHECKLISTS = sorted((ROOT / "checklists").glob("*.yml"))

# Validator cases the schema must refuse: they are about the file's shape. The others need other
# files, other fields' values or the pages, which only the validator sees, so the schema accepts them.
SHAPE_CASES = {"yaml-syntax", "missing-field", "unknown-key", "unknown-type", "version-as-number", "duplicate-yaml-key"}


def failing_files(paths: list[Path]) -> set[str]:
    run = subprocess.run(
        [str(ROOT / ".venv/bin/check-jsonschema"), "-o", "json", "--schemafile", str(SCHEMA), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(run.stdout)
    failed = {e["filename"] for e in report.get("errors", [])} | {e["filename"] for e in report.get("parse_errors", [])}
    assert (run.returncode == 0) == (not failed), run.stdout + run.stderr
    return {Path(f).name for f in failed}


def test_shipped_schema_is_current_with_the_model() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == render(), "run: python -m partnerskap schema"


def test_every_field_has_a_norwegian_description() -> None:
    assert missing_descriptions() == [], "add them to DESCRIPTIONS in partnerskap/yamlschema.py"


def test_schema_follows_the_model() -> None:
    schema = checklist_schema()
    item = schema["definitions"]["Item"]
    assert item["properties"]["type"]["enum"] == list(model.ITEM_TYPES)
    assert "hash" not in item["properties"], "derived fields are not written by editors"
    assert set(schema["required"]) == {"id", "title", "version", "changelog", "source", "audience", "intro", "sections"}
    assert set(schema["definitions"]["Reference"]["properties"]) == set(model.REFERENCE_KINDS)


def test_every_checklist_names_the_schema_on_its_first_line_and_validates() -> None:
    assert CHECKLISTS
    for path in CHECKLISTS:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == SCHEMA_LINE, path.name
        assert (path.parent / first.removeprefix("# yaml-language-server: $schema=")).resolve() == SCHEMA
    assert failing_files(CHECKLISTS) == set()


def test_schema_refuses_the_validators_shape_errors_and_passes_the_rest(tmp_path: Path) -> None:
    assert SHAPE_CASES <= {case[0] for case in CASES}
    (tmp_path / "gyldig.yml").write_text(VALID_CHECKLIST, encoding="utf-8")
    for case_id, old, new, *_ in CASES:
        (tmp_path / f"{case_id}.yml").write_text(VALID_CHECKLIST.replace(old, new, 1), encoding="utf-8")
    failed = failing_files(sorted(tmp_path.glob("*.yml")))
    assert failed == {f"{case_id}.yml" for case_id in SHAPE_CASES}, "a new shape case? add it to SHAPE_CASES"
