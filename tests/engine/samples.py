"""Compiled fixture definitions (two versions of one checklist) and answer documents for engine tests.

The JSON files are what the generator makes of tests/helpers.py's checklists;
tests/partnerskap/test_samples.py keeps them in step.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from partnerskap.engine.definition import Definition

HERE = Path(__file__).parent


def definition_data(version: str = "1.1") -> dict[str, Any]:
    return json.loads((HERE / f"sample_v{version.replace('.', '_')}.json").read_text(encoding="utf-8"))


def definition(version: str = "1.1") -> Definition:
    return Definition(definition_data(version))


def answers(version: str = "1.1") -> dict[str, Any]:
    d = definition(version)
    h = d.hashes()
    return {
        "forste": {"value": "delvis", "note": "Må avklares med «kommunen» & staten.", "owner": "begge", "owner_name": "Kari", "due": "2026-12-31", "hash": h["forste"], "text": d.by_id["forste"].data["text"]},
        "antall": {"value": 7, "hash": h["antall"]},
        "skala": {"value": "5", "hash": h["skala"]},
        "fritekst": {"value": "Flere forhold.\nLinje to.", "note": "=SUM(A1)", "hash": h["fritekst"], "text": "Andre forhold?"},
    }


def walkthrough() -> dict[str, Any]:
    return {"id": "wt-1", "name": "Partnerskapsmøte NAV Narvik 2026", "created": "2026-11-24T10:00:00Z", "updated": "2026-11-24T11:00:00Z"}


def document(version: str = "1.1") -> dict[str, Any]:
    from partnerskap.engine.answers import new_document

    return new_document(definition(version), walkthrough(), answers(version))
