"""Reader-visible site text for the own-words check: pages and checklists split into sentences.

Standard library only (a small line-based reader for the YAML the checklists use), so the check
runs with plain python3 in any checkout. See scripts/own_words.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# YAML keys whose values are text a reader sees; ids, keys, references and options are not.
YAML_TEXT_KEYS = frozenset({"title", "intro", "guidance", "text", "description"})


@dataclass
class Segment:
    """A stretch of site text (paragraph, list item, heading, table cell, YAML field)."""

    path: str
    lines: list[tuple[int, str]]  # (line number, text)
    quoted: bool = False  # a Markdown block quote
    group: int = 0  # list items of one list share a number above 0


@dataclass
class Sentence:
    path: str
    line: int
    text: str
    quoted: bool
    group: int = 0
    segment: int = 0  # sentences of one paragraph (or item, cell, heading) share a number


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:"(.*)")?\s*$')
_DEFINITION = re.compile(r"^\s*:\s{1,4}")
_ABBR = re.compile(r"^\*\[([^\]]+)\]:\s*")
_FOOTDEF = re.compile(r"^\[\^[^\]]+\]:\s*")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


# A block quote is exempt only as statute text: it starts with «§», or the line introducing it names a
# law, a regulation or a section («NAV-loven § 14 lyder:»).
_STATUTE = re.compile(r"§|\b(lov|loven|lova|lovens|forskrift|forskriften|forskrifta)\b|\w+loven\b", re.I)


def _statute_quote_lines(lines: list[str]) -> set[int]:
    """Line numbers (1-based) of block quotes that are statute text."""
    statute: set[int] = set()
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith(">"):
            i += 1
            continue
        start = i
        while i < len(lines) and lines[i].lstrip().startswith(">"):
            i += 1
        before = next((ln for ln in reversed(lines[:start]) if ln.strip()), "")
        first = lines[start].lstrip().lstrip("> ").lstrip("*_")
        if _STATUTE.search(before) or first.startswith("§"):
            statute.update(range(start + 1, i + 1))
    return statute


def markdown_segments(path: str, text: str) -> Iterator[Segment]:
    """Split a Markdown page into segments of reader-visible text, with line numbers."""
    lines = text.split("\n")
    i = 0
    if lines and lines[0].strip() == "---":  # front matter: only the description is text
        i = 1
        while i < len(lines) and lines[i].strip() != "---":
            m = re.match(r"description:\s*(.*)", lines[i])
            if m:
                yield Segment(path, [(i + 1, m.group(1).strip("'\""))])
            i += 1
        i += 1
    statute_quote = _statute_quote_lines(lines)
    current: list[tuple[int, str]] = []
    quoted = False
    in_fence = False
    in_comment = False
    lists = 0  # lists seen so far; list items carry their list's number
    in_list = False
    group = 0

    def flush() -> Iterator[Segment]:
        nonlocal current
        if current:
            yield Segment(path, current, quoted, group)
        current = []

    for number, raw in enumerate(lines[i:], start=i + 1):
        if in_fence:
            if _FENCE.match(raw):
                in_fence = False
            continue
        if _FENCE.match(raw):
            yield from flush()
            in_fence = True
            continue
        if in_comment or "<!--" in raw:
            start = raw.find("<!--")
            end = raw.find("-->")
            if in_comment and end >= 0:
                in_comment = False
                raw = raw[end + 3 :]
            elif in_comment:
                continue
            elif end > start:
                raw = raw[:start] + raw[end + 3 :]
            else:
                in_comment = True
                raw = raw[:start]
        line = raw.strip()
        if not line or line.startswith("--8<--"):
            yield from flush()
            continue
        is_quote = line.startswith(">")
        if is_quote:
            line = line.lstrip("> ").strip()
            if not line:  # a blank line inside a block quote ends a paragraph
                yield from flush()
                continue
        is_quote = is_quote and number in statute_quote
        if is_quote != quoted:
            yield from flush()
            quoted = is_quote
        if not current and not raw[:1].isspace() and not _LIST.match(line):
            in_list = False
        if not current:
            group = 0
        m = _ADMONITION.match(line)
        if m:
            yield from flush()
            if m.group(1):
                yield Segment(path, [(number, m.group(1))])
            continue
        if line.startswith("|"):
            yield from flush()
            if not _TABLE_RULE.match(line):
                for cell in line.strip("|").split("|"):
                    if cell.strip():
                        yield Segment(path, [(number, cell)])
            continue
        if _HEADING.match(line):
            yield from flush()
            yield Segment(path, [(number, _HEADING.sub("", line))])
            continue
        for pattern in (_LIST, _DEFINITION, _ABBR, _FOOTDEF):
            if pattern.match(line):
                yield from flush()
                line = pattern.sub("", line, count=1)
                if pattern is _LIST:
                    if not in_list:
                        lists += 1
                        in_list = True
                    group = lists
                break
        current.append((number, line))
    yield from flush()


_BLOCK_INDICATOR = re.compile(r"^[|>][+-]?\d*\s*(#.*)?$")
_FLOW = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s*)?\{(.*)\}\s*$")
_FLOW_PAIR = re.compile(r"([A-Za-z_][\w-]*):\s*(\"[^\"]*\"|'[^']*'|[^,]*)")
_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):(?:\s+(.*))?$")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return json.loads(value) if "\\" in value else value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return re.sub(r"\s+#.*$", "", value)


def yaml_segments(path: str, text: str) -> Iterator[Segment]:
    """Reader-visible text fields of a checklist YAML file, line-based (stdlib only).

    Handles the subset the checklists use: ``key: value`` (plain or quoted, possibly continued
    on more-indented lines) and block scalars (``|``, ``>``), also as the first key of a list item.
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        flow = _FLOW.match(lines[i])
        if flow:  # a one-line flow mapping, e.g. a changelog entry {version: "1.0", text: …}
            for key, value in _FLOW_PAIR.findall(flow.group(1)):
                if key in YAML_TEXT_KEYS:
                    yield Segment(path, [(i + 1, _unquote(value.strip()))])
            i += 1
            continue
        m = _KEY.match(lines[i])
        if not m or lines[i].lstrip().startswith("#"):
            i += 1
            continue
        indent = len(m.group(1))
        key, value = m.group(2), (m.group(3) or "").strip()
        i += 1
        body: list[tuple[int, str]] = []
        if _BLOCK_INDICATOR.match(value):
            while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
                body.append((i + 1, lines[i].strip()))
                i += 1
        elif value:
            body.append((i, value))
            # Continuation lines of a multi-line scalar are more indented and are not keys.
            while (
                i < len(lines)
                and lines[i].strip()
                and len(lines[i]) - len(lines[i].lstrip()) > indent
                and not _KEY.match(lines[i])
                and not lines[i].lstrip().startswith(("- ", "#"))
            ):
                body.append((i + 1, lines[i].strip()))
                i += 1
        if key not in YAML_TEXT_KEYS or not body:
            continue
        if not _BLOCK_INDICATOR.match(value):
            joined = " ".join(t for _, t in body)
            if joined[:1] in "\"'":
                body = [(body[0][0], _unquote(joined))]
            else:
                body = [(n, re.sub(r"\s+#.*$", "", t)) for n, t in body]
        # A block scalar is Markdown: split its paragraphs and list items like a page.
        block = "\n".join(t for _, t in body)
        offset = body[0][0] - 1
        for seg in markdown_segments(path, block):
            yield Segment(path, [(n + offset, t) for n, t in seg.lines], seg.quoted, seg.group)


