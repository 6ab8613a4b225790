"""Page anchors come from the real toc extension with the site's own Markdown set-up."""

from __future__ import annotations

from pathlib import Path

from partnerskap.docsindex import scan_markdown
from partnerskap.site_markdown import new_markdown, site_extensions

ROOT = Path(__file__).resolve().parents[2]


def test_duplicate_headings_get_the_sites_numbered_anchors() -> None:
    page = scan_markdown("a.md", "# Tittel\n\n## Roller\n\n### Roller\n\n## Ærlig talt {#egen}\n")
    assert page.title == "Tittel"
    assert list(page.anchors) == ["tittel", "roller", "roller_1", "egen"]


def test_front_matter_title_wins_and_is_not_a_heading() -> None:
    page = scan_markdown("b.md", "---\ntitle: Fra forsiden\ndescription: Ikke en overskrift\n---\n\n## Del\n")
    assert page.title == "Fra forsiden"
    assert list(page.anchors) == ["del"]


def test_the_site_extensions_are_read_from_mkdocs_yml() -> None:
    names, settings = site_extensions(ROOT / "mkdocs.yml")
    assert {"abbr", "toc", "pymdownx.superfences", "pymdownx.snippets"} <= set(names)
    assert callable(settings["toc"]["slugify"])
    # The site-wide abbreviations apply wherever the site's Markdown set-up is used.
    html = new_markdown(ROOT / "mkdocs.yml").convert("Møtet i KS.")
    assert "<abbr" in html
