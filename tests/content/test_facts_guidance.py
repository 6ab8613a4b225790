"""Facts and wording corrected against the five sources (issue 9) stay corrected.

Covers the pages of the first content review: the start page, Om partnerskapet, Partnerskapsavtalen,
Vertskommunesamarbeid, Ordliste, Kilder, the accessibility statement and the site credits in mkdocs.yml.
Each corrected wording has a check that forbids the old phrase and, where useful, asserts the fact
that replaced it; the glossary's anchors are checked in the Markdown and in the built page.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

PAGES = [
    "index.md",
    "om-partnerskapet.md",
    "partnerskapsavtalen.md",
    "vertskommunesamarbeid.md",
    "ordliste.md",
    "kilder.md",
]
"""Guidance pages this review covers (the other guidance pages have their own tests)."""

PUBLISHERS = [
    "KS",
    "Arbeids- og velferdsdirektoratet",
    "NAV Nordland og Rådmannsutvalget i Nordland",
    "NTL NAV",
]
"""The publishers of the five sources (KS and the directorate together published two of them)."""

SOURCE_YEARS = {
    # title as the Kilde boxes cite it: the year the page must state beside «Sist revidert»
    "Sjekkliste for gode prosesser ved vertskommunesamarbeid om NAV-kontor": "2024",
    "Veileder til partnerskapsavtalen": "2019",
    "Partnerskapsprosjektet «NAV i Nordland i en ny tid», delrapport 2": "2019",
    "NTL NAV sin spørreundersøkelse om partnerskapet i NAV": "2012",
    "Rapport om partnerskapet i NAV": "2012",
}

MONTHS = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def kilde_box(text: str) -> str:
    match = re.search(r'^!!! info "Kilde"\n((?:    .*\n|\n)+)', text, re.MULTILINE)
    assert match, 'no !!! info "Kilde" box'
    return match.group(1)


def section(text: str, anchor: str) -> str:
    match = re.search(r"^(#+) .*\{[^}]*#" + re.escape(anchor) + r"\b[^}]*\}\s*$", text, re.MULTILINE)
    assert match, f"no heading with anchor #{anchor}"
    end = re.compile(rf"^#{{1,{len(match.group(1))}}} ", re.MULTILINE).search(text, match.end())
    return text[match.end() : end.start() if end else len(text)]


# --- corrected wordings: the old phrase must not come back --------------------------------

FORBIDDEN = [
    # (pages, pattern, what the sources say instead)
    (
        PAGES,
        r"nå Arbeids- og sosialdepartementet",
        "the ministry is Arbeids- og inkluderingsdepartementet since 1 January 2022",
    ),
    (PAGES, r"(?i)\bnav-lederen? ansetter\b", "seed 001 3.2: the leader is responsible for the hiring process"),
    (
        PAGES,
        r"(?i)ansvar(?:et)? for å ansette de andre",
        "seed 001 3.2: the leader is responsible for the hiring process",
    ),
    (PAGES, r"(?i)viktigste formelle arena", "seed 004 names two formal arenas and ranks neither"),
    (["ordliste.md"], r"de de gir fullmakt", "language: «dem de gir fullmakt»"),
    (["ordliste.md"], r"informasjon om partnerskapet legges ut", "no source says this about the intranet"),
    (["ordliste.md"], r"Brukes på to måter i kildene", "no source defines «felles leder»"),
    (["ordliste.md"], r"Delt ledelse \{ #delt-ledelse \}\n:   Også kalt", "no source defines «delt ledelse»"),
    (["ordliste.md"], r"En årlig konferanse", "seed 002: held in 2018 and 2019; yearly was only recommended"),
    (["ordliste.md"], r"helst bør være den fremtidige", "seed 002 only says «ideelt sett kan en se for seg»"),
    (["vertskommunesamarbeid.md"], r"Kommunedirektøren i kommunene", "language: one title, several municipalities"),
    (
        ["vertskommunesamarbeid.md", "ordliste.md"],
        r"overdratt til vertskommunen",
        "seed 000 says «innebærer en virksomhetsoverdragelse»",
    ),
    (["vertskommunesamarbeid.md"], r"KS og direktoratet vil gå gjennom", "seed 000 names no reviewer"),
    (
        ["vertskommunesamarbeid.md"],
        r"^- (?:Pek ut|Få på plass|Involver|Vurder særskilt|Følg|Lag tydelige)",
        "seed 000 says «bør», «hensiktsmessig», «klokt»",
    ),
    (
        ["partnerskapsavtalen.md"],
        r"skal hele tiden vurdere",
        "seed 001 2.1: «vil være gjenstand for løpende vurdering»",
    ),
    (["partnerskapsavtalen.md"], r"sørge for at kravene blir fulgt", "seed 001 3.3: «tatt hensyn til»"),
    (["om-partnerskapet.md"], r"anbefaler at:\n", "seed 001 3.1 mixes «må», «anbefales», «kan» and «bør»"),
    (["om-partnerskapet.md"], r"^    - Modellen krever god kjemi", "seed 004: one municipality's view"),
    (["om-partnerskapet.md"], r"foretrekker den klart", "a 2012 finding, written as history"),
    (["index.md"], r"hva loven tillater", "the Nordland page gives Fylkesmannen i Nordland's 2018 reading"),
    (["kilder.md"], r"\| Tildelingsbrev \| Arbeidsdepartementet \|", "give the ministry's name then and now"),
]


@pytest.mark.parametrize(
    ("page", "pattern", "reason"),
    [(page, pattern, reason) for pages, pattern, reason in FORBIDDEN for page in pages],
)
def test_corrected_wording_does_not_come_back(page: str, pattern: str, reason: str) -> None:
    match = re.search(pattern, read(page), re.MULTILINE)
    assert not match, f"{page}: «{match.group(0).strip()}» is back ({reason})"


def test_ministry_named_as_then_and_as_now() -> None:
    for page in ("om-partnerskapet.md", "partnerskapsavtalen.md"):
        text = read(page)
        assert "12. mars 2007" in text and "Arbeids- og inkluderingsdepartementet" in text
        assert re.search(r"Siden 1\. januar 2022 heter det igjen Arbeids- og inkluderingsdepartementet", text), page
    assert re.search(
        r"Arbeidsdepartementet \(navnet i 2012; i dag Arbeids- og inkluderingsdepartementet\)", read("kilder.md")
    )


def test_leader_is_responsible_for_the_hiring_process() -> None:
    for page in ("om-partnerskapet.md", "partnerskapsavtalen.md", "ordliste.md"):
        assert "ansettelsesprosess" in read(page), page


def test_social_services_act_chapter_says_which_act() -> None:
    """Seed 004's «kapittel 5» is the 1991 act; the site links the 2009 act, where the benefit is in chapter 4."""
    row = next(line for line in read("kilder.md").splitlines() if "Sosialtjenesteloven kapittel 5" in line)
    assert "1991" in row and "kapittel 4" in row and "2009" in row


