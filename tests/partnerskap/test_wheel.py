"""The engine wheel Pyodide loads: pure Python, runtime modules only, reproducible."""

from __future__ import annotations

import zipfile
from pathlib import Path

from partnerskap.wheel import build_wheel


def test_wheel_holds_the_runtime_engine_only(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "partnerskap/__init__.py" in names
    assert "partnerskap/model.py" in names
    assert "partnerskap/engine/api.py" in names
    # An include list: build-time modules (and compiled.py, which needs the validator) stay out.
    assert not {"partnerskap/generator.py", "partnerskap/yamlsource.py", "partnerskap/compiled.py"} & set(names)
    assert any(n.endswith(".dist-info/RECORD") for n in names)


def test_wheel_is_reproducible(tmp_path: Path) -> None:
    first = build_wheel(tmp_path / "a").read_bytes()
    second = build_wheel(tmp_path / "b").read_bytes()
    assert first == second
