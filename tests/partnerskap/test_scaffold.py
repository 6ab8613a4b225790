"""``python -m partnerskap new <id>`` writes a checklist that validates, generates and fits the schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import make_project

from partnerskap.generator import generate
from partnerskap.project import load_project
from partnerskap.yamlschema import SCHEMA_LINE, SCHEMA_PATH

ROOT = Path(__file__).resolve().parents[2]


def new(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partnerskap", "--root", str(root), "new", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_new_checklist_loads_generates_and_fits_the_schema(tmp_path: Path) -> None:
    make_project(tmp_path)
    run = new(tmp_path, "mote-i-partnerskapet", "--title", "Møte i partnerskapet: forberedelser")
    assert run.returncode == 0, run.stderr
    assert "Opprettet checklists/mote-i-partnerskapet.yml" in run.stdout
    path = tmp_path / "checklists" / "mote-i-partnerskapet.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_LINE + "\n")
    checklist = load_project(tmp_path / "checklists", tmp_path / "docs", tmp_path).checklists["mote-i-partnerskapet"]
    assert checklist.title == "Møte i partnerskapet: forberedelser"
    assert checklist.version == "1.0" and checklist.changelog[0].version == "1.0"
    assert len(checklist.sections) == 1 and len(checklist.items()) == 1
    assert checklist.source.title and checklist.audience
    files = generate(load_project(tmp_path / "checklists", tmp_path / "docs", tmp_path))
    assert "sjekklister/mote-i-partnerskapet.md" in files
    assert any(name.startswith("sjekklister/mote-i-partnerskapet") and name.endswith(".json") for name in files)
    schema_check = subprocess.run(
        [str(ROOT / ".venv/bin/check-jsonschema"), "--schemafile", str(ROOT / SCHEMA_PATH), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert schema_check.returncode == 0, schema_check.stdout


def test_new_refuses_a_bad_id_and_never_overwrites(tmp_path: Path) -> None:
    make_project(tmp_path)
    before = (tmp_path / "checklists" / "eksempel.yml").read_text(encoding="utf-8")
    existing = new(tmp_path, "eksempel")
    assert existing.returncode == 2 and "finnes allerede" in existing.stderr
    assert (tmp_path / "checklists" / "eksempel.yml").read_text(encoding="utf-8") == before
    bad = new(tmp_path, "Ny_Sjekkliste")
    assert bad.returncode == 2 and "små bokstaver" in bad.stderr
    assert not list((tmp_path / "checklists").glob("Ny*"))
