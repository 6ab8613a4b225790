"""WCAG 3.3.1 Error identification: an invalid number is not silently dropped — the field is marked
invalid, linked to a visible error text, and the error is announced."""

from __future__ import annotations

from browser_helpers import wait_for_engine
from playwright.sync_api import Page, expect

SURVEY = "sjekklister/sporreundersokelse/"


def test_an_invalid_number_is_shown_linked_and_announced(site, page: Page) -> None:
    page.goto(site.url + SURVEY)
    wait_for_engine(page)
    field = page.locator("input[type=number][data-pv-field=value]").first
    for bad in ("-3", "2.5"):
        field.fill(bad)
        expect(field).to_have_attribute("aria-invalid", "true")
        described = field.get_attribute("aria-describedby") or ""
        assert described, "the field names no error text"
        error = page.locator("#" + described.split()[0])
        expect(error).to_be_visible()
        expect(error).not_to_have_text("")
        # Announced: the error text is in a live region (itself or an ancestor).
        assert error.evaluate(
            "el => !!el.closest('[role=alert], [role=status], [aria-live=polite], [aria-live=assertive]')"
        )
    field.fill("12")
    expect(field).not_to_have_attribute("aria-invalid", "true")
