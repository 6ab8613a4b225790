"""Screenshots of the site's main views, light and dark, for looking at the design.

Builds the site (unless --site names a built one), serves it on 127.0.0.1 under the same
Content-Security-Policy as the browser tests, and writes PNGs with Debian's Chromium into
screenshots/ (git-ignored). Run it as scripts/screenshots [--site DIR] [--out DIR] [--only NAME].
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browser_helpers import wait_for_engine  # noqa: E402

from partnerskap.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from server import CONTENT_SECURITY_POLICY, SiteServer  # noqa: E402

PHONE = {"width": 360, "height": 780}
LAPTOP = {"width": 1366, "height": 768}
WIDE = {"width": 1920, "height": 1080}
CHECKLIST = "sjekklister/partnerskapsavtale/"
ENGINE_MS = 120_000


def build(out: Path) -> Path:
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-q", "-d", str(out)], cwd=ROOT, check=True
    )
    return out


def calm(page: Page) -> None:
    # Two frames first: a scroll starts Material's header transition only on the next frame.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def answer_a_few(page: Page) -> None:
    """Three answers with a note, so the views have something to show."""
    page.goto(page.url.split("#")[0])
    wait_for_engine(page)
    items = page.locator("fieldset[data-pv-item]")
    for index, answer in ((0, "Ja"), (1, "Delvis"), (2, "Nei")):
        items.nth(index).get_by_role("radio", name=answer, exact=True).check()
    wait_for_engine(page, answered=3)


def open_meeting(page: Page) -> Page:
    page.get_by_role("button", name="Møtemodus").click()
    meeting = page.get_by_role("dialog", name="Møtemodus")
    expect(meeting).to_be_visible()
    calm(page)
    return page


def go_to_minutes(page: Page) -> None:
    meeting = page.get_by_role("dialog", name="Møtemodus")
    for _ in range(200):
        if meeting.get_by_role("heading", name="Referat", exact=False).count():
            break
        meeting.get_by_role("button", name="Neste →").or_(
            meeting.get_by_role("button", name="Til referatet →")
        ).first.click()
    expect(meeting.get_by_role("heading", name="Referat", exact=False)).to_be_visible()
    calm(page)


def combine(page: Page, tmp: Path) -> None:
    """Three respondents' answer files (exported from the page itself) loaded into the combine view."""
    page.goto(page.url.rsplit("/sjekklister/", 1)[0] + "/sjekklister/suksesskriterier/")
    files = []
    for number, values in enumerate((("2", "5"), ("4", "6"), ("5", None))):
        items = page.locator("fieldset[data-pv-item]")
        for index, value in enumerate(values):
            if value:
                items.nth(index).get_by_role("radio", name=value, exact=True).check()
        wait_for_engine(page, answered=sum(1 for v in values if v))
        with page.expect_download() as info:
            page.get_by_role("button", name="JSON", exact=True).click()
        doc = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
        doc["walkthrough"]["id"] = f"respondent-{number}"
        path = tmp / f"svar-{number}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        files.append(path)
        page.evaluate("() => localStorage.clear()")
        page.reload()
        wait_for_engine(page)
    page.goto(page.url.split("/sjekklister/")[0] + "/sjekklister/suksesskriterier/sammenstill/")
    page.locator("#pv-combine-files").set_input_files([str(f) for f in files])
    expect(page.get_by_role("heading", name="Respondenter (3)")).to_be_visible(timeout=ENGINE_MS)
    calm(page)


Shot = tuple[str, dict[str, int], str, Callable[[Page, Path], None] | None, bool]
"""(name, viewport, path, what to do after loading, whole page)."""

SHOTS: list[Shot] = [
    ("start-phone", PHONE, "", None, False),
    ("start-laptop", LAPTOP, "", None, True),
    ("guidance-phone", PHONE, "partnerskapsavtalen/", None, False),
    ("guidance-laptop", LAPTOP, "partnerskapsavtalen/", None, False),
    ("checklist-phone", PHONE, CHECKLIST, lambda p, _: answer_a_few(p), False),
    ("checklist-laptop", LAPTOP, CHECKLIST, lambda p, _: answer_a_few(p), False),
    ("meeting-1920x1080", WIDE, CHECKLIST, lambda p, _: (answer_a_few(p), open_meeting(p)), False),
    ("meeting-1366x768", LAPTOP, CHECKLIST, lambda p, _: (answer_a_few(p), open_meeting(p)), False),
    ("minutes-1366x768", LAPTOP, CHECKLIST, lambda p, _: (answer_a_few(p), open_meeting(p), go_to_minutes(p)), False),
    ("combine-laptop", LAPTOP, CHECKLIST, combine, False),
]


def take(browser: Browser, base: str, out: Path, shot: Shot, scheme: str, tmp: Path) -> Path:
    name, viewport, path, action, full = shot
    context = browser.new_context(viewport=viewport, color_scheme=scheme, locale="nb-NO", accept_downloads=True)
    outside: list[str] = []
    context.on("request", lambda request: request.url.startswith(base) or outside.append(request.url))
    page = context.new_page()
    page.goto(base + path)
    if action:
        action(page, tmp)
    if not page.locator("dialog[open]").count():  # a page, not meeting mode: show its top
        page.evaluate("() => window.scrollTo({ top: 0, behavior: 'instant' })")
    calm(page)
    target = out / f"{name}-{scheme}.png"
    page.screenshot(path=str(target), full_page=full)
    context.close()
    if outside:
        raise SystemExit(f"{name}: requests left the site: {outside}")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--only", help="take only the shots whose name contains this")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site = args.site or build(tmp / "site")
        server = SiteServer(site, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})
        # A browser that drops a connection it no longer needs is not an error worth a traceback.
        server.httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for shot in SHOTS:
                    if args.only and args.only not in shot[0]:
                        continue
                    for scheme in ("light", "dark"):
                        print(take(browser, server.url, args.out, shot, scheme, tmp))
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