_Q = re.compile(r"<q(?:\s[^>]*)?>(.*?)</q>", re.S)
_Q_OPEN = re.compile(r"<q(?:\s[^>]*)?>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_URL = re.compile(r"<?(?:https?://|www\.)[^\s)>]+>?")
_CODE = re.compile(r"`[^`]*`")
_ATTRS = re.compile(r"\{\s*[#.:][^}]*\}")
_FOOTREF = re.compile(r"\[\^[^\]]+\]")
QUOTE_OPEN, QUOTE_CLOSE = "\ue000", "\ue001"  # private-use marks for exempt <q> spans


def plain_text(markdown: str) -> str:
    """Markdown/HTML inline syntax removed; <q> spans kept between private-use marks."""
    text = _Q.sub(lambda m: f"{QUOTE_OPEN}{m.group(1)}{QUOTE_CLOSE}", markdown)
    text = _CODE.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _URL.sub(" ", text)
    text = _ATTRS.sub(" ", text)
    text = _FOOTREF.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = re.sub(r"\*{1,3}|`", "", text)
    return re.sub(r"\s+", " ", text).strip()


ABBREVIATIONS = frozenset(
    "jf jfr f.eks bl.a ca nr kap pkt dvs mv o.l m.m evt ev inkl t.o.m f.o.m mht vs s st.prp prop ot.prp "
    "ang iht pr tlf avd adm dir kl".split()
)
_SPLIT = re.compile(r"(?<=[.!?…])([\"»”’)\]*_]*)\s+(?=[«\"“(\[*_<]*[A-ZÆØÅ\d])")


def sentences(segment: Segment) -> Iterator[Sentence]:
    """Split a segment into sentences, each with the line it starts on."""
    starts: list[tuple[int, int]] = []  # (offset in joined text, line number)
    parts: list[str] = []
    offset = 0
    for number, text in segment.lines:
        starts.append((offset, number))
        parts.append(text)
        offset += len(text) + 1
    joined = " ".join(parts)

    def line_at(pos: int) -> int:
        number = starts[0][1]
        for off, n in starts:
            if off <= pos:
                number = n
        return number

    pieces: list[tuple[str, int]] = []
    begin = 0
    for m in _SPLIT.finditer(joined):
        before = joined[begin : m.start()]
        last = before.rsplit(" ", 1)[-1].rstrip(".").casefold().lstrip("(«*_")
        if last in ABBREVIATIONS:
            continue
        pieces.append((joined[begin : m.end(1)], line_at(begin)))
        begin = m.end()
    pieces.append((joined[begin:], line_at(begin)))
    # A <q> quotation may hold several sentences: close and reopen it at each split.
    inside = False
    for piece, line in pieces:
        text = ("<q>" if inside else "") + piece
        opened = [m.end() for m in _Q_OPEN.finditer(text)]
        closed = text.rfind("</q>")
        inside = bool(opened) and opened[-1] > closed
        yield from _make(segment, text + ("</q>" if inside else ""), line)


def _make(segment: Segment, raw: str, line: int) -> Iterator[Sentence]:
    text = raw.strip()
    if text:
        yield Sentence(segment.path, line, text, segment.quoted, segment.group)


def site_files(root: Path) -> list[Path]:
    """Pages, checklists and the abbreviation tooltips every page includes."""
    return (
        sorted((root / "docs").glob("*.md"))
        + sorted((root / "checklists").glob("*.yml"))
        + sorted((root / "includes").glob("*.md"))
    )


def file_sentences(root: Path, path: Path) -> Iterator[Sentence]:
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    text = path.read_text(encoding="utf-8")
    segments = yaml_segments(rel, text) if path.suffix in (".yml", ".yaml") else markdown_segments(rel, text)
    for number, segment in enumerate(segments, start=1):
        for sentence in sentences(segment):
            sentence.segment = number
            yield sentence
