"""Pyodide loads only on checklist pages, from the site itself, once per tab across instant navigation."""

from __future__ import annotations

import hashlib
import io
from urllib.parse import urlparse

import openpyxl
from browser_helpers import download, open_checklist, wait_for_engine
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
    # Nor any checklist code: checklist.js and its modules load only on checklist and combine pages.
    assert not [u for u in urls if "/assets/javascripts/checklist" in u and "checklist-on-demand.js" not in u]
    assert page.evaluate("() => window.partnerskapEngineStats === undefined")


def test_checklist_code_loads_after_instant_navigation_from_a_guidance_page(site, page: Page) -> None:
    urls = record_requests(page)
    page.goto(site.url + "om-partnerskapet/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in urls if u.endswith("/assets/javascripts/checklist.js")]
    page.evaluate("() => { window.sameDocument = true; }")
    page.get_by_role("navigation").get_by_role("link", name="Partnerskapsavtalen punkt for punkt").first.click()
    expect(page).to_have_url(site.url + "sjekklister/partnerskapsavtale/")
    wait_for_engine(page)
    page.locator("fieldset[data-pv-item] input[type=radio]").first.check()
    wait_for_engine(page, answered=1)
    assert page.evaluate("() => window.sameDocument") is True  # instant navigation, no new document
    assert len([u for u in urls if u.endswith("/assets/javascripts/checklist.js")]) == 1


def test_instant_navigation_keeps_one_engine_per_tab(site, page: Page) -> None:
    urls = record_requests(page)
    open_checklist(page, site, "sjekklister/partnerskapsavtale/")
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


def test_engine_wheel_is_checked_against_the_lock_files_sha256(site, page: Page, page_errors) -> None:
    # The site ships its own lock file, declaring the engine wheel and XlsxWriter, with their sha256.
    lock = page.request.get(site.url + "assets/engine/pyodide-lock.json").json()
    assert list(lock["packages"]) == ["partnerskap", "xlsxwriter"]
    wheel_url = site.url + "assets/engine/" + lock["packages"]["partnerskap"]["file_name"]
    original = page.request.get(wheel_url).body()
    assert hashlib.sha256(original).hexdigest() == lock["packages"]["partnerskap"]["sha256"]
    # One byte changed on the way: Pyodide must refuse the wheel, and the page must say the engine failed.
    tampered = bytearray(original)
    tampered[-10] ^= 0xFF
    body = {"wheel": bytes(tampered)}
    # On the context, so the route also sees what the service worker fetches for the engine.
    page.context.route(wheel_url, lambda route: route.fulfill(body=body["wheel"], content_type="application/zip"))
    page.goto(site.url + "sjekklister/partnerskapsavtale/")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Sjekklistemotoren kunne ikke starte", timeout=120_000)
    # Chromium reports a failed integrity check as a failed fetch (details only in the worker's console).
    expect(alert).to_contain_text("error occurred while loading partnerskap: Failed to fetch")
    # Control: the same route with the original bytes starts the engine, so the content made the difference.
    body["wheel"] = original
    page.reload()
    wait_for_engine(page)
    expect(page.get_by_role("alert")).to_have_count(0)
    page_errors.errors.clear()  # the refused wheel is logged as a console error by design of this test


def test_engine_loads_only_its_own_lock_file_and_wheel(site, page: Page) -> None:
    urls = record_requests(page)
    open_checklist(page, site, "sjekklister/partnerskapsavtale/")
    engine_files = {urlparse(u).path.rsplit("/", 1)[1] for u in urls if "/assets/engine/" in u}
    lock = page.request.get(site.url + "assets/engine/pyodide-lock.json").json()
    # XlsxWriter may already be loading (the idle warm-up): the engine's start does not wait for it
    # (test_excel_writer_is_loaded_on_demand_and_checked_against_its_sha256).
    engine_files.discard(lock["packages"]["xlsxwriter"]["file_name"])
    assert sorted(engine_files) == sorted(
        ["manifest.json", "pyodide-lock.json", lock["packages"]["partnerskap"]["file_name"]]
    )
    assert not [u for u in urls if "/assets/pyodide/" in u and u.endswith("-lock.json")]


def test_excel_writer_is_loaded_on_demand_and_checked_against_its_sha256(site, page: Page, page_errors) -> None:
    lock = page.request.get(site.url + "assets/engine/pyodide-lock.json").json()
    wheel_url = site.url + "assets/engine/" + lock["packages"]["xlsxwriter"]["file_name"]
    original = page.request.get(wheel_url).body()
    assert hashlib.sha256(original).hexdigest() == lock["packages"]["xlsxwriter"]["sha256"]
    tampered = bytearray(original)
    tampered[-10] ^= 0xFF
    body = {"wheel": bytes(tampered)}
    page.context.route(wheel_url, lambda route: route.fulfill(body=body["wheel"], content_type="application/zip"))
    page.goto(site.url + "sjekklister/partnerskapsavtale/")
    # The engine starts without XlsxWriter: a refused (or unreachable) Excel writer costs only Excel.
    wait_for_engine(page)
    page.get_by_role("radio", name="Ja").first.check()
    wait_for_engine(page, answered=1)
    page.get_by_role("button", name="Excel", exact=True).click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Excel-filen kunne ikke lages", timeout=60_000)
    expect(alert).to_contain_text("Ingen svar er endret.")
    name, data = download(page, "CSV")
    assert name.endswith(".csv") and data.decode("utf-8-sig").count("\r\n") == 45
    page_errors.errors.clear()  # the refused wheel is logged as a console error by design of this test
    # Control: the same route with the original bytes; the next Excel export loads it and downloads.
    body["wheel"] = original
    name, data = download(page, "Excel")
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert name.endswith(".xlsx") and workbook.sheetnames == ["Svar", "Tiltak", "Om gjennomgangen"]
    assert [cell.value for cell in workbook["Svar"][2]][4] == "Ja"
