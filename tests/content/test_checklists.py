"""The real checklists keep the content the product brief (PRODUCT.md §2) requires.

Everything is read from the compiled definitions, the same JSON the site publishes,
so defaults (scales, types) are resolved. No MkDocs needed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from partnerskap.compiled import definition
from partnerskap.project import load_project

ROOT = Path(__file__).resolve().parents[2]

MARKDOWN_PAGE_LINK = re.compile(r"\]\((?!https?://)[^)\s]*\.md(?:#[^)\s]*)?\)")
"""A Markdown link to a guidance page, written from docs/ as checklists/README.md says."""


@pytest.fixture(scope="module")
def definitions() -> dict[str, dict[str, Any]]:
    project = load_project(ROOT / "checklists", ROOT / "docs", ROOT)
    return {checklist_id: definition(checklist) for checklist_id, checklist in project.checklists.items()}


def items_of(checklist: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for section in checklist["sections"] for item in section["items"]]


def section_where(checklist: dict[str, Any], predicate, what: str) -> dict[str, Any]:
    found = [section for section in checklist["sections"] if predicate(section)]
    assert len(found) == 1, f"{checklist['id']}: expected one section with {what}, found {[s['id'] for s in found]}"
    return found[0]


def sources_of(item: dict[str, Any]) -> list[str]:
    return [ref["target"] for ref in item["references"] if ref["kind"] == "source"]


# --- partnerskapsavtale (seed 001): one section per clause, 44 questions ---------------

CLAUSE_COUNTS = {
    "1.0": 1,
    "2.0": 4,
    "2.1": 6,
    "3.1": 4,
    "3.2": 3,
    "3.3": 4,
    "3.4": 3,
    "3.5": 1,
    "3.6": 4,
    "3.7": 4,
    "3.8": 2,
    "4.0": 1,
    "5.0": 1,
    "6.0": 2,
    "7.0": 1,
    "8.0": 1,
    "9.0": 2,
}


def test_partnerskapsavtale_has_one_section_per_clause_in_order(definitions) -> None:
    sections = definitions["partnerskapsavtale"]["sections"]
    clauses = [section["number"] for section in sections]
    assert clauses == list(CLAUSE_COUNTS), "sections must carry the clause numbers 1.0 … 9.0, in order"
    assert len(sections) == 17
    for section in sections:
        assert section["guidance"].strip(), f"section {section['id']!r} ({section['title']}) has no guidance"


def test_partnerskapsavtale_has_all_44_questions(definitions) -> None:
    sections = definitions["partnerskapsavtale"]["sections"]
    counts = {section["number"]: len(section["items"]) for section in sections}
    assert counts == CLAUSE_COUNTS
    assert sum(counts.values()) == 44


def test_partnerskapsavtale_questions_use_the_vurdering_scale(definitions) -> None:
    for item in items_of(definitions["partnerskapsavtale"]):
        assert (item["type"], item["scale"]) == ("status", "vurdering"), item["id"]


# --- vertskommunesamarbeid (seed 000) --------------------------------------------------


def test_vertskommunesamarbeid_phases_roles_and_scale(definitions) -> None:
    checklist = definitions["vertskommunesamarbeid"]
    assert [phase["id"] for phase in checklist["phases"]] == ["initiativ", "utredning", "vedtak", "etablering"]
    for item in items_of(checklist):
        assert item["phase"], f"item {item['id']!r} has no phase"
        assert item["roles"], f"item {item['id']!r} has no role"
        assert (item["type"], item["scale"]) == ("status", "fremdrift"), item["id"]


SAKSGRUNNLAG_THEMES = {
    # seed 000, chapter 6: the 11 central themes of the report behind the decision
    "risikoanalyse": r"risikoanalyse",
    "nåsituasjon": r"nåsituasjon|nåtidsanalyse",
    "effektmål": r"effektmål",
    "tjenester": r"tjenester som skal",
    "milepæler": r"milepæl",
    "økonomi": r"økonomisk",
    "arbeidsmiljø": r"arbeidsmiljø",
    "lokasjoner": r"lokasjon",
    "kommunikasjon": r"kommunikasjon",
    "IT, telefoni, eiendom": r"IT-løsning.*telefoni.*eiendom",
    "anbefaling til styringsgruppen": r"anbefaling til styringsgrupp",
}


def test_vertskommunesamarbeid_decision_basis_has_the_11_themes(definitions) -> None:
    section = section_where(
        definitions["vertskommunesamarbeid"], lambda s: s["id"] == "saksgrunnlag", "id saksgrunnlag"
    )
    # Theme items are marked by the id prefix «tema-» (ids never change; see checklists/README.md).
    themes = [item for item in section["items"] if item["id"].startswith("tema-")]
    assert len(themes) == 11, [item["id"] for item in themes]
    for name, pattern in SAKSGRUNNLAG_THEMES.items():
        matching = [item["id"] for item in themes if re.search(pattern, item["text"], re.IGNORECASE)]
        assert len(matching) == 1, f"theme «{name}»: expected exactly one theme item, found {matching}"


def test_vertskommunesamarbeid_host_agreement_covers_7_1_1_to_7_1_5(definitions) -> None:
    checklist = definitions["vertskommunesamarbeid"]
    section = section_where(
        checklist, lambda s: "vertskommuneavtale" in s["title"].lower(), "«Vertskommuneavtale» in the title"
    )
    by_clause: dict[str, list[dict[str, Any]]] = {}
    for item in section["items"]:
        for source in sources_of(item):
            for clause in re.findall(r"7\.1\.[1-5]", source):
                by_clause.setdefault(clause, []).append(item)
    assert sorted(by_clause) == ["7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5"]
    notice = re.compile(r"\bett år\b|\bettårig|\bett års\b|\b12 måneder\b", re.IGNORECASE)
    assert any(notice.search(item["text"] + " " + item["guidance"]) for item in by_clause["7.1.5"]), (
        "an item for 7.1.5 must state the one-year minimum notice («ett år»)"
    )


@pytest.mark.parametrize(
    ("item_id", "words"),
    [
        ("lokasjon", r"ligge|lokasjon|lokalis"),
        ("ny-partnerskapsavtale", r"partnerskapsavtale"),
        ("driftsavtale", r"driftsavtale"),
    ],
)
def test_vertskommunesamarbeid_location_and_agreements_before_opening(definitions, item_id: str, words: str) -> None:
    items = {item["id"]: item for item in items_of(definitions["vertskommunesamarbeid"])}
    assert item_id in items, f"item {item_id!r} is missing"
    assert re.search(words, items[item_id]["text"], re.IGNORECASE), items[item_id]["text"]
    assert items[item_id]["phase"] == "etablering"


def test_vertskommunesamarbeid_co_determination_on_three_mba_levels(definitions) -> None:
    # The ordinary MBA levels; prosjekt-MBA (after the decision) is a separate arena.
    mba_items = [
        item["text"]
        for item in items_of(definitions["vertskommunesamarbeid"])
        if re.search(r"(?<![Pp]rosjekt-)\bMBA\b", item["text"])
    ]
    for level in ("lokal", "fylke", "sentral"):
        assert any(level in text.lower() for text in mba_items), f"no item for MBA at the «{level}» level: {mba_items}"


# --- forankringsprosess (seed 002) ------------------------------------------------------


@pytest.mark.parametrize(("phase", "count"), [("fase-1", 6), ("fase-2", 12)])
def test_forankringsprosess_phase_sections(definitions, phase: str, count: int) -> None:
    checklist = definitions["forankringsprosess"]
    assert phase in [p["id"] for p in checklist["phases"]]
    section = section_where(
        checklist, lambda s: s["items"] and all(i["phase"] == phase for i in s["items"]), f"all items in phase {phase}"
    )
    assert len(section["items"]) == count
    assert len([item for item in items_of(checklist) if item["phase"] == phase]) == count
    for item in section["items"]:
        assert item["guidance"].strip(), f"item {item['id']!r} has no guidance"


def test_forankringsprosess_six_success_criteria(definitions) -> None:
    section = section_where(
        definitions["forankringsprosess"],
        lambda s: "suksesskriter" in s["title"].lower(),
        "«Suksesskriterier» in the title",
    )
    assert len(section["items"]) == 6


# --- suksesskriterier (seed 004) --------------------------------------------------------


CRITERION_NUMBERS = ["1", "2", "3", "4", "5", "6", "7", "8", "9 a", "9 b", "9 c", "10"]
"""The top 10 of seed 004, chapter 5.1; criterion 9 names three relationships, each scored on its own."""


def test_suksesskriterier_top_10_on_the_1_to_6_satisfaction_scale(definitions) -> None:
    items = items_of(definitions["suksesskriterier"])
    assert [item["number"] for item in items] == CRITERION_NUMBERS
    for item in items:
        assert (item["type"], item["scale"]) == ("scale", "skala6"), item["id"]
        assert item["text"].startswith("Hvor fornøyd") or "hvor fornøyde er dere" in item["text"], (
            f"criterion {item['number']} must ask how satisfied the partners are: {item['text']}"
        )
        sources = " ".join(sources_of(item))
        assert f"nr. {item['number'].split()[0]})" in sources, f"criterion {item['number']} cites {sources}"
    scale = definitions["suksesskriterier"]["scales"]["skala6"]
    assert [option["value"] for option in scale["options"]] == [str(n) for n in range(1, 7)]
    # seed 004: «på en skala fra 1 til 6, fra svært lite fornøyd til svært fornøyd»
    assert (scale["min_label"], scale["max_label"]) == ("Svært lite fornøyd", "Svært fornøyd")


# --- sporreundersokelse (seed 003) ------------------------------------------------------

QUESTION_TYPES = ["text"] + ["number"] * 6 + ["text"] * 5 + ["choice", "text"]
QUESTION_NUMBERS = [str(n) for n in range(1, 13)] + ["13 a", "13 b"]
"""The form's own numbers (seed 003); question 13 asks two things (agree? how important?)."""


