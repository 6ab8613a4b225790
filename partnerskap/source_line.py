"""Markdown extension: a page's «Kilde» box becomes one compact, expandable line below the title.

Pages (and the generated checklist pages) cite their source in a ``!!! info "Kilde"`` admonition
right after the H1; as a box it filled a phone's first screen. This turns it into
``<details class="pv-source">`` whose summary names the source and its year («Kilde: *Veileder til
partnerskapsavtalen* (2019)», or «Kilde: fem dokumenter (2012–2024)»), with the full citation (edition,
publisher, date of revision) inside. The Markdown stays the one place the citation is written.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from partnerskap.abbr_first import _unwrap

TITLE = "Kilde"
NUMBER_WORDS = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte", 9: "ni"}
_YEAR_IN_PARENTHESES = re.compile(r"\([^()]*?,\s*((?:ca\.\s*)?\d{4})\)")


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def _year_after(paragraph: ET.Element, title: ET.Element) -> str:
    """The year in the «(Publisher, 2019)» that follows ``title`` in its paragraph or list item."""
    whole = _text(paragraph)
    start = whole.find(_text(title))
    match = _YEAR_IN_PARENTHESES.search(whole, max(start, 0))
    return match.group(1) if match else ""


def summary_of(body: list[ET.Element]) -> ET.Element:
    """The ``<summary>`` for a Kilde box's body: one source by title and year, several by count and years."""
    summary = ET.Element("summary")
    # One element for the text, so CSS can keep it to two lines while closed.
    line = ET.SubElement(summary, "span", {"class": "pv-source__line"})
    label = ET.SubElement(line, "span", {"class": "pv-source__label"})
    label.text = f"{TITLE}:"
    label.tail = " "
    items = [li for element in body if element.tag in ("ul", "ol") for li in element.iter("li")]
    sources = [(li, li.find("em")) for li in items] or [
        (p, p.find("em")) for p in body if p.tag == "p" and p.find("em") is not None
    ][:1]
    cited = [(holder, em) for holder, em in sources if em is not None]
    if len(cited) == 1:
        holder, em = cited[0]
        cite = ET.SubElement(line, "cite")
        # A copy keeps an <abbr> inside the title; the first-use pass then unwraps the later one.
        cite.text = em.text
        for child in em:
            cite.append(copy.deepcopy(child))
        year = _year_after(holder, em)
        cite.tail = f" ({year})" if year else ""
    elif cited:
        years = sorted({int(y[-4:]) for y in (_year_after(h, em) for h, em in cited) if y})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
        count = NUMBER_WORDS.get(len(cited), str(len(cited)))
        label.tail = f" {count} dokumenter" + (f" ({span})" if span else "")
    else:
        label.tail = " se under"  # a box that names no title in *emphasis*
    return summary


class SourceLine(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        boxes = [(parent, box) for parent in root.iter() for box in parent if self._is_source_box(box)]
        for parent, box in boxes:
            index = list(parent).index(box)
            body = list(box)[1:]
            details = ET.Element("details", {"class": "pv-source"})
            details.append(summary_of(body))
            content = ET.SubElement(details, "div", {"class": "pv-source__body"})
            content.extend(body)
            # Hidden until opened, so not where an abbreviation is explained: the first use in view is.
            parents = {child: parent for parent in content.iter() for child in parent}
            for abbr in list(content.iter("abbr")):
                _unwrap(parents[abbr], abbr)
            details.tail = box.tail
            parent.remove(box)
            parent.insert(index, details)

    @staticmethod
    def _is_source_box(element: ET.Element) -> bool:
        classes = element.get("class", "").split()
        if element.tag != "div" or "admonition" not in classes or "info" not in classes or not len(element):
            return False
        title = element[0]
        return title.tag == "p" and "admonition-title" in title.get("class", "") and _text(title).strip() == TITLE


class SourceLineExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After ``abbr`` (7) has wrapped the terms and before ``abbr_first`` (6) keeps the first of each,
        # so the summary's copy of a title is where an abbreviation is explained.
        md.treeprocessors.register(SourceLine(md), "source_line", 6.5)


def makeExtension(**kwargs: object) -> SourceLineExtension:
    return SourceLineExtension(**kwargs)
