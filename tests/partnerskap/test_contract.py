"""The content contract: ids of retired items are never reused, and rewording needs a new version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import NEXT_VERSION, VALID_CHECKLIST, line_of, make_project

from partnerskap.contract import RETIRED_FILE, SNAPSHOT_DIR, check_contract, write_snapshots
from partnerskap.project import load_project

ROOT = Path(__file__).resolve().parents[2]


def project_at(root: Path):
    return load_project(root / "checklists", root / "docs", root)


def published(tmp_path: Path, retired: str = "") -> Path:
    """A project whose VALID_CHECKLIST (version 1.1) has been published."""
    make_project(tmp_path)
    write_snapshots(project_at(tmp_path), tmp_path)
    if retired:
        (tmp_path / RETIRED_FILE).write_text(retired, encoding="utf-8")
    return tmp_path


def errors_after(root: Path, text: str):
    (root / "checklists" / "eksempel.yml").write_text(text, encoding="utf-8")
    return check_contract(project_at(root), root)


def test_published_content_unchanged_is_fine(tmp_path: Path) -> None:
    root = published(tmp_path)
    snapshot = json.loads((root / SNAPSHOT_DIR / "eksempel.json").read_text(encoding="utf-8"))
    assert snapshot["version"] == "1.1" and list(snapshot["items"])[:2] == ["forste", "antall"]
    assert check_contract(project_at(root), root) == []


def test_reworded_item_without_a_new_version_is_an_error_on_its_line(tmp_path: Path) -> None:
    root = published(tmp_path)
    reworded = VALID_CHECKLIST.replace("Er partene enige?", "Er partene enige om målene?")
    (error,) = errors_after(root, reworded)
    assert error.file == "checklists/eksempel.yml" and error.item == "forste"
    assert error.line == line_of(reworded, "Er partene enige om målene?")
    assert "endret siden versjon 1.1" in error.message and "fra 1.1 til 1.2" in error.fix and "changelog" in error.fix


def test_new_version_with_changelog_line_and_retired_id_is_accepted(tmp_path: Path) -> None:
    root = published(tmp_path, "eksempel:\n  - fritekst\n")
    assert errors_after(root, NEXT_VERSION) == []


def test_removed_item_must_be_listed_as_retired(tmp_path: Path) -> None:
    root = published(tmp_path)
    errors = errors_after(root, NEXT_VERSION)
    assert [e.item for e in errors] == ["fritekst"]
    assert str(RETIRED_FILE.as_posix()) in errors[0].message


def test_retired_id_can_never_come_back(tmp_path: Path) -> None:
    root = published(tmp_path, "eksempel:\n  - fritekst\n")
    reused = NEXT_VERSION.replace("- id: ny\n", "- id: fritekst\n")
    (error,) = errors_after(root, reused)
    assert error.item == "fritekst" and "kan ikke brukes igjen" in error.message
    assert error.line == line_of(reused, "- id: fritekst")


def test_items_added_or_version_lowered_need_attention(tmp_path: Path) -> None:
    root = published(tmp_path)
    added = VALID_CHECKLIST.replace(
        "        type: text\n", "        type: text\n      - id: ekstra\n        text: Mer?\n"
    )
    (error,) = errors_after(root, added)
    assert "lagt til eller fjernet («ekstra»)" in error.message and error.line == line_of(added, 'version: "1.1"')
    lowered = VALID_CHECKLIST.replace('version: "1.1"\nchangelog:', 'version: "1.0"\nchangelog:').replace(
        '  - version: "1.1"\n    date: 2026-11-24\n    text: Omformulert.\n', ""
    )
    assert any("lavere enn den publiserte versjonen 1.1" in e.message for e in errors_after(root, lowered))


def test_check_command_reports_contract_errors(tmp_path: Path) -> None:
    root = published(tmp_path)
    (root / "checklists" / "eksempel.yml").write_text(VALID_CHECKLIST.replace("Velg ett.", "Velg ett svar."))
    run = subprocess.run(
        [sys.executable, "-m", "partnerskap", "--root", str(root), "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 1 and "(punkt «valg»): Teksten eller svaralternativene er endret" in run.stderr


def test_this_repositorys_content_keeps_the_contract() -> None:
    """If this fails after a content change: bump the version and add a changelog line (see checklists/README.md)."""
    project = project_at(ROOT)
    assert any((ROOT / SNAPSHOT_DIR / f"{c}.json").is_file() for c in project.checklists), "nothing to compare with"
    assert check_contract(project, ROOT) == []
