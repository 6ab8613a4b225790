"""Pyodide loads only on checklist pages, from the site itself, once per tab across instant navigation."""

from __future__ import annotations

from urllib.parse import urlparse

from conftest import wait_for_engine
from playwright.sync_api import Page, expect


def record_requests(page: Page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def test_guidance_pages_load_no_pyodide(site, page: Page) -> None:
    urls = record_requests(page)
    for path in ("", "om-partnerskapet/", "partnerskapsavtalen/", "sjekklister/"):
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
    assert urls
    assert not [u for u in urls if "/assets/pyodide/" in u or "/assets/engine/" in u]
    assert page.evaluate("() => window.partnerskapEngineStats === undefined")


def test_instant_navigation_keeps_one_engine_per_tab(site, page: Page) -> None:
    urls = record_requests(page)
    page.goto(site.url + "sjekklister/partnerskapsavtale/")
    wait_for_engine(page)
    page.evaluate("() => { window.sameDocument = true; }")
    # Material's instant navigation: click links in the navigation instead of loading pages.
    page.get_by_role("navigation").get_by_role("link", name="Vertskommunesamarbeid om Nav-kontor").first.click()
    expect(page).to_have_url(site.url + "sjekklister/vertskommunesamarbeid/")
    wait_for_engine(page)
    page.get_by_role("navigation").get_by_role("link", name="Om partnerskapet").first.click()
    expect(page).to_have_url(site.url + "om-partnerskapet/")
    page.get_by_role("navigation").get_by_role("link", name="Partnerskapsavtalen punkt for punkt").first.click()
    expect(page).to_have_url(site.url + "sjekklister/partnerskapsavtale/")
    wait_for_engine(page)
    assert page.evaluate("() => window.sameDocument") is True  # no full page load happened
    assert page.evaluate("() => window.partnerskapEngineStats.boots") == 1
    assert len([u for u in urls if u.endswith("/pyodide.asm.wasm")]) == 1
    origins = {f"{urlparse(u).scheme}://{urlparse(u).netloc}" for u in urls if not u.startswith(("blob:", "data:"))}
    assert origins == {site.url.rstrip("/")}
