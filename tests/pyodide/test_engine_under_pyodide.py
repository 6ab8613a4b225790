"""Run tests/engine/ inside Pyodide from the pinned npm package, in Node, offline."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from partnerskap.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]


def test_engine_suite_passes_under_pyodide(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").is_dir():
        pytest.fail("Node and node_modules/pyodide are required: run scripts/test (it runs npm ci)")
    wheel = build_wheel(tmp_path)
    run = subprocess.run(
        [node, str(Path(__file__).with_name("run_engine_tests.mjs")), str(wheel), str(ROOT / "tests" / "engine")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert run.stdout.strip(), run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["platform"] == "emscripten"
    assert "partnerskap.engine.api" in result["imports"]["modules"]
    assert not result["imports"]["failed"], result["imports"]["failed"]
    assert not result["failed"], "\n".join(result["failed"])
    engine_tests = sum(
        1
        for f in (ROOT / "tests" / "engine").glob("test_*.py")
        for line in f.read_text().splitlines()
        if line.startswith("def test_")
    )
    assert result["passed"] >= engine_tests > 0
