"""Run tests/engine/ with the real pytest inside Pyodide from the pinned npm package, in Node."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from partnerskap.pyodide_lock import browser_wheels
from partnerskap.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
WHEEL_CACHE = ROOT / ".cache" / "pyodide-test-wheels"


def pytest_wheels() -> list[Path]:
    """pytest and its dependencies from PyPI, hash-checked by pip against pytest-wheels.txt (cached)."""
    lock = HERE / "pytest-wheels.txt"
    names = [line.split()[0].replace("==", "-") for line in lock.read_text().splitlines() if "==" in line]
    wheels = [next(WHEEL_CACHE.glob(f"{name}-*.whl"), None) for name in names]
    if None in wheels:
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps"]
        options = ["--only-binary=:all:", "--require-hashes", "-r", str(lock), "-d", str(WHEEL_CACHE)]
        subprocess.run([*pip, *options], check=True)
        wheels = [next(WHEEL_CACHE.glob(f"{name}-*.whl")) for name in names]
    return wheels  # type: ignore[return-value]


def cpython_test_ids() -> set[str]:
    """The engine tests pytest collects here, as node ids relative to tests/engine."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests/engine"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return {line.removeprefix("tests/engine/") for line in run.stdout.splitlines() if "::" in line}


def test_engine_suite_passes_under_pyodide(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").is_dir():
        pytest.fail("Node and node_modules/pyodide are required: run scripts/test (it runs npm ci)")
    command = [node, str(HERE / "run_engine_tests.mjs"), str(build_wheel(tmp_path)), str(ROOT / "tests" / "engine")]
    # The engine's on-demand wheels (XlsxWriter) are the site's own pinned files; pytest's come from its list.
    wheels = [*browser_wheels(), *pytest_wheels()]
    run = subprocess.run(
        command + [str(w) for w in wheels], capture_output=True, text=True, timeout=300, cwd=ROOT, check=False
    )
    assert run.stdout.strip(), run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["platform"] == "emscripten" and result["pytest"] == "9.0.3"
    assert "partnerskap.engine.api" in result["modules"]
    assert result["xlsxwriter"] == "3.2.9"
    assert not result["failed"], "\n".join(result["failed"])
    # Every test CPython collects ran under Pyodide too (passed, or skipped for a named reason).
    ran = {node_id.split("/")[-1] for node_id in result["passed"] + result["skipped"]}
    assert ran == cpython_test_ids()
    assert result["exit_code"] == 0
