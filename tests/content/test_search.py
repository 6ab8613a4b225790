"""The site's search index finds the pages that explain the central words (real MkDocs build)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

SEARCHES = [
    # word, pages that must be found, page that must have a heading with the word
    ("driftsavtale", ["partnerskapsavtalen/", "vertskommunesamarbeid/"], "partnerskapsavtalen/"),
    ("vertskommune", ["vertskommunesamarbeid/"], "vertskommunesamarbeid/"),
    (
        "medbestemmelse",
        ["vertskommunesamarbeid/", "partnerskapsavtalen/", "tillitsvalgtes-perspektiv/"],
        "vertskommunesamarbeid/",
    ),
]


@pytest.fixture(scope="module")
def search_docs(built_site: Path) -> list[dict]:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index["docs"]


def contains_word(text: str, word: str) -> bool:
    """``word`` starts a word of ``text`` (so «vertskommune» also finds «vertskommunen»)."""
    plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.search(rf"(?<!\w){re.escape(word)}", plain, re.IGNORECASE) is not None


@pytest.mark.slow
@pytest.mark.parametrize(("word", "pages", "heading_page"), SEARCHES, ids=[s[0] for s in SEARCHES])
def test_search_finds_the_pages(search_docs: list[dict], word: str, pages: list[str], heading_page: str) -> None:
    hits = [doc for doc in search_docs if contains_word(doc["title"] + " " + doc["text"], word)]
    for page in pages:
        assert any(doc["location"].startswith(page) for doc in hits), f"search for «{word}» does not find {page}"
    titled = [
        doc["location"]
        for doc in hits
        if doc["location"].startswith(heading_page) and contains_word(doc["title"], word)
    ]
    assert titled, f"{heading_page} has no section headed with «{word}» in the search index"
