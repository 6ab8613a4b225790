"""Offline and privacy: every page and checklist feature stays on the site's own origin and sets no cookies."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from conftest import wait_for_engine
from playwright.sync_api import BrowserContext, Page
from test_accessibility import all_pages
from test_answering import CHECKLIST, item, open_details
from test_export_import import download
from test_site_search import search_site


def test_no_request_leaves_the_site_and_no_cookie_is_set(
    site, built_site: Path, context: BrowserContext, page: Page, tmp_path: Path
) -> None:
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    for path in all_pages(built_site):
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
    # Use the checklist features too: answer, filter, search, export, import.
    page.goto(site.url + CHECKLIST)
    first = item(page, "1.0 a")
    first.get_by_role("radio", name="Ja").check()
    open_details(first)
    first.get_by_label("Notat").fill("Notat")
    wait_for_engine(page, answered=1)
    page.get_by_label("Bare ubesvarte").check()
    for button in ("JSON", "CSV", "Markdown", "Excel", "Referat (Word)"):
        name, data = download(page, button)
        if name.endswith(".json"):
            (tmp_path / name).write_bytes(data)
            exported = tmp_path / name
    page.locator("#pv-import").set_input_files(str(exported))
    page.get_by_role("dialog", name="Importer svar").get_by_role("button", name="Som ny gjennomgang").click()
    search_site(page, "driftsavtale")
    origins = {
        f"{urlparse(u).scheme}://{urlparse(u).netloc}"
        for u in requests
        if urlparse(u).scheme in ("http", "https", "ws", "wss")
    }
    assert origins == {site.url.rstrip("/")}, origins
    assert context.cookies() == []
    assert page.evaluate("() => document.cookie") == ""
