"""The guidance pages keep their front matter, source box and the facts taken from the sources."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from partnerskap.docsindex import scan_markdown

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

NOT_GUIDANCE = {"personvern.md", "tilgjengelighet.md", "endringslogg.md", "ytelse.md"}
"""Pages about the site itself: they have no source document."""

GUIDANCE_PAGES = sorted(p.name for p in DOCS.glob("*.md") if p.name not in NOT_GUIDANCE)

EXPECTED_PAGES = [
    "index",
    "om-partnerskapet",
    "vertskommunesamarbeid",
    "partnerskapsavtalen",
    "erfaringer-fra-nordland",
    "suksesskriterier-og-policy",
    "tillitsvalgtes-perspektiv",
    "ordliste",
    "kilder",
]

SOURCES = {
    # title as the pages cite it: publisher
    "Sjekkliste for gode prosesser ved vertskommunesamarbeid om NAV-kontor": "KS og Arbeids- og velferdsdirektoratet",
    "Veileder til partnerskapsavtalen": "KS og Arbeids- og velferdsdirektoratet",
    "Partnerskapsprosjektet «NAV i Nordland i en ny tid», delrapport 2": "NAV Nordland og Rådmannsutvalget i Nordland",
    "NTL NAV sin spørreundersøkelse om partnerskapet i NAV": "NTL NAV",
    "Rapport om partnerskapet i NAV": "Arbeids- og velferdsdirektoratet",
}


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def split_front_matter(text: str) -> tuple[dict, str]:
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)) or {}, text[match.end() :]


def admonition(body: str, kind: str, title: str) -> str | None:
    """Text of the first ``!!! kind "title"`` box (its indented lines), or None."""
    lines = body.splitlines()
    for index, line in enumerate(lines):
        if line.strip() == f'!!! {kind} "{title}"':
            block = []
            for following in lines[index + 1 :]:
                if following.strip() and not following.startswith("    "):
                    break
                block.append(following)
            return "\n".join(block)
    return None


def section(text: str, anchor: str) -> str:
    """The text below the heading with ``{ #anchor }`` up to the next heading of the same or a higher level."""
    match = re.search(r"^(#+) .*\{[^}]*#" + re.escape(anchor) + r"\b[^}]*\}\s*$", text, re.MULTILINE)
    assert match, f"no heading with anchor #{anchor}"
    level = len(match.group(1))
    end = re.compile(rf"^#{{1,{level}}} ", re.MULTILINE).search(text, match.end())
    return text[match.end() : end.start() if end else len(text)]


# --- every guidance page ----------------------------------------------------------------


@pytest.mark.parametrize("name", EXPECTED_PAGES)
def test_expected_guidance_page_exists(name: str) -> None:
    assert (DOCS / f"{name}.md").is_file()


@pytest.mark.parametrize("name", GUIDANCE_PAGES)
def test_guidance_page_has_description_heading_and_source(name: str) -> None:
    meta, body = split_front_matter(read(name))
    assert isinstance(meta.get("description"), str) and meta["description"].strip(), "front matter needs a description"
    headings = re.findall(r"^# \S.*$", re.sub(r"^```.*?^```", "", body, flags=re.DOTALL | re.MULTILINE), re.MULTILINE)
    assert len(headings) == 1, f"expected one H1, found {headings}"
    box = admonition(body, "info", "Kilde")
    assert box is not None, 'no !!! info "Kilde" box'
    named = [title for title in SOURCES if title in box]
    assert named, "the Kilde box names none of the five source documents"
    for title in named:
        assert SOURCES[title] in box, f"the Kilde box names «{title}» without its publisher"
    assert re.search(r"\b(19|20)\d\d\b", box), "the Kilde box gives no year"
    assert "Sist revidert" in box


# --- Kilder -----------------------------------------------------------------------------

SOURCE_ANCHORS = [
    "sjekkliste-vertskommunesamarbeid",
    "veileder-partnerskapsavtalen",
    "nordland-delrapport-2",
    "ntl-sporreundersokelse",
    "rapport-partnerskapet-2012",
]


def test_kilder_has_a_section_per_source_document() -> None:
    text = read("kilder.md")
    anchors = scan_markdown("kilder.md", text).anchors
    for anchor, title in zip(SOURCE_ANCHORS, SOURCES, strict=False):
        assert anchor in anchors, f"kilder.md has no heading #{anchor}"
        assert SOURCES[title] in section(text, anchor), f"#{anchor} does not name the publisher {SOURCES[title]}"
    overview = section(text, "oversikt")
    for anchor in SOURCE_ANCHORS:
        assert f"(#{anchor})" in overview, f"the overview table does not link to #{anchor}"


SEED_000_REFERENCES = [
    # (number, words identifying the reference, who made it, year) from seed 000, chapter 9
    (1, r"kommuneloven|lov om kommuner", "Kommunal- og distriktsdepartementet", "2018"),
    (2, r"interkommunalt samarbeid", "Kommunal- og distriktsdepartementet", "2023"),
    (3, r"sammenslåing av NAV-kontor", "KS", "2017"),
    (4, r"Prosjektveivise", "Digitaliseringsdirektoratet", None),
    (5, r"Hovedavtaleveileder", "Akademikerne", "2023"),
    (6, r"Arbeidsrettslige spørsmål", "KS Advokatene", "2015"),
    (7, r"Partnerskapet i NAV", "Arbeids- og velferdsdirektoratet", "2023"),
    (8, r"Veileder til partnerskapsavtalen", "KS", "2019"),
    (9, r"Vertskommunesamarbeid om NAV-kontor", "Proba", "2022"),
]


def test_kilder_lists_the_nine_references_of_seed_000() -> None:
    block = section(read("kilder.md"), "sjekkliste-vertskommunesamarbeid-referanser")
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in block.splitlines()
        if line.startswith("|")
    ]
    numbered = {int(row[0]): " | ".join(row[1:]) for row in rows if row[0].isdigit()}
    assert sorted(numbered) == list(range(1, 10)), f"expected references 1–9, found {sorted(numbered)}"
    for number, words, publisher, year in SEED_000_REFERENCES:
        row = numbered[number]
        assert re.search(words, row, re.IGNORECASE), f"reference {number} should be about «{words}»: {row}"
        assert publisher in row, f"reference {number} should name {publisher}: {row}"
        if year:
            assert re.search(rf"\b{year}\b", row), f"reference {number} should give the year {year}: {row}"


