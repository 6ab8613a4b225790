"""Fault suite, engine: pyodide.asm.wasm that cannot load, a slow download, and a reply that is not valid JSON."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_helpers import CHECKLIST, ENGINE_TIMEOUT_MS, PageErrors, item, wait_for_engine
from faults import check_every_export, stored_answer
from playwright.sync_api import BrowserContext, Page, Route, expect

from server import CONTENT_SECURITY_POLICY, SiteHandler, SiteServer

WASM = "**/pyodide.asm.wasm"

LOGIN_PAGE = "<!doctype html><html><head><title>Logg inn</title></head><body><form>Brukernavn</form></body></html>"

FAULTS: dict[str, tuple[Callable[[Route], None], str]] = {
    "404": (lambda route: route.fulfill(status=404, body="Not found"), "svarte med HTTP-status 404"),
    "innloggingsside": (
        lambda route: route.fulfill(status=200, content_type="text/html", body=LOGIN_PAGE),
        "kom tilbake som en nettside",
    ),
    "avbrutt": (lambda route: route.abort("connectionreset"), "ble avbrutt"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_wasm_that_cannot_load_ends_in_a_message_and_retry_works(
    site, context: BrowserContext, page: Page, page_errors: PageErrors, fault: str
) -> None:
    handler, detail = FAULTS[fault]
    context.route(WASM, handler)
    page.goto(site.url + CHECKLIST)
    failure = page.locator(".pv-engine-status__failure[role=alert]")
    expect(failure).to_contain_text("Sjekklistemotoren kunne ikke starte", timeout=ENGINE_TIMEOUT_MS)
    expect(failure).to_contain_text(detail)
    expect(failure).to_contain_text("Du kan svare som før")

    # Answering and saving keep working without the engine.
    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    assert stored_answer(page, "parter-vertskommune")["value"] == "ja"
    page.get_by_role("button", name="JSON", exact=True).click()
    expect(page.locator(".pv-status")).to_contain_text("Sjekklistemotoren har ikke startet")
    expect(page.locator(".pv-status")).to_contain_text("Svarene dine er lagret")

    # «Prøv igjen» when the network is fine again: the engine starts, and the exports work.
    context.unroute(WASM)
    failure.get_by_role("button", name="Prøv igjen").click()
    wait_for_engine(page, answered=1)
    expect(failure).to_be_empty()
    check_every_export(page, {"parter-vertskommune": {"value": "ja"}})
    # The fault itself shows up as a failed request; nothing else went wrong.
    page_errors.errors[:] = [e for e in page_errors.errors if "pyodide.asm.wasm" not in e]


class SlowWasmHandler(SiteHandler):
    """Sends pyodide.asm.wasm slowly, like a busy intranet link (the test itself never sleeps)."""

    def copyfile(self, source, outputfile) -> None:
        if not self.path.split("?")[0].endswith(".wasm"):
            super().copyfile(source, outputfile)
            return
        while chunk := source.read(256 * 1024):
            outputfile.write(chunk)
            outputfile.flush()
            time.sleep(0.35)  # about 14 s for the whole file: past the page's «slow» threshold


@pytest.fixture
def slow_site(built_site: Path) -> Iterator[SiteServer]:
    server = SiteServer(
        built_site, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY}, handler_base=SlowWasmHandler
    )
    yield server
    server.stop()


def test_slow_download_shows_progress_and_is_not_cut_off(slow_site: SiteServer, page: Page) -> None:
    page.goto(slow_site.url + CHECKLIST)
    line = page.locator(".pv-engine-status__line")
    expect(line).to_contain_text("Sjekklistemotoren lastes ned:")
    expect(line).to_contain_text(" av 9,2 MB")
    expect(line).to_contain_text("Det tar lengre tid enn vanlig, men nedlastingen fortsetter.", timeout=30_000)
    item(page, "1.0 a").get_by_role("radio", name="Delvis").check()  # answering does not wait
    wait_for_engine(page, answered=1)
    expect(line).to_be_hidden()
    expect(page.locator(".pv-engine-status__failure")).to_be_empty()
    check_every_export(page, {"parter-vertskommune": {"value": "delvis"}})


CORRUPT_EXPORT_REPLY = """() => {
  // Replace the engine's next reply to an export with non-standard JSON (NaN), as an older engine sent.
  const exports = new Set();
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.request && JSON.parse(message.request).method === 'export') exports.add(message.id);
    return post.call(this, message, ...rest);
  };
  const native = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', {
    configurable: true,
    get() { return native.get.call(this); },
    set(handler) {
      native.set.call(this, (event) => {
        const data = event.data;
        if (window.corruptNextExport && data && exports.has(data.id)) {
          window.corruptNextExport = false;
          handler({ data: { id: data.id, response: '{"ok": true, "result": {"size": NaN}}' } });
          return;
        }
        handler(event);
      });
    },
  });
}"""


def test_a_reply_that_is_not_json_settles_the_request(site, page: Page) -> None:
    page.add_init_script(f"({CORRUPT_EXPORT_REPLY})()")
    page.goto(site.url + CHECKLIST)
    item(page, "1.0 a").get_by_role("radio", name="Nei").check()
    wait_for_engine(page, answered=1)
    page.evaluate("() => { window.corruptNextExport = true; }")
    page.get_by_role("button", name="JSON", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="Noe gikk galt")).to_contain_text(
        "sjekklistemotoren sendte et svar som ikke kunne leses"
    )
    expect(page.locator(".pv-status")).to_be_empty()  # no «Vent litt …» left hanging
    assert page.evaluate("() => window.corruptNextExport") is False
    check_every_export(page, {"parter-vertskommune": {"value": "nei"}})
