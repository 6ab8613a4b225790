"""``python -m partnerskap new <id>``: a new checklist file that is valid and builds at once."""

from __future__ import annotations

import datetime
from pathlib import Path

from . import model
from .yamlschema import SCHEMA_LINE

TEMPLATE = """\
{schema_line}
id: {id}
title: {title}
version: "1.0"
changelog:
  - version: "1.0"
    date: {today}
    text: Første versjon.
source:
  title: Skriv tittelen på kildedokumentet
  publisher: KS og Arbeids- og velferdsdirektoratet
  year: {year}
audience: [nav-leder]
intro: |
  Skriv hva sjekklisten er til, og hvordan den brukes.
sections:
  - id: del-1
    title: Første del
    items:
      - id: punkt-1
        text: Skriv det første spørsmålet her.
"""


class ScaffoldError(Exception):
    """A Norwegian reason the file was not created."""


def new_checklist(checklists_dir: Path, checklist_id: str, title: str = "", today: datetime.date | None = None) -> Path:
    """Write ``checklists_dir/<checklist_id>.yml``; never overwrites."""
    if not model.ID_PATTERN.match(checklist_id):
        raise ScaffoldError(
            f"«{checklist_id}» kan ikke brukes som id: bruk små bokstaver a–z, tall og bindestrek, "
            "f.eks. «ny-sjekkliste»."
        )
    path = checklists_dir / f"{checklist_id}.yml"
    if path.exists():
        raise ScaffoldError(f"{path} finnes allerede; velg en annen id.")
    today = today or datetime.date.today()
    text = TEMPLATE.format(
        schema_line=SCHEMA_LINE,
        id=checklist_id,
        title=_yaml_text(title or checklist_id.replace("-", " ").capitalize()),
        today=today.isoformat(),
        year=today.year,
    )
    checklists_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _yaml_text(text: str) -> str:
    """A title as one YAML scalar, quoted (JSON strings are valid YAML) when it needs it."""
    import json

    plain = text.strip()
    if plain and plain[0].isalnum() and ": " not in plain and " #" not in plain and not plain.endswith(":"):
        return plain
    return json.dumps(plain, ensure_ascii=False)
