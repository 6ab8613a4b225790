"""Steps the browser tests share: open a checklist, wait for the engine, find and answer an item, open
meeting mode, the combine view and the dialogs, download an export.

Test modules import these from here, never from each other or from ``conftest`` (which ``conftest``
a module gets depends on ``sys.path``). Named ``browser_helpers`` because ``tests/helpers.py`` (project
fixtures) is importable as ``helpers`` too."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

CHECKLIST = "sjekklister/partnerskapsavtale/"
"""The checklist most tests use (44 items, note, owner and due date on each)."""
ENGINE_TIMEOUT_MS = 120_000
"""Pyodide's first boot on two busy cores."""


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


def wait_for_async(page: Page, predicate: str, arg: Any = None, timeout: float = 60_000) -> None:
    """Wait until an async JavaScript predicate (``async (arg) => ...``) resolves truthy.

    Playwright's wait_for_function takes a returned promise as truthy at once, so it cannot wait
    for one: here each poll reads the result of the previous evaluation and starts the next."""
    key = "p" + hashlib.sha256(predicate.encode()).hexdigest()[:12]
    page.evaluate("(key) => { if (window.pvPolls) delete window.pvPolls[key]; }", key)
    page.wait_for_function(
        f"""(arg) => {{
          const polls = (window.pvPolls ??= {{}});
          if (polls.{key} !== "pending") {{
            const done = polls.{key} === "yes";
            polls.{key} = "pending";
            ({predicate})(arg).then(
              (value) => {{ polls.{key} = value ? "yes" : "no"; }},
              () => {{ polls.{key} = "no"; }},
            );
            return done;
          }}
          return false;
        }}""",
        arg=arg,
        timeout=timeout,
    )


def wait_until_settled(page: Page) -> None:
    """Wait for the state a check should see: engine idle and every animation and transition finished."""
    page.evaluate("() => { window.pvQuietFrames = 0; }")
    page.wait_for_function(SETTLED, polling="raf", timeout=ENGINE_TIMEOUT_MS)


def open_checklist(page: Page, site: Any, path: str = CHECKLIST) -> None:
    """Load a checklist page and wait until the engine has computed its progress."""
    page.goto(site.url + path)
    wait_for_engine(page)


def item(page: Page, number: str) -> Locator:
    """The item fieldset whose legend (its accessible name) starts with the item number."""
    return page.get_by_role("group", name=re.compile(rf"^{re.escape(number)} "))


def open_details(fieldset: Locator) -> None:
    """Unfold an item's extra fields (note, and owner and due date where the checklist has them)."""
    details = fieldset.locator("details.pv-item__more")
    if details.get_attribute("open") is None:
        # The summary names the checklist's extra fields («Notat, ansvar og frist», or «Notat» in the survey).
        details.locator("summary").click()


def answer_item(
    page: Page,
    number: str,
    value: str | None = None,
    *,
    note: str | None = None,
    owner: str | None = None,
    name: str | None = None,
    due: str | None = None,
) -> Locator:
    """Answer item ``number``: the choice labelled ``value``, and the note, owner side («Stat», «Kommune»,
    «Begge»), owner's name and due date (ISO) that are given. Returns the item's fieldset."""
    fieldset = item(page, number)
    if value is not None:
        fieldset.get_by_role("radio", name=value).check()
    if any(field is not None for field in (note, owner, name, due)):
        open_details(fieldset)
    if note is not None:
        fieldset.get_by_label("Notat").fill(note)
    if owner is not None:
        fieldset.get_by_role("group", name="Ansvarlig").get_by_role("radio", name=owner).check()
    if name is not None:
        fieldset.get_by_label("Navn").fill(name)
    if due is not None:
        fieldset.get_by_label("Frist").fill(due)
    return fieldset


def open_meeting(page: Page) -> Locator:
    """Open meeting mode with its button; the visible dialog."""
    page.get_by_role("button", name="Møtemodus").click()
    meeting = page.get_by_role("dialog", name="Møtemodus")
    expect(meeting).to_be_visible()
    return meeting


def download(page: Page, button: str) -> tuple[str, bytes]:
    """Click an export button; the downloaded file's suggested name and bytes."""
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def dialog_answer(page: Page, title: str, button: str, name: str | None = None) -> None:
    """Answer the page's dialog ``title`` (typing ``name`` into its text field, if given) with ``button``."""
    dialog = page.get_by_role("dialog", name=title)
    expect(dialog).to_be_visible()
    if name is not None:
        field = dialog.get_by_role("textbox")
        field.fill(name)
    dialog.get_by_role("button", name=button, exact=True).click()
    expect(dialog).to_have_count(0)