def test_sporreundersokelse_13_questions_in_order(definitions) -> None:
    items = items_of(definitions["sporreundersokelse"])
    assert [item["type"] for item in items] == QUESTION_TYPES
    assert [item["number"] for item in items] == QUESTION_NUMBERS
    for item in items:
        question = item["number"].split()[0]
        assert f"spørsmål {question}" in " ".join(sources_of(item)).lower(), (
            f"item {item['number']} ({item['id']}) is not question {question}"
        )
        if item["type"] == "number":
            assert item["min"] == 0, f"question {item['number']} must not accept negative numbers"
    assert len(items[12]["options"]) >= 2


# --- every checklist --------------------------------------------------------------------


def test_every_item_links_to_guidance(definitions) -> None:
    missing = [
        f"{checklist_id}#{item['id']}"
        for checklist_id, checklist in definitions.items()
        for item in items_of(checklist)
        if not any(ref["kind"] == "page" for ref in item["references"])
        and not MARKDOWN_PAGE_LINK.search(item["guidance"])
    ]
    assert not missing, f"items without a page: reference or a guidance link: {missing}"


def test_every_checklist_cites_its_source(definitions) -> None:
    assert set(definitions) >= {
        "partnerskapsavtale",
        "vertskommunesamarbeid",
        "forankringsprosess",
        "suksesskriterier",
        "sporreundersokelse",
    }
    for checklist_id, checklist in definitions.items():
        source = checklist["source"]
        assert source["title"].strip() and source["publisher"].strip(), checklist_id
        assert 1990 <= int(source["year"]) <= 2100, checklist_id
