"""Malformed content run through the real `mkdocs build --strict`: each stops the build naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VALID_CHECKLIST, mkdocs_build, project_copy

from partnerskap.errors import ContentErrors
from partnerskap.project import load_project

# (case id, file name, content, fragment of the line the message must name, message part)
CASES = [
    # PyYAML notices the unclosed bracket on the next line; the error names the line it opened on.
    (
        "yaml-syntax",
        "eksempel.yml",
        VALID_CHECKLIST.replace("title: Eksempel", "title: [Eksempel"),
        "title: [Eksempel",
        "som begynner her, blir ikke avsluttet",
    ),
    (
        "tab-indent",
        "eksempel.yml",
        VALID_CHECKLIST.replace('    title: "2.0 Andre del"', '\ttitle: "2.0 Andre del"'),
        "\ttitle",
        "YAML-syntaksfeil",
    ),
    (
        "missing-field",
        "eksempel.yml",
        VALID_CHECKLIST.replace("intro: |\n  Les [siden](side.md#medbestemmelse).\n", ""),
        "id: eksempel",
        "Feltet «intro» mangler",
    ),
    (
        "typo-key",
        "eksempel.yml",
        VALID_CHECKLIST.replace("    guidance: Om delen.", "    guidnace: Om delen."),
        "guidnace",
        "Mente du «guidance»?",
    ),
    (
        "duplicate-item-id",
        "eksempel.yml",
        VALID_CHECKLIST.replace("      - id: valg", "      - id: skala"),
        "      - id: skala\n        text: Velg",
        "allerede brukt",
    ),
    (
        "unknown-type",
        "eksempel.yml",
        VALID_CHECKLIST.replace("type: text", "type: tekst"),
        "type: tekst",
        "Ukjent type «tekst»",
    ),
    (
        "unknown-scale",
        "eksempel.yml",
        VALID_CHECKLIST.replace("        type: scale", "        type: scale\n        scale: femdelt"),
        "scale: femdelt",
        "Ukjent skala «femdelt»",
    ),
    (
        "broken-page",
        "eksempel.yml",
        VALID_CHECKLIST.replace("- page: side.md#medbestemmelse", "- page: finnesikke.md"),
        "page: finnesikke.md",
        "finnes ikke",
    ),
    (
        "broken-anchor",
        "eksempel.yml",
        VALID_CHECKLIST.replace("- page: side.md#medbestemmelse", "- page: om-partnerskapet.md#finnesikke"),
        "#finnesikke",
        "ankeret «#finnesikke»",
    ),
    (
        "broken-item",
        "eksempel.yml",
        VALID_CHECKLIST.replace('- item: "#antall"', '- item: "partnerskapsavtale#finnesikke"'),
        "partnerskapsavtale#finnesikke",
        "har ikke noe punkt «finnesikke»",
    ),
    (
        "unknown-role",
        "eksempel.yml",
        VALID_CHECKLIST.replace("roles: [fylkesdirektor]", "roles: [rådmann]"),
        "roles: [rådmann]",
        "Ukjent rolle «rådmann»",
    ),
    (
        "bad-date",
        "eksempel.yml",
        VALID_CHECKLIST.replace("date: 2026-11-01", 'date: "1. november"'),
        "1. november",
        "Datoen «1. november» er ugyldig",
    ),
    (
        "duplicate-checklist-id",
        "zz-kopi.yml",
        None,
        "id: partnerskapsavtale",
        "brukes også i checklists/partnerskapsavtale.yml",
    ),
]


END_TO_END = {"yaml-syntax", "broken-anchor"}
"""Cases also run through the real `mkdocs build --strict` (the hook adapter); the rest run through
the same loader the hook calls, which is what decides the message."""


def _write_case(tmp_path: Path, name: str, content: str | None) -> tuple[Path, str]:
    project = project_copy(tmp_path / "project")
    if content is None:  # a second file claiming an existing checklist's id
        content = (project / "checklists" / "partnerskapsavtale.yml").read_text(encoding="utf-8")
    else:
        content = content.replace("side.md#", "om-partnerskapet.md#").replace("side.md)", "om-partnerskapet.md)")
        content = content.replace("#medbestemmelse", "#loven").replace("#økonomi-og-drift", "#eierne")
    (project / "checklists" / name).write_text(content, encoding="utf-8")
    return project, content


def _assert_named(report: str, name: str, content: str, line_fragment: str, message: str) -> None:
    line = content[: content.index(line_fragment)].count("\n") + 1
    lines = [entry for entry in report.splitlines() if f"checklists/{name}:" in entry and message in entry]
    assert lines, report[-3000:]
    assert f"checklists/{name}:{line}" in lines[0]


@pytest.mark.parametrize("name,content,line_fragment,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_content_is_reported_with_file_line_and_fix(
    tmp_path: Path, name: str, content: str | None, line_fragment: str, message: str
) -> None:
    project, content = _write_case(tmp_path, name, content)
    with pytest.raises(ContentErrors) as caught:
        load_project(project / "checklists", project / "docs", project)
    _assert_named(caught.value.report(), name, content, line_fragment, message)


@pytest.mark.slow
@pytest.mark.parametrize(
    "name,content,line_fragment,message",
    [c[1:] for c in CASES if c[0] in END_TO_END],
    ids=[c[0] for c in CASES if c[0] in END_TO_END],
)
def test_bad_content_stops_the_build(
    tmp_path: Path, name: str, content: str | None, line_fragment: str, message: str
) -> None:
    project, content = _write_case(tmp_path, name, content)
    run = mkdocs_build(project, tmp_path / "out")
    assert run.returncode != 0
    _assert_named(run.stderr, name, content, line_fragment, message)


@pytest.mark.slow
def test_broken_diagram_block_stops_the_build(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    page = project / "docs" / "tillitsvalgtes-perspektiv.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Oslo,15,15,0,0,0,15,0", "Oslo,15,15,0,0,0,femten,0"), encoding="utf-8")
    run = mkdocs_build(project, tmp_path / "out")
    assert run.returncode != 0
    assert "Diagram-blokken" in run.stderr
