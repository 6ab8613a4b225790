"""Playwright driving Debian's Chromium against the built site, served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import CURRENT_VERSION, NEXT_VERSION, PageErrors
from helpers import mkdocs_build, project_copy
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


@pytest.fixture(scope="session")
def next_version_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The site with the next version of partnerskapsavtale: one question reworded, one removed, one added."""
    root = tmp_path_factory.mktemp("v11")
    project = project_copy(root / "project")
    path = project / "checklists" / "partnerskapsavtale.yml"
    text = path.read_text(encoding="utf-8")
    current = CURRENT_VERSION
    following = NEXT_VERSION
    removed = text[text.index("      - id: formal-visjoner") : text.index("      - id: formal-virksomhetsplan")]
    added = (
        "      - id: formal-evaluering\n"
        "        text: Har dere avtalt hvordan målene skal følges opp?\n"
        "        roles: [fylkesdirektor, kommunedirektor]\n"
    )
    text = (
        text.replace(removed, added)
        .replace(
            "Er dere enige om felles mål for Nav-kontoret?",
            "Er dere enige om felles mål og prioriteringer for Nav-kontoret?",
        )
        .replace(
            f'version: "{current}"\nchangelog:\n',
            f'version: "{following}"\nchangelog:\n  - version: "{following}"\n    date: 2026-12-01\n'
            "    text: Ett spørsmål omformulert, ett fjernet og ett nytt.\n",
            1,
        )
    )
    assert f'version: "{following}"' in text and "prioriteringer for Nav-kontoret" in text, "the edits did not apply"
    path.write_text(text, encoding="utf-8")
    run = mkdocs_build(project, root / "site", site_url=f"http://127.0.0.1:{site_port}/")
    assert run.returncode == 0, run.stderr[-3000:]
    return root / "site"
