"""Markdown extension: explain an abbreviation at its first use on a page only.

The site-wide abbreviation list (``includes/abbreviations.md``) makes ``abbr`` wrap every
occurrence; a page that names KS or MBA fifty times would underline all fifty. This runs after
``abbr`` and unwraps every later ``<abbr>`` of the same term, keeping its text.

A page rendered in several conversions (the generator's item guidance) passes one set as the
``explained`` option: the terms explained so far on that page, kept across conversions and resets.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Set as AbstractSet

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


def _unwrap(parent: ET.Element, child: ET.Element) -> None:
    """Replace ``child`` by its text and tail, in place (abbr elements hold text only)."""
    text = (child.text or "") + (child.tail or "")
    index = list(parent).index(child)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(child)


class FirstAbbreviationOnly(Treeprocessor):
    def __init__(self, md: Markdown, explained: AbstractSet[str]) -> None:
        super().__init__(md)
        self.explained = explained

    def run(self, root: ET.Element) -> None:
        # A caller's (mutable) set spans its conversions; by default each conversion is a page.
        seen: set[str] = self.explained if isinstance(self.explained, set) else set()
        parents = {child: parent for parent in root.iter() for child in parent}
        later: list[tuple[ET.Element, ET.Element]] = []
        for abbr in root.iter("abbr"):  # depth first: document order, also into <em> before what follows it
            term = (abbr.text or "").strip()
            if term in seen:
                later.append((parents[abbr], abbr))
            seen.add(term)
        for parent, child in later:
            _unwrap(parent, child)


class FirstAbbreviationOnlyExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        # Not ``None``: Python-Markdown would read a ``None`` default as a boolean option.
        self.config = {"explained": [frozenset(), "Set of terms already explained on the page (updated in place)."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After ``abbr`` (priority 7) has wrapped the terms, before ``toc`` (5) reads the headings.
        md.treeprocessors.register(FirstAbbreviationOnly(md, self.getConfig("explained")), "abbr_first", 6)


def makeExtension(**kwargs: object) -> FirstAbbreviationOnlyExtension:
    return FirstAbbreviationOnlyExtension(**kwargs)
