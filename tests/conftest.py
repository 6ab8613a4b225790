from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import free_port, mkdocs_build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the built site is served on in browser tests (site_url must match for instant navigation)."""
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The real site, built once per session with ``mkdocs build --strict``."""
    out = tmp_path_factory.mktemp("site")
    run = mkdocs_build(ROOT, out, site_url=f"http://127.0.0.1:{site_port}/")
    assert run.returncode == 0, run.stderr[-4000:]
    return out
