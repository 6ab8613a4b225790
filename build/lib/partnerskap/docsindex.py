"""What the guidance pages offer as link targets: page paths, titles and heading anchors."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FRONT_MATTER_TITLE = re.compile(r"^title:\s*(.+)$", re.MULTILINE)


def slugify(text: str) -> str:
    """Heading slug as ``pymdownx.slugs.slugify(case="lower")`` makes it (Unicode kept)."""
    slug = re.sub(r"</?[^>]*>", "", unicodedata.normalize("NFC", text)).strip().lower()
    return re.sub(r"[^\w\- ]", "", slug).replace(" ", "-")


@dataclass
class PageInfo:
    """A page that items and sections may link to."""

    path: str
    """Path below ``docs/``, with forward slashes, e.g. ``vertskommunesamarbeid.md``."""
    title: str
    """The page's title (front matter ``title`` or its first heading)."""
    anchors: dict[str, str] = field(default_factory=dict)
    """Heading anchors mapped to the heading text."""


def scan_markdown(path: str, text: str) -> PageInfo:
    """Collect the title and heading anchors of one Markdown page."""
    info = PageInfo(path=path, title="")
    in_fence = False
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            match = _FRONT_MATTER_TITLE.search(text[4:end])
            if match:
                info.title = match.group(1).strip().strip("\"'")
            body = text[end + 4 :]
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else _HEADING.match(line)
        if not match:
            continue
        heading = match.group(2)
        explicit = _ATTR_ID.search(heading)
        heading_text = _ATTR_ID.sub("", heading).strip()
        anchor = explicit.group(1) if explicit else slugify(heading_text)
        info.anchors.setdefault(anchor, heading_text)
        if not info.title and len(match.group(1)) == 1:
            info.title = heading_text
    if not info.title:
        info.title = Path(path).stem
    return info


def scan_docs(docs_dir: Path) -> dict[str, PageInfo]:
    """Index every Markdown page below ``docs_dir`` by its relative path."""
    pages: dict[str, PageInfo] = {}
    for file in sorted(docs_dir.rglob("*.md")):
        rel = file.relative_to(docs_dir).as_posix()
        pages[rel] = scan_markdown(rel, file.read_text(encoding="utf-8"))
    return pages


def page_url(path: str) -> str:
    """Site URL of a page below the site root, with directory URLs: ``a/b.md`` → ``a/b/``."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """Relative link between two site URLs that both end in ``/`` (or are empty for the root)."""
    depth = from_url.count("/")
    return "../" * depth + to_url or "./"
