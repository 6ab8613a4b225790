"""After one visit to a checklist, the meeting continues without network: the service worker.

Also under a sub-path behind the project's nginx configuration, as intranets often serve the site.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from browser_helpers import CHECKLIST, NEXT_VERSION, download, item, open_checklist, wait_for_async, wait_for_engine
from helpers import NGINX_SUB_PATH
from playwright.sync_api import BrowserContext, Page, expect

from partnerskap.nginx import NginxSite
from server import CONTENT_SECURITY_POLICY, SiteServer

SUB_PATH = NGINX_SUB_PATH
ENGINE_CACHE_URLS = """async () => {
  const names = (await caches.keys()).filter((name) => name.includes(':engine:'));
  if (names.length !== 1) return names;
  return (await (await caches.open(names[0])).keys()).map((request) => request.url);
}"""


def engine_workers(page: Page, base: str) -> list[str]:
    """The page's engine workers, by their address below the site root."""
    return [worker.url.removeprefix(base) for worker in page.workers if "engine-worker" in worker.url]


def use_offline(page: Page, context: BrowserContext, base: str) -> None:
    page.goto(base + CHECKLIST)
    wait_for_engine(page)
    # The engine did not wait for the service worker (registered once the engine has answered):
    # it started uncontrolled, told to keep its own downloads.
    assert engine_workers(page, base) == ["assets/javascripts/checklist/engine-worker.js?keep-files="]
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    assert page.evaluate("async () => (await navigator.serviceWorker.ready).scope") == base
    preload = "async () => (await (await navigator.serviceWorker.ready).navigationPreload.getState()).enabled"
    assert page.evaluate(preload) is True  # pages are requested while the service worker starts
    # The engine's files of this release are in the service worker's cache (the engine worker
    # kept its own downloads there), not just in the HTTP cache. XlsxWriter comes with the idle
    # warm-up after the engine is ready, so Excel exports work offline too.
    manifest = page.request.get(base + "assets/engine/manifest.json").json()
    lock = page.request.get(base + "assets/engine/pyodide-lock.json").json()
    excel_writer = base + "assets/engine/" + lock["packages"]["xlsxwriter"]["file_name"]
    wait_for_async(page, f"async () => (await ({ENGINE_CACHE_URLS})()).includes({json.dumps(excel_writer)})")
    cached = page.evaluate(ENGINE_CACHE_URLS)
    pyodide = f"{base}assets/pyodide/{manifest['pyodide']}/"
    expected = [pyodide + name for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", manifest["stdlib"])]
    expected += [base + "assets/engine/" + name for name in (manifest["wheel"], "pyodide-lock.json", "manifest.json")]
    assert sorted(cached) == sorted([*expected, excel_writer])

    context.set_offline(True)
    page.reload()
    wait_for_engine(page, answered=0)
    # Controlled now: the service worker serves the engine's files, the worker keeps nothing.
    assert engine_workers(page, base) == ["assets/javascripts/checklist/engine-worker.js"]
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    wait_for_engine(page, answered=1)
    name, data = download(page, "JSON")
    assert name.endswith(".json")
    doc = json.loads(data)
    assert [answer["value"] for answer in doc["answers"].values()] == ["ja"]
    name, data = download(page, "Excel")
    assert name.endswith(".xlsx") and openpyxl.load_workbook(io.BytesIO(data)).sheetnames[0] == "Svar"
    context.set_offline(False)


def test_meeting_continues_offline_after_one_visit(site, context: BrowserContext, page: Page, page_errors) -> None:
    use_offline(page, context, site.url)
    page_errors.errors.clear()  # offline, the browser logs the failed revalidations it falls back from


def test_repeat_visit_loads_the_engine_from_the_service_worker(site, context: BrowserContext, page: Page) -> None:
    open_checklist(page, site)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    second = context.new_page()
    engine_responses = []
    second.on("response", lambda r: "/assets/pyodide/" in r.url and engine_responses.append(r.from_service_worker))
    open_checklist(second, site)
    assert engine_responses and all(engine_responses)


STATIC_FILES_KEPT = """async () => {
  // The page's scripts, styles and definition (loaded before the service worker took control) are
  // in this release's static cache, as the page asked the service worker to keep them.
  if (!navigator.serviceWorker.controller) return false;
  const names = (await caches.keys()).filter((name) => name.includes(':static:'));
  if (names.length !== 1) return false;
  const cache = await caches.open(names[0]);
  const urls = performance.getEntriesByType('resource')
    .map((entry) => entry.name.split('#')[0].split('?')[0])
    .filter((url) => url.startsWith(location.origin) && !url.includes('/assets/engine/'))
    .filter((url) => /[/]assets[/](javascripts|stylesheets)[/]|[.]json$/.test(url));
  for (const url of urls) if (!(await cache.match(url))) return false;
  return urls.length > 0;
}"""


def test_repeat_visit_asks_only_for_the_page_and_the_service_worker(
    nginx_server: NginxSite, context: BrowserContext, page: Page
) -> None:
    base = nginx_server.url + SUB_PATH
    page.goto(base + CHECKLIST)
    wait_for_engine(page)
    # The first visit is over once the engine's idle warm-up has loaded (and kept) XlsxWriter and
    # the service worker keeps the page's files.
    page.wait_for_function("() => performance.getEntriesByName('pv-engine-warm').length > 0")
    wait_for_async(page, STATIC_FILES_KEPT)
    page.close()
    position = nginx_server.log_position()
    again = context.new_page()
    again.goto(base + CHECKLIST)
    wait_for_engine(again)
    again.wait_for_load_state("networkidle")
    # Everything else (engine, scripts, styles, the definition, Material's sitemap) comes from the
    # service worker's caches; the page itself is revalidated, and the browser checks sw.js for a
    # new release.
    requested = {line.split()[1] for _status, _sent, _body, line in nginx_server.sent_since(position)}
    assert f"/{SUB_PATH}{CHECKLIST}" in requested
    assert requested <= {f"/{SUB_PATH}{CHECKLIST}", f"/{SUB_PATH}sw.js"}


@pytest.fixture
def revalidated_site(built_site: Path) -> Iterator[SiteServer]:
    """The site sent with the server configuration's «Cache-Control: no-cache» for pages (the test
    server sends no caching header of its own, and browsers would keep its pages for a while)."""
    headers = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "Cache-Control": "no-cache"}
    server = SiteServer(built_site, headers=headers)
    yield server
    server.stop()


