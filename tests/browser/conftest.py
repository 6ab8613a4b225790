"""Playwright driving Debian's Chromium against the built site, served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from partnerskap.chromium import CHROMIUM, CHROMIUM_ARGS
from server import CONTENT_SECURITY_POLICY, SiteServer

ENGINE_TIMEOUT_MS = 120_000

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


class PageErrors:
    """Console errors, uncaught exceptions, CSP violations and dialogs seen by a page; tests assert there are none."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.unload_prompts = 0

    def on_dialog(self, dialog) -> None:
        # The page asks before it is closed or reloaded with answers never exported when the
        # browser has not promised to keep its storage; leaving is what the test asked for.
        if dialog.type == "beforeunload":
            self.unload_prompts += 1
            dialog.accept()
        else:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

    def watch(self, page: Page) -> None:
        page.on(
            "console",
            lambda message: "Content-Security-Policy" in message.text and self.errors.append(f"CSP: {message.text}"),
        )
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and not message.text.startswith("Failed to load resource")
                and self.errors.append(f"console: {message.text}")
            ),
        )
        page.on("dialog", self.on_dialog)
        page.on(
            "response",
            lambda response: response.status >= 400 and self.errors.append(f"HTTP {response.status}: {response.url}"),
        )


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


def wait_for_engine(page: Page, answered: int | None = None) -> None:
    """Wait until the engine has computed progress (optionally: for this many answers)."""
    if answered is None:
        page.wait_for_function(
            "() => document.getElementById('pv-app')?.dataset.pvProgress !== undefined", timeout=ENGINE_TIMEOUT_MS
        )
    else:
        page.wait_for_function(
            f"() => document.getElementById('pv-app')?.dataset.pvProgress === '{answered}'", timeout=ENGINE_TIMEOUT_MS
        )


SETTLED = """() => {
  // Polled once per frame. Settled: no engine request open, and no finite CSS animation or
  // transition running for three frames in a row (one quiet frame can be the gap before a
  // transition that a scroll just caused).
  const engineBusy = (window.partnerskapEngineStats?.pending ?? 0) > 0;
  const animating = document.getAnimations().some(
    (a) => (a.pending || a.playState === 'running') && a.effect?.getComputedTiming().endTime !== Infinity,
  );
  window.pvQuietFrames = engineBusy || animating ? 0 : (window.pvQuietFrames ?? 0) + 1;
  return window.pvQuietFrames >= 3;
}"""


def wait_until_settled(page: Page) -> None:
    """Wait for the state a check should see: engine idle and every animation and transition finished."""
    page.evaluate("() => { window.pvQuietFrames = 0; }")
    page.wait_for_function(SETTLED, polling="raf", timeout=ENGINE_TIMEOUT_MS)
