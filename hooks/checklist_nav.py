"""MkDocs hook: list every generated checklist page under «Sjekklister» in the navigation.

So adding a checklist is adding one YAML file: mkdocs.yml need not be edited.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

SECTION_TITLE = "Sjekklister"
PREFIX = "sjekklister/"


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    section = next((s for s in nav.items if isinstance(s, Section) and s.title == SECTION_TITLE), None)
    if section is None:
        return nav
    listed = {child.file.src_uri for child in section.children if isinstance(child, Page)}
    for file in files.documentation_pages():
        # Checklist pages only; each one's combine page (sjekklister/<id>/sammenstill.md) is linked from it.
        if (
            file.src_uri.startswith(PREFIX)
            and file.src_uri.count("/") == 1
            and file.src_uri not in listed
            and file.page is not None
        ):
            file.page.parent = section
            section.children.append(file.page)
    # Keep the flat page order and the previous/next links in step with the tree.
    nav.pages = list(_pages(nav.items))
    for previous, page, following in zip([None, *nav.pages], nav.pages, [*nav.pages[1:], None], strict=False):
        page.previous_page, page.next_page = previous, following
    return nav


def _pages(items: Iterable[object]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)
