"""WCAG 1.4.13 Content on hover or focus: abbreviations use the browser's own title tooltip (which the
browser controls, so the criterion does not apply), not Material's tooltips, which could not be
dismissed with Esc and vanished under the pointer. Every abbreviation is also explained in the glossary."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_abbreviations_have_a_native_title_and_no_theme_tooltip(site, page: Page) -> None:
    page.goto(site.url + "om-partnerskapet/")
    abbreviation = page.locator("article abbr[title]").first
    expect(abbreviation).to_be_visible()
    assert abbreviation.get_attribute("title").strip()
    abbreviation.hover()
    abbreviation.focus()
    # Material's tooltip layer never appears.
    expect(page.locator(".md-tooltip, .md-tooltip2")).to_have_count(0)


def test_the_statement_points_to_the_glossary(site, page: Page) -> None:
    page.goto(site.url + "tilgjengelighet/")
    link = page.locator("article").get_by_role("link", name="ordlisten")
    expect(link).to_have_attribute("href", site.url + "ordliste/")