def test_a_new_release_is_used_at_once(
    revalidated_site: SiteServer,
    built_site: Path,
    next_version_site: Path,
    context: BrowserContext,
    page: Page,
) -> None:
    site = revalidated_site
    page.goto(site.url + CHECKLIST)
    wait_for_engine(page)
    wait_for_async(page, STATIC_FILES_KEPT)
    old_caches = page.evaluate("async () => (await caches.keys()).filter((name) => name.includes(':static:'))")
    site.root = next_version_site  # a new build is published at the same address
    try:
        # The first visit after the release: the page is new (network first), and the worker of
        # the old release gives it no old definition, script or style.
        second = context.new_page()
        # The worker that handled this page's navigation: the old release's.
        second.add_init_script("window.pvFirstController = navigator.serviceWorker.controller;")
        second.goto(site.url + CHECKLIST)
        wait_for_engine(second)
        # The version is in the page's Kilde line (folded: its text content, not its visibility).
        expect(second.locator("details.pv-source")).to_contain_text(f"Sjekklisteversjon {NEXT_VERSION}")
        expect(second.locator("fieldset[data-pv-item='formal-evaluering']")).to_have_count(1)
        # The old release's static files are gone at once, and the page of another release made
        # the old worker ask for the new one: it is installed (waiting, or already in control).
        # When it takes over is up to the browser: with a tab of the old release open, Chromium
        # was seen to keep it waiting (the new tab gets its files from the network meanwhile).
        wait_for_async(
            second,
            """async (old) => {
                 const names = await caches.keys();
                 const registration = await navigator.serviceWorker.getRegistration();
                 const installed = registration.waiting !== null || registration.active !== window.pvFirstController;
                 return installed && !names.some((name) => old.includes(name));
               }""",
            old_caches,
        )
    finally:
        site.root = built_site


def test_guidance_pages_register_no_service_worker(site, page: Page) -> None:
    for path in ("", "om-partnerskapet/", "sjekklister/"):
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0


@pytest.fixture
def nginx_server(nginx_site: NginxSite) -> NginxSite:
    """The project's nginx configuration serving the site under a sub-path (the session's one)."""
    return nginx_site


@pytest.fixture
def nginx_sub_path(nginx_server: NginxSite) -> str:
    return nginx_server.url + SUB_PATH


def test_offline_under_a_sub_path_behind_nginx(
    nginx_sub_path: str, context: BrowserContext, page: Page, page_errors
) -> None:
    use_offline(page, context, nginx_sub_path)
    expect(page.locator("#pv-progress-text")).to_contain_text("1 av")
    page_errors.errors.clear()  # offline, the browser logs the failed revalidations it falls back from
