"""A real, non-editable install of the package is complete (the engine subpackage included)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_install_in_a_clean_venv_has_the_engine(tmp_path: Path) -> None:
    # Built from a copy: setuptools leaves a build/ folder in the tree it builds.
    source = tmp_path / "source"
    shutil.copytree(ROOT / "partnerskap", source / "partnerskap", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("partnerskap-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    templates = {f"partnerskap/templates/{p.name}" for p in (ROOT / "partnerskap" / "templates").iterdir()}
    assert templates and templates <= shipped, sorted(templates - shipped)
    assert "partnerskap/browser-wheels.txt" in shipped  # the build reads the pinned browser wheels from it
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = [python, "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)]
    subprocess.run(install, check=True, capture_output=True)
    probe = subprocess.run(
        [python, "-c", "import partnerskap.engine.api, partnerskap.engine.exports as e; print(e.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "site-packages" in probe.stdout


def test_compiled_definition_does_not_depend_on_the_validator() -> None:
    """The model owns its defaults; building the JSON never reaches into validation code."""
    import ast

    for module in ("compiled.py", "model.py"):
        tree = ast.parse((ROOT / "partnerskap" / module).read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert "validate" not in imported and "partnerskap.validate" not in imported, module