def test_partnership_meeting_is_one_of_two_arenas() -> None:
    text = section(read("om-partnerskapet.md"), "partnerskapsmotet")
    assert "uten å rangere dem" in text and "regional, likeverdig arena" in text
    entry = read("ordliste.md").split("Partnerskapsmøte { #partnerskapsmote }", 1)[1].split("\n\n", 1)[0]
    assert "én av to formelle arenaer" in entry


def test_phase_table_is_marked_as_the_sites_own_reading() -> None:
    phases = section(read("vertskommunesamarbeid.md"), "fasene")
    assert "| 1. Initiativ |" in phases, "the four-phase table is gone; drop this test with it"
    assert '!!! note "Tabellen er vår egen lesning"' in phases


# --- glossary: one entry and one anchor per term -------------------------------------------


def test_glossary_anchors_are_unique_in_the_markdown() -> None:
    anchors = re.findall(r"\{\s*#([\w-]+)\s*\}", read("ordliste.md"))
    duplicates = sorted(anchor for anchor, count in Counter(anchors).items() if count > 1)
    assert len(anchors) > 50
    assert not duplicates, f"ordliste.md gives these anchors twice: {duplicates}"


def test_glossary_has_one_intranet_entry() -> None:
    text = read("ordliste.md")
    assert len(re.findall(r"^Navet\b.*\{ #navet \}$", text, re.MULTILINE)) == 1
    assert not re.search(r"^NAVET \{", text, re.MULTILINE)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