# --- Tillitsvalgtes perspektiv: table 1 -------------------------------------------------

TABLE_1_SUMS = (374, 368, 247, 73, 29, 21, 94)
"""The sum row of table 1 in seed 003 (the source's own rows add up to it)."""

COLUMNS = ("kommuner", "nav-kontor", "statlig", "kommunal", "felles", "delt", "garanti")
COUNTIES = 16
"""Counties with answers in table 1 (Akershus, Buskerud and Sogn og Fjordane have no numbers)."""

SUM_LABEL = re.compile(r"^\**\s*(sum|totalt|i alt)\b", re.IGNORECASE)


def _number(cell: str) -> int | None:
    cell = cell.strip().strip("*").replace("\u00a0", "").replace(" ", "")
    return int(cell) if re.fullmatch(r"\d+", cell) else None


def _column_order(header: list[str]) -> list[int]:
    """Position of each of COLUMNS among the numeric header cells (source order if the header is unclear)."""
    names = [cell.lower() for cell in header[1:]]
    order = []
    for column in COLUMNS:
        hits = [i for i, name in enumerate(names) if column in name]
        if len(hits) != 1:
            return list(range(len(COLUMNS)))
        order.append(hits[0])
    return order


def _rows(grid: list[list[str]]) -> tuple[list[tuple[str, list[int]]], list[int] | None]:
    """County rows and the sum row (or None) of a grid, in the order of COLUMNS."""
    grid = [[cell.strip() for cell in row] for row in grid if any(cell.strip() for cell in row)]
    if grid and not any(row and row[0] == "Oslo" for row in grid) and any("Oslo" in row for row in grid):
        width = max(len(row) for row in grid)  # counties as columns: turn the grid
        grid = [list(column) for column in zip(*[row + [""] * (width - len(row)) for row in grid], strict=False)]
    header = next((row for row in grid if len(row) >= 8 and all(_number(c) is None for c in row[1:])), None)
    order = _column_order(header) if header else list(range(len(COLUMNS)))
    counties, total = [], None
    for row in grid:
        numbers = [_number(cell) for cell in row[1:]]
        if len(numbers) < len(COLUMNS) or any(n is None for n in numbers[: len(COLUMNS)]):
            continue
        values = [numbers[i] for i in order]
        if SUM_LABEL.match(row[0]):
            total = values
        else:
            counties.append((row[0], values))
    return counties, total


def table_1_forms(text: str) -> dict[str, tuple[list[tuple[str, list[int]]], list[int] | None]]:
    """Table 1 in every form the page has it: a Markdown table and/or a ```diagram block with CSV."""
    block = section(text, "tabell-1")
    forms = {}
    table = [line.strip().strip("|").split("|") for line in block.splitlines() if line.lstrip().startswith("|")]
    if table:
        forms["Markdown table"] = _rows(table)
    for number, fence in enumerate(
        re.findall(r"^(?:```|~~~)\s*\{?\s*\.?diagram\b[^\n]*\n(.*?)^(?:```|~~~)\s*$", block, re.DOTALL | re.MULTILINE)
    ):
        lines = [line for line in fence.splitlines() if line.strip()]
        delimiter = max(",;\t", key=lambda d: max((line.count(d) for line in lines), default=0))
        forms[f"diagram block {number + 1}"] = _rows(list(csv.reader(lines, delimiter=delimiter)))
    return forms


def check_table_1(text: str) -> None:
    forms = table_1_forms(text)
    assert forms, "table 1 is neither a Markdown table nor a ```diagram block"
    for form, (counties, total) in forms.items():
        assert len(counties) == COUNTIES, (
            f"{form}: expected {COUNTIES} county rows, found {[name for name, _ in counties]}"
        )
        sums = tuple(sum(values[i] for _, values in counties) for i in range(len(COLUMNS)))
        assert sums == TABLE_1_SUMS, f"{form}: the county rows add up to {sums}, the source's sums are {TABLE_1_SUMS}"
        if total is not None:
            assert tuple(total) == TABLE_1_SUMS, (
                f"{form}: the sum row {total} differs from the source's sums {TABLE_1_SUMS}"
            )
    stated = any(total is not None for _, total in forms.values()) or all(
        re.search(rf"(?<!\d){n}(?!\d)", text) for n in TABLE_1_SUMS
    )
    assert stated, f"the page does not state the sums {TABLE_1_SUMS}"


def test_ntl_table_1_states_the_sums_and_rows_add_up() -> None:
    check_table_1(read("tillitsvalgtes-perspektiv.md"))


def test_table_1_check_catches_a_changed_number() -> None:
    """The page holds table 1 as a ```diagram block; altering one cell must make the check fail."""
    text = read("tillitsvalgtes-perspektiv.md")
    assert set(table_1_forms(text)) == {"diagram block 1"}
    wrong = text.replace("Oslo,15,15,0,0,0,15,0", "Oslo,15,15,0,0,0,14,0")
    assert wrong != text
    with pytest.raises(AssertionError):
        check_table_1(wrong)
