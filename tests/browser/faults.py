"""Shared checks for the fault suite: after every fault the answers are still there and every export is a valid file."""

from __future__ import annotations

import io
import json
import re
import zipfile
from xml.etree import ElementTree

import openpyxl
from browser_helpers import download
from playwright.sync_api import Page, expect


def exported_json(page: Page) -> dict:
    """Download the JSON export and parse it (json.loads must accept it)."""
    _, data = download(page, "JSON")
    return json.loads(data.decode("utf-8"))


def check_every_export(page: Page, answers: dict[str, dict]) -> dict:
    """JSON, Excel and Word exports download and parse; the JSON holds ``answers`` (item -> fields)."""
    doc = exported_json(page)
    for item_id, fields in answers.items():
        assert item_id in doc["answers"], (item_id, sorted(doc["answers"]))
        for field, value in fields.items():
            assert doc["answers"][item_id].get(field) == value, (item_id, field, doc["answers"][item_id])
    _, xlsx = download(page, "Excel")
    assert openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets
    _, docx = download(page, "Referat (Word)")
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        ElementTree.fromstring(archive.read("word/document.xml"))
    expect(page.get_by_role("status").filter(has_text="Lastet ned")).to_have_count(1)
    return doc


def stored(page: Page, part: str) -> dict[str, str]:
    """Raw localStorage entries whose key contains ``part``."""
    return page.evaluate(
        "part => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.includes(part)))", part
    )


def stored_answer(page: Page, item_id: str) -> dict | None:
    found = [json.loads(v) for k, v in stored(page, ":svar:").items() if k.endswith(f":svar:{item_id}")]
    return found[0] if found else None


def item_id(page: Page, number: str) -> str:
    return page.get_by_role("group", name=re.compile(rf"^{re.escape(number)} ")).get_attribute("data-pv-item")


FILL_TO_QUOTA = """() => {
  // Fill this origin's localStorage until the browser refuses more: the real quota, not a mock.
  let chunk = 'x'.repeat(1 << 20);
  let n = 0;
  while (chunk.length > 0) {
    try { localStorage.setItem(`fyll:${n}`, chunk); n += 1; }
    catch (error) {
      if (error.name !== 'QuotaExceededError') throw error;
      chunk = chunk.slice(0, chunk.length >> 1);
    }
  }
  return n;
}"""


def fill_storage(page: Page) -> int:
    return page.evaluate(FILL_TO_QUOTA)


def free_storage(page: Page) -> None:
    page.evaluate(
        "() => { for (const k of Object.keys(localStorage)) if (k.startsWith('fyll:')) localStorage.removeItem(k); }"
    )