def duplicate_ids(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    return sorted(i for i, count in Counter(parser.ids).items() if count > 1)


def test_duplicate_id_check_catches_a_planted_duplicate() -> None:
    html = '<dl><dt id="navet">Navet</dt><dd>…</dd><dt id="ntl">NTL</dt><dt id="navet">NAVET</dt></dl>'
    assert duplicate_ids(html) == ["navet"]
    assert duplicate_ids('<p id="a"></p><p id="b"></p>') == []


@pytest.mark.slow
@pytest.mark.parametrize("page", [p.removesuffix(".md") for p in PAGES])
def test_built_page_has_no_duplicate_ids(built_site: Path, page: str) -> None:
    path = built_site / ("index.html" if page == "index" else f"{page}/index.html")
    html = path.read_text(encoding="utf-8")
    parser = _Ids()
    parser.feed(html)
    assert len(parser.ids) > 5, f"{path}: the parser found almost no ids"
    assert not duplicate_ids(html), f"{page}: ids used more than once: {duplicate_ids(html)}"


@pytest.mark.slow
def test_built_glossary_links_to_navet_once(built_site: Path) -> None:
    html = (built_site / "ordliste" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'id="navet"', html)) == 1


# --- credits, years and dates --------------------------------------------------------------


def test_site_credits_name_all_five_publishers() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")  # top-level keys; the file has Python tags
    body = re.sub(r'^!!! info "Kilde"\n(?:    .*\n|\n)+', "", read("index.md"), flags=re.MULTILINE)
    assert body != read("index.md"), "the start page's Kilde box was not found"
    places = {
        "mkdocs.yml site_description": re.search(r"^site_description: (.+)$", config, re.MULTILINE).group(1),
        "mkdocs.yml copyright": re.search(r"^copyright: (.+)$", config, re.MULTILINE).group(1),
        "index.md (text and description, not only the Kilde box)": body,
        "tilgjengelighet.md": read("tilgjengelighet.md"),
    }
    for place, text in places.items():
        missing = [publisher for publisher in PUBLISHERS if publisher not in text]
        assert not missing, f"{place} does not name {missing}"


@pytest.mark.parametrize("page", PAGES)
def test_source_years_stand_beside_last_revised(page: str) -> None:
    box = kilde_box(read(page))
    revised = re.search(rf"Sist revidert (\d{{1,2}})\. ({MONTHS}) (\d{{4}})\.(.*)", box)
    assert revised, f"{page}: no «Sist revidert <dag>. <måned> <år>.» in the Kilde box"
    years = {SOURCE_YEARS[title] for title in SOURCE_YEARS if title in box}
    stated = set(re.findall(r"\b(?:19|20)\d\d\b", revised.group(4)))
    assert re.match(r" Kilden?e? er fra ", revised.group(4)), f"{page}: say «Kildene er fra …» after the date"
    assert stated == years, f"{page}: the box cites sources from {sorted(years)}, the text says {sorted(stated)}"


def running_text(markdown: str) -> str:
    """Prose lines: without tables, headings, code, link targets and the Kilde box."""
    markdown = re.sub(r"^```.*?^```", "", markdown, flags=re.DOTALL | re.MULTILINE)
    lines = [line for line in markdown.splitlines() if not line.lstrip().startswith(("|", "#"))]
    return re.sub(r"\]\([^)]*\)|`[^`]*`|<https?://[^>]*>", " ", "\n".join(lines))


