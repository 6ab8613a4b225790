"""Norwegian search in the real browser (Material's lunr with the «no» stemmer), offline and under the CSP."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Locator, Page, expect


def search_site(page: Page, query: str) -> Locator:
    """Open the site search, type a query, return the result links."""
    box = page.get_by_role("textbox", name="Søk")
    box.click()
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    return results


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
