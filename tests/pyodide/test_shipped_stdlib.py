"""The trimmed, precompiled stdlib the site ships is enough for every engine method.

Runs the engine in Node under the pinned npm Pyodide booted with exactly the built site's
python_stdlib zip, engine wheel and lock file (a plain Node script: pytest itself needs modules
the trimmed zip leaves out).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from partnerskap.engine import api
from partnerskap.stdlib import StdlibError, exercise_engine

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"


def shipped(site: Path) -> tuple[Path, list[Path], dict, list[dict]]:
    manifest = json.loads((site / "assets" / "engine" / "manifest.json").read_text())
    stdlib = site / "assets" / "pyodide" / manifest["pyodide"] / manifest["stdlib"]
    lock = json.loads((site / "assets" / "engine" / "pyodide-lock.json").read_text())
    definitions = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((site / "sjekklister").glob("*.json"))
        if path.name != "index.json"
    ]
    wheels = [site / "assets" / "engine" / package["file_name"] for package in lock["packages"].values()]
    return stdlib, wheels, lock, definitions


@pytest.mark.slow
def test_every_engine_method_runs_with_the_shipped_stdlib(built_site: Path) -> None:
    stdlib, wheels, lock, definitions = shipped(built_site)
    assert sorted(lock["packages"]) == ["partnerskap", "xlsxwriter"]
    with zipfile.ZipFile(stdlib) as archive:
        names = archive.namelist()
    assert names and all(name.endswith(".pyc") for name in names)  # precompiled, no sources
    assert len(names) < 250  # of Pyodide's 559 modules
    assert not any(name.startswith("xml/") for name in names)
    result = exercise_engine(PYODIDE, stdlib, wheels, lock, definitions)
    assert result["called"] == sorted(api.METHODS)
    # The Excel exports ran with XlsxWriter, from the wheel the site ships (engine_exercise checks each file).
    assert result["xlsxwriter"] == lock["packages"]["xlsxwriter"]["version"]


@pytest.mark.slow
def test_a_missing_stdlib_module_fails_the_engine_run(built_site: Path, tmp_path: Path) -> None:
    stdlib, wheels, lock, definitions = shipped(built_site)
    # Control for the test above: the same run with one module the exports need taken out must fail.
    broken = tmp_path / "python_stdlib.zip"
    out = io.BytesIO()
    with zipfile.ZipFile(stdlib) as source, zipfile.ZipFile(out, "w") as target:
        assert "csv.pyc" in source.namelist()
        for info in source.infolist():
            if info.filename != "csv.pyc":
                target.writestr(info, source.read(info))
    broken.write_bytes(out.getvalue())
    with pytest.raises(StdlibError, match="No module named 'csv'"):
        exercise_engine(PYODIDE, broken, wheels, lock, definitions)
