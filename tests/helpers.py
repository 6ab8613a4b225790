"""Small fixture helpers: a throwaway project with checklists and pages."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

VALID_CHECKLIST = """\
id: eksempel
title: Eksempel
version: "1.1"
changelog:
  - version: "1.1"
    date: 2026-11-24
    text: Omformulert.
  - version: "1.0"
    date: 2026-11-01
    text: Første versjon.
source:
  title: Veileder
  publisher: KS
  year: 2019
audience: [fylkesdirektor, kommunedirektor]
intro: |
  Les [siden](side.md#medbestemmelse).
phases:
  - id: initiativ
    title: Initiativfasen
sections:
  - id: del-en
    title: "1.0 Første del"
    guidance: Om delen.
    items:
      - id: forste
        text: Er partene enige?
        guidance: Se [økonomi](side.md#økonomi-og-drift).
        roles: [fylkesdirektor]
        phase: initiativ
        references:
          - page: side.md#medbestemmelse
          - law: NAV-loven § 14
          - item: "#antall"
      - id: antall
        text: Hvor mange kontorer?
        type: number
        min: 0
  - id: del-to
    title: "2.0 Andre del"
    items:
      - id: skala
        text: Samarbeidet fungerer godt.
        type: scale
      - id: valg
        text: Velg ett.
        type: choice
        options: [Enig, Uenig]
      - id: fritekst
        text: Andre forhold?
        type: text
"""

PAGE = """\
# Side om noe

## Medbestemmelse { #medbestemmelse }

## Økonomi og drift
"""


def make_project(root: Path, checklists: dict[str, str] | None = None, pages: dict[str, str] | None = None) -> Path:
    """Write ``checklists/<name>`` and ``docs/<name>`` files below ``root``; return ``root``."""
    (root / "checklists").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in (checklists if checklists is not None else {"eksempel.yml": VALID_CHECKLIST}).items():
        (root / "checklists" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in (pages if pages is not None else {"side.md": PAGE}).items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def line_of(text: str, fragment: str) -> int:
    """1-based line of the first line containing ``fragment``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in text")


# A later version of VALID_CHECKLIST: one item reworded, one removed, one added.
NEXT_VERSION = (
    VALID_CHECKLIST.replace(
        'version: "1.1"\nchangelog:',
        'version: "1.2"\nchangelog:\n  - version: "1.2"\n    date: 2026-12-01\n    text: Nytt punkt, ett fjernet.',
        1,
    )
    .replace("Er partene enige?", "Er partene enige om målene?")
    .replace(
        "      - id: fritekst\n        text: Andre forhold?\n        type: text\n",
        "      - id: ny\n        text: Er avtalen signert?\n",
    )
)


def compiled_sample(text: str = VALID_CHECKLIST) -> dict:
    """The compiled definition of a fixture checklist, as the site publishes it."""
    import tempfile
    from pathlib import Path

    from partnerskap.compiled import definition
    from partnerskap.project import load_project

    root = make_project(Path(tempfile.mkdtemp()), {"eksempel.yml": text})
    return definition(load_project(root / "checklists", root / "docs", root).checklists["eksempel"])


def mkdocs_build(project: Path, out: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs build --strict`` of ``project`` into ``out`` (for serving at ``site_url``)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def project_copy(target: Path) -> Path:
    """A copy of this project (sources only) to change and build in a test."""
    import shutil

    shutil.copytree(
        ROOT, target, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", ".git", "tests", "__pycache__")
    )
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


NGINX_SUB_PATH = "partnerskap/"
"""Where the `nginx_site` fixture serves the site (intranets often serve it below a path)."""