def all_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as paths below the site root ("" for the front page)."""
    pages = sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in pages if not p.startswith("assets")]


def navigate(page: Page, url: str) -> None:
    """Follow a link to ``url`` the way a reader does: Material's instant navigation swaps the page in place."""
    if page.url == url:
        return
    page.evaluate("() => document.querySelector('.md-content').setAttribute('data-pv-left', '')")
    page.evaluate(
        """(url) => { const link = document.createElement('a'); link.href = url;
                      document.querySelector('.md-content').append(link); link.click(); }""",
        url,
    )
    page.wait_for_function(
        "(url) => location.href === url && !document.querySelector('.md-content[data-pv-left]')", arg=url
    )


def search_site(page: Page, query: str) -> Locator:
    """Open the site search, type a query, return the result links."""
    box = page.get_by_role("textbox", name="Søk")
    box.click()
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    return results


COUNTIES = [("Nordland", [44, 43, 34, 9, 0, 0]), ("Troms", [25, 24, 22, 2, 0, 0]), ("Oslo", [15, 15, 0, 0, 15, 0])]
"""Three respondents' numbers for the survey's numeric items."""


def survey_file(
    built_site: Path,
    name: str,
    numbers: list[int],
    *,
    walkthrough_id: str,
    checklist: str = "sporreundersokelse",
    version: str | None = None,
) -> dict:
    """An answer file for the survey checklist: ``name`` as the first answer, ``numbers`` for the numeric items."""
    definition = json.loads((built_site / "sjekklister" / "sporreundersokelse.json").read_text(encoding="utf-8"))
    items = [i for s in definition["sections"] for i in s["items"]]
    answers = {items[0]["id"]: {"value": name, "hash": items[0]["hash"]}}
    numeric = [i for i in items if i["type"] == "number"]
    for entry, number in zip(numeric, numbers, strict=False):
        answers[entry["id"]] = {"value": number, "hash": entry["hash"], "note": f"Notat fra {name}"}
    return {
        "format": "partnerskap-svar",
        "format_version": 1,
        "exported": "2026-11-24T10:00:00Z",
        "checklist": {
            "id": checklist,
            "version": version or definition["version"],
            "title": definition["title"],
            "items": {i["id"]: i["hash"] for i in items},
        },
        "walkthrough": {"id": walkthrough_id, "name": f"NTL {name}"},
        "answers": answers,
        "archived": {},
    }


def combine_files(built_site: Path, tmp_path: Path) -> list[str]:
    """The three counties' survey files, written to ``tmp_path``."""
    files = []
    for index, (name, numbers) in enumerate(COUNTIES):
        path = tmp_path / f"{index}.json"
        path.write_text(
            json.dumps(survey_file(built_site, name, numbers, walkthrough_id=f"wt-{index}")), encoding="utf-8"
        )
        files.append(str(path))
    return files


def open_combine_view(page: Page, site: Any, built_site: Path, tmp_path: Path) -> None:
    """The survey's combine page with the three counties' files added."""
    page.goto(site.url + "sjekklister/sporreundersokelse/sammenstill/")
    page.locator("#pv-combine-files").set_input_files(combine_files(built_site, tmp_path))
    expect(page.get_by_role("heading", name="Respondenter (3)")).to_be_visible(timeout=120_000)


def stored_answers(page: Page) -> dict:
    """The shown answers as stored in localStorage, by item id."""
    return page.evaluate(
        """() => Object.fromEntries(Object.keys(localStorage).filter(k => k.includes(':svar:'))
               .map(k => [k.split(':svar:')[1], JSON.parse(localStorage.getItem(k))]))"""
    )


def meeting_item(page: Page, number: str) -> Locator:
    """The page's own item fieldset (the meeting view labels its answer group with the same question)."""
    return page.locator("fieldset[data-pv-item]").filter(has=page.locator(".pv-item__number", has_text=number)).first


# Elements wider than the viewport (WCAG 1.4.10): the page itself and any open dialog.
OVERFLOW = """() => {
  const wide = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) wide.push(`page ${root.scrollWidth}px`);
  for (const dialog of document.querySelectorAll('dialog[open]'))
    if (dialog.scrollWidth > dialog.clientWidth) wide.push(`dialog ${dialog.className} ${dialog.scrollWidth}px`);
  return wide;
}"""


# The partnerskapsavtale version in the repository, and the next one (the `next_version_site` fixture).
CURRENT_VERSION = re.search(
    r'^version: "([0-9.]+)"',
    (Path(__file__).parents[2] / "checklists" / "partnerskapsavtale.yml").read_text("utf-8"),
    re.M,
).group(1)
NEXT_VERSION = f"{CURRENT_VERSION.rsplit('.', 1)[0]}.{int(CURRENT_VERSION.rsplit('.', 1)[1]) + 1}"
