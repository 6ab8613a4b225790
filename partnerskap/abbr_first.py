"""Markdown extension: explain an abbreviation at its first use on a page only.

The site-wide abbreviation list (``includes/abbreviations.md``) makes ``abbr`` wrap every
occurrence; a page that names KS or MBA fifty times would underline all fifty. This runs after
``abbr`` and unwraps every later ``<abbr>`` of the same term, keeping its text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

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
    def run(self, root: ET.Element) -> None:
        seen: set[str] = set()
        later: list[tuple[ET.Element, ET.Element]] = []
        for parent in root.iter():  # document order
            for child in parent:
                if child.tag != "abbr":
                    continue
                term = (child.text or "").strip()
                if term in seen:
                    later.append((parent, child))
                seen.add(term)
        for parent, child in later:
            _unwrap(parent, child)


class FirstAbbreviationOnlyExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After ``abbr`` (priority 7) has wrapped the terms, before ``toc`` (5) reads the headings.
        md.treeprocessors.register(FirstAbbreviationOnly(md), "abbr_first", 6)


def makeExtension(**kwargs: object) -> FirstAbbreviationOnlyExtension:
    return FirstAbbreviationOnlyExtension(**kwargs)
