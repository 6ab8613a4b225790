"""What the guidance pages offer as link targets: page paths, titles and heading anchors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pymdownx.slugs import slugify

_FRONT_MATTER_TITLE = re.compile(r"^title:\s*(.+)$", re.MULTILINE)
DEFAULT_EXTENSIONS = {"toc": {"slugify": slugify(case="lower")}, "attr_list": {}}
"""Used when there is no ``mkdocs.yml`` to read: the site's heading ids come from these two."""


@dataclass
class PageInfo:
    """A page that items and sections may link to."""

    path: str
    """Path below ``docs/``, with forward slashes, e.g. ``vertskommunesamarbeid.md``."""
    title: str
    """The page's title (front matter ``title`` or its first heading)."""
    anchors: dict[str, str] = field(default_factory=dict)
    """Heading anchors mapped to the heading text."""


def _split_front_matter(text: str) -> tuple[str, str]:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[4:end], text[end + 4 :]
    return "", text


def _flatten(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [part for token in tokens for part in (token, *_flatten(token["children"]))]


def scan_markdown(path: str, text: str, markdown: Any = None) -> PageInfo:
    """Collect the title and heading anchors of one Markdown page.

    The anchors are the ``toc`` extension's own tokens (duplicate headings get ``_1``, ``_2`` as on
    the site), from ``markdown`` (a ``markdown.Markdown`` set up like the site) or a default set-up.
    """
    if markdown is None:
        import markdown as markdown_module

        markdown = markdown_module.Markdown(extensions=list(DEFAULT_EXTENSIONS), extension_configs=DEFAULT_EXTENSIONS)
    front_matter, body = _split_front_matter(text)
    markdown.reset()
    markdown.convert(body)
    tokens = _flatten(markdown.toc_tokens)
    info = PageInfo(path=path, title="", anchors={t["id"]: t["name"] for t in tokens})
    match = _FRONT_MATTER_TITLE.search(front_matter)
    if match:
        info.title = match.group(1).strip().strip("\"'")
    info.title = info.title or next((t["name"] for t in tokens if t["level"] == 1), Path(path).stem)
    return info


def scan_docs(docs_dir: Path, config_file: Path | None = None) -> dict[str, PageInfo]:
    """Index every Markdown page below ``docs_dir`` by its relative path, read with the site's extensions."""
    markdown = None
    if config_file is not None and config_file.is_file():
        from .site_markdown import new_markdown

        markdown = new_markdown(config_file)
    pages: dict[str, PageInfo] = {}
    for file in sorted(docs_dir.rglob("*.md")):
        rel = file.relative_to(docs_dir).as_posix()
        pages[rel] = scan_markdown(rel, file.read_text(encoding="utf-8"), markdown)
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
