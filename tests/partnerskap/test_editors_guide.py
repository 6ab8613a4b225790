"""The editors' guide (checklists/README.md) cannot drift: every example in it is carried out here.

Each ``<!-- eksempel: KIND [FILE] -->`` marks the block after it: ``grunnlag`` (the example
checklist, published as it stands), ``før``/``etter`` (a replacement in FILE), ``ny`` (a new
FILE), ``kommando`` (shell commands, run), ``utdata`` (the previous command's exact output) and
``roller`` (the standard role ids). Each task is applied to a fresh copy of the project, and the
result must pass the same check the pull-request workflow runs.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import mkdocs_build, project_copy

from partnerskap import model
from partnerskap.contract import write_snapshots
from partnerskap.project import load_project

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "checklists" / "README.md"
MARKER = re.compile(r"<!-- eksempel: (\S+)(?: (\S+))? -->")
TASKS = [
    "Endre ordlyden i et spørsmål",
    "Legge til et punkt",
    "Fjerne et punkt",
    "Legge til en sjekkliste",
    "Legge til en veiledningsside",
    "Lese en feilmelding",
    "Forhåndsvise lokalt",
    "Åpne en pull-forespørsel",
    "Publisere",
]


@dataclass
class Example:
    kind: str
    target: str
    text: str


def guide() -> dict[str, list[Example]]:
    """Examples by the heading of the section they stand in."""
    sections: dict[str, list[Example]] = {}
    heading = ""
    lines = GUIDE.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("## "):
            heading = line[3:].strip()
            sections.setdefault(heading, [])
        match = MARKER.fullmatch(line.strip())
        index += 1
        if not match:
            continue
        if lines[index].startswith("```"):
            end = lines.index("```", index + 1)
            body = lines[index + 1 : end]
        else:
            end = lines.index("", index) if "" in lines[index:] else len(lines)
            body = lines[index:end]
        sections[heading].append(Example(match[1], match[2] or "", "\n".join(body) + ("\n" if body else "")))
        index = end + 1
    return sections


EXAMPLES = guide()


def base() -> Example:
    (example,) = [e for e in EXAMPLES["Eksempelet i oppgavene"] if e.kind == "grunnlag"]
    return example


def published_copy(tmp_path: Path) -> Path:
    """A copy of the project with the guide's example checklist, recorded as published."""
    root = project_copy(tmp_path / "prosjekt")
    example = base()
    (root / example.target).write_text(example.text, encoding="utf-8")
    write_snapshots(load_project(root / "checklists", root / "docs", root), root)
    return root


def run_command(root: Path, command: str) -> str:
    words = shlex.split(command)
    if words[0] == "scripts/partnerskap":
        # The script installs the packages, then runs exactly this (checked here, run below without the install).
        assert 'exec .venv/bin/python -m partnerskap "$@"' in (ROOT / words[0]).read_text(encoding="utf-8")
        words = [sys.executable, "-m", "partnerskap", *words[1:]]
    elif words[0] == "git":
        pass
    else:
        raise AssertionError(f"the guide uses a command this test does not know: {command}")
    env = {**os.environ, "PYTHONPATH": str(root), "GIT_AUTHOR_NAME": "Redaktør", "GIT_COMMITTER_NAME": "Redaktør"}
    env |= {"GIT_AUTHOR_EMAIL": "r@example.invalid", "GIT_COMMITTER_EMAIL": "r@example.invalid"}
    run = subprocess.run(words, cwd=root, capture_output=True, text=True, env=env, check=False)
    if words[0] == "git":
        assert run.returncode == 0, run.stderr
    return (run.stdout + run.stderr).strip()


def carry_out(root: Path, examples: list[Example]) -> str:
    """Apply ``examples`` in order; return the last command's output."""
    output = ""
    pending: Example | None = None
    for example in examples:
        target = root / example.target if example.target else None
        if example.kind == "før":
            pending = example
        elif example.kind == "etter":
            assert pending is not None and pending.target == example.target and target is not None
            text = target.read_text(encoding="utf-8")
            assert text.count(pending.text) == 1, f"«{pending.text.strip()}» is not in {example.target} once"
            target.write_text(text.replace(pending.text, example.text), encoding="utf-8")
            pending = None
        elif example.kind == "ny":
            assert target is not None
            target.write_text(example.text, encoding="utf-8")
        elif example.kind == "kommando" and example.target != "git":
            for command in example.text.splitlines():
                output = run_command(root, command)
        elif example.kind == "utdata":
            assert output == example.text.strip()
    return output


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partnerskap", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=False,
    )