@pytest.mark.parametrize("page", PAGES)
def test_dates_and_decimals_follow_the_writing_rules(page: str) -> None:
    text = running_text(read(page))
    numeric_date = re.search(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b", text)
    assert not numeric_date, f"{page}: write dates as «30. november 2026», not «{numeric_date.group(0)}»"
    decimal_point = re.search(r"\b\d+\.\d+\s*(?:prosent|%)", text)
    assert not decimal_point, f"{page}: decimal comma, not «{decimal_point.group(0)}»"


# --- Nav's own spelling and one form per term ----------------------------------------------

KEPT_AS_PUBLISHED = [
    "NTL NAV",  # the union branch's name on its survey
    "NAV Nordland og Rådmannsutvalget i Nordland",  # publisher credit as printed on delrapport 2
    "NAV HMS",  # quoted as the source writes it
]


def nav_in_running_text(markdown: str) -> list[str]:
    """«NAV» left in prose once titles (*italics*, «quotes»), code and names kept as published are removed."""
    text = running_text(re.sub(r'^!!! info "Kilde"\n(?:    .*\n|\n)+', "", markdown, flags=re.MULTILINE))
    text = re.sub(r"^description:.*$", "", text, flags=re.MULTILINE)
    text = re.sub(r"(?<!\*)\*(?!\*)[^*\n]+(?<!\*)\*(?!\*)|«[^»\n]*»", " ", text)
    for name in KEPT_AS_PUBLISHED:
        text = text.replace(name, " ")
    return [line.strip() for line in text.splitlines() if re.search(r"\bNAV(?:s\b|-|\b)", line)]


def test_nav_check_catches_a_planted_upper_case_name() -> None:
    assert nav_in_running_text("Kontoret er et NAV-kontor.\n") == ["Kontoret er et NAV-kontor."]
    assert nav_in_running_text("Se *Rapport om partnerskapet i NAV* fra NTL NAV.\n") == []


@pytest.mark.parametrize("page", [p for p in PAGES if p != "kilder.md"] + ["tilgjengelighet.md", "personvern.md"])
def test_running_text_writes_nav(page: str) -> None:
    """«Skriveregler i Nav»: «Nav», «Nav-kontor», «Nav-leder»; titles stay as published. (Kilder lists titles.)"""
    left = nav_in_running_text(read(page))
    assert not left, f"{page}: write «Nav» in running text: {left[:3]}"


TERMS = {
    # form the site uses: forms it does not use (the checklists use the same choices)
    "fremdrift": r"(?i)\bframdrift",
    "toledermodell": r"(?i)\bto-ledermodell",
    "atskilt": r"(?i)\badskilt",
    "Nav fylke": r"\bNAV Fylke\b|\bNav Fylke\b|\bNAV fylke\b",
}


@pytest.mark.parametrize("page", [*PAGES, "tilgjengelighet.md", "personvern.md", "endringslogg.md"])
def test_one_form_per_term(page: str) -> None:
    text = re.sub(r"(?<!\*)\*(?!\*)[^*\n]+(?<!\*)\*(?!\*)", " ", read(page))  # a form quoted in italics is a mention
    for chosen, other in TERMS.items():
        match = re.search(other, text)
        assert not match, f"{page}: «{match.group(0)}» – the site writes «{chosen}»"


def test_nav_is_not_expanded_as_an_abbreviation_and_the_glossary_explains_the_name() -> None:
    abbreviations = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    assert not re.search(r"^\*\[NAV\]:", abbreviations, re.MULTILINE)
    entry = read("ordliste.md").split("Nav { #nav }", 1)[1].split("\n\n", 1)[0]
    assert "«Nav» i løpende tekst" in entry
