"""Offline and privacy: every page and checklist feature stays on the site's own origin and sets no cookies."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from browser_helpers import (
    CHECKLIST,
    all_pages,
    answer_item,
    download,
    search_site,
    wait_for_engine,
)
from playwright.sync_api import BrowserContext, Page


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
    answer_item(page, "1.0 a", "Ja", note="Notat")
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
