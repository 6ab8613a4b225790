"""A release: the built ``site/`` (made for its real address) and the server configuration, as one archive.

GitHub Pages cannot send the security and caching headers the site needs, so KS publishes the
archive on its own web server; Pages only shows a preview.
"""

from __future__ import annotations

import datetime
import os
import tarfile
from pathlib import Path

SERVER_CONFIG_DIRS = ("server",)
"""Folders of the repository holding the tested web server configuration, shipped when present."""


class ReleaseError(Exception):
    """A Norwegian reason no release was made."""


def require_site_url(env: dict[str, str] | None = None) -> str:
    """The address the site will be served from; a release without it would link to 127.0.0.1."""
    value = (env if env is not None else dict(os.environ)).get("SITE_URL", "").strip()
    if not value:
        raise ReleaseError(
            "SITE_URL er ikke satt. Publiseringsbygget trenger adressen nettstedet skal ligge på, "
            "ellers peker kanoniske lenker og sitemap.xml til 127.0.0.1. Sett den, f.eks. "
            "SITE_URL=https://partnerskap.example.no/ scripts/build --release (på GitHub: "
            "variabelen SITE_URL under Settings → Secrets and variables → Actions → Variables)."
        )
    if not value.startswith("https://"):
        raise ReleaseError(f"SITE_URL må begynne med https://, men er «{value}».")
    return value if value.endswith("/") else value + "/"


def make_release(root: Path, site_dir: Path, out_dir: Path, site_url: str, today: datetime.date | None = None) -> Path:
    """Pack ``site_dir`` (checked to be built for ``site_url``) and the server config into ``out_dir``."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        raise ReleaseError(f"Fant ikke {sitemap}: bygg nettstedet først (scripts/build --release).")
    text = sitemap.read_text(encoding="utf-8")
    if site_url not in text or "127.0.0.1" in text:
        raise ReleaseError(f"{sitemap} er ikke bygget for {site_url}; bygg på nytt med SITE_URL satt.")
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = (today or datetime.date.today()).isoformat()
    archive = out_dir / f"partnerskap-nettsted-{stamp}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(site_dir, arcname="site")
        for name in SERVER_CONFIG_DIRS:
            if (root / name).is_dir():
                tar.add(root / name, arcname=name)
    return archive
