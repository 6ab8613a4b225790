"""Abbreviations: every one the site uses is explained on hover and in the glossary."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ABBREVIATIONS_FILE = ROOT / "includes" / "abbreviations.md"
GLOSSARY = ROOT / "docs" / "ordliste.md"

ABBREVIATIONS = re.findall(r"^\*\[([^\]]+)\]:\s*\S", ABBREVIATIONS_FILE.read_text(encoding="utf-8"), re.MULTILINE)

ALL_CAPS = re.compile(r"\b[A-ZÆØÅ]{2,6}\b")

NOT_ABBREVIATIONS = {
    # Roman numerals (chapter and part numbers), should a page use them.
    "II",
    "III",
    "IV",
    "VI",
    "VII",
    "VIII",
    "IX",
    "XI",
    "XII",
    # WCAG conformance level «nivå A og AA» (tilgjengelighet.md): a level name, not a shortened word.
    "AA",
    # Nav's own name: running text writes «Nav» («Skriveregler i Nav»); «NAV» stays only in document
    # titles and names as published (e.g. «Rapport om partnerskapet i NAV», NTL NAV), where a hover
    # expansion on every occurrence would be noise. The glossary explains the name under «Nav».
    "NAV",
}


def visible_text(markdown: str) -> str:
    """Markdown without what readers do not see as words: inline code, link targets, URLs, attribute lists."""
    text = re.sub(r"`[^`\n]*`", " ", markdown)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"https?://\S+", " ", text)
    return re.sub(r"\{[^}\n]*\}", " ", text)


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def used_tokens() -> dict[str, set[str]]:
    """All-caps tokens of 2–6 letters in the pages and the checklists' text, with where they occur."""
    found: dict[str, set[str]] = {}
    for page in sorted((ROOT / "docs").glob("*.md")):
        if page.name == "ytelse.md":  # written by scripts/bench: measurement output (UTC, the browser's build string)
            continue
        for token in ALL_CAPS.findall(visible_text(page.read_text(encoding="utf-8"))):
            found.setdefault(token, set()).add(f"docs/{page.name}")
    for checklist in sorted((ROOT / "checklists").glob("*.yml")):
        for text in strings(yaml.safe_load(checklist.read_text(encoding="utf-8"))):
            for token in ALL_CAPS.findall(visible_text(text)):
                found.setdefault(token, set()).add(f"checklists/{checklist.name}")
    return found


def glossary_terms() -> list[str]:
    """Headwords of the glossary's definition list (the line before each «:   » definition)."""
    lines = GLOSSARY.read_text(encoding="utf-8").splitlines()
    return [
        re.sub(r"\{[^}]*\}", "", line).strip()
        for line, following in itertools.pairwise(lines)
        if following.startswith(":   ")
    ]


def test_abbreviations_file_is_not_empty() -> None:
    assert len(ABBREVIATIONS) >= 10
    assert {"MBA", "FYMBA", "TO", "ESP", "HTV", "OSK", "IPS", "HMS", "KS"} <= set(ABBREVIATIONS)


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS)
def test_abbreviation_is_in_the_glossary(abbreviation: str) -> None:
    spellings = {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, spellings)) + r")(?![\w-])")
    assert any(pattern.search(term) for term in glossary_terms()), (
        f"«{abbreviation}» is not a headword in docs/ordliste.md"
    )


def test_every_all_caps_token_is_an_explained_abbreviation() -> None:
    tokens = used_tokens()
    assert {"MBA", "NAV", "KS"} <= set(tokens), "the scan found none of the common abbreviations"
    missing = {
        token: sorted(where)
        for token, where in sorted(tokens.items())
        if token not in ABBREVIATIONS and token not in NOT_ABBREVIATIONS
    }
    assert not missing, f"abbreviations used but not defined in includes/abbreviations.md: {missing}"


def test_allow_list_entries_are_not_defined_abbreviations() -> None:
    assert not NOT_ABBREVIATIONS & set(ABBREVIATIONS)
