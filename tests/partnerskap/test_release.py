"""The publishing build needs the site's real address, and a release is one archive of site/ and the server config."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import tarfile
from pathlib import Path

import pytest

from partnerskap.release import ReleaseError, make_release, require_site_url

ROOT = Path(__file__).resolve().parents[2]


def test_site_url_is_required_with_a_norwegian_message() -> None:
    with pytest.raises(ReleaseError, match="SITE_URL er ikke satt"):
        require_site_url({})
    with pytest.raises(ReleaseError, match="må begynne med https://"):
        require_site_url({"SITE_URL": "http://127.0.0.1:8000/"})
    assert require_site_url({"SITE_URL": "https://partnerskap.example.no"}) == "https://partnerskap.example.no/"


def test_release_build_stops_before_building_without_site_url(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    run = subprocess.run(
        ["bash", "scripts/build", "--release"], cwd=ROOT, capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 2
    assert "Feil: SITE_URL er ikke satt. Publiseringsbygget trenger adressen" in run.stderr
    assert "INFO" not in run.stderr, "mkdocs must not have started"


def fake_site(root: Path, url: str) -> Path:
    site = root / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html>", encoding="utf-8")
    (site / "sitemap.xml").write_text(f"<urlset><url><loc>{url}</loc></url></urlset>", encoding="utf-8")
    return site


def test_release_archive_holds_site_and_server_config(tmp_path: Path) -> None:
    url = "https://partnerskap.example.no/"
    site = fake_site(tmp_path, url)
    (tmp_path / "server").mkdir()
    (tmp_path / "server" / "nginx.conf").write_text("server {}\n", encoding="utf-8")
    archive = make_release(tmp_path, site, tmp_path / "dist", url, today=datetime.date(2026, 11, 30))
    assert archive.name == "partnerskap-nettsted-2026-11-30.tar.gz"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"site/index.html", "site/sitemap.xml", "server/nginx.conf"} <= names


def test_release_refuses_a_site_built_for_another_address(tmp_path: Path) -> None:
    site = fake_site(tmp_path, "http://127.0.0.1:8000/")
    with pytest.raises(ReleaseError, match=re.escape("ikke bygget for https://partnerskap.example.no/")):
        make_release(tmp_path, site, tmp_path / "dist", "https://partnerskap.example.no/")
    assert not (tmp_path / "dist").exists()
