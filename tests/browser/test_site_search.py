"""Norwegian search in the real browser (Material's lunr with the «no» stemmer), offline and under the CSP."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from browser_helpers import search_site
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "query,expected_page",
    [
        ("driftsavtale", "partnerskapsavtalen/"),
        ("vertskommune", "vertskommunesamarbeid/"),
        ("medbestemmelse", "vertskommunesamarbeid/"),
        ("driftsavtalen", "partnerskapsavtalen/"),  # an inflected form: the Norwegian stemmer finds it
    ],
)
def test_search_finds_the_right_page(site, page: Page, query: str, expected_page: str) -> None:
    page.goto(site.url)
    results = search_site(page, query)
    hrefs = results.evaluate_all("links => links.slice(0, 5).map(a => a.getAttribute('href'))")
    assert any(urlparse(href).path.endswith("/" + expected_page) for href in hrefs), hrefs


def term_only_in_item_guidance() -> tuple[str, str]:
    """A word that occurs in exactly one checklist item's guidance and nowhere else in the content."""
    elsewhere: list[str] = [path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md")]
    words: dict[str, set[str]] = {}
    for path in sorted((ROOT / "checklists").glob("*.yml")):
        checklist = yaml.safe_load(path.read_text(encoding="utf-8"))
        elsewhere += [checklist["title"], checklist.get("intro") or ""]
        for section in checklist["sections"]:
            elsewhere += [section["title"], section.get("guidance") or ""]
            for entry in section["items"]:
                elsewhere.append(entry["text"])
                for word in re.findall(r"[a-zæøå]{10,}", (entry.get("guidance") or "").lower()):
                    words.setdefault(word, set()).add(checklist["id"])
    text = " ".join(elsewhere).lower()
    found = sorted((word, ids.pop()) for word, ids in words.items() if len(ids) == 1 and word not in text)
    assert found, "no word occurs only in one item's guidance"
    return found[0]


def test_search_index_loads_on_first_search_and_finds_item_guidance(site, page: Page) -> None:
    term, checklist = term_only_in_item_guidance()
    index_requests: list[str] = []
    page.on("request", lambda request: "search_index.json" in request.url and index_requests.append(request.url))
    page.goto(site.url + "om-partnerskapet/")
    page.wait_for_load_state("networkidle")
    assert index_requests == []  # a guidance page does not pay for the index of every checklist
    results = search_site(page, term)
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(urlparse(href).path.endswith(f"/sjekklister/{checklist}/") for href in hrefs), (term, hrefs)
    assert len(index_requests) == 1
