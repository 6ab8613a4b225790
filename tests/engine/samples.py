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
        "forste": {
            "value": "delvis",
            "note": "Må avklares med «kommunen» & staten.",
            "owner": "begge",
            "owner_name": "Kari",
            "due": "2026-12-31",
            "hash": h["forste"],
            "text": d.by_id["forste"].data["text"],
        },
        "antall": {"value": 7, "hash": h["antall"]},
        "skala": {"value": "5", "hash": h["skala"]},
        "fritekst": {
            "value": "Flere forhold.\nLinje to.",
            "note": "=SUM(A1)",
            "hash": h["fritekst"],
            "text": "Andre forhold?",
        },
    }


def walkthrough() -> dict[str, Any]:
    return {
        "id": "wt-1",
        "name": "Partnerskapsmøte NAV Narvik 2026",
        "created": "2026-11-24T10:00:00Z",
        "updated": "2026-11-24T11:00:00Z",
    }


def document(version: str = "1.1") -> dict[str, Any]:
    from partnerskap.engine.answers import new_document

    return new_document(definition(version), walkthrough(), answers(version))


def item_data(item_id: str, text: str, kind: str, **extra: Any) -> dict[str, Any]:
    """A compiled item for hand-built definitions (its hash comes from id and text, so it differs per wording)."""
    import hashlib

    item = {
        "id": item_id,
        "text": text,
        "guidance": "",
        "type": kind,
        "scale": None,
        "options": [],
        "min": None,
        "max": None,
        "roles": [],
        "phase": None,
        "references": [],
        "hash": hashlib.sha256(f"{item_id}:{text}".encode()).hexdigest()[:16],
    }
    item.update(extra)
    return item


def survey_definition_data() -> dict[str, Any]:
    """A small survey like «sporreundersokelse»: the county's name as text first, then numbers, then a choice."""
    data = definition_data("1.1")
    data.update(
        {
            "id": "undersokelse",
            "title": "Undersøkelse",
            "version": "1.0",
            "url": "sjekklister/undersokelse/",
            "scales": {},
        }
    )
    data["sections"] = [
        {
            "id": "fakta",
            "title": "Fakta om fylket",
            "guidance": "",
            "references": [],
            "items": [
                item_data("avdeling", "Hva heter avdelingen eller fylket?", "text"),
                item_data("kommuner", "Hvor mange kommuner?", "number", min=0),
                item_data("kontor", "Hvor mange NAV-kontor?", "number", min=0),
                item_data("statlige", "Hvor mange har statlig leder?", "number", min=0),
            ],
        },
        {
            "id": "vurderinger",
            "title": "Vurderinger",
            "guidance": "",
            "references": [],
            "items": [
                item_data("enig", "Er dere enige?", "choice", options=["Enig", "Uenig"]),
            ],
        },
    ]
    return data


def answer_file(
    data: dict[str, Any], name: str, given: dict[str, Any], walkthrough_id: str = "", **walkthrough_fields: Any
) -> str:
    """An exported answer file (JSON text) for the definition ``data``."""
    import hashlib

    from partnerskap.engine.answers import new_document

    walk = {
        "id": walkthrough_id or "wt-" + hashlib.sha256(name.encode()).hexdigest()[:8],
        "name": name,
        **walkthrough_fields,
    }
    return json.dumps(new_document(Definition(data), walk, given), ensure_ascii=False)


def xlsx_rows(data: bytes, sheet: int = 1) -> list[list[str]]:
    """The cells of one sheet of an .xlsx, as text, row by row (empty cells as "").

    Read with the standard library (it runs under Pyodide too): shared strings, inline strings and values.
    """
    import io
    import xml.etree.ElementTree as ET
    import zipfile

    ns = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    archive = zipfile.ZipFile(io.BytesIO(data))
    shared: list[str] = []
    if "xl/sharedStrings.xml" in archive.namelist():
        strings = ET.fromstring(archive.read("xl/sharedStrings.xml"))
        shared = ["".join(t.text or "" for t in si.iter(f"{{{ns['s']}}}t")) for si in strings.iterfind("s:si", ns)]
    root = ET.fromstring(archive.read(f"xl/worksheets/sheet{sheet}.xml"))
    rows = []
    for row in root.iterfind(".//s:row", ns):
        cells: list[str] = []
        for cell in row.iterfind("s:c", ns):
            letters = "".join(c for c in cell.get("r") if c.isalpha())
            column = 0
            for letter in letters:
                column = column * 26 + ord(letter) - 64
            cells += [""] * (column - 1 - len(cells))
            value = cell.find("s:v", ns)
            if cell.get("t") == "s":
                cells.append(shared[int(value.text)])
            elif cell.get("t") == "inlineStr":
                cells.append("".join(t.text or "" for t in cell.iter(f"{{{ns['s']}}}t")))
            else:
                cells.append(value.text if value is not None else "")
        rows.append(cells)
    return rows
