"""Playwright driving Debian's Chromium against the built site, served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# Test modules import these from browser_helpers; the names stay importable from conftest until the
# browser tests being written on other branches have moved to browser_helpers too.
from browser_helpers import ENGINE_TIMEOUT_MS, PageErrors, wait_for_engine, wait_until_settled  # noqa: F401
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from partnerskap.chromium import CHROMIUM, CHROMIUM_ARGS
from server import CONTENT_SECURITY_POLICY, SiteServer

# Two cores shared by Chromium, Pyodide and the test runner: allow slow moments.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def site(built_site: Path, site_port: int) -> Iterator[SiteServer]:
    """The built site, served with the strict Content-Security-Policy every browser test runs under."""
    server = SiteServer(built_site, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY}, port=site_port)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright per session (a second one cannot start inside the first's event loop)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is required: run scripts/test (it installs it)")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile (empty storage) per test; downloads allowed."""
    context = browser.new_context(accept_downloads=True, locale="nb-NO")
    yield context
    context.close()


@pytest.fixture
def page_errors() -> PageErrors:
    return PageErrors()


@pytest.fixture
def page(context: BrowserContext, page_errors: PageErrors) -> Iterator[Page]:
    page = context.new_page()
    page_errors.watch(page)
    yield page
    assert page_errors.errors == [], page_errors.errors
    assert page_errors.dialogs == [], page_errors.dialogs
