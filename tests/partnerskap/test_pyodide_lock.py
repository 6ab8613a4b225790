"""The wheels the browser loads on demand: pinned once with their sha256, the same version CPython tests use."""

from __future__ import annotations

import hashlib
from pathlib import Path

import xlsxwriter

from partnerskap.engine.api import ON_DEMAND_PACKAGES
from partnerskap.pyodide_lock import PACKAGE, browser_wheels, engine_lock, pinned_wheels

ROOT = Path(__file__).resolve().parents[2]


def test_browser_wheels_are_the_versions_requirements_lock_pins() -> None:
    locked = {
        name.lower(): version
        for name, version in (line.split("==") for line in (ROOT / "requirements.lock").read_text().splitlines())
    }
    pinned = pinned_wheels()
    assert sorted(pinned) == sorted(ON_DEMAND_PACKAGES)
    for name, (version, _) in pinned.items():
        assert locked[name] == version
    assert xlsxwriter.__version__ == pinned["xlsxwriter"][0]  # what the CPython tests run


def test_lock_file_declares_each_wheel_with_its_sha256(tmp_path: Path) -> None:
    wheels = browser_wheels()
    pinned = pinned_wheels()
    engine = tmp_path / "partnerskap-0.1.0-py3-none-any.whl"
    engine.write_bytes(b"engine")
    lock = engine_lock({"abi_version": "x"}, engine.name, engine.read_bytes(), "0.1.0", wheels)
    assert sorted(lock["packages"]) == sorted([PACKAGE, *ON_DEMAND_PACKAGES])
    # The engine depends on nothing: XlsxWriter is loaded when the engine asks for it, never at start.
    assert lock["packages"][PACKAGE]["depends"] == []
    for wheel in wheels:
        entry = lock["packages"][wheel.name.split("-")[0]]
        assert entry["file_name"] == wheel.name and entry["version"] == pinned[entry["name"]][0]
        assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest() == pinned[entry["name"]][1]
