"""The accessibility statement links to the publisher's formal statement in Digdir's uustatus when
extra.uustatus_url (or UUSTATUS_URL at build time) is set, and only then; the address is escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, mkdocs_build

STATEMENT = "tilgjengelighet/index.html"


@pytest.mark.slow
def test_no_link_without_an_address(built_site: Path) -> None:
    page = (built_site / STATEMENT).read_text(encoding="utf-8")
    assert "Den formelle erklæringen" not in page
    assert "uustatus.no" in page  # the text still says where such statements are published


@pytest.mark.slow
def test_the_address_is_linked_and_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = 'https://uustatus.no/nb/erklaringer/publisert/abc-123?x=1&y="2"'
    monkeypatch.setenv("UUSTATUS_URL", url)
    run = mkdocs_build(ROOT, tmp_path / "site")
    assert run.returncode == 0, run.stderr[-3000:]
    page = (tmp_path / "site" / STATEMENT).read_text(encoding="utf-8")
    assert '<h2 id="uustatus">Den formelle erklæringen</h2>' in page
    assert 'href="https://uustatus.no/nb/erklaringer/publisert/abc-123?x=1&amp;y=&#34;2&#34;"' in page


@pytest.mark.slow
def test_an_address_that_is_not_https_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UUSTATUS_URL", "javascript:alert(1)")
    run = mkdocs_build(ROOT, tmp_path / "site")
    assert run.returncode == 0, run.stderr[-3000:]
    page = (tmp_path / "site" / STATEMENT).read_text(encoding="utf-8")
    assert "Den formelle erklæringen" not in page and "javascript:" not in page
