from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import NGINX_SUB_PATH, free_port, mkdocs_build

from partnerskap.nginx import NginxSite

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


@pytest.fixture(scope="session")
def nginx_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NginxSite]:
    """The project's nginx configuration serving the site at ``NGINX_SUB_PATH``, built once per session."""
    work = tmp_path_factory.mktemp("nginx")
    server = NginxSite(work / "www", work / "server")
    run = mkdocs_build(ROOT, work / "www" / NGINX_SUB_PATH.rstrip("/"), site_url=server.url + NGINX_SUB_PATH)
    assert run.returncode == 0, run.stderr[-3000:]
    yield server
    server.stop()
