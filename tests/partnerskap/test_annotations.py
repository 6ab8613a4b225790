"""Content errors reach the pull request: GitHub annotations on the line and a Norwegian job summary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import VALID_CHECKLIST, line_of, make_project

from partnerskap.annotations import annotation
from partnerskap.errors import ContentError

ROOT = Path(__file__).resolve().parents[2]


def run_check(root: Path, summary: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"}
    return subprocess.run(
        [sys.executable, "-m", "partnerskap", "--root", str(root), "check", "--github", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )


def test_broken_checklist_gives_annotations_on_the_lines_and_a_summary(tmp_path: Path) -> None:
    broken = VALID_CHECKLIST.replace("roles: [fylkesdirektor]", "roles: [fylkesdirektør]").replace(
        "type: number", "type: nummer"
    )
    make_project(tmp_path, {"eksempel.yml": broken, "annen.yml": 'id: annen\ntitle: "Uten slutt\n'})
    summary = tmp_path / "summary.md"
    run = run_check(tmp_path, summary)
    assert run.returncode == 1
    role_line = line_of(broken, "roles: [fylkesdirektør]")
    type_line = line_of(broken, "type: nummer")
    annotations = [line for line in run.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        "::error file=checklists/annen.yml,line=2,title=Feil i innholdet::checklists/annen.yml linje 2: "
        "YAML-syntaksfeil: tekst i anførselstegn som begynner her, blir ikke avsluttet: filen slutter før det "
        "som ble åpnet, ble lukket (feilen merkes først på linje 3). Sjekk innrykk (mellomrom, ikke tab), kolon "
        "etter hver nøkkel, og sett tekst som inneholder kolon eller starter med spesialtegn i anførselstegn.",
        f"::error file=checklists/eksempel.yml,line={role_line},title=Feil i punkt «forste»::"
        f"checklists/eksempel.yml linje {role_line} (punkt «forste»): Ukjent rolle «fylkesdirektør». "
        "Mente du «fylkesdirektor»?",
        f"::error file=checklists/eksempel.yml,line={type_line},title=Feil i punkt «antall»::"
        f"checklists/eksempel.yml linje {type_line} (punkt «antall»): Ukjent type «nummer». Mente du «number»?",
    ]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### Innholdskontroll: 3 feil\n")
    assert "Nettstedet blir ikke publisert før feilene er rettet." in text
    assert (
        f"| checklists/eksempel.yml | {role_line} | Ukjent rolle «fylkesdirektør». | Mente du «fylkesdirektor»? |"
        in text.splitlines()
    )
    assert "3 feil i innholdet:" in run.stderr  # the log keeps the plain report


def test_the_real_content_passes_through_the_script_ci_runs(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    run = subprocess.run(
        ["bash", "scripts/partnerskap", "check", "--github"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "::error" not in run.stdout
    assert summary.read_text(encoding="utf-8").startswith("### Innholdskontroll: ingen feil\n\n")
    assert "scripts/partnerskap check ${GITHUB_ACTIONS:+--github}" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_annotation_escapes_what_would_end_its_fields() -> None:
    error = ContentError("checklists/a,b:c.yml", 3, "Linje én\nlinje to: 100 %", "Rett, så.")
    assert annotation(error) == (
        "::error file=checklists/a%2Cb%3Ac.yml,line=3,title=Feil i innholdet::"
        "checklists/a,b:c.yml linje 3: Linje én%0Alinje to: 100 %25 Rett, så."
    )