def test_guide_has_every_task_and_the_merge_placeholders_last() -> None:
    headings = list(EXAMPLES)
    assert [h for h in headings if h in TASKS] == TASKS
    assert headings[-2:] == ["Ordvalg", "Må kontrolleres mot gjeldende regelverk"]
    for task in TASKS:
        assert EXAMPLES[task], f"«{task}» has no example"


def test_the_example_checklist_is_valid_and_fits_the_schema(tmp_path: Path) -> None:
    root = published_copy(tmp_path)
    assert check(root).returncode == 0
    schema_check = subprocess.run(
        [
            str(ROOT / ".venv/bin/check-jsonschema"),
            "--schemafile",
            str(ROOT / "checklists/skjema/sjekkliste.schema.json"),
            str(root / base().target),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert schema_check.returncode == 0, schema_check.stdout


@pytest.mark.parametrize(
    "task",
    [
        "Endre ordlyden i et spørsmål",
        "Legge til et punkt",
        "Fjerne et punkt",
        "Oppslag: felter, skalaer, roller og henvisninger",
    ],
)
def test_content_change_passes_the_check(tmp_path: Path, task: str) -> None:
    root = published_copy(tmp_path)
    carry_out(root, EXAMPLES[task])
    run = check(root)
    assert run.returncode == 0, run.stderr


def test_content_changes_without_their_version_step_are_stopped(tmp_path: Path) -> None:
    """Why the version goes up: the same changes with the version left alone fail the check."""
    for task in ["Endre ordlyden i et spørsmål", "Legge til et punkt", "Fjerne et punkt"]:
        root = published_copy(tmp_path / task.replace(" ", "-"))
        versionless = [e for e in EXAMPLES[task] if "version:" not in e.text]
        carry_out(root, versionless)
        run = check(root)
        assert run.returncode == 1 and "Øk «version»" in run.stderr, (task, run.stderr)


def test_reading_an_error_shows_exactly_what_the_check_prints(tmp_path: Path) -> None:
    root = published_copy(tmp_path)
    output = carry_out(root, EXAMPLES["Lese en feilmelding"])
    assert output.startswith("1 feil i innholdet:")  # and carry_out compared it with the guide, character by character


@pytest.mark.slow
def test_new_checklist_and_new_page_build_with_mkdocs(tmp_path: Path) -> None:
    root = published_copy(tmp_path)
    carry_out(root, EXAMPLES["Legge til en sjekkliste"])
    carry_out(root, EXAMPLES["Legge til en veiledningsside"])
    assert check(root).returncode == 0
    build = mkdocs_build(root, root / "site")
    assert build.returncode == 0, build.stderr[-3000:]
    assert (root / "site" / "sjekklister" / "motereferat" / "index.html").is_file()
    page = (root / "site" / "sjekklister" / "moteforberedelse" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../motet/#sakliste"' in page
    assert 'id="sakliste"' in (root / "site" / "motet" / "index.html").read_text(encoding="utf-8")


def test_preview_command_serves_the_site_locally() -> None:
    (example,) = [e for e in EXAMPLES["Forhåndsvise lokalt"] if e.kind == "kommando"]
    script = ROOT / example.text.strip()
    assert os.access(script, os.X_OK)
    assert "mkdocs serve --strict --dev-addr 127.0.0.1:8000" in script.read_text(encoding="utf-8")


def test_pull_request_commands_push_a_branch(tmp_path: Path) -> None:
    root = published_copy(tmp_path)
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    for command in ("git init -q -b main", "git add -A", "git commit -q -m start", f"git remote add origin {remote}"):
        run_command(root, command)
    carry_out(root, EXAMPLES["Legge til en sjekkliste"])
    (example,) = [e for e in EXAMPLES["Åpne en pull-forespørsel"] if e.kind == "kommando"]
    for command in example.text.splitlines():
        run_command(root, command)
    branch = example.text.splitlines()[0].split()[-1]
    files = subprocess.run(
        ["git", "--git-dir", str(remote), "show", "--name-only", "--format=", branch],
        capture_output=True,
        text=True,
        check=True,
    )
    assert files.stdout.split() == ["checklists/motereferat.yml"]


def test_publishing_records_the_published_version(tmp_path: Path) -> None:
    root = published_copy(tmp_path)
    carry_out(root, EXAMPLES["Endre ordlyden i et spørsmål"])
    carry_out(root, EXAMPLES["Publisere"])
    snapshot = (root / "checklists" / "publisert" / "moteforberedelse.json").read_text(encoding="utf-8")
    assert '"version": "1.1"' in snapshot
    assert check(root).returncode == 0


def test_role_list_is_the_models() -> None:
    (example,) = [e for e in EXAMPLES["Oppslag: felter, skalaer, roller og henvisninger"] if e.kind == "roller"]
    assert re.findall(r"`([a-z-]+)`", example.text) == list(model.DEFAULT_ROLES)
